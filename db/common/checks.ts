// The field errors every area's handlers raise the same way: the Chinese message beside its field.
import type { ReadCtx } from '../api/define';
import { ApiError } from '../api/errors';
import { t } from '../i18n';
import { localDate } from './dates';

/** A VALIDATION error that names one field, so the form shows `message` beside it. */
export function fieldError(field: string, message: string): ApiError {
  return new ApiError('VALIDATION', t('errors.validation'), { [field]: message });
}

/** Refuses a date after today (the studio's day, Asia/Shanghai) for `field`. */
export function notFuture(ctx: ReadCtx, field: string, date: string | null | undefined): void {
  if (date && date > localDate(ctx.clock.now())) throw fieldError(field, t('errors.dateInFuture'));
}

/**
 * A step's date for `field`: not after today, and not before the date of the step it follows
 * (`earliest`, once that step has one), refused with the area's wording `beforeMessage`.
 */
export function stepDate(
  ctx: ReadCtx,
  field: string,
  date: string,
  earliest: string | null | undefined,
  beforeMessage: string,
): void {
  notFuture(ctx, field, date);
  if (earliest && date < earliest) throw fieldError(field, beforeMessage);
}
