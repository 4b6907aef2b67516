// 强制报告 — mandatory reports under 《关于建立侵害未成年人案件强制报告制度的意见（试行）》
// (2020, the nine units: 最高检、国家监委、教育部、公安部、民政部、司法部、国家卫健委、共青团中央、全国妇联).
import { type Flow, LEADS, STAFF } from '../common/flow';

export const REPORT_STATUSES = ['received', 'verifying', 'filed', 'handled', 'closed', 'voided'] as const;
// 已接报 核查中 已立案 已处置 已办结 已作废
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const OPEN_REPORT_STATUSES: readonly ReportStatus[] = ['received', 'verifying', 'filed', 'handled'];

/**
 * Received → verified → either the police open a criminal case (立案) or it is handled otherwise
 * (督促监护, 救助, 批评教育…) → closed. Voiding (a duplicate or a mistaken entry) needs a lead:
 * nothing disappears from the register without one.
 */
export const REPORT_FLOW = {
  verify: { from: ['received'], to: 'verifying', roles: STAFF },
  file: { from: ['verifying'], to: 'filed', roles: STAFF },
  handle: { from: ['verifying'], to: 'handled', roles: STAFF },
  close: { from: ['filed', 'handled'], to: 'closed', roles: STAFF },
  void: { from: ['received', 'verifying'], to: 'voided', roles: LEADS },
} as const satisfies Flow<ReportStatus, string>;
export type ReportStep = keyof typeof REPORT_FLOW;

/**
 * The nine situations of art. 4 that oblige a report; the full wording is in the catalog
 * (mandatoryReports.triggers.<n>), numbered as the 意见 numbers them.
 */
export const TRIGGERS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;
export type Trigger = (typeof TRIGGERS)[number];

/** Who must report (art. 3): the kinds of unit in close contact with children. */
export const REPORTER_KINDS = [
  'villageCommittee', // 居（村）民委员会
  'school', // 学校、幼儿园、校外培训机构
  'childcare', // 托育机构
  'medical', // 医疗机构
  'welfare', // 儿童福利、救助管理、未成年人救助保护机构
  'hotel', // 旅店、宾馆
  'police', // 公安机关（本院受理）
  'other',
] as const;
export type ReporterKind = (typeof REPORTER_KINDS)[number];

/** Days without a recorded follow-up before a reminder; a setting (reportFollowUpDays). */
export const DEFAULT_REPORT_FOLLOW_UP_DAYS = 7;
