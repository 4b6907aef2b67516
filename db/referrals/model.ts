// What other areas need of referrals, without reaching into handlers.ts.
import { and, eq, gte, inArray, isNull, lte, ne, sql } from 'drizzle-orm';
import type { Ctx } from '../api/define';
import { deadlineMoves } from '../calendar/schema';
import type { WorkdayCounter } from '../calendar/workdays';
import { newId } from '../common/ids';
import { t } from '../i18n';
import { readSetting } from '../settings/model';
import { LEAD_REPLY_WORKDAYS } from './codes';
import { referralActions, referrals } from './schema';

/**
 * Re-counts the stored deadlines a change to `year`'s calendar can move: the 核查期限 of referrals
 * still being verified, and the 回复期限 of open lead transfers. A deadline is moved only when it is
 * still the one the old calendar derived (a 回复期限 typed by hand, or one counted under a since-changed
 * 核查期限 setting, is left alone). Only a span touching `year` can change, so the scan is bounded by it.
 * Each move is recorded for the referral page and audited; returns how many moved.
 */
export function moveDerivedDeadlines(
  ctx: Ctx,
  before: WorkdayCounter,
  after: WorkdayCounter,
  year: number,
): number {
  const first = `${year - 1}-12-01`;
  const last = `${year}-12-31`;
  const now = ctx.clock.now();
  const verifyWorkdays = readSetting(ctx, 'verifyWorkdays');
  let moved = 0;
  const record = (
    referralId: string,
    actionId: string | null,
    field: 'verifyDue' | 'replyDue',
    from: string,
    to: string,
  ) => {
    ctx.db
      .insert(deadlineMoves)
      .values({
        id: newId(),
        referralId,
        actionId,
        field,
        fromDate: from,
        toDate: to,
        year,
        at: now,
        by: ctx.user.id,
      })
      .run();
    ctx.audit.write({
      action: 'referrals.deadlineMoved',
      entity: 'referral',
      entityId: referralId,
      detail: { field, actionId, from, to, year },
    });
    moved++;
  };

  const verifying = ctx.db
    .select({ id: referrals.id, receivedDate: referrals.receivedDate, verifyDue: referrals.verifyDue })
    .from(referrals)
    .where(
      and(
        isNull(referrals.deletedAt),
        inArray(referrals.status, ['received', 'verifying']),
        gte(referrals.verifyDue, first),
        lte(referrals.receivedDate, last),
      ),
    )
    .all();
  for (const r of verifying) {
    if (before.addWorkdays(r.receivedDate, verifyWorkdays).date !== r.verifyDue) continue;
    const due = after.addWorkdays(r.receivedDate, verifyWorkdays).date;
    if (due === r.verifyDue) continue;
    ctx.db
      .update(referrals)
      .set({ verifyDue: due, version: sql`${referrals.version} + 1`, updatedAt: now, updatedBy: ctx.user.id })
      .where(eq(referrals.id, r.id))
      .run();
    record(r.id, null, 'verifyDue', r.verifyDue, due);
  }

  const open = ctx.db
    .select({
      id: referralActions.id,
      referralId: referralActions.referralId,
      sentDate: referralActions.sentDate,
      replyDue: referralActions.replyDue,
    })
    .from(referralActions)
    .innerJoin(referrals, eq(referrals.id, referralActions.referralId))
    .where(
      and(
        isNull(referralActions.replyDate),
        isNull(referralActions.withdrawnAt),
        isNull(referralActions.deletedAt),
        ne(referralActions.carrier, 'procuratorialAdvice'),
        gte(referralActions.replyDue, first),
        lte(referralActions.sentDate, last),
        isNull(referrals.deletedAt),
        ne(referrals.status, 'closed'),
      ),
    )
    .all();
  for (const a of open) {
    if (before.addWorkdays(a.sentDate, LEAD_REPLY_WORKDAYS).date !== a.replyDue) continue;
    const due = after.addWorkdays(a.sentDate, LEAD_REPLY_WORKDAYS).date;
    if (due === a.replyDue) continue;
    ctx.db
      .update(referralActions)
      .set({
        replyDue: due,
        version: sql`${referralActions.version} + 1`,
        updatedAt: now,
        updatedBy: ctx.user.id,
      })
      .where(eq(referralActions.id, a.id))
      .run();
    record(a.referralId, a.id, 'replyDue', a.replyDue, due);
  }
  return moved;
}

export function referralNumber(year: number, seq: number): string {
  return t('codes.referralNumber', { year, seq });
}
