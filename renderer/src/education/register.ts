// The area's register: every guidance plan and every 训诫, across children.
//
// The API has no list for either (only education.forChild), so this walks the children and
// asks for each one's records. It is one place to replace once the core offers
// `education.list` / `education.admonitions`; the screens only see loadRegister's answer.
import { useCallback, useEffect, useState } from 'react';
import { type ApiOutput, api, toApiCallError } from '../api/client';

export type PlanView = ApiOutput<'education.getPlan'>;
export type AdmonitionView = ApiOutput<'education.forChild'>['admonitions'][number];
export type RegisterAdmonition = AdmonitionView & { childName: string };

export interface Register {
  plans: PlanView[];
  admonitions: RegisterAdmonition[];
}

const PAGE = 200;
// A few calls in flight at once: the core answers one at a time anyway, this only hides the IPC hops.
const PARALLEL = 6;

export async function loadRegister(): Promise<Register> {
  const children: { id: string; name: string }[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await api('children.list', { offset, limit: PAGE, sort: 'createdAt' });
    children.push(...page.rows.map((r) => ({ id: r.id, name: r.name })));
    if (page.rows.length < PAGE || children.length >= page.total) break;
  }
  const plans: PlanView[] = [];
  const admonitions: RegisterAdmonition[] = [];
  let next = 0;
  const worker = async () => {
    while (next < children.length) {
      const child = children[next++];
      const found = await api('education.forChild', { childId: child.id });
      plans.push(...found.plans);
      admonitions.push(...found.admonitions.map((a) => ({ ...a, childName: child.name })));
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, children.length) }, worker));
  plans.sort(
    (a, b) =>
      (b.startDate ?? b.assessmentDate ?? '').localeCompare(a.startDate ?? a.assessmentDate ?? '') ||
      a.childName.localeCompare(b.childName, 'zh-CN'),
  );
  admonitions.sort((a, b) => b.date.localeCompare(a.date) || a.childName.localeCompare(b.childName, 'zh-CN'));
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
