import { and, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Ctx, method, type ReadCtx } from '../api/define';
import { ApiError } from '../api/errors';
import { workdaysOf } from '../calendar/model';
import { addMonths } from '../children/guardianship';
import { createChild, isRelated, loadChild, today } from '../children/model';
import { childRelations, custodyRecords, persons } from '../children/schema';
import { notFuture } from '../common/checks';
import { newId } from '../common/ids';
import { nextNumber } from '../common/numbering';
import { created, updateVersioned } from '../common/records';
import { REGISTER_COUNT_CAP } from '../common/registers';
import { transition } from '../common/transition';
import { cached } from '../core/statements';
import { t } from '../i18n';
import { readSetting } from '../settings/model';
import {
  type Carrier,
  LEAD_REPLY_WORKDAYS,
  REFERRAL_FLOW,
  REFERRAL_STATUSES,
  type ReferralStatus,
  referralStepTo,
} from './codes';
import {
  actionAddInput,
  actionReplyInput,
  actionUpdateInput,
  actionWithdrawInput,
  referralCreateInput,
  referralGetInput,
  referralLinkChildInput,
  referralListInput,
  referralTransitionInput,
  referralUpdateInput,
} from './inputs';
import { loadReferral, type ReferralView, referralNumber, viewReferral } from './model';
import { referralActions, referralChildren, referralPersons, referrals } from './schema';

export const referralMethods = {
  'referrals.create': method({
    input: referralCreateInput,
    access: 'user',
    kind: 'write',
    handler: createReferral,
  }),

  'referrals.update': method({
    input: referralUpdateInput,
    access: 'user',
    kind: 'write',
    handler: updateReferral,
  }),

  'referrals.linkChild': method({
    input: referralLinkChildInput,
    access: 'user',
    kind: 'write',
    handler: linkReferralChild,
  }),

  'referrals.get': method({
    input: referralGetInput,
    access: 'user',
    kind: 'read',
    handler: getReferral,
  }),

  'referrals.transition': method({
    input: referralTransitionInput,
    access: 'user',
    kind: 'write',
    handler: transitionReferral,
  }),

  'referrals.list': method({
    input: referralListInput,
    access: 'user',
    kind: 'read',
    handler: listReferrals,
  }),

  'referrals.addAction': method({
    input: actionAddInput,
    access: 'user',
    kind: 'write',
    handler: addAction,
  }),

  'referrals.updateAction': method({
    input: actionUpdateInput,
    access: 'user',
    kind: 'write',
    handler: updateAction,
  }),

  'referrals.recordReply': method({
    input: actionReplyInput,
    access: 'user',
    kind: 'write',
    handler: recordReply,
  }),

  'referrals.withdrawAction': method({
    input: actionWithdrawInput,
    access: 'user',
    kind: 'write',
    handler: withdrawAction,
  }),
};

/** 回复期限 by carrier: a 检察建议 a month (未成年人保护法 art. 114), a lead transfer 5 working days. */
export function defaultReplyDue(
  ctx: Ctx,
  carrier: Carrier,
  sentDate: string,
): { date: string; approximate: boolean } {
  if (carrier === 'procuratorialAdvice') return { date: addMonths(sentDate, 1), approximate: false };
  return workdaysOf(ctx).addWorkdays(sentDate, LEAD_REPLY_WORKDAYS);
}

/**
 * Registers a child from inside a referral form. Its errors are re-addressed to that child's
 * sub-form (`children.0.child.name`), a possible duplicate included, so the form can say which.
 */
function createChildWithin(ctx: Ctx, child: Parameters<typeof createChild>[1], prefix: string): string {
  try {
    return createChild(ctx, child).id;
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    const fields = err.fields
      ? Object.fromEntries(Object.entries(err.fields).map(([k, v]) => [`${prefix}.${k}`, v]))
      : err.code === 'CONFLICT'
        ? { [`${prefix}.name`]: err.message }
        : undefined;
    throw new ApiError(err.code, err.message, fields);
  }
}

function assertInList(ctx: Ctx, key: 'sourceDepartments' | 'agencies', value: string, field: string): void {
  if (!readSetting(ctx, key).includes(value)) {
    const message =
      key === 'agencies'
        ? t('validation.referral.agencyUnknown')
        : t('validation.referral.departmentUnknown');
    throw new ApiError('VALIDATION', t('errors.validation'), { [field]: message });
  }
}

function assertNotClosed(r: typeof referrals.$inferSelect): void {
  if (r.status === 'closed') throw new ApiError('VALIDATION', t('validation.referral.referralClosed'));
}

function linkChild(ctx: Ctx, referralId: string, childId: string): void {
  ctx.db.insert(referralChildren).values({ referralId, childId }).onConflictDoNothing().run();
}

/** An agency action of a referral still open, or NOT_FOUND. */
function loadOpenAction(ctx: Ctx, id: string): typeof referralActions.$inferSelect {
  const a = ctx.db.select().from(referralActions).where(eq(referralActions.id, id)).get();
  if (!a) throw new ApiError('NOT_FOUND', t('errors.notFound'));
  assertNotClosed(loadReferral(ctx, a.referralId));
  return a;
}

/** After an action changed: its referral's version moves on, the audit row names the action. */
function actionChanged(
  ctx: Ctx,
  a: { id: string; referralId: string },
  action: `referrals.${string}`,
): ReferralView {
  touch(ctx, a.referralId);
  ctx.audit.write({ action, entity: 'referral', entityId: a.referralId, detail: { actionId: a.id } });
  return viewReferral(ctx, a.referralId);
}

function touch(ctx: Ctx, id: string): void {
  ctx.db
    .update(referrals)
    .set({ version: sql`${referrals.version} + 1`, updatedAt: ctx.clock.now(), updatedBy: ctx.user.id })
    .where(eq(referrals.id, id))
    .run();
}

/** A referral as the inbox's page query reads it. */
type InboxRow = Omit<ReferralRow, 'number' | 'overdue' | 'childNames' | 'agencies'> & {
  year: number;
  seq: number;
};

export interface ReferralRow {
  id: string;
  number: string;
  sourceDepartment: string;
  receivedDate: string;
  urgency: 'normal' | 'urgent';
  status: ReferralStatus;
  verifyDue: string;
  overdue: boolean;
  childNames: string[];
  agencies: string[];
}

function createReferral(ctx: Ctx, input: z.output<typeof referralCreateInput>): ReferralView {
  assertInList(ctx, 'sourceDepartments', input.sourceDepartment, 'sourceDepartment');
  notFuture(ctx, 'receivedDate', input.receivedDate);
  const id = newId();
  const year = Number(input.receivedDate.slice(0, 4));
  const seq = nextNumber(ctx, 'referral', year);
  const verifyDue = workdaysOf(ctx).addWorkdays(input.receivedDate, readSetting(ctx, 'verifyWorkdays')).date;

  const childIds = input.children.map((c, i) => {
    if (c.child) {
      try {
        return createChild(ctx, c.child).id;
      } catch (err) {
        // Field errors of a child registered here belong to that child's sub-form.
        if (err instanceof ApiError && err.fields) {
          const fields = Object.fromEntries(
            Object.entries(err.fields).map(([k, v]) => [`children.${i}.child.${k}`, v]),
          );
          throw new ApiError(err.code, err.message, fields);
        }
        throw err;
      }
    }
    return loadChild(ctx, c.childId as string).id;
  });

  ctx.db
    .insert(referrals)
    .values({
      id,
      year,
      seq,
      sourceDepartment: input.sourceDepartment,
      sourceCaseNumber: input.sourceCaseNumber,
      receivedDate: input.receivedDate,
      receivedBy: ctx.user.id,
      summary: input.summary,
      urgency: input.urgency,
      status: 'received',
      verifyDue,
      ...created(ctx),
    })
    .run();
  for (const childId of childIds) linkChild(ctx, id, childId);

  for (const d of input.detained) {
    let personId = d.personId ?? null;
    if (d.person) {
      personId = newId();
      ctx.db
        .insert(persons)
        .values({ id: personId, ...d.person, ...created(ctx) })
        .run();
      ctx.audit.write({ action: 'persons.create', entity: 'person', entityId: personId });
    } else if (
      !ctx.db
        .select({ id: persons.id })
        .from(persons)
        .where(eq(persons.id, personId as string))
        .get()
    ) {
      throw new ApiError('NOT_FOUND', t('errors.notFound'));
    }
    const pid = personId as string;
    ctx.db.insert(referralPersons).values({ referralId: id, personId: pid }).onConflictDoNothing().run();
    if (d.custody) {
      ctx.db
        .insert(custodyRecords)
        .values({ id: newId(), personId: pid, ...d.custody, ...created(ctx) })
        .run();
    }
    for (const childId of childIds) {
      if (!isRelated(ctx, childId, pid)) {
        ctx.db
          .insert(childRelations)
          .values({
            id: newId(),
            childId,
            personId: pid,
            relation: d.relation,
            isGuardian: d.isGuardian,
            ...created(ctx),
          })
          .run();
      }
    }
  }
  ctx.audit.write({
    action: 'referrals.create',
    entity: 'referral',
    entityId: id,
    detail: { number: referralNumber(year, seq), children: childIds.length, to: 'received' },
  });
  return viewReferral(ctx, id);
}

function updateReferral(ctx: Ctx, input: z.output<typeof referralUpdateInput>): ReferralView {
  const { id, version, ...fields } = input;
  const r = loadReferral(ctx, id);
  assertNotClosed(r);
  assertInList(ctx, 'sourceDepartments', fields.sourceDepartment, 'sourceDepartment');
  const verifyDue = workdaysOf(ctx).addWorkdays(fields.receivedDate, readSetting(ctx, 'verifyWorkdays')).date;
  updateVersioned(ctx, referrals, id, version, { ...fields, verifyDue });
  ctx.audit.write({ action: 'referrals.update', entity: 'referral', entityId: id });
  return viewReferral(ctx, id);
}

function linkReferralChild(ctx: Ctx, input: z.output<typeof referralLinkChildInput>): ReferralView {
  const r = loadReferral(ctx, input.id);
  assertNotClosed(r);
  const childId = input.child
    ? createChildWithin(ctx, input.child, 'child')
    : loadChild(ctx, input.childId ?? '').id;
  linkChild(ctx, r.id, childId);
  touch(ctx, r.id);
  ctx.audit.write({
    action: 'referrals.linkChild',
    entity: 'referral',
    entityId: r.id,
    detail: { childId },
  });
  return viewReferral(ctx, r.id);
}

function getReferral(ctx: ReadCtx, input: z.output<typeof referralGetInput>): ReferralView {
  return viewReferral(ctx, input.id);
}

function transitionReferral(ctx: Ctx, input: z.output<typeof referralTransitionInput>): ReferralView {
  const r = loadReferral(ctx, input.id);
  const label = (s: ReferralStatus) => t(`codes.referralStatus.${s}`);
  const step = referralStepTo(r.status, input.to);
  if (!step) {
    throw new ApiError(
      'VALIDATION',
      t('validation.referral.transitionNotAllowed', { from: label(r.status), to: label(input.to) }),
    );
  }
  const actions = ctx.db
    .select()
    .from(referralActions)
    .where(and(eq(referralActions.referralId, r.id), isNull(referralActions.deletedAt)))
    .all();
  if (input.to === 'triaged' && !actions.some((a) => a.withdrawnAt === null)) {
    throw new ApiError('VALIDATION', t('validation.referral.needsAction'));
  }
  if (input.to === 'closed') {
    const open = actions.filter((a) => a.withdrawnAt === null && (a.replyDate === null || !a.result));
    if (open.length)
      throw new ApiError('VALIDATION', t('validation.referral.openActions', { count: open.length }));
  }
  transition(ctx, {
    table: referrals,
    area: 'referrals',
    action: 'referrals.transition',
    entity: 'referral',
    flow: REFERRAL_FLOW,
    step,
    row: r,
    version: input.version,
    patch: { closedAt: input.to === 'closed' ? ctx.clock.now() : null },
    statusLabel: label,
  });
  return viewReferral(ctx, r.id);
}

/**
 * The inbox: overdue first (its stored due date before today: verification or a reply past
 * due), then urgent, then newest. The two parts are each a walk of one index in urgency, date,
 * number order (referrals_inbox, or referrals_inbox_status for one status), stopped at the page:
 * no sort of every open referral. The counts stop at a cap, each a range of one index. Plain
 * statements prepared once per shape of filters: drizzle's building of five queries cost more
 * than SQLite took to answer them.
 */
function listReferrals(
  ctx: ReadCtx,
  input: z.output<typeof referralListInput>,
): {
  rows: ReferralRow[];
  total: number;
  totalCapped: boolean;
  counts: Record<string, number>;
  capped: Record<string, boolean>;
} {
  const day = today(ctx);
  const base = ['referrals.deleted_at IS NULL'];
  const filters: Record<string, string> = {};
  if (input.sourceDepartment) {
    base.push('referrals.source_department = @department');
    filters.department = input.sourceDepartment;
  }
  if (input.from) {
    base.push('referrals.received_date >= @from');
    filters.from = input.from;
  }
  if (input.to) {
    base.push('referrals.received_date <= @to');
    filters.to = input.to;
  }
  if (input.agency) {
    base.push(
      'EXISTS (SELECT 1 FROM referral_actions a WHERE a.referral_id = referrals.id AND a.agency = @agency AND a.deleted_at IS NULL)',
    );
    filters.agency = input.agency;
  }
  // Per-status counts for the inbox tabs under the same filters, each with its overdue ones, each
  // stopped past the cap (a walk of one status's range of referrals_status or referrals_overdue):
  // a tab says 超过 N beyond it, and the inbox costs the cap, not the number of referrals on file.
  const params: Record<string, string> = { ...filters, day };
  const byStatus = cached(
    ctx.raw,
    `SELECT count(*) AS n FROM (SELECT 1 FROM referrals WHERE ${base.join(' AND ')} AND referrals.status = @status LIMIT @cap)`,
  );
  const overdueOf = cached(
    ctx.raw,
    // Named, not left to the planner: with the file's fixed statistics it took the status index
    // and walked every referral of the status to find the overdue ones. The index is partial
    // (live, with a due date), which base and `due < @day` always imply.
    `SELECT count(*) AS n FROM (SELECT 1 FROM referrals INDEXED BY referrals_overdue
       WHERE ${base.join(' AND ')} AND referrals.status = @status AND referrals.due < @day LIMIT @cap)`,
  );
  const countIn = (statement: typeof byStatus, statuses: readonly ReferralStatus[], cap: number) =>
    statuses.reduce((n, status) => n + (statement.get({ ...params, status, cap }) as { n: number }).n, 0);
  const counts: Record<string, number> = {};
  const capped: Record<string, boolean> = {};
  const put = (key: string, n: number) => {
    counts[key] = Math.min(n, REGISTER_COUNT_CAP);
    capped[key] = n > REGISTER_COUNT_CAP;
  };
  // A closed referral owes nothing (its due is NULL): every overdue one is open.
  const openStatuses = REFERRAL_STATUSES.filter((s) => s !== 'closed');
  // Each up to the cap and one: a sum of them is past the cap exactly when the true sum is.
  const inStatus = new Map<ReferralStatus, number>();
  const overdueBy = new Map<ReferralStatus, number>();
  for (const status of REFERRAL_STATUSES) {
    inStatus.set(status, countIn(byStatus, [status], REGISTER_COUNT_CAP + 1));
    put(status, inStatus.get(status) ?? 0);
    if (status !== 'closed') overdueBy.set(status, countIn(overdueOf, [status], REGISTER_COUNT_CAP + 1));
  }
  const sum = (of: Map<ReferralStatus, number>, statuses: readonly ReferralStatus[]) =>
    statuses.reduce((n, s) => n + (of.get(s) ?? 0), 0);
  put('open', sum(inStatus, openStatuses));
  put('all', sum(inStatus, REFERRAL_STATUSES));
  put('overdue', sum(overdueBy, openStatuses));

  const where = [...base];
  let inView: readonly ReferralStatus[] = openStatuses;
  if (input.view === 'open') where.push(`referrals.status <> 'closed'`);
  else if (input.view !== 'overdue' && input.view !== 'all') {
    where.push('referrals.status = @status');
    params.status = input.view;
    inView = input.view === 'closed' ? [] : [input.view];
  }
  // The overdue ones in the view as far as the page reaches: exact where fewer, which is all the
  // rest's offset needs; past the cap counted again only as deep as the page asks.
  const reach = input.offset + input.limit;
  let overdueInView = sum(overdueBy, inView);
  if (overdueInView > REGISTER_COUNT_CAP && reach > REGISTER_COUNT_CAP)
    overdueInView = countIn(overdueOf, inView, reach);
  overdueInView = Math.min(overdueInView, Math.max(reach, REGISTER_COUNT_CAP + 1));
  const total = counts[input.view] ?? 0;
  const totalCapped = capped[input.view] ?? false;
  const part = (overdue: boolean, limit: number, offset: number) =>
    limit <= 0
      ? []
      : // 'urgent' sorts after 'normal': descending puts the urgent ones first. The unary + keeps
        // the due date from choosing referrals_overdue, whose order is not the inbox's.
        (
          cached(
            ctx.raw,
            `SELECT id, year, seq, source_department AS sourceDepartment, received_date AS receivedDate,
                    urgency, status, verify_due AS verifyDue FROM referrals
             WHERE ${where.join(' AND ')} AND ${overdue ? '+referrals.due < @day' : '(referrals.due IS NULL OR referrals.due >= @day)'}
             ORDER BY urgency DESC, received_date DESC, seq DESC LIMIT @limit OFFSET @offset`,
          ).all({ ...params, limit, offset }) as InboxRow[]
        ).map((r) => ({ ...r, overdue }));
  // The page is the overdue part's rows from the offset, then the rest's from where it starts.
  const first = part(true, Math.min(input.limit, overdueInView - input.offset), input.offset);
  const rows =
    input.view === 'overdue'
      ? first
      : [...first, ...part(false, input.limit - first.length, Math.max(0, input.offset - overdueInView))];
  const ids = JSON.stringify(rows.map((r) => r.id));
  const names = rows.length
    ? (cached(
        ctx.raw,
        `SELECT rc.referral_id AS referralId, c.name FROM referral_children rc JOIN children c ON c.id = rc.child_id
         WHERE rc.referral_id IN (SELECT value FROM json_each(?))`,
      ).all(ids) as { referralId: string; name: string }[])
    : [];
  const agencies = rows.length
    ? (cached(
        ctx.raw,
        `SELECT referral_id AS referralId, agency FROM referral_actions
         WHERE referral_id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL`,
      ).all(ids) as { referralId: string; agency: string }[])
    : [];
  return {
    rows: rows.map((r) => ({
      id: r.id,
      number: referralNumber(r.year, r.seq),
      sourceDepartment: r.sourceDepartment,
      receivedDate: r.receivedDate,
      urgency: r.urgency,
      status: r.status,
      verifyDue: r.verifyDue,
      overdue: r.overdue,
      childNames: names.filter((n) => n.referralId === r.id).map((n) => n.name),
      agencies: [...new Set(agencies.filter((a) => a.referralId === r.id).map((a) => a.agency))],
    })),
    total,
    totalCapped,
    counts,
    capped,
  };
}

function addAction(ctx: Ctx, input: z.output<typeof actionAddInput>): ReferralView {
  const r = loadReferral(ctx, input.referralId);
  assertNotClosed(r);
  assertInList(ctx, 'agencies', input.agency, 'agency');
  if (input.sentDate < r.receivedDate) {
    throw new ApiError('VALIDATION', t('errors.validation'), {
      sentDate: t('validation.custody.beforeStart'),
    });
  }
  const id = newId();
  ctx.db
    .insert(referralActions)
    .values({
      id,
      referralId: r.id,
      agency: input.agency,
      carrier: input.carrier,
      sentDate: input.sentDate,
      replyDue: input.replyDue ?? defaultReplyDue(ctx, input.carrier, input.sentDate).date,
      followUpNote: input.followUpNote,
      ...created(ctx),
    })
    .run();
  touch(ctx, r.id);
  ctx.audit.write({
    action: 'referrals.addAction',
    entity: 'referral',
    entityId: r.id,
    detail: { actionId: id, agency: input.agency, carrier: input.carrier },
  });
  return viewReferral(ctx, r.id);
}

function updateAction(ctx: Ctx, input: z.output<typeof actionUpdateInput>): ReferralView {
  const { id, version, ...fields } = input;
  const a = loadOpenAction(ctx, id);
  if (a.withdrawnAt !== null) throw new ApiError('VALIDATION', t('validation.referral.actionClosed'));
  assertInList(ctx, 'agencies', fields.agency, 'agency');
  updateVersioned(ctx, referralActions, id, version, {
    ...fields,
    replyDue: fields.replyDue ?? defaultReplyDue(ctx, fields.carrier, fields.sentDate).date,
  });
  return actionChanged(ctx, a, 'referrals.updateAction');
}

function recordReply(ctx: Ctx, input: z.output<typeof actionReplyInput>): ReferralView {
  const a = loadOpenAction(ctx, input.id);
  if (a.withdrawnAt !== null) throw new ApiError('VALIDATION', t('validation.referral.actionClosed'));
  if (input.replyDate < a.sentDate) {
    throw new ApiError('VALIDATION', t('errors.validation'), {
      replyDate: t('validation.referral.replyBeforeSent'),
    });
  }
  notFuture(ctx, 'replyDate', input.replyDate);
  updateVersioned(ctx, referralActions, input.id, input.version, {
    replyDate: input.replyDate,
    result: input.result,
    followUpNote: input.followUpNote ?? a.followUpNote,
  });
  return actionChanged(ctx, a, 'referrals.recordReply');
}

function withdrawAction(ctx: Ctx, input: z.output<typeof actionWithdrawInput>): ReferralView {
  const a = loadOpenAction(ctx, input.id);
  updateVersioned(ctx, referralActions, input.id, input.version, {
    withdrawnAt: ctx.clock.now(),
    withdrawReason: input.reason,
  });
  return actionChanged(ctx, a, 'referrals.withdrawAction');
}
