// 家庭教育指导 plans: statuses and the status flow. Labels: codes.planStatus.*.
import { ANYONE, type Flow } from '../common/flow';

export const PLAN_STATUSES = ['assessing', 'active', 'completed', 'suspended'] as const; // 评估中 指导中 已完成 已中止
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** The register's tabs: the plans of each status, then the 训诫. */
export const REGISTER_VIEWS = [...PLAN_STATUSES, 'admonitions'] as const;
export type RegisterView = (typeof REGISTER_VIEWS)[number];

/** The one table of moves: the API's guard (transition()) and the plan page's buttons both read it. */
export const PLAN_FLOW = {
  start: { from: ['assessing'], to: 'active', roles: ANYONE },
  complete: { from: ['active'], to: 'completed', roles: ANYONE },
  suspend: { from: ['assessing', 'active'], to: 'suspended', roles: ANYONE },
} as const satisfies Flow<PlanStatus, string>;
export type PlanStep = keyof typeof PLAN_FLOW;

/** Edits that are not a status step, and the statuses they are open in. */
export const PLAN_EDITABLE: readonly PlanStatus[] = ['assessing', 'active'];
export const PLAN_SESSIONS: readonly PlanStatus[] = ['active'];
export const PLAN_FOLLOW_UP: readonly PlanStatus[] = ['active', 'completed'];
