// Building blocks for input schemas, so every area words the same mistakes the same way.
import { z } from 'zod';
import { type MessageKey, t } from '../i18n';
import { isRealDate } from './dates';

// zod's own messages (wrong type, too small…) in Chinese too, for anything not worded below.
z.config(z.locales.zhCN());

export function requiredText(max: number, requiredKey: MessageKey = 'errors.required') {
  return z
    .string({ error: t(requiredKey) })
    .trim()
    .min(1, t(requiredKey))
    .max(max, t('errors.tooLong', { max }));
}

/** Optional free text: empty becomes null, so "cleared" and "never filled" look the same. */
export function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max, t('errors.tooLong', { max }))
    .nullish()
    .transform((v) => (v ? v : null));
}

export function dateText(requiredKey: MessageKey = 'errors.required') {
  return z
    .string({ error: t(requiredKey) })
    .min(1, t(requiredKey))
    .refine(isRealDate, t('errors.invalidDate'));
}

/** An issue a refinement finds on one field, worded by its catalog key. */
export function fieldIssue(ctx: z.RefinementCtx, field: string, key: MessageKey): void {
  ctx.addIssue({ code: 'custom', path: [field], message: t(key) });
}

/**
 * A pick list with an "other" text beside it: at least one of the two is given, or the issue
 * (worded by `key`) stands on the list.
 */
export function listOrText<L extends string, T extends string>(list: L, text: T, key: MessageKey) {
  return (v: Record<L, readonly unknown[]> & Record<T, string | null>, ctx: z.RefinementCtx): void => {
    if (v[list].length === 0 && !v[text]) fieldIssue(ctx, list, key);
  };
}

export const versionField = z.number().int().min(1);

/**
 * A write to a record the user has open: its id, the version they edited (a stale one is a
 * CONFLICT, see updateVersioned), then the write's own fields.
 */
export function editInput<S extends z.ZodRawShape = Record<never, never>>(fields: S = {} as S) {
  return z.object({ id: z.string().min(1), version: versionField, ...fields });
}

export function optionalDate() {
  return z
    .string()
    .nullish()
    .transform((v) => v || null)
    .refine((v) => v === null || isRealDate(v), t('errors.invalidDate'));
}

/** A mainland mobile number or a landline with its area code (0531-8xxxxxxx). */
export function phoneText() {
  return z
    .string()
    .trim()
    .nullish()
    .transform((v) => (v ? v.replace(/[\s-]/g, '') : null))
    .refine(
      (v) => v === null || /^1[3-9]\d{9}$/.test(v) || /^0\d{2,3}\d{7,8}$/.test(v),
      t('validation.phone'),
    );
}
