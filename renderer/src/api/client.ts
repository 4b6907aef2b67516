// The renderer's only way to the data core. Method names, inputs and outputs are typed from
// the contract, so a renamed field breaks the build here instead of at runtime.
import type { z } from 'zod';
import type { Contract } from '../../../db/api/contract';
import type { ApiErrorBody, ApiResult, ErrorCode, ErrorReason } from '../../../db/api/errors';
import { t } from '../../../db/i18n';
import type { SunwardBridge } from '../../../electron/bridge-types';

export type Method = keyof Contract & string;
// Conditional types rather than plain indexing: indexing a generic M into the contract does
// not prove to TypeScript that `input` is a zod schema.
export type ApiInput<M extends Method> = Contract[M] extends { input: infer I extends z.ZodType }
  ? z.input<I>
  : never;
export type ApiOutput<M extends Method> = Contract[M] extends { handler: (...args: never[]) => infer O }
  ? Awaited<O>
  : never;

export type { LockReason } from '../../../db/api/define';

export class ApiCallError extends Error {
  readonly code: ErrorCode;
  readonly fields?: Record<string, string>;
  /** What kind of CONFLICT it is (possibleDuplicate, staleVersion): screens branch on this, never on the text. */
  readonly reason?: ErrorReason;

  constructor(body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiCallError';
    this.code = body.code;
    this.fields = body.fields;
    this.reason = body.reason;
  }
}

/** The preload's `window.sunward`, read off window here so no global type is declared. */
export function bridge(): SunwardBridge | null {
  const candidate = (window as unknown as { sunward?: SunwardBridge }).sunward;
  return candidate && typeof candidate.invoke === 'function' ? candidate : null;
}

type LockedListener = () => void;
let onLocked: LockedListener | null = null;

/** The session store registers here; kept as a hook so this module imports no store. */
export function setLockedListener(listener: LockedListener | null): void {
  onLocked = listener;
}

/**
 * One call over the bridge, answered as the API's envelope. No bridge (outside the desktop app),
 * a failed IPC (the core never saw the call) or a malformed answer are INTERNAL errors.
 */
export async function invokeBridge(
  method: string,
  input: unknown,
  noBridge: string,
): Promise<ApiResult<unknown>> {
  const b = bridge();
  if (!b) throw new ApiCallError({ code: 'INTERNAL', message: noBridge });
  let result: ApiResult<unknown>;
  try {
    result = (await b.invoke(method, input)) as ApiResult<unknown>;
  } catch {
    throw new ApiCallError({ code: 'INTERNAL', message: t('errors.internal') });
  }
  if (!result || typeof result !== 'object') {
    throw new ApiCallError({ code: 'INTERNAL', message: t('errors.internal') });
  }
  return result;
}

export async function api<M extends Method>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
  const result = await invokeBridge(method, input, t('errors.internal'));
  if (result.ok) return result.value as ApiOutput<M>;
  const error = result.error;
  if (error.code === 'LOCKED') onLocked?.();
  throw new ApiCallError(error);
}

/** Any thrown value as an ApiCallError, so screens handle one shape. */
export function toApiCallError(err: unknown): ApiCallError {
  if (err instanceof ApiCallError) return err;
  return new ApiCallError({ code: 'INTERNAL', message: t('errors.internal') });
}
