// The dispatcher over a context the bench opened itself (the decrypted copy): the same lookup,
// policy check, zod validation and runs (runView, runWrite) as core.invoke on the encrypted
// file, so the two sides of enc/plain differ by the file alone.
import { readContext, runView, runWrite } from '../../db/api/core';
import type { Ctx, Host } from '../../db/api/define';
import { dispatch } from '../../db/api/dispatch';

export function dispatcherOn(ctx: Ctx): (method: string, input: unknown) => Promise<unknown> {
  const read = readContext(ctx);
  const host = {
    clock: ctx.clock,
    state: () => 'unlocked' as const,
    ctx: () => ctx,
    readCtx: () => read,
    busy: () => null,
    view: <T>(fn: Parameters<Host['view']>[0]) => runView(ctx, read, fn).out as T,
    transaction: <T>(fn: (c: Ctx) => T) => runWrite(ctx, fn),
    log: () => {},
  } as unknown as Host & { log: () => void };
  return async (method, input) => {
    const result = await dispatch(host, method, input);
    if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
    return result.value;
  };
}
