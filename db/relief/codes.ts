// 国家司法救助 (state judicial relief): vocabularies and the status flow. Labels: relief.codes.*.
import { KIN } from '../children/codes';
import type { Flow } from '../common/flow';

export const RELIEF_STATUSES = [
  'applied',
  'reviewing',
  'granted',
  'denied',
  'paid',
  'closed',
  'withdrawn',
] as const;
// 已申请 审查中 准予救助 不予救助 已发放 已回访结案 已撤回
export type ReliefStatus = (typeof RELIEF_STATUSES)[number];
export const RELIEF_OPEN: readonly ReliefStatus[] = ['applied', 'reviewing', 'granted', 'paid'];

export const RELIEF_STEPS = ['startReview', 'grant', 'deny', 'pay', 'returnVisit', 'withdraw'] as const;
export type ReliefStep = (typeof RELIEF_STEPS)[number];

/** The one table of moves. The API's guard and the record page's buttons both read it. */
export const RELIEF_FLOW: Flow<ReliefStatus, ReliefStep> = {
  startReview: { from: ['applied'], to: 'reviewing', roles: 'user' },
  // The decision is the department head's (部门负责人), as for orders.
  grant: { from: ['reviewing'], to: 'granted', roles: ['supervisor', 'admin'] },
  deny: { from: ['reviewing'], to: 'denied', roles: ['supervisor', 'admin'] },
  pay: { from: ['granted'], to: 'paid', roles: 'user' },
  returnVisit: { from: ['paid'], to: 'closed', roles: 'user' },
  withdraw: { from: ['applied', 'reviewing'], to: 'withdrawn', roles: 'user' },
};

/** Materials received with the application (a checklist). */
export const RELIEF_MATERIALS = [
  'application', // 国家司法救助申请书
  'identity', // 申请人身份证明
  'relationProof', // 与被救助人关系证明
  'caseDocs', // 案件情况说明或法律文书
  'hardshipProof', // 生活困难证明
  'lossProof', // 医疗费用、财产损失等证明
  'other', // 其他材料
] as const;
export type ReliefMaterial = (typeof RELIEF_MATERIALS)[number];

export const RELIEF_APPLICANT_RELATIONS = [
  'father',
  'mother',
  ...KIN,
  'civilAffairs', // 民政部门（代为申请）
  'other',
] as const;

export const RETURN_VISIT_METHODS = ['home', 'phone', 'office'] as const; // 走访 电话 到院

/** The usual ceiling: 36 months of the province's average monthly wage (a setting). */
export const CEILING_MONTHS = 36;
/**
 * 山东省上年度职工月平均工资, 元. A placeholder until the administrator enters the published
 * figure in 设置; the ceiling is a warning only, so a stale figure never blocks a decision.
 */
export const DEFAULT_MONTHLY_WAGE_YUAN = 8800;
/** A decision is due ten working days after the application is accepted (reminder). */
export const DECISION_WORKDAYS = 10;
/** The 回访 after payment: within three months (reminder). */
export const RETURN_VISIT_MONTHS = 3;
