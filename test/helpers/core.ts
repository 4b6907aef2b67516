// Calling the API core from a test, as the renderer's client (or the shell) does: one copy for the
// integration tests and for the browser tests' seeding (the e2e harness hands them the same Core).
import type { z } from 'zod';
import type { Contract, MethodName } from '../../db/api/contract';
import type { Core } from '../../db/api/core';
import type { ApiErrorBody, ApiResult } from '../../db/api/errors';

export type Input<M extends MethodName> = z.input<Contract[M]['input']>;
export type Output<M extends MethodName> = Awaited<ReturnType<Contract[M]['handler']>>;

/** The value of a call that had to succeed; a failure fails the test with the API's message. */
function resultValue<M extends MethodName>(method: M, result: ApiResult<unknown>): Output<M> {
  if (!result.ok)
    throw new Error(
      `${method} failed: ${result.error.code} ${result.error.message} ${JSON.stringify(result.error.fields ?? {})}`,
    );
  return result.value as Output<M>;
}

/** The error of a call that had to fail. */
function resultError(method: MethodName, result: ApiResult<unknown>): ApiErrorBody {
  if (result.ok) throw new Error(`${method} unexpectedly succeeded`);
  return result.error;
}

/** Calls a method and returns its value. */
export async function call<M extends MethodName>(core: Core, method: M, input: Input<M>): Promise<Output<M>> {
  return resultValue(method, await core.invoke(method, input));
}

/** Calls a method that must fail and returns its error. */
export async function refuse<M extends MethodName>(
  core: Core,
  method: M,
  input: Input<M>,
): Promise<ApiErrorBody> {
  return resultError(method, await core.invoke(method, input));
}

/** Calls a method as the shell does (core.invokeFromShell): the only way to shell-only methods. */
export async function callFromShell<M extends MethodName>(
  core: Core,
  method: M,
  input: Input<M>,
): Promise<Output<M>> {
  return resultValue(method, await core.invokeFromShell(method, input));
}

/** A shell call that must fail; returns its error. */
export async function refuseFromShell<M extends MethodName>(
  core: Core,
  method: M,
  input: Input<M>,
): Promise<ApiErrorBody> {
  return resultError(method, await core.invokeFromShell(method, input));
}

/** Locks the session and signs `who` in, as a colleague at the same machine would. */
export async function signInAs(core: Core, who: { username: string; passphrase: string }): Promise<void> {
  await call(core, 'session.lock', {});
  await call(core, 'session.signIn', { username: who.username, passphrase: who.passphrase });
}
