import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { childRef } from '../children/schema';
import { recordColumns } from '../common/columns';
import type { ReporterKind, ReportStatus, Trigger } from './codes';

// 强制报告: one report may concern several children (siblings, a class), so they are linked.
export const mandatoryReports = sqliteTable(
  'mandatory_reports',
  {
    id: text('id').primaryKey(),
    /** Register number, allocated on entry: year and sequence. */
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    reporterUnit: text('reporter_unit').notNull(),
    reporterKind: text('reporter_kind').$type<ReporterKind>().notNull(),
    reporterName: text('reporter_name').notNull(),
    reporterContact: text('reporter_contact'),
    /** YYYY-MM-DD: when the reporter learned of it, and when they reported. */
    learnedDate: text('learned_date').notNull(),
    reportedDate: text('reported_date').notNull(),
    trigger: text('trigger').$type<Trigger>().notNull(),
    situation: text('situation').notNull(),
    /** 接报派出所 */
    policeStation: text('police_station'),
    status: text('status').$type<ReportStatus>().notNull().default('received'),
    /** 立案: the police case number and date. */
    policeCaseNumber: text('police_case_number'),
    filedDate: text('filed_date'),
    /** 处置: what was done instead of a criminal case. */
    disposition: text('disposition'),
    handledDate: text('handled_date'),
    outcome: text('outcome'),
    closedDate: text('closed_date'),
    voidReason: text('void_reason'),
    ...recordColumns(),
  },
  (t) => [
    uniqueIndex('mandatory_reports_number').on(t.year, t.seq),
    // A status's page in the register's order (newest report, then its number), and each tab's
    // count, a trigger's and a period's too, off its entries alone (db/reports/model.ts listReports).
    index('mandatory_reports_status').on(t.deletedAt, t.status, t.reportedDate, t.seq, t.trigger),
    // The open ones' page and all of them, walked in the register's order with no sort; the
    // status and trigger are checked on the entry, so only a row that is shown is read.
    index('mandatory_reports_reported').on(t.deletedAt, t.reportedDate, t.seq, t.status, t.trigger),
  ],
);

export const mandatoryReportChildren = sqliteTable(
  'mandatory_report_children',
  {
    reportId: text('report_id')
      .notNull()
      .references(() => mandatoryReports.id),
    childId: childRef(),
  },
  (t) => [
    uniqueIndex('mandatory_report_children_pk').on(t.reportId, t.childId),
    index('mandatory_report_children_child').on(t.childId),
  ],
);

/** 跟进记录: what was done, when, by whom. The latest date keeps the follow-up reminder quiet. */
export const mandatoryReportActions = sqliteTable(
  'mandatory_report_actions',
  {
    id: text('id').primaryKey(),
    reportId: text('report_id')
      .notNull()
      .references(() => mandatoryReports.id),
    date: text('date').notNull(),
    action: text('action').notNull(),
    ...recordColumns(),
  },
  (t) => [index('mandatory_report_actions_report').on(t.reportId, t.date)],
);
