// 督促监护令 (DOMAIN.md "Guardianship order").
import problemsFile from './problems.json';

export const ORDER_STATUSES = [
  'draft',
  'pending',
  'approved',
  'observing',
  'evaluating',
  'closed',
  'withdrawn',
] as const;
// 拟制 待审批 已审批(待送达) 已送达/考察中 待评估 已结案 已撤回
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const DELIVERY_METHODS = ['written', 'onSite'] as const; // 书面送达 现场宣告
export const EVALUATIONS = ['met', 'basicallyMet', 'notMet'] as const; // 达标 基本达标 未达标
export const OUTCOMES = ['close', 'guidance', 'supportSuit'] as const; // 结案 责令接受家庭教育指导 支持起诉撤销监护资格

export const DEFAULT_ORDER_PREFIX = '济阳检未督监';
export const DEFAULT_OBSERVATION_MONTHS = 3;

export interface ProblemCode {
  code: string;
  article: string;
  text: string;
}
/** Problems found, coded to 未成年人保护法 arts. 16–17; the list is data (problems.json). */
export const PROBLEMS: readonly ProblemCode[] = (problemsFile as { problems: ProblemCode[] }).problems;
export const PROBLEM_CODES = PROBLEMS.map((p) => p.code);
