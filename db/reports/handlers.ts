import { and, desc, eq, inArray, isNull, ne } from 'drizzle-orm';
import { z } from 'zod';
import { type Ctx, method, type ReadCtx } from '../api/define';
import { ApiError } from '../api/errors';
import { children } from '../children/schema';
import { fieldError, notFuture, stepDate } from '../common/checks';
import { STAFF } from '../common/flow';
import { newId } from '../common/ids';
import { nextNumber } from '../common/numbering';
import { created, updateVersioned } from '../common/records';
import type { ExportTable } from '../common/registers';
import { areaSteps } from '../common/transition';
import { t } from '../i18n';
import { REPORT_FLOW } from './codes';
import {
  reportActionInput,
  reportCloseInput,
  reportCreateInput,
  reportExportInput,
  reportFileInput,
  reportHandleInput,
  reportIdInput,
  reportListInput,
  reportStepInput,
  reportUpdateInput,
  reportVoidInput,
} from './inputs';
import {
  listReports,
  loadReport,
  type ReportView,
  reportExportRows,
  reportStatusLabel,
  viewReport,
} from './model';
import { mandatoryReportActions, mandatoryReportChildren, mandatoryReports } from './schema';

// 强制报告. The method map first; the named handlers below.
export const mandatoryReportMethods = {
  'mandatoryReports.create': method({
    input: reportCreateInput,
    access: STAFF,
    kind: 'write',
    handler: createReport,
  }),
  'mandatoryReports.update': method({
    input: reportUpdateInput,
    access: STAFF,
    kind: 'write',
    handler: updateReport,
  }),
  'mandatoryReports.get': method({ input: reportIdInput, access: 'user', kind: 'read', handler: getReport }),
  'mandatoryReports.list': method({
    input: reportListInput,
    access: 'user',
    kind: 'read',
    handler: listReports,
  }),
  'mandatoryReports.exportRows': method({
    input: reportExportInput,
    access: 'user',
    kind: 'read',
    handler: exportRows,
  }),
  'mandatoryReports.forChild': method({
    input: z.object({ childId: z.string().min(1) }),
    access: 'user',
    kind: 'read',
    handler: reportsForChild,
  }),
  'mandatoryReports.addAction': method({
    input: reportActionInput,
    access: STAFF,
    kind: 'write',
    handler: addAction,
  }),
  'mandatoryReports.verify': method({
    input: reportStepInput,
    access: STAFF,
    kind: 'write',
    handler: verifyReport,
  }),
  'mandatoryReports.file': method({
    input: reportFileInput,
    access: STAFF,
    kind: 'write',
    handler: fileReport,
  }),
  'mandatoryReports.handle': method({
    input: reportHandleInput,
    access: STAFF,
    kind: 'write',
    handler: handleReport,
  }),
  'mandatoryReports.close': method({
    input: reportCloseInput,
    access: STAFF,
    kind: 'write',
    handler: closeReport,
  }),
  'mandatoryReports.void': method({
    input: reportVoidInput,
    access: STAFF,
    kind: 'write',
    handler: voidReport,
  }),
};

function exportRows(ctx: ReadCtx, input: z.output<typeof reportExportInput>): ExportTable {
  return reportExportRows(ctx, input);
}

function datesNotFuture(ctx: Ctx, fields: Record<string, string | null | undefined>): void {
  for (const [field, date] of Object.entries(fields)) notFuture(ctx, field, date);
}

/** A step's date: not in the future, not before the step it follows (the report, or the filing or handling). */
function afterReported(ctx: Ctx, field: string, date: string, earliest: string): void {
  stepDate(ctx, field, date, earliest, t('mandatoryReports.validation.beforeReported', { date: earliest }));
}

function linkChildren(ctx: Ctx, reportId: string, childIds: string[]): void {
  const found = ctx.db
    .select({ id: children.id })
    .from(children)
    .where(and(inArray(children.id, childIds), isNull(children.deletedAt)))
    .all();
  if (found.length !== childIds.length)
    throw fieldError('childIds', t('mandatoryReports.validation.childNotFound'));
  ctx.db.delete(mandatoryReportChildren).where(eq(mandatoryReportChildren.reportId, reportId)).run();
  for (const childId of childIds) ctx.db.insert(mandatoryReportChildren).values({ reportId, childId }).run();
}

type Fields = z.output<typeof reportCreateInput>;
const columns = ({ childIds: _ids, ...f }: Fields) => f;

function createReport(ctx: Ctx, input: Fields): ReportView {
  datesNotFuture(ctx, { learnedDate: input.learnedDate, reportedDate: input.reportedDate });
  const id = newId();
  const year = Number(input.reportedDate.slice(0, 4));
  const seq = nextNumber(ctx, 'mandatoryReport', year);
  ctx.db
    .insert(mandatoryReports)
    .values({ id, year, seq, ...columns(input), status: 'received', ...created(ctx) })
    .run();
  linkChildren(ctx, id, input.childIds);
  ctx.audit.write({
    action: 'mandatoryReports.create',
    entity: 'mandatoryReport',
    entityId: id,
    detail: { childIds: input.childIds, trigger: input.trigger },
  });
  return viewReport(ctx, id);
}

function updateReport(ctx: Ctx, input: z.output<typeof reportUpdateInput>): ReportView {
  const { id, version, ...fields } = input;
  const r = loadReport(ctx, id);
  // What was reported stays as entered once the case has moved on; the record of steps says the rest.
  if (r.status !== 'received' && r.status !== 'verifying')
    throw new ApiError(
      'VALIDATION',
      t('mandatoryReports.validation.wrongStatus', { status: reportStatusLabel(r.status) }),
    );
  datesNotFuture(ctx, { learnedDate: fields.learnedDate, reportedDate: fields.reportedDate });
  updateVersioned(ctx, mandatoryReports, id, version, columns(fields));
  linkChildren(ctx, id, fields.childIds);
  ctx.audit.write({
    action: 'mandatoryReports.update',
    entity: 'mandatoryReport',
    entityId: id,
    detail: { childIds: fields.childIds },
  });
  return viewReport(ctx, id);
}

function getReport(ctx: ReadCtx, input: { id: string }): ReportView {
  return viewReport(ctx, input.id);
}

function reportsForChild(ctx: ReadCtx, input: { childId: string }): ReportView[] {
  return ctx.db
    .select({ id: mandatoryReports.id })
    .from(mandatoryReportChildren)
    .innerJoin(mandatoryReports, eq(mandatoryReports.id, mandatoryReportChildren.reportId))
    .where(
      and(
        eq(mandatoryReportChildren.childId, input.childId),
        isNull(mandatoryReports.deletedAt),
        ne(mandatoryReports.status, 'voided'),
      ),
    )
    .orderBy(desc(mandatoryReports.reportedDate))
    .all()
    .map((r) => viewReport(ctx, r.id));
}

function addAction(ctx: Ctx, input: z.output<typeof reportActionInput>): ReportView {
  const r = loadReport(ctx, input.id);
  if (r.status === 'closed' || r.status === 'voided')
    throw new ApiError(
      'VALIDATION',
      t('mandatoryReports.validation.wrongStatus', { status: reportStatusLabel(r.status) }),
    );
  afterReported(ctx, 'date', input.date, r.reportedDate);
  const actionId = newId();
  ctx.db
    .insert(mandatoryReportActions)
    .values({ id: actionId, reportId: r.id, date: input.date, action: input.action, ...created(ctx) })
    .run();
  // The report's version moves too, so a colleague's open form sees that it changed.
  updateVersioned(ctx, mandatoryReports, r.id, input.version, {});
  ctx.audit.write({
    action: 'mandatoryReports.addAction',
    entity: 'mandatoryReport',
    entityId: r.id,
    detail: { actionId },
  });
  return viewReport(ctx, r.id);
}

const step = areaSteps({
  table: mandatoryReports,
  area: 'mandatoryReports',
  entity: 'mandatoryReport',
  flow: REPORT_FLOW,
  statusLabel: reportStatusLabel,
  wrongStatus: 'mandatoryReports.validation.wrongStatus',
  view: viewReport,
});

function verifyReport(ctx: Ctx, input: z.output<typeof reportStepInput>): ReportView {
  return step(ctx, loadReport(ctx, input.id), 'verify', input.version);
}

function fileReport(ctx: Ctx, input: z.output<typeof reportFileInput>): ReportView {
  const r = loadReport(ctx, input.id);
  afterReported(ctx, 'filedDate', input.filedDate, r.reportedDate);
  return step(ctx, r, 'file', input.version, {
    policeCaseNumber: input.policeCaseNumber,
    filedDate: input.filedDate,
  });
}

function handleReport(ctx: Ctx, input: z.output<typeof reportHandleInput>): ReportView {
  const r = loadReport(ctx, input.id);
  afterReported(ctx, 'handledDate', input.handledDate, r.reportedDate);
  return step(ctx, r, 'handle', input.version, {
    disposition: input.disposition,
    handledDate: input.handledDate,
  });
}

function closeReport(ctx: Ctx, input: z.output<typeof reportCloseInput>): ReportView {
  const r = loadReport(ctx, input.id);
  afterReported(ctx, 'closedDate', input.closedDate, r.filedDate ?? r.handledDate ?? r.reportedDate);
  return step(ctx, r, 'close', input.version, { outcome: input.outcome, closedDate: input.closedDate });
}

function voidReport(ctx: Ctx, input: z.output<typeof reportVoidInput>): ReportView {
  return step(ctx, loadReport(ctx, input.id), 'void', input.version, { voidReason: input.reason });
}
