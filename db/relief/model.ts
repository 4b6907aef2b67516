// What other areas and the pluggable pages (统计台账, Excel export) need from 国家司法救助.

import { and, desc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { accountName } from '../accounts/model';
import type { ReadCtx, Role } from '../api/define';
import { loadChild } from '../children/model';
import { children } from '../children/schema';
import type { TimelineItem } from '../children/timeline';
import { liveOfChildBound } from '../common/columns';
import { stepsFrom } from '../common/flow';
import { loadLive } from '../common/records';
import { type AreaFigure, datedFigure, registerCounts, statusFilter } from '../common/registers';
import { recordSteps, withdrawnStep } from '../common/timeline';
import { cached, preparedQuery } from '../core/statements';
import { t } from '../i18n';
import { readSetting } from '../settings/model';
import {
  RELIEF_FLOW,
  RELIEF_MATERIALS,
  RELIEF_OPEN,
  RELIEF_STATUSES,
  type ReliefMaterial,
  type ReliefStatus,
  type ReliefStep,
} from './codes';
import type { reliefListInput } from './inputs';
import { ceilingFen, formatYuan } from './rules';
import { judicialRelief } from './schema';

export type ReliefRow = typeof judicialRelief.$inferSelect;

export function loadRelief(ctx: ReadCtx, id: string): ReliefRow {
  return loadLive(ctx, judicialRelief, id);
}

export const reliefStatusLabel = (s: ReliefStatus) => t(`relief.codes.status.${s}`);

/** The ceiling now in force, in 分 (36 × the monthly wage setting). */
export function currentCeilingFen(ctx: ReadCtx): number {
  return ceilingFen(readSetting(ctx, 'reliefMonthlyWage'));
}

export interface ReliefView {
  id: string;
  child: { id: string; name: string; gender: 'male' | 'female'; birthDate: string; township: string };
  applicantName: string;
  applicantRelation: string;
  applicantPhone: string | null;
  applicationDate: string;
  caseNumber: string | null;
  reasons: string;
  materials: ReliefMaterial[];
  /** Every checklist item with whether it was received, in the checklist's order. */
  checklist: { code: ReliefMaterial; received: boolean }[];
  requested: string | null;
  status: ReliefStatus;
  reviewNote: string | null;
  decisionDate: string | null;
  /** 元, two decimals ("12,000.00"); amounts never leave the core as floats. */
  amount: string | null;
  amountFen: number | null;
  decisionReason: string | null;
  ceiling: string;
  ceilingFen: number;
  overCeiling: boolean | null;
  decidedByName: string | null;
  paidDate: string | null;
  accountHolders: string | null;
  bank: string | null;
  accountTail: string | null;
  accountSupervisor: string | null;
  returnVisitDate: string | null;
  returnVisitMethod: ReliefRow['returnVisitMethod'];
  returnVisitFindings: string | null;
  withdrawReason: string | null;
  drafterName: string | null;
  /** The steps the signed-in user may take now (from RELIEF_FLOW). */
  steps: ReliefStep[];
  version: number;
}

export function viewRelief(ctx: ReadCtx, id: string, role: Role = ctx.user.role): ReliefView {
  const r = loadRelief(ctx, id);
  const child = loadChild(ctx, r.childId);
  const ceiling = r.ceilingFen ?? currentCeilingFen(ctx);
  return {
    id: r.id,
    child: {
      id: child.id,
      name: child.name,
      gender: child.gender,
      birthDate: child.birthDate,
      township: child.township,
    },
    applicantName: r.applicantName,
    applicantRelation: r.applicantRelation,
    applicantPhone: r.applicantPhone,
    applicationDate: r.applicationDate,
    caseNumber: r.caseNumber,
    reasons: r.reasons,
    materials: r.materials,
    checklist: RELIEF_MATERIALS.map((code) => ({ code, received: r.materials.includes(code) })),
    requested: r.requestedFen === null ? null : formatYuan(r.requestedFen),
    status: r.status,
    reviewNote: r.reviewNote,
    decisionDate: r.decisionDate,
    amount: r.amountFen === null ? null : formatYuan(r.amountFen),
    amountFen: r.amountFen,
    decisionReason: r.decisionReason,
    ceiling: formatYuan(ceiling),
    ceilingFen: ceiling,
    overCeiling: r.overCeiling,
    decidedByName: accountName(ctx, r.decidedBy),
    paidDate: r.paidDate,
    accountHolders: r.accountHolders,
    bank: r.bank,
    accountTail: r.accountTail,
    accountSupervisor: r.accountSupervisor,
    returnVisitDate: r.returnVisitDate,
    returnVisitMethod: r.returnVisitMethod,
    returnVisitFindings: r.returnVisitFindings,
    withdrawReason: r.withdrawReason,
    drafterName: accountName(ctx, r.createdBy),
    steps: stepsFrom(RELIEF_FLOW, r.status, role),
    version: r.version,
  };
}

export interface ReliefListRow {
  id: string;
  childId: string;
  childName: string;
  township: string;
  applicantName: string;
  applicationDate: string;
  status: ReliefStatus;
  amount: string | null;
  paidDate: string | null;
  updatedAt: number;
}

type ListFilter = Pick<z.output<typeof reliefListInput>, 'status' | 'year'>;

function listWhere(f: ListFilter): SQL | undefined {
  const where: (SQL | undefined)[] = [isNull(judicialRelief.deletedAt)];
  where.push(statusFilter(judicialRelief.status, f.status, RELIEF_OPEN));
  if (f.year) {
    // Tested row by row (`+`): the page is walked in the list's order, not a year's range sorted.
    where.push(sql`+${judicialRelief.applicationDate} BETWEEN ${`${f.year}-01-01`} AND ${`${f.year}-12-31`}`);
  }
  return and(...where);
}

/** Where the register's tabs, totals and sums are counted: (deleted_at, status, updated_at, application_date, amount_fen). */
const COUNTED = { table: 'judicial_relief', index: 'relief_list' };

/**
 * One page of the register, newest activity first, each tab counted up to the cap (超过 N past
 * it) off one range of relief_list. A status's page is walked off relief_list in the list's
 * order, the open ones and all of them off relief_updated, with no sort.
 */
export function listRelief(
  ctx: ReadCtx,
  f: ListFilter & { offset: number; limit: number },
): {
  rows: ReliefListRow[];
  total: number;
  totalCapped: boolean;
  counts: Record<string, number>;
  capped: Record<string, boolean>;
  totalAmount: string;
} {
  const where = listWhere(f);
  // The columns a row shows, not the whole application.
  const rows = ctx.db
    .select({
      r: {
        id: judicialRelief.id,
        childId: judicialRelief.childId,
        applicantName: judicialRelief.applicantName,
        applicationDate: judicialRelief.applicationDate,
        status: judicialRelief.status,
        amountFen: judicialRelief.amountFen,
        paidDate: judicialRelief.paidDate,
        updatedAt: judicialRelief.updatedAt,
      },
      childName: children.name,
      township: children.township,
    })
    .from(judicialRelief)
    .innerJoin(children, eq(children.id, judicialRelief.childId))
    .where(where)
    .orderBy(desc(judicialRelief.updatedAt))
    .limit(f.limit)
    .offset(f.offset)
    .all();
  const year = f.year ? 'judicial_relief.application_date BETWEEN @from AND @to' : '';
  const params = f.year ? { from: `${f.year}-01-01`, to: `${f.year}-12-31` } : {};
  const counted = registerCounts(ctx.raw, COUNTED, {
    statuses: RELIEF_STATUSES,
    open: RELIEF_OPEN,
    view: f.status,
    filterWhere: year,
    params,
  });
  // The decided amounts of every record in view (not only the counted ones): a sum has no cap,
  // so it is read off the index's entries alone, one status range after another.
  const inView = f.status === 'all' ? RELIEF_STATUSES : f.status === 'open' ? RELIEF_OPEN : [f.status];
  const fen = (
    cached(
      ctx.raw,
      `SELECT coalesce(sum(amount_fen), 0) AS fen FROM judicial_relief INDEXED BY relief_list
         WHERE deleted_at IS NULL AND status IN (SELECT value FROM json_each(@statuses))${year ? ` AND ${year}` : ''}`,
    ).get({ ...params, statuses: JSON.stringify(inView) }) as { fen: number }
  ).fen;
  return {
    rows: rows.map(({ r, childName, township }) => ({
      id: r.id,
      childId: r.childId,
      childName,
      township,
      applicantName: r.applicantName,
      applicationDate: r.applicationDate,
      status: r.status,
      amount: r.amountFen === null ? null : formatYuan(r.amountFen),
      paidDate: r.paidDate,
      updatedAt: r.updatedAt,
    })),
    ...counted,
    // Decided amounts of the rows in view, summed as integer 分 by SQLite.
    totalAmount: formatYuan(fen),
  };
}

/** The register as plain rows with Chinese headers, for the Excel export (db/exports at merge). */
export function reliefExportRows(
  ctx: ReadCtx,
  f: ListFilter,
): { columns: { key: string; header: string }[]; rows: Record<string, string | null>[] } {
  const keys = [
    'childName',
    'township',
    'applicantName',
    'applicantRelation',
    'applicationDate',
    'status',
    'decisionDate',
    'amount',
    'paidDate',
    'accountSupervisor',
    'returnVisitDate',
  ] as const;
  const rows = ctx.db
    .select({ r: judicialRelief, childName: children.name, township: children.township })
    .from(judicialRelief)
    .innerJoin(children, eq(children.id, judicialRelief.childId))
    .where(listWhere(f))
    .orderBy(judicialRelief.applicationDate)
    .all();
  return {
    columns: keys.map((key) => ({ key, header: t(`relief.export.${key}`) })),
    rows: rows.map(({ r, childName, township }) => ({
      childName,
      township,
      applicantName: r.applicantName,
      applicantRelation: t(`relief.codes.relation.${r.applicantRelation as 'other'}`),
      applicationDate: r.applicationDate,
      status: reliefStatusLabel(r.status),
      decisionDate: r.decisionDate,
      amount: r.amountFen === null ? null : formatYuan(r.amountFen),
      paidDate: r.paidDate,
      accountSupervisor: r.accountSupervisor,
      returnVisitDate: r.returnVisitDate,
    })),
  };
}

/** A sum of decided or paid amounts: integer 分 summed by SQLite, shown in 元. */
const AMOUNT = { measure: 'coalesce(sum(amount_fen), 0)', divisor: 100 };
const DECIDED = 'amount_fen IS NOT NULL';

/** 统计台账's figures of this area, each counted over [from, to] on its date column. */
export const RELIEF_FIGURES: readonly AreaFigure[] = [
  datedFigure('relief.figures.applications', '件', 'judicial_relief.application_date'),
  datedFigure('relief.figures.granted', '件', 'judicial_relief.decision_date', { where: DECIDED }),
  datedFigure('relief.figures.grantedAmount', '元', 'judicial_relief.decision_date', {
    ...AMOUNT,
    where: DECIDED,
  }),
  datedFigure('relief.figures.paidAmount', '元', 'judicial_relief.paid_date', AMOUNT),
  datedFigure('relief.figures.childrenPaid', '人', 'judicial_relief.paid_date', {
    measure: 'count(DISTINCT child_id)',
  }),
];

export function reliefTimeline(ctx: ReadCtx, childId: string): TimelineItem[] {
  // Only the columns shown: a whole-row select costs drizzle a column map per call, on every file opened.
  const rows = preparedQuery(ctx, 'relief.timeline.1', () =>
    ctx.db
      .select({
        id: judicialRelief.id,
        withdrawnAt: judicialRelief.withdrawnAt,
        withdrawReason: judicialRelief.withdrawReason,
        returnVisitDate: judicialRelief.returnVisitDate,
        closedAt: judicialRelief.closedAt,
        returnVisitFindings: judicialRelief.returnVisitFindings,
        paidDate: judicialRelief.paidDate,
        amountFen: judicialRelief.amountFen,
        paidAt: judicialRelief.paidAt,
        decisionDate: judicialRelief.decisionDate,
        decidedAt: judicialRelief.decidedAt,
        decisionReason: judicialRelief.decisionReason,
        applicationDate: judicialRelief.applicationDate,
        createdAt: judicialRelief.createdAt,
        applicantName: judicialRelief.applicantName,
      })
      .from(judicialRelief)
      .where(liveOfChildBound(judicialRelief))
      .prepare(),
  ).all({ childId });
  // Each step carries the instant it was recorded, so steps on one day (and the child's own
  // entries) keep their order; latest first for entries without one.
  return rows.flatMap((r) =>
    recordSteps('relief', `/relief/${r.id}`, [
      withdrawnStep(r, t('relief.timeline.withdrawn')),
      !!r.returnVisitDate && {
        date: r.returnVisitDate,
        at: r.closedAt ?? undefined,
        title: t('relief.timeline.returnVisit'),
        detail: r.returnVisitFindings,
      },
      !!r.paidDate &&
        r.amountFen !== null && {
          date: r.paidDate,
          at: r.paidAt ?? undefined,
          title: t('relief.timeline.paid', { amount: formatYuan(r.amountFen) }),
        },
      !!r.decisionDate && {
        date: r.decisionDate,
        at: r.decidedAt ?? undefined,
        title:
          r.amountFen !== null
            ? t('relief.timeline.granted', { amount: formatYuan(r.amountFen) })
            : t('relief.timeline.denied'),
        detail: r.amountFen !== null ? null : r.decisionReason,
      },
      {
        date: r.applicationDate,
        at: r.createdAt,
        title: t('relief.timeline.applied', { applicant: r.applicantName }),
      },
    ]),
  );
}
