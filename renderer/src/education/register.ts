// The area's register: one tab's page of guidance plans or 训诫, across children, with every tab's count.
import type { ApiInput, ApiOutput } from '../api/client';
import { useApiQuery } from '../common/useApiQuery';

export type PlanView = ApiOutput<'education.getPlan'>;
/** A plan as the register lists it (no sessions or goals: those open with the plan). */
export type RegisterPlan = ApiOutput<'education.register'>['plans'][number];
export type AdmonitionView = ApiOutput<'education.forChild'>['admonitions'][number];
export type RegisterAdmonition = AdmonitionView & { childName: string };
export type RegisterView = NonNullable<ApiInput<'education.register'>['view']>;

/** The tab's page from `offset`, in the register's order (newest change first). */
export function useRegister(view: RegisterView, offset: number, limit: number) {
  return useApiQuery('education.register', { view, offset, limit });
}
