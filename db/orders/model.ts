// What other areas need of the orders (督促监护令): never reached through handlers.ts.

import { count, eq, isNull } from 'drizzle-orm';
import { accountName } from '../accounts/model';
import { accounts } from '../accounts/schema';
import type { ReadCtx } from '../api/define';
import { loadChild, today } from '../children/model';
import { persons } from '../children/schema';
import type { TimelineItem } from '../children/timeline';
import { liveOfChildBound } from '../common/columns';
import { localDate } from '../common/dates';
import { stepsFrom } from '../common/flow';
import { currentIdsOfChild, loadLive } from '../common/records';
import { preparedQuery } from '../core/statements';
import {
  type FollowUpView,
  listFollowUps,
  listRequirements,
  nextFollowUpDue,
  type RequirementView,
  type Subject,
} from '../followups/model';
import { labelOr, t } from '../i18n';
import { suitIdForOrder } from '../suits/model';
import { ORDER_FLOW, type OrderStatus, type OrderStep, PROBLEMS, type ProblemCode } from './codes';
import { guardianshipOrders, orderGuardians } from './schema';

/** `{代字}〔{年}〕{序号}号`, e.g. 济阳检未督监〔2026〕3号. */
export function orderNumber(prefix: string, year: number, seq: number): string {
  return t('codes.orderNumber', { prefix, year, seq });
}

export type OrderRow = typeof guardianshipOrders.$inferSelect;
export const subject = (id: string): Subject => ({ type: 'order', id });

export interface OrderView {
  id: string;
  number: string | null;
  child: { id: string; name: string; gender: 'male' | 'female'; birthDate: string };
  guardians: { personId: string; name: string; relation: string; address: string | null }[];
  caseNumber: string | null;
  facts: string;
  problems: ProblemCode[];
  problemsOther: string | null;
  legalBasis: string;
  consequences: string;
  status: OrderStatus;
  drafterId: string | null;
  drafterName: string | null;
  submittedAt: number | null;
  rejectNote: string | null;
  approvedByName: string | null;
  approvedAt: number | null;
  issueDate: string | null;
  deliveryMethod: 'written' | 'onSite' | null;
  deliveryDate: string | null;
  guardianSigned: boolean | null;
  observationStart: string | null;
  observationEnd: string | null;
  requirements: RequirementView[];
  followUps: FollowUpView[];
  nextFollowUp: string | null;
  evaluation: OrderRow['evaluation'];
  evaluationNote: string | null;
  outcome: OrderRow['outcome'];
  outcomePlanId: string | null;
  /** The 支持起诉 this order escalated to (created with the evaluation). */
  outcomeSuitId: string | null;
  closedAt: number | null;
  withdrawnAt: number | null;
  withdrawReason: string | null;
  /** The steps the signed-in user may take now (ORDER_FLOW, less a self-approval): the page's buttons. */
  steps: OrderStep[];
  version: number;
}

export function loadOrder(ctx: ReadCtx, id: string): OrderRow {
  return loadLive(ctx, guardianshipOrders, id);
}

export function viewOrder(ctx: ReadCtx, id: string): OrderView {
  const o = loadOrder(ctx, id);
  const child = loadChild(ctx, o.childId);
  const guardians = ctx.db
    .select({
      personId: persons.id,
      name: persons.name,
      relation: orderGuardians.relation,
      address: persons.address,
    })
    .from(orderGuardians)
    .innerJoin(persons, eq(persons.id, orderGuardians.personId))
    .where(eq(orderGuardians.orderId, id))
    .all();
  return {
    id: o.id,
    number: o.year && o.seq && o.prefix ? orderNumber(o.prefix, o.year, o.seq) : null,
    child: { id: child.id, name: child.name, gender: child.gender, birthDate: child.birthDate },
    guardians,
    caseNumber: o.caseNumber,
    facts: o.facts,
    problems: PROBLEMS.filter((p) => o.problems.includes(p.code)),
    problemsOther: o.problemsOther,
    legalBasis: o.legalBasis,
    consequences: o.consequences,
    status: o.status,
    drafterId: o.createdBy,
    drafterName: accountName(ctx, o.createdBy),
    submittedAt: o.submittedAt,
    rejectNote: o.rejectNote,
    approvedByName: accountName(ctx, o.approvedBy),
    approvedAt: o.approvedAt,
    issueDate: o.issueDate,
    deliveryMethod: o.deliveryMethod,
    deliveryDate: o.deliveryDate,
    guardianSigned: o.guardianSigned,
    observationStart: o.observationStart,
    observationEnd: o.observationEnd,
    requirements: listRequirements(
      ctx,
      subject(id),
      today(ctx),
      o.status === 'observing' || o.status === 'evaluating',
    ),
    followUps: listFollowUps(ctx, subject(id)),
    nextFollowUp: o.status === 'observing' ? nextFollowUpDue(ctx, subject(id)) : null,
    evaluation: o.evaluation,
    evaluationNote: o.evaluationNote,
    outcome: o.outcome,
    outcomePlanId: o.outcomePlanId,
    outcomeSuitId: o.outcome === 'supportSuit' ? suitIdForOrder(ctx, o.id) : null,
    closedAt: o.closedAt,
    withdrawnAt: o.withdrawnAt,
    withdrawReason: o.withdrawReason,
    steps: stepsFrom(ORDER_FLOW, o.status, ctx.user.role).filter(
      (k) => k !== 'approve' || !selfApproval(ctx, o),
    ),
    version: o.version,
  };
}

/** Four eyes wherever there are two people: the drafter may not approve their own order. */
export function selfApproval(ctx: ReadCtx, o: OrderRow): boolean {
  if (o.createdBy !== ctx.user.id) return false;
  const enabled =
    ctx.db.select({ n: count() }).from(accounts).where(isNull(accounts.disabledAt)).get()?.n ?? 0;
  return enabled > 1;
}

/** A child's orders but the withdrawn, newest first. */
export function ordersOfChild(ctx: ReadCtx, childId: string): OrderView[] {
  return currentIdsOfChild(ctx, guardianshipOrders, childId).map((id) => viewOrder(ctx, id));
}

export function ordersTimeline(ctx: ReadCtx, childId: string): TimelineItem[] {
  const items: TimelineItem[] = [];
  // Only the columns shown: a whole-row select costs drizzle a column map per call, on every file opened.
  const orders = preparedQuery(ctx, 'orders.timeline.1', () =>
    ctx.db
      .select({
        id: guardianshipOrders.id,
        year: guardianshipOrders.year,
        seq: guardianshipOrders.seq,
        prefix: guardianshipOrders.prefix,
        createdAt: guardianshipOrders.createdAt,
        issueDate: guardianshipOrders.issueDate,
        approvedAt: guardianshipOrders.approvedAt,
        deliveryDate: guardianshipOrders.deliveryDate,
        deliveryMethod: guardianshipOrders.deliveryMethod,
        closedAt: guardianshipOrders.closedAt,
        evaluation: guardianshipOrders.evaluation,
        withdrawnAt: guardianshipOrders.withdrawnAt,
        withdrawReason: guardianshipOrders.withdrawReason,
      })
      .from(guardianshipOrders)
      .where(liveOfChildBound(guardianshipOrders))
      .prepare(),
  ).all({ childId });
  for (const o of orders) {
    const link = `/orders/${o.id}`;
    const number =
      o.year && o.seq && o.prefix ? orderNumber(o.prefix, o.year, o.seq) : t('timeline.orders.unnumbered');
    items.push({
      date: localDate(o.createdAt),
      at: o.createdAt,
      area: 'orders',
      title: t('timeline.orders.drafted'),
      detail: null,
      link,
    });
    if (o.issueDate) {
      const title = t('timeline.orders.issued', { number });
      items.push({ date: o.issueDate, at: o.approvedAt ?? undefined, area: 'orders', title, link });
    }
    if (o.deliveryDate && o.deliveryMethod) {
      items.push({
        date: o.deliveryDate,
        area: 'orders',
        title: t('timeline.orders.delivered', {
          method: labelOr(`codes.deliveryMethod.${o.deliveryMethod}`, String(o.deliveryMethod)),
        }),
        detail: number,
        link,
      });
    }
    for (const f of listFollowUps(ctx, subject(o.id))) {
      items.push({
        date: f.date,
        area: 'orders',
        title: t('timeline.orders.followUp'),
        detail: f.findings,
        link,
      });
    }
    if (o.closedAt && o.evaluation) {
      items.push({
        date: localDate(o.closedAt),
        at: o.closedAt,
        area: 'orders',
        title: t('timeline.orders.evaluated', {
          result: labelOr(`codes.evaluation.${o.evaluation}`, String(o.evaluation)),
        }),
        detail: number,
        link,
      });
    }
    if (o.withdrawnAt) {
      items.push({
        date: localDate(o.withdrawnAt),
        area: 'orders',
        title: t('timeline.orders.withdrawn'),
        detail: o.withdrawReason,
        link,
      });
    }
  }
  return items;
}
