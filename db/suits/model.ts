// What other areas (orders' escalation) and the pluggable pages (统计台账, Excel export) need
// from 支持起诉.

import { and, desc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { accountName } from '../accounts/model';
import type { Ctx, ReadCtx, Role } from '../api/define';
import { ApiError } from '../api/errors';
import { loadChild } from '../children/model';
import { childRelations, children, persons } from '../children/schema';
import type { TimelineItem } from '../children/timeline';
import { liveOfChildBound } from '../common/columns';
import { localDate } from '../common/dates';
import { stepsFrom } from '../common/flow';
import { newId } from '../common/ids';
import { created, loadLive } from '../common/records';
import { type AreaFigure, datedFigure, registerCounts, statusFilter } from '../common/registers';
import { recordSteps, withdrawnStep } from '../common/timeline';
import { preparedQuery } from '../core/statements';
import { labelOr, t } from '../i18n';
import { guardianshipOrders } from '../orders/schema';
import { SUIT_FLOW, SUIT_OPEN, SUIT_STATUSES, type SuitStatus, type SuitStep } from './codes';
import type { suitListInput } from './inputs';
import { suitSupports } from './schema';

export type SuitRow = typeof suitSupports.$inferSelect;

export function loadSuit(ctx: ReadCtx, id: string): SuitRow {
  return loadLive(ctx, suitSupports, id);
}

export const suitStatusLabel = (s: SuitStatus) => t(`suits.codes.status.${s}`);

/** `{代字}〔{年}〕{序号}号`, e.g. 济阳检未支诉〔2026〕1号 (the same pattern as orders). */
export function suitNumber(r: Pick<SuitRow, 'prefix' | 'year' | 'seq'>): string | null {
  return r.prefix && r.year && r.seq
    ? t('codes.orderNumber', { prefix: r.prefix, year: r.year, seq: r.seq })
    : null;
}

/** The suit an order escalated to, if any (the order page links to it). */
export function suitIdForOrder(ctx: ReadCtx, orderId: string): string | null {
  return (
    ctx.db
      .select({ id: suitSupports.id })
      .from(suitSupports)
      .where(and(eq(suitSupports.orderId, orderId), isNull(suitSupports.deletedAt)))
      .get()?.id ?? null
  );
}

/**
 * The escalation from 督促监护令 (outcome 支持起诉撤销监护资格) lands here: a draft suit, linked
 * to the order, against the order's guardians, created in the order's own write. The caseworker
 * completes the grounds and documents before the department head issues the opinion.
 */
export function createSuitFromOrder(ctx: Ctx, orderId: string, note: string | null): string {
  const existing = suitIdForOrder(ctx, orderId);
  if (existing) return existing;
  const o = ctx.db.select().from(guardianshipOrders).where(eq(guardianshipOrders.id, orderId)).get();
  if (!o) throw new ApiError('NOT_FOUND', t('errors.notFound'));
  const guardians = ctx.raw
    .prepare('SELECT person_id AS id FROM order_guardians WHERE order_id = ?')
    .all(orderId) as { id: string }[];
  const id = newId();
  ctx.db
    .insert(suitSupports)
    .values({
      id,
      childId: o.childId,
      orderId,
      kind: 'revoke',
      // An order that was not complied with: 怠于履行监护职责 is the usual ground; the caseworker confirms it.
      grounds: ['neglect'],
      groundsText: note,
      respondentIds: guardians.map((g) => g.id),
      applicantKind: 'civilAffairs',
      documents: ['orderFiles'],
      facts: o.facts,
      status: 'draft',
      ...created(ctx),
    })
    .run();
  ctx.audit.write({
    action: 'suits.create',
    entity: 'suit',
    entityId: id,
    detail: { childId: o.childId, orderId },
  });
  return id;
}

export interface SuitView {
  id: string;
  number: string | null;
  child: {
    id: string;
    name: string;
    gender: 'male' | 'female';
    birthDate: string;
    township: string;
    village: string | null;
  };
  order: { id: string; number: string | null } | null;
  planId: string | null;
  kind: SuitRow['kind'];
  grounds: SuitRow['grounds'];
  groundsText: string | null;
  respondents: { personId: string; name: string; relation: string | null; address: string | null }[];
  applicantKind: string;
  applicantName: string | null;
  applicantContact: string | null;
  documents: string[];
  facts: string;
  opinion: string;
  status: SuitStatus;
  issueDate: string | null;
  issuedByName: string | null;
  court: string | null;
  filedDate: string | null;
  courtCaseNumber: string | null;
  decision: SuitRow['decision'];
  decisionDate: string | null;
  newGuardianName: string | null;
  newGuardianKind: string | null;
  decisionNote: string | null;
  withdrawReason: string | null;
  drafterName: string | null;
  steps: SuitStep[];
  version: number;
}

export function viewSuit(ctx: ReadCtx, id: string, role: Role = ctx.user.role): SuitView {
  const s = loadSuit(ctx, id);
  const child = loadChild(ctx, s.childId);
  const respondents = s.respondentIds.length
    ? ctx.db
        .select({
          personId: persons.id,
          name: persons.name,
          address: persons.address,
          relation: childRelations.relation,
        })
        .from(persons)
        .leftJoin(
          childRelations,
          and(
            eq(childRelations.personId, persons.id),
            eq(childRelations.childId, s.childId),
            isNull(childRelations.deletedAt),
          ),
        )
        .where(inArray(persons.id, s.respondentIds))
        .all()
    : [];
  const order = s.orderId
    ? ctx.db.select().from(guardianshipOrders).where(eq(guardianshipOrders.id, s.orderId)).get()
    : undefined;
  return {
    id: s.id,
    number: suitNumber(s),
    child: {
      id: child.id,
      name: child.name,
      gender: child.gender,
      birthDate: child.birthDate,
      township: child.township,
      village: child.village,
    },
    order: order
      ? {
          id: order.id,
          number:
            order.prefix && order.year && order.seq
              ? t('codes.orderNumber', { prefix: order.prefix, year: order.year, seq: order.seq })
              : null,
        }
      : null,
    planId: s.planId,
    kind: s.kind,
    grounds: s.grounds,
    groundsText: s.groundsText,
    respondents,
    applicantKind: s.applicantKind,
    applicantName: s.applicantName,
    applicantContact: s.applicantContact,
    documents: s.documents,
    facts: s.facts,
    opinion: s.opinion ?? t('suits.document.opinion'),
    status: s.status,
    issueDate: s.issueDate,
    issuedByName: accountName(ctx, s.issuedBy),
    court: s.court,
    filedDate: s.filedDate,
    courtCaseNumber: s.courtCaseNumber,
    decision: s.decision,
    decisionDate: s.decisionDate,
    newGuardianName: s.newGuardianName,
    newGuardianKind: s.newGuardianKind,
    decisionNote: s.decisionNote,
    withdrawReason: s.withdrawReason,
    drafterName: accountName(ctx, s.createdBy),
    steps: stepsFrom(SUIT_FLOW, s.status, role),
    version: s.version,
  };
}

type ListFilter = Pick<z.output<typeof suitListInput>, 'status' | 'kind'>;

function listWhere(f: ListFilter): SQL | undefined {
  const where: (SQL | undefined)[] = [isNull(suitSupports.deletedAt)];
  where.push(statusFilter(suitSupports.status, f.status, SUIT_OPEN));
  if (f.kind !== 'all') where.push(eq(suitSupports.kind, f.kind));
  return and(...where);
}

export interface SuitListRow {
  id: string;
  number: string | null;
  childId: string;
  childName: string;
  kind: SuitRow['kind'];
  status: SuitStatus;
  court: string | null;
  filedDate: string | null;
  decision: SuitRow['decision'];
  fromOrder: boolean;
  updatedAt: number;
}

/** Where the register's tabs and totals are counted: (deleted_at, status, updated_at, kind). */
const COUNTED = { table: 'suit_supports', index: 'suits_list' };

/**
 * One page of the register, newest activity first, each tab counted up to the cap (超过 N past
 * it) off one range of suits_list. A status's page is walked off suits_list in the list's order,
 * the open ones and all of them off suits_updated, with no sort.
 */
export function listSuits(
  ctx: ReadCtx,
  f: ListFilter & { offset: number; limit: number },
): {
  rows: SuitListRow[];
  total: number;
  totalCapped: boolean;
  counts: Record<string, number>;
  capped: Record<string, boolean>;
} {
  const where = listWhere(f);
  // The columns a row shows, not the whole suit.
  const rows = ctx.db
    .select({
      s: {
        id: suitSupports.id,
        prefix: suitSupports.prefix,
        year: suitSupports.year,
        seq: suitSupports.seq,
        childId: suitSupports.childId,
        kind: suitSupports.kind,
        status: suitSupports.status,
        court: suitSupports.court,
        filedDate: suitSupports.filedDate,
        decision: suitSupports.decision,
        orderId: suitSupports.orderId,
        updatedAt: suitSupports.updatedAt,
      },
      childName: children.name,
    })
    .from(suitSupports)
    .innerJoin(children, eq(children.id, suitSupports.childId))
    .where(where)
    .orderBy(desc(suitSupports.updatedAt))
    .limit(f.limit)
    .offset(f.offset)
    .all();
  const counted = registerCounts(ctx.raw, COUNTED, {
    statuses: SUIT_STATUSES,
    open: SUIT_OPEN,
    view: f.status,
    filterWhere: f.kind === 'all' ? '' : 'suit_supports.kind = @kind',
    params: { kind: f.kind },
  });
  return {
    rows: rows.map(({ s, childName }) => ({
      id: s.id,
      number: suitNumber(s),
      childId: s.childId,
      childName,
      kind: s.kind,
      status: s.status,
      court: s.court,
      filedDate: s.filedDate,
      decision: s.decision,
      fromOrder: s.orderId !== null,
      updatedAt: s.updatedAt,
    })),
    ...counted,
  };
}

/** The register as plain rows with Chinese headers, for the Excel export (db/exports at merge). */
export function suitExportRows(
  ctx: ReadCtx,
  f: ListFilter,
): { columns: { key: string; header: string }[]; rows: Record<string, string | null>[] } {
  const keys = [
    'number',
    'childName',
    'township',
    'kind',
    'grounds',
    'applicantKind',
    'status',
    'issueDate',
    'court',
    'filedDate',
    'courtCaseNumber',
    'decision',
    'decisionDate',
    'newGuardianName',
  ] as const;
  const rows = ctx.db
    .select({ s: suitSupports, childName: children.name, township: children.township })
    .from(suitSupports)
    .innerJoin(children, eq(children.id, suitSupports.childId))
    .where(listWhere(f))
    .orderBy(suitSupports.createdAt)
    .all();
  return {
    columns: keys.map((key) => ({ key, header: t(`suits.export.${key}`) })),
    rows: rows.map(({ s, childName, township }) => ({
      number: suitNumber(s),
      childName,
      township,
      kind: t(`suits.codes.kind.${s.kind}`),
      grounds: s.grounds.map((g) => t(`suits.codes.groundShort.${g}`)).join('；') || null,
      applicantKind: t(`suits.codes.applicant.${s.applicantKind as 'other'}`),
      status: suitStatusLabel(s.status),
      issueDate: s.issueDate,
      court: s.court,
      filedDate: s.filedDate,
      courtCaseNumber: s.courtCaseNumber,
      decision: s.decision ? t(`suits.codes.decision.${s.decision}`) : null,
      decisionDate: s.decisionDate,
      newGuardianName: s.newGuardianName,
    })),
  };
}

/** 统计台账's figures of this area; 撤销或变更 counts the decisions that took the guardianship away. */
export const SUIT_FIGURES: readonly AreaFigure[] = [
  datedFigure('suits.figures.issued', '件', 'suit_supports.issue_date'),
  datedFigure('suits.figures.filed', '件', 'suit_supports.filed_date'),
  datedFigure('suits.figures.granted', '件', 'suit_supports.decision_date', {
    where: "decision IN ('revoked', 'changed')",
  }),
];

export function suitsTimeline(ctx: ReadCtx, childId: string): TimelineItem[] {
  // Only the columns shown: a whole-row select costs drizzle a column map per call, on every file opened.
  const rows = preparedQuery(ctx, 'suits.timeline.1', () =>
    ctx.db
      .select({
        id: suitSupports.id,
        withdrawnAt: suitSupports.withdrawnAt,
        withdrawReason: suitSupports.withdrawReason,
        decisionDate: suitSupports.decisionDate,
        decision: suitSupports.decision,
        closedAt: suitSupports.closedAt,
        newGuardianName: suitSupports.newGuardianName,
        filedDate: suitSupports.filedDate,
        filedAt: suitSupports.filedAt,
        court: suitSupports.court,
        courtCaseNumber: suitSupports.courtCaseNumber,
        issueDate: suitSupports.issueDate,
        issuedAt: suitSupports.issuedAt,
        createdAt: suitSupports.createdAt,
        kind: suitSupports.kind,
        orderId: suitSupports.orderId,
        prefix: suitSupports.prefix,
        year: suitSupports.year,
        seq: suitSupports.seq,
      })
      .from(suitSupports)
      .where(liveOfChildBound(suitSupports))
      .prepare(),
  ).all({ childId });
  // Each step with the instant it was recorded, as in relief.
  return rows.flatMap((s) =>
    recordSteps('suits', `/suits/${s.id}`, [
      withdrawnStep(s, t('suits.timeline.withdrawn')),
      !!s.decisionDate &&
        !!s.decision && {
          date: s.decisionDate,
          at: s.closedAt ?? undefined,
          title: t('suits.timeline.decided', {
            decision: labelOr(`suits.codes.decision.${s.decision}`, String(s.decision)),
          }),
          detail: s.newGuardianName ? t('suits.timeline.newGuardian', { name: s.newGuardianName }) : null,
        },
      !!s.filedDate && {
        date: s.filedDate,
        at: s.filedAt ?? undefined,
        title: t('suits.timeline.filed', { court: s.court ?? '' }),
        detail: s.courtCaseNumber,
      },
      !!s.issueDate && {
        date: s.issueDate,
        at: s.issuedAt ?? undefined,
        title: t('suits.timeline.issued'),
        detail: suitNumber(s),
      },
      {
        date: localDate(s.createdAt),
        at: s.createdAt,
        title: t('suits.timeline.drafted', { kind: labelOr(`suits.codes.kind.${s.kind}`, s.kind) }),
        detail: s.orderId ? t('suits.timeline.fromOrder') : null,
      },
    ]),
  );
}
