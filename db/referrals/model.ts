// What other areas need of referrals, without reaching into handlers.ts.

import { and, asc, desc, eq, gte, inArray, isNull, lte, ne, sql } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { accountName } from '../accounts/model';
import type { Ctx, ReadCtx } from '../api/define';
import { type DeadlineMove, deadlineMovesOf, missingYears, workdaysOf } from '../calendar/model';
import { deadlineMoves } from '../calendar/schema';
import type { WorkdayCounter } from '../calendar/workdays';
import { maskIdNumber } from '../children/idNumber';
import { today } from '../children/model';
import { childRelations, children, custodyRecords, persons } from '../children/schema';
import type { TimelineItem } from '../children/timeline';
import { pickColumns } from '../common/columns';
import { localDate } from '../common/dates';
import { stepsFrom } from '../common/flow';
import { newId } from '../common/ids';
import { loadLive } from '../common/records';
import { recordSteps } from '../common/timeline';
import { cached, preparedQuery } from '../core/statements';
import { labelOr, t } from '../i18n';
import { readSetting } from '../settings/model';
import { type Carrier, LEAD_REPLY_WORKDAYS, REFERRAL_FLOW, type ReferralStatus } from './codes';
import { referralActions, referralChildren, referralPersons, referrals } from './schema';

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
  /**
   * Moves one stored deadline, `workdays` counted from `start`, if the old calendar derived it;
   * records the move for the referral page and audits it.
   */
  const move = (
    table: typeof referrals | typeof referralActions,
    row: { id: string; referralId: string; actionId: string | null },
    field: 'verifyDue' | 'replyDue',
    start: string,
    workdays: number,
    from: string,
  ) => {
    if (before.addWorkdays(start, workdays).date !== from) return;
    const to = after.addWorkdays(start, workdays).date;
    if (to === from) return;
    ctx.db
      .update(table as SQLiteTable)
      .set({
        [field]: to,
        version: sql`${table.version} + 1`,
        updatedAt: now,
        updatedBy: ctx.user.id,
      } as never)
      .where(eq(table.id, row.id))
      .run();
    const { referralId, actionId } = row;
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
  for (const r of verifying)
    move(
      referrals,
      { id: r.id, referralId: r.id, actionId: null },
      'verifyDue',
      r.receivedDate,
      verifyWorkdays,
      r.verifyDue,
    );

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
  for (const a of open)
    move(
      referralActions,
      { id: a.id, referralId: a.referralId, actionId: a.id },
      'replyDue',
      a.sentDate,
      LEAD_REPLY_WORKDAYS,
      a.replyDue,
    );
  return moved;
}

export function referralNumber(year: number, seq: number): string {
  return t('codes.referralNumber', { year, seq });
}

export interface ActionView {
  id: string;
  agency: string;
  carrier: Carrier;
  sentDate: string;
  replyDue: string;
  replyDate: string | null;
  result: string | null;
  followUpNote: string | null;
  withdrawnAt: number | null;
  withdrawReason: string | null;
  overdue: boolean;
  version: number;
}

export interface ReferralView {
  id: string;
  number: string;
  sourceDepartment: string;
  sourceCaseNumber: string | null;
  receivedDate: string;
  receivedByName: string | null;
  summary: string | null;
  urgency: 'normal' | 'urgent';
  status: ReferralStatus;
  verifyDue: string;
  verifyOverdue: boolean;
  /** Outside the years the holiday calendar knows, deadlines count plain weekdays. */
  calendarApproximate: boolean;
  /** The years that span lacks in the calendar, for the notice to name. */
  calendarMissingYears: number[];
  /** Deadlines a later calendar change moved (settings → 节假日安排). */
  deadlineMoves: DeadlineMove[];
  overdue: boolean;
  closedAt: number | null;
  version: number;
  children: { id: string; name: string; idNumberMasked: string | null; birthDate: string }[];
  /** Each detained person, their relation to the named children and their current measure. */
  detained: {
    id: string;
    name: string;
    relation: string | null;
    measure: string | null;
    facility: string | null;
    expectedRelease: string | null;
  }[];
  actions: ActionView[];
  history: { from: ReferralStatus | null; to: ReferralStatus; at: number; actorName: string }[];
  allowedTransitions: ReferralStatus[];
}

export function actionOpen(a: typeof referralActions.$inferSelect): boolean {
  return a.replyDate === null && a.withdrawnAt === null && a.deletedAt === null;
}

export function toActionView(a: typeof referralActions.$inferSelect, day: string): ActionView {
  return {
    id: a.id,
    agency: a.agency,
    carrier: a.carrier,
    sentDate: a.sentDate,
    replyDue: a.replyDue,
    replyDate: a.replyDate,
    result: a.result,
    followUpNote: a.followUpNote,
    withdrawnAt: a.withdrawnAt,
    withdrawReason: a.withdrawReason,
    overdue: actionOpen(a) && a.replyDue < day,
    version: a.version,
  };
}

export function verifyOverdue(r: typeof referrals.$inferSelect, day: string): boolean {
  return (r.status === 'received' || r.status === 'verifying') && r.verifyDue < day;
}

export function loadReferral(ctx: ReadCtx, id: string): typeof referrals.$inferSelect {
  return loadLive(ctx, referrals, id);
}

export function viewReferral(ctx: ReadCtx, id: string): ReferralView {
  const r = loadReferral(ctx, id);
  const day = today(ctx);
  const kids = ctx.db
    .select(pickColumns(children, ['id', 'name', 'idNumber', 'birthDate']))
    .from(referralChildren)
    .innerJoin(children, eq(children.id, referralChildren.childId))
    .where(and(eq(referralChildren.referralId, id), isNull(children.deletedAt)))
    .all();
  const detained = ctx.db
    .select({ id: persons.id, name: persons.name })
    .from(referralPersons)
    .innerJoin(persons, eq(persons.id, referralPersons.personId))
    .where(eq(referralPersons.referralId, id))
    .all()
    .map((p) => {
      const relation =
        kids.length > 0
          ? (ctx.db
              .select({ relation: childRelations.relation })
              .from(childRelations)
              .where(
                and(
                  eq(childRelations.personId, p.id),
                  inArray(
                    childRelations.childId,
                    kids.map((k) => k.id),
                  ),
                  isNull(childRelations.deletedAt),
                ),
              )
              .get()?.relation ?? null)
          : null;
      const custody = ctx.db
        .select()
        .from(custodyRecords)
        .where(and(eq(custodyRecords.personId, p.id), isNull(custodyRecords.deletedAt)))
        .orderBy(desc(custodyRecords.startDate))
        .get();
      return {
        ...p,
        relation,
        measure: custody?.measure ?? null,
        facility: custody?.facility ?? null,
        expectedRelease: custody?.expectedRelease ?? null,
      };
    });
  const actions = ctx.db
    .select()
    .from(referralActions)
    .where(and(eq(referralActions.referralId, id), isNull(referralActions.deletedAt)))
    .orderBy(asc(referralActions.sentDate), asc(referralActions.createdAt))
    .all()
    .map((a) => toActionView(a, day));
  const history = (
    cached(
      ctx.raw,
      `SELECT at, actor_name AS actorName, detail FROM audit_log
         WHERE entity = 'referral' AND entity_id = ? AND action IN ('referrals.create', 'referrals.transition')
         ORDER BY seq`,
    ).all(id) as { at: number; actorName: string; detail: string }[]
  ).map((h) => {
    const d = JSON.parse(h.detail) as { from?: ReferralStatus; to?: ReferralStatus };
    return { from: d.from ?? null, to: d.to ?? 'received', at: h.at, actorName: h.actorName };
  });
  const receivedBy = accountName(ctx, r.receivedBy);
  const vOverdue = verifyOverdue(r, day);
  return {
    id: r.id,
    number: referralNumber(r.year, r.seq),
    sourceDepartment: r.sourceDepartment,
    sourceCaseNumber: r.sourceCaseNumber,
    receivedDate: r.receivedDate,
    receivedByName: receivedBy,
    summary: r.summary,
    urgency: r.urgency,
    status: r.status,
    verifyDue: r.verifyDue,
    verifyOverdue: vOverdue,
    calendarApproximate:
      !workdaysOf(ctx).knowsYear(r.receivedDate) || !workdaysOf(ctx).knowsYear(r.verifyDue),
    calendarMissingYears: missingYears(ctx, r.receivedDate, r.verifyDue),
    deadlineMoves: deadlineMovesOf(ctx, r.id),
    overdue: vOverdue || (r.status !== 'closed' && actions.some((a) => a.overdue)),
    closedAt: r.closedAt,
    version: r.version,
    children: kids.map((k) => ({
      id: k.id,
      name: k.name,
      idNumberMasked: maskIdNumber(k.idNumber),
      birthDate: k.birthDate,
    })),
    detained,
    actions,
    history,
    allowedTransitions: stepsFrom(REFERRAL_FLOW, r.status, ctx.user.role).map((k) => REFERRAL_FLOW[k].to),
  };
}

export function referralsTimeline(ctx: ReadCtx, childId: string): TimelineItem[] {
  const rows = preparedQuery(ctx, 'referrals.timeline.1', () =>
    ctx.db
      .select({
        r: pickColumns(referrals, ['id', 'year', 'seq', 'receivedDate', 'sourceDepartment', 'closedAt']),
      })
      .from(referralChildren)
      .innerJoin(referrals, eq(referrals.id, referralChildren.referralId))
      .where(and(eq(referralChildren.childId, sql.placeholder('childId')), isNull(referrals.deletedAt)))
      .prepare(),
  ).all({ childId });
  return rows.flatMap(({ r }) => {
    const number = referralNumber(r.year, r.seq);
    const actions = preparedQuery(ctx, 'referrals.timeline.2', () =>
      ctx.db
        .select({
          agency: referralActions.agency,
          carrier: referralActions.carrier,
          sentDate: referralActions.sentDate,
          replyDate: referralActions.replyDate,
          result: referralActions.result,
          withdrawnAt: referralActions.withdrawnAt,
          withdrawReason: referralActions.withdrawReason,
        })
        .from(referralActions)
        .where(
          and(
            eq(referralActions.referralId, sql.placeholder('referralId')),
            isNull(referralActions.deletedAt),
          ),
        )
        .prepare(),
    ).all({ referralId: r.id });
    return recordSteps('referrals', `/referrals/${r.id}`, [
      {
        date: r.receivedDate,
        title: t('timeline.referrals.received', { number }),
        detail: r.sourceDepartment,
      },
      ...actions.flatMap((a) => [
        {
          date: a.sentDate,
          title: t('timeline.referrals.sent', {
            agency: a.agency,
            carrier: labelOr(`codes.carrier.${a.carrier}`, a.carrier),
          }),
          detail: number,
        },
        !!a.replyDate && {
          date: a.replyDate,
          title: t('timeline.referrals.replied', { agency: a.agency }),
          detail: a.result,
        },
        !!a.withdrawnAt && {
          date: localDate(a.withdrawnAt),
          title: t('timeline.referrals.withdrawn', { agency: a.agency }),
          detail: a.withdrawReason,
        },
      ]),
      !!r.closedAt && {
        date: localDate(r.closedAt),
        at: r.closedAt,
        title: t('timeline.referrals.closed', { number }),
      },
    ]);
  });
}
