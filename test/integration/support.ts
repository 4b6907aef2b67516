import path from 'node:path';
import type { z } from 'zod';
import type { Contract, MethodName } from '../../db/api/contract';
import { type Core, createCore } from '../../db/api/core';
import type { Clock } from '../../db/api/define';
import type { ApiErrorBody } from '../../db/api/errors';
import { makeDataDir } from '../helpers/tmp';

export const MIGRATIONS_DIR = path.resolve('db/migrations');
/** Light KDF parameters: these tests exercise the logic, not the cost of a guess. */
export const FAST_KDF = { N: 2 ** 12, r: 8, p: 1 };
export const ADMIN = {
  displayName: '王芳',
  username: 'wangfang',
  passphrase: 'Sunward-admin-2026 violet-harbor',
};

export class ManualClock implements Clock {
  constructor(public ms = Date.UTC(2026, 10, 27, 2, 0, 0)) {}
  now(): number {
    return this.ms;
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

export function openCore(
  dataDir = makeDataDir('core'),
  clock: Clock = new ManualClock(),
): Core & { dataDir: string } {
  const core = createCore({ dataDir, migrationsDir: MIGRATIONS_DIR, clock, kdf: FAST_KDF, log: () => {} });
  return Object.assign(core, { dataDir });
}

type Input<M extends MethodName> = z.input<Contract[M]['input']>;
type Output<M extends MethodName> = Awaited<ReturnType<Contract[M]['handler']>>;

/** Calls a method and returns its value; a failure fails the test with the API's message. */
export async function call<M extends MethodName>(core: Core, method: M, input: Input<M>): Promise<Output<M>> {
  const result = await core.invoke(method, input);
  if (!result.ok)
    throw new Error(
      `${method} failed: ${result.error.code} ${result.error.message} ${JSON.stringify(result.error.fields ?? {})}`,
    );
  return result.value as Output<M>;
}

/** Calls a method as the shell does (core.invokeFromShell): the only way to shell-only methods. */
export async function callFromShell<M extends MethodName>(
  core: Core,
  method: M,
  input: Input<M>,
): Promise<Output<M>> {
  const result = await core.invokeFromShell(method, input);
  if (!result.ok)
    throw new Error(
      `${method} failed: ${result.error.code} ${result.error.message} ${JSON.stringify(result.error.fields ?? {})}`,
    );
  return result.value as Output<M>;
}

/** A shell call that must fail; returns its error. */
export async function refuseFromShell<M extends MethodName>(
  core: Core,
  method: M,
  input: Input<M>,
): Promise<ApiErrorBody> {
  const result = await core.invokeFromShell(method, input);
  if (result.ok) throw new Error(`${method} unexpectedly succeeded`);
  return result.error;
}

/** Calls a method that must fail and returns its error. */
export async function refuse<M extends MethodName>(
  core: Core,
  method: M,
  input: Input<M>,
): Promise<ApiErrorBody> {
  const result = await core.invoke(method, input);
  if (result.ok) throw new Error(`${method} unexpectedly succeeded`);
  return result.error;
}

export const CHILD = {
  name: '张小明',
  gender: 'male' as const,
  birthDate: '2015-03-07',
  idNumber: '370115201503070014',
  township: '济阳街道' as const,
  village: '城关村',
  school: '济阳区实验小学',
};
