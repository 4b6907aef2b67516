// What other areas (reminders, stats, exports, outreach's flow) need from 强制报告.

import { and, count, desc, eq, gte, isNull, lte, ne, type SQL, sql } from 'drizzle-orm';
import { accountName } from '../accounts/model';
import { accounts } from '../accounts/schema';
import type { ReadCtx } from '../api/define';
import { addDays } from '../calendar/workdays';
import type { TimelineItem } from '../children/timeline';
import { stepsFrom } from '../common/flow';
import { loadLive } from '../common/records';
import {
  type AreaFigure,
  areaFigure,
  type ExportTable,
  registerCounts,
  statusFilter,
} from '../common/registers';
import { cached, preparedQuery } from '../core/statements';
import { t } from '../i18n';
import { readSetting } from '../settings/model';
import {
  OPEN_REPORT_STATUSES,
  REPORT_FLOW,
  REPORT_STATUSES,
  type ReporterKind,
  type ReportStatus,
  type ReportStep,
  type Trigger,
} from './codes';
import type { ReportFilters } from './inputs';
import { mandatoryReportActions, mandatoryReportChildren, mandatoryReports } from './schema';

export type ReportRow = typeof mandatoryReports.$inferSelect;

/** 强制报告〔2026〕3号 */
export function reportNumber(year: number, seq: number): string {
  return t('mandatoryReports.number', { year, seq });
}

export const reportStatusLabel = (s: ReportStatus) => t(`mandatoryReports.status.${s}`);

export function loadReport(ctx: ReadCtx, id: string): ReportRow {
  return loadLive(ctx, mandatoryReports, id);
}

export interface ReportView {
  id: string;
  number: string;
  reporterUnit: string;
  reporterKind: ReporterKind;
  reporterName: string;
  reporterContact: string | null;
  learnedDate: string;
  reportedDate: string;
  /** Days between learning and reporting: the 意见 asks for a report at once. */
  delayDays: number;
  trigger: Trigger;
  situation: string;
  policeStation: string | null;
  status: ReportStatus;
  policeCaseNumber: string | null;
  filedDate: string | null;
  disposition: string | null;
  handledDate: string | null;
  outcome: string | null;
  closedDate: string | null;
  voidReason: string | null;
  children: {
    id: string;
    name: string;
    gender: 'male' | 'female';
    birthDate: string;
    township: string | null;
  }[];
  actions: { id: string; date: string; action: string; byName: string | null; createdAt: number }[];
  /** The steps the signed-in role may take now (the buttons), read from REPORT_FLOW. */
  steps: ReportStep[];
  createdByName: string | null;
  createdAt: number;
  version: number;
}

function days(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function viewReport(ctx: ReadCtx, id: string): ReportView {
  const r = loadReport(ctx, id);
  const kids = linkedChildren(ctx, [id]).map(({ reportId: _r, ...c }) => c);
  const actions = ctx.db
    .select({
      id: mandatoryReportActions.id,
      date: mandatoryReportActions.date,
      action: mandatoryReportActions.action,
      byName: accounts.displayName,
      createdAt: mandatoryReportActions.createdAt,
    })
    .from(mandatoryReportActions)
    .leftJoin(accounts, eq(accounts.id, mandatoryReportActions.createdBy))
    .where(and(eq(mandatoryReportActions.reportId, id), isNull(mandatoryReportActions.deletedAt)))
    .orderBy(desc(mandatoryReportActions.date), desc(mandatoryReportActions.createdAt))
    .all();
  const createdByName = accountName(ctx, r.createdBy);
  return {
    id: r.id,
    number: reportNumber(r.year, r.seq),
    reporterUnit: r.reporterUnit,
    reporterKind: r.reporterKind,
    reporterName: r.reporterName,
    reporterContact: r.reporterContact,
    learnedDate: r.learnedDate,
    reportedDate: r.reportedDate,
    delayDays: days(r.learnedDate, r.reportedDate),
    trigger: r.trigger,
    situation: r.situation,
    policeStation: r.policeStation,
    status: r.status,
    policeCaseNumber: r.policeCaseNumber,
    filedDate: r.filedDate,
    disposition: r.disposition,
    handledDate: r.handledDate,
    outcome: r.outcome,
    closedDate: r.closedDate,
    voidReason: r.voidReason,
    children: kids,
    actions,
    steps: stepsFrom(REPORT_FLOW, r.status, ctx.user.role),
    createdByName,
    createdAt: r.createdAt,
    version: r.version,
  };
}

function filterWhere(f: ReportFilters): SQL[] {
  const where: SQL[] = [isNull(mandatoryReports.deletedAt)];
  const status = statusFilter(mandatoryReports.status, f.status, OPEN_REPORT_STATUSES);
  if (status) where.push(status);
  if (f.trigger) where.push(eq(mandatoryReports.trigger, f.trigger));
  if (f.from) where.push(gte(mandatoryReports.reportedDate, f.from));
  if (f.to) where.push(lte(mandatoryReports.reportedDate, f.to));
  return where;
}

export interface ReportListRow {
  id: string;
  number: string;
  reportedDate: string;
  reporterUnit: string;
  trigger: Trigger;
  policeStation: string | null;
  status: ReportStatus;
  childNames: string[];
  updatedAt: number;
}

interface LinkedChild {
  reportId: string;
  id: string;
  name: string;
  gender: 'male' | 'female';
  birthDate: string;
  township: string | null;
}

/**
 * The children of a few reports. CROSS JOIN keeps SQLite starting from the reports' links: left
 * free, it walks every child (their deleted_at index) to find the handful named.
 */
function linkedChildren(ctx: ReadCtx, reportIds: string[]): LinkedChild[] {
  if (reportIds.length === 0) return [];
  return cached(
    ctx.raw,
    `SELECT rc.report_id AS reportId, c.id, c.name, c.gender, c.birth_date AS birthDate, c.township
       FROM mandatory_report_children rc CROSS JOIN children c ON c.id = rc.child_id
       WHERE rc.report_id IN (SELECT value FROM json_each(?)) AND c.deleted_at IS NULL
       ORDER BY c.name`,
  ).all(JSON.stringify(reportIds)) as LinkedChild[];
}

function childNamesOf(ctx: ReadCtx, reportIds: string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of linkedChildren(ctx, reportIds)) {
    const names = out.get(r.reportId) ?? [];
    names.push(r.name);
    out.set(r.reportId, names);
  }
  return out;
}

/** Where the register's tabs and totals are counted: (deleted_at, status, reported_date, seq, trigger). */
const COUNTED = { table: 'mandatory_reports', index: 'mandatory_reports_status' };

/**
 * One page of the register, newest report first, each tab counted up to the cap (超过 N past it)
 * off one range of mandatory_reports_status, the view's total under the trigger and period too.
 * A status's page is walked off that index in the list's order, the open ones and all of them
 * off mandatory_reports_reported, with no sort.
 */
export function listReports(
  ctx: ReadCtx,
  f: ReportFilters & { offset: number; limit: number },
): {
  rows: ReportListRow[];
  total: number;
  totalCapped: boolean;
  counts: Record<string, number>;
  capped: Record<string, boolean>;
} {
  const where = and(...filterWhere(f));
  // The columns a row shows, not the report's texts: a page is read, not each report whole.
  const rows = ctx.db
    .select({
      id: mandatoryReports.id,
      year: mandatoryReports.year,
      seq: mandatoryReports.seq,
      reportedDate: mandatoryReports.reportedDate,
      reporterUnit: mandatoryReports.reporterUnit,
      trigger: mandatoryReports.trigger,
      policeStation: mandatoryReports.policeStation,
      status: mandatoryReports.status,
      updatedAt: mandatoryReports.updatedAt,
    })
    .from(mandatoryReports)
    .where(where)
    .orderBy(desc(mandatoryReports.reportedDate), desc(mandatoryReports.seq))
    .limit(f.limit)
    .offset(f.offset)
    .all();
  const filters: string[] = [];
  if (f.trigger) filters.push('mandatory_reports.trigger = @trigger');
  if (f.from) filters.push('mandatory_reports.reported_date >= @from');
  if (f.to) filters.push('mandatory_reports.reported_date <= @to');
  const counted = registerCounts(ctx.raw, COUNTED, {
    statuses: REPORT_STATUSES,
    open: OPEN_REPORT_STATUSES,
    view: f.status,
    filterWhere: filters.join(' AND '),
    params: { trigger: f.trigger ?? null, from: f.from ?? null, to: f.to ?? null },
  });
  const names = childNamesOf(
    ctx,
    rows.map((r) => r.id),
  );
  return {
    rows: rows.map((r) => ({
      id: r.id,
      number: reportNumber(r.year, r.seq),
      reportedDate: r.reportedDate,
      reporterUnit: r.reporterUnit,
      trigger: r.trigger,
      policeStation: r.policeStation,
      status: r.status,
      childNames: names.get(r.id) ?? [],
      updatedAt: r.updatedAt,
    })),
    ...counted,
  };
}

export function reportExportRows(ctx: ReadCtx, f: ReportFilters): ExportTable {
  const rows = ctx.db
    .select()
    .from(mandatoryReports)
    .where(and(...filterWhere(f)))
    .orderBy(desc(mandatoryReports.reportedDate), desc(mandatoryReports.seq))
    .all();
  const names = childNamesOf(
    ctx,
    rows.map((r) => r.id),
  );
  const keys = [
    'number',
    'reportedDate',
    'learnedDate',
    'reporterUnit',
    'reporterKind',
    'reporterName',
    'reporterContact',
    'trigger',
    'children',
    'policeStation',
    'status',
    'policeCaseNumber',
    'disposition',
    'outcome',
    'closedDate',
  ] as const;
  return {
    sheetName: t('mandatoryReports.title'),
    columns: keys.map((key) => ({ key, header: t(`mandatoryReports.fields.${key}`) })),
    rows: rows.map((r) => ({
      number: reportNumber(r.year, r.seq),
      reportedDate: r.reportedDate,
      learnedDate: r.learnedDate,
      reporterUnit: r.reporterUnit,
      reporterKind: t(`mandatoryReports.reporterKinds.${r.reporterKind}`),
      reporterName: r.reporterName,
      reporterContact: r.reporterContact,
      trigger: t(`mandatoryReports.triggerShort.${r.trigger}`),
      children: (names.get(r.id) ?? []).join('、'),
      policeStation: r.policeStation,
      status: reportStatusLabel(r.status),
      policeCaseNumber: r.policeCaseNumber,
      disposition: r.disposition,
      outcome: r.outcome,
      closedDate: r.closedDate,
    })),
  };
}

const inPeriod = (from: string, to: string) =>
  and(
    isNull(mandatoryReports.deletedAt),
    ne(mandatoryReports.status, 'voided'),
    gte(mandatoryReports.reportedDate, from),
    lte(mandatoryReports.reportedDate, to),
  );

export const REPORT_FIGURES: readonly AreaFigure[] = [
  areaFigure(
    'mandatoryReports.figures.cases',
    '件',
    'mandatory_reports.reported_date',
    (ctx, from, to) =>
      ctx.db.select({ n: count() }).from(mandatoryReports).where(inPeriod(from, to)).get()?.n ?? 0,
  ),
  areaFigure(
    'mandatoryReports.figures.filed',
    '件',
    'mandatory_reports.filed_date',
    (ctx, from, to) =>
      ctx.db
        .select({ n: count() })
        .from(mandatoryReports)
        .where(
          and(
            isNull(mandatoryReports.deletedAt),
            ne(mandatoryReports.status, 'voided'),
            gte(mandatoryReports.filedDate, from),
            lte(mandatoryReports.filedDate, to),
          ),
        )
        .get()?.n ?? 0,
  ),
  areaFigure(
    'mandatoryReports.figures.children',
    '人',
    'mandatory_reports.reported_date',
    (ctx, from, to) =>
      ctx.db
        .selectDistinct({ id: mandatoryReportChildren.childId })
        .from(mandatoryReportChildren)
        .innerJoin(mandatoryReports, eq(mandatoryReports.id, mandatoryReportChildren.reportId))
        .where(inPeriod(from, to))
        .all().length,
  ),
];

/**
 * Open reports whose latest follow-up (or the report itself) is older than the setting's days:
 * one reminder per child concerned, due that many days after the last thing recorded. For the
 * children named (the stored reminders of those a write touched), or every child (of the owner).
 */
export function reportFollowUps(
  ctx: ReadCtx,
  opts: { ownerId?: string; childIds?: readonly string[] } = {},
): {
  id: string;
  number: string;
  due: string;
  childId: string;
  childName: string;
  ownerId: string | null;
  /** The child's name in pinyin: the reminders board orders by it. */
  sortName: string;
}[] {
  const days = readSetting(ctx, 'reportFollowUpDays');
  const owner = opts.ownerId ? ' AND c.owner_id = @ownerId' : '';
  // From the few open reports to their children, never from every child (or every child of the
  // owner) to their reports; for the few children named, from those children.
  const from = opts.childIds
    ? `children c JOIN mandatory_report_children rc ON rc.child_id = c.id JOIN mandatory_reports r ON r.id = rc.report_id`
    : `mandatory_reports r CROSS JOIN mandatory_report_children rc ON rc.report_id = r.id
       CROSS JOIN children c ON c.id = rc.child_id`;
  // Prepared once per connection: every board and 首页 runs it, and preparing was a good part of it.
  const rows = cached(
    ctx.raw,
    `SELECT r.id, r.year, r.seq, c.id AS childId, c.name AS childName, c.owner_id AS ownerId,
              coalesce(c.name_pinyin, '') AS sortName,
              COALESCE((SELECT MAX(a.date) FROM mandatory_report_actions a WHERE a.report_id = r.id AND a.deleted_at IS NULL),
                       r.reported_date) AS last
       FROM ${from}
       WHERE r.deleted_at IS NULL AND ${opts.childIds ? '+' : ''}r.status IN ('received', 'verifying', 'filed', 'handled')
         AND c.deleted_at IS NULL${owner}${opts.childIds ? ' AND c.id IN (SELECT value FROM json_each(@childIds))' : ''}`,
  ).all({
    ownerId: opts.ownerId ?? null,
    childIds: opts.childIds ? JSON.stringify(opts.childIds) : null,
  }) as {
    id: string;
    year: number;
    seq: number;
    childId: string;
    childName: string;
    ownerId: string | null;
    sortName: string;
    last: string;
  }[];
  return rows.map((r) => ({
    id: r.id,
    number: reportNumber(r.year, r.seq),
    due: addDays(r.last, days),
    childId: r.childId,
    childName: r.childName,
    ownerId: r.ownerId,
    sortName: r.sortName,
  }));
}

export function mandatoryReportsTimeline(ctx: ReadCtx, childId: string): TimelineItem[] {
  const items: TimelineItem[] = [];
  // Only the columns shown: a whole-row select costs drizzle a column map per call, on every file opened.
  const reports = preparedQuery(ctx, 'reports.timeline.1', () =>
    ctx.db
      .select({
        r: {
          id: mandatoryReports.id,
          year: mandatoryReports.year,
          seq: mandatoryReports.seq,
          reportedDate: mandatoryReports.reportedDate,
          createdAt: mandatoryReports.createdAt,
          reporterUnit: mandatoryReports.reporterUnit,
          filedDate: mandatoryReports.filedDate,
          handledDate: mandatoryReports.handledDate,
          closedDate: mandatoryReports.closedDate,
        },
      })
      .from(mandatoryReportChildren)
      .innerJoin(mandatoryReports, eq(mandatoryReports.id, mandatoryReportChildren.reportId))
      .where(
        and(
          eq(mandatoryReportChildren.childId, sql.placeholder('childId')),
          isNull(mandatoryReports.deletedAt),
          ne(mandatoryReports.status, 'voided'),
        ),
      )
      .prepare(),
  ).all({ childId });
  for (const { r } of reports) {
    const number = reportNumber(r.year, r.seq);
    const link = `/reports/${r.id}`;
    const area = 'mandatoryReports';
    items.push({
      date: r.reportedDate,
      at: r.createdAt,
      area,
      title: t('mandatoryReports.timeline.received', { unit: r.reporterUnit }),
      detail: number,
      link,
    });
    if (r.filedDate)
      items.push({
        date: r.filedDate,
        area,
        title: t('mandatoryReports.timeline.filed'),
        detail: number,
        link,
      });
    if (r.handledDate)
      items.push({
        date: r.handledDate,
        area,
        title: t('mandatoryReports.timeline.handled'),
        detail: number,
        link,
      });
    if (r.closedDate)
      items.push({
        date: r.closedDate,
        area,
        title: t('mandatoryReports.timeline.closed'),
        detail: number,
        link,
      });
  }
  return items;
}
