import type { z } from 'zod';
import { refusal } from '../access/policy';
import { t } from '../i18n';
import { contract } from './contract';
import type { Access, Host, HostMethodDef, MethodDef, Role } from './define';
import { ApiError, type ApiResult } from './errors';

type AnyMethod = MethodDef<z.ZodType, unknown> | HostMethodDef<z.ZodType, unknown>;

function allowed(access: Access, role: Role): boolean {
  return access === 'public' || access === 'user' || access.includes(role);
}

function validationError(error: z.ZodError): ApiError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.join('.') || '_';
    fields[path] ??= issue.message;
  }
  return new ApiError('VALIDATION', t('errors.validation'), fields);
}

/** SQLite constraint failures that reach here mean two writers raced; say so plainly. */
function isConstraint(err: unknown): boolean {
  return (
    typeof err === 'object' &&
    err !== null &&
    String((err as { code?: unknown }).code).startsWith('SQLITE_CONSTRAINT')
  );
}

/**
 * The one dispatcher: look the method up, validate, check the session and role, run
 * (a write in one transaction with its audit rows), and turn every outcome into a result.
 */
export async function dispatch(
  host: Host & { log: (level: 'info' | 'warn' | 'error', msg: string, extra?: unknown) => void },
  name: string,
  input: unknown,
  from: 'renderer' | 'shell' = 'renderer',
): Promise<ApiResult<unknown>> {
  try {
    const def = (Object.hasOwn(contract, name) ? contract[name as keyof typeof contract] : undefined) as
      | AnyMethod
      | undefined;
    if (!def) throw new ApiError('NOT_FOUND', t('errors.unknownMethod'));
    // An exclusive write (a large import) holds the connection's transaction across steps:
    // anything that may touch the database, refusals' audit rows included, waits for it
    // rather than run inside it.
    if (!def.concurrent) for (let held = host.busy(); held; held = host.busy()) await held;
    if ('shellOnly' in def && def.shellOnly && from !== 'shell')
      throw refusal(name, { detail: { shellOnly: true } });

    if (def.access !== 'public') {
      if (!allowed(def.access, host.readCtx().user.role)) throw refusal(name);
    }

    const parsed = def.input.safeParse(input ?? {});
    if (!parsed.success) throw validationError(parsed.error);

    if (def.kind === 'host') return { ok: true, value: await def.handler(host, parsed.data) };
    if (def.kind === 'view') return { ok: true, value: host.view((ctx) => def.handler(ctx, parsed.data)) };
    if (def.kind === 'write')
      return { ok: true, value: host.transaction((ctx) => def.handler(ctx, parsed.data)) };
    return { ok: true, value: def.handler(host.readCtx(), parsed.data) };
  } catch (err) {
    if (err instanceof ApiError) {
      if (err.code === 'INTERNAL') host.log('error', `${name} failed`, err.cause ?? err);
      if (err.auditEntry && host.state() === 'unlocked') {
        const entry = err.auditEntry;
        host.transaction((ctx) => ctx.audit.write(entry));
      }
      return { ok: false, error: err.toBody() };
    }
    if (isConstraint(err)) {
      host.log('warn', `${name} hit a constraint`, err);
      return { ok: false, error: { code: 'CONFLICT', message: t('errors.conflict') } };
    }
    host.log('error', `${name} failed`, err);
    return { ok: false, error: { code: 'INTERNAL', message: t('errors.internal') } };
  }
}
