// 督促监护令 (DOMAIN.md "Guardianship order").
import { ANYONE, type Flow, LEADS } from '../common/flow';
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
/** The work still to do: the list's 未结 tab. */
export const ORDER_OPEN: readonly OrderStatus[] = ['draft', 'pending', 'approved', 'observing', 'evaluating'];

/**
 * The one table of moves: the API's guard (transition()) and the order page's buttons both read
 * it. Approval is the department head's; the drafter may not approve their own order wherever
 * there are two people (selfApproval in the handlers, reflected in OrderView.steps).
 */
export const ORDER_FLOW = {
  submit: { from: ['draft'], to: 'pending', roles: ANYONE },
  approve: { from: ['pending'], to: 'approved', roles: LEADS },
  reject: { from: ['pending'], to: 'draft', roles: LEADS },
  recordDelivery: { from: ['approved'], to: 'observing', roles: ANYONE },
  startEvaluation: { from: ['observing'], to: 'evaluating', roles: ANYONE },
  evaluate: { from: ['observing', 'evaluating'], to: 'closed', roles: ANYONE },
  withdraw: { from: ['draft', 'pending', 'approved'], to: 'withdrawn', roles: ANYONE },
} as const satisfies Flow<OrderStatus, string>;
export type OrderStep = keyof typeof ORDER_FLOW;

/** Edits that are not a status step, and the statuses they are open in. */
export const ORDER_EDITABLE: readonly OrderStatus[] = ['draft'];
export const ORDER_FOLLOW_UP: readonly OrderStatus[] = ['observing', 'evaluating'];

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
