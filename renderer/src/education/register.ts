// The area's register: every guidance plan and every 训诫, across children, in one call.
import { type ApiOutput, api } from '../api/client';
import { useLoad } from '../common/useApiQuery';

export type PlanView = ApiOutput<'education.getPlan'>;
/** A plan as the register lists it (no sessions or goals: those open with the plan). */
export type RegisterPlan = ApiOutput<'education.register'>['plans'][number];
export type AdmonitionView = ApiOutput<'education.forChild'>['admonitions'][number];
export type RegisterAdmonition = AdmonitionView & { childName: string };

export interface Register {
  plans: RegisterPlan[];
  admonitions: RegisterAdmonition[];
}

export async function loadRegister(): Promise<Register> {
  const { plans, admonitions } = await api('education.register', {});
  plans.sort(
    (a, b) =>
      (b.startDate ?? b.assessmentDate ?? '').localeCompare(a.startDate ?? a.assessmentDate ?? '') ||
      a.childName.localeCompare(b.childName, 'zh-CN'),
  );
  return { plans, admonitions };
}

export function useRegister() {
  return useLoad(loadRegister, 'education.register');
}
