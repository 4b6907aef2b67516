import type { z } from 'zod';
import { t } from '../../../db/i18n';
import { ApiCallError } from '../api/client';

/**
 * Runs the API's own input schema on a form's values before sending them, and fails the same
 * way the API would (a VALIDATION error with field paths), so useApiForm puts each message
 * beside its field whether the browser or the core found the mistake.
 */
export function checkInput<S extends z.ZodType>(schema: S, values: unknown): z.output<S> {
  const parsed = schema.safeParse(values);
  if (parsed.success) return parsed.data;
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) fields[issue.path.join('.') || '_'] ??= issue.message;
  throw new ApiCallError({ code: 'VALIDATION', message: t('errors.validation'), fields });
}
