// 统计台账 (DOMAIN.md "Statistics the studio reports"): the figures the studio reports, each
// defined once. Pure data, so the renderer reads the same list for its columns and labels; the
// SQL that counts each figure is in model.ts, its written definition in the catalog (stats.figures).

/** Counting units. Figures in different units are never added together. */
export const UNITS = ['person', 'personTimes', 'times', 'copies', 'cases', 'yuan'] as const; // 人 人次 次 份 件 元
export type Unit = (typeof UNITS)[number];

/** The column groups of the ledger, in the order it prints them. */
export const GROUPS = [
  'children',
  'referrals',
  'education',
  'orders',
  'counselling',
  'visits',
  'reports', // 强制报告
  'outreach', // 法治宣讲
  'relief', // 国家司法救助
  'suits', // 支持起诉
] as const;
export type FigureGroup = (typeof GROUPS)[number];

export interface FigureDef {
  key: FigureKey;
  group: FigureGroup;
  unit: Unit;
  /**
   * A stock (在册) is counted at the period's last day; a flow (新增, 次…) counts the records
   * whose date falls inside the period.
   */
  kind: 'stock' | 'flow';
  /** Whether a township row can carry it: referrals belong to no one township. */
  byTownship: boolean;
  /** Counselling figures are counts only (精神卫生法 art. 23): no list of the children behind them. */
  drill: boolean;
  /**
   * 'sum' adds up each record's value (受众人次, an amount in 分) instead of counting records.
   * A 元 figure is summed in integer 分 and divided once; it is never added to any count.
   */
  measure?: 'sum';
}

export const FIGURE_KEYS = [
  'childrenOnFile', // 在册儿童
  'childrenNew', // 新增儿童
  'deFactoOnFile', // 事实无人抚养儿童（在册）
  'deFactoNew', // 新认定事实无人抚养儿童
  'referralsReceived', // 受理线索移交
  'referralActions', // 分流处置
  'admonitions', // 家庭教育训诫
  'guidanceSessions', // 家庭教育指导
  'ordersIssued', // 制发督促监护令
  'ordersClosed', // 督促监护令评估结案
  'assessments', // 心理测评
  'counsellingSessions', // 心理疏导
  'counselledChildren', // 接受心理疏导儿童
  'visits', // 走访
  'reportCases', // 办理强制报告相关案件
  'reportChildren', // 强制报告涉及未成年人
  'outreachEvents', // 开展法治宣讲
  'outreachAudience', // 法治宣讲受众
  'reliefGranted', // 决定给予国家司法救助
  'reliefGrantedAmount', // 决定救助金额
  'reliefPaidAmount', // 发放救助金
  'suitsIssued', // 支持起诉
  'suitsGranted', // 撤销或变更监护人资格
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

/** What most figures are: a flow, by township, with the list of records behind it. */
const USUAL = { kind: 'flow', byTownship: true, drill: true } as const;
/** Counselling figures are counts only: no list of the children behind them. */
const COUNT_ONLY = { ...USUAL, drill: false } as const;
/** A figure that adds up each record's value (受众人次, an amount in 分). */
const SUMMED = { ...USUAL, measure: 'sum' } as const;
/** A referral belongs to no one township. */
const NO_TOWNSHIP = { ...USUAL, byTownship: false } as const;
const STOCK = { ...USUAL, kind: 'stock' } as const;

export const FIGURES: readonly FigureDef[] = [
  { key: 'childrenOnFile', group: 'children', unit: 'person', ...STOCK },
  { key: 'childrenNew', group: 'children', unit: 'person', ...USUAL },
  { key: 'deFactoOnFile', group: 'children', unit: 'person', ...STOCK },
  { key: 'deFactoNew', group: 'children', unit: 'person', ...USUAL },
  { key: 'referralsReceived', group: 'referrals', unit: 'times', ...NO_TOWNSHIP },
  { key: 'referralActions', group: 'referrals', unit: 'times', ...NO_TOWNSHIP },
  { key: 'admonitions', group: 'education', unit: 'times', ...USUAL },
  { key: 'guidanceSessions', group: 'education', unit: 'personTimes', ...USUAL },
  { key: 'ordersIssued', group: 'orders', unit: 'copies', ...USUAL },
  { key: 'ordersClosed', group: 'orders', unit: 'copies', ...USUAL },
  { key: 'assessments', group: 'counselling', unit: 'personTimes', ...COUNT_ONLY },
  { key: 'counsellingSessions', group: 'counselling', unit: 'personTimes', ...COUNT_ONLY },
  { key: 'counselledChildren', group: 'counselling', unit: 'person', ...COUNT_ONLY },
  { key: 'visits', group: 'visits', unit: 'times', ...USUAL },
  // A report may concern children of several townships: the case counts once, for no township.
  { key: 'reportCases', group: 'reports', unit: 'cases', ...NO_TOWNSHIP },
  { key: 'reportChildren', group: 'reports', unit: 'person', ...USUAL },
  { key: 'outreachEvents', group: 'outreach', unit: 'times', ...USUAL },
  { key: 'outreachAudience', group: 'outreach', unit: 'personTimes', ...SUMMED },
  { key: 'reliefGranted', group: 'relief', unit: 'cases', ...USUAL },
  { key: 'reliefGrantedAmount', group: 'relief', unit: 'yuan', ...SUMMED },
  { key: 'reliefPaidAmount', group: 'relief', unit: 'yuan', ...SUMMED },
  { key: 'suitsIssued', group: 'suits', unit: 'cases', ...USUAL },
  { key: 'suitsGranted', group: 'suits', unit: 'cases', ...USUAL },
];

/** 元 figures are summed in 分: this turns a stored sum into the 元 shown. */
export const FEN_PER_YUAN = 100;

export function figureDef(key: FigureKey): FigureDef {
  const def = FIGURES.find((f) => f.key === key);
  if (!def) throw new Error(`unknown figure ${key}`);
  return def;
}

export const PERIOD_KINDS = ['month', 'quarter', 'year', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export const BREAKDOWNS = ['township', 'caseworker'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

/** The row key of children and records whose child has no responsible caseworker. */
export const NO_OWNER = '';
