// The area's register: every guidance plan and every 训诫, across children, in one call.
import { useCallback, useEffect, useState } from 'react';
import { type ApiOutput, api, toApiCallError } from '../api/client';

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
  const [data, setData] = useState<Register | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `tick` asks for a fresh load.
  useEffect(() => {
    let current = true;
    setLoading(true);
    loadRegister()
      .then((value) => {
        if (!current) return;
        setData(value);
        setError(null);
      })
      .catch((err) => {
        if (!current) return;
        const e = toApiCallError(err);
        if (e.code !== 'LOCKED') setError(e.message);
      })
      .finally(() => {
        if (current) setLoading(false);
      });
    return () => {
      current = false;
    };
  }, [tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading, reload };
}
