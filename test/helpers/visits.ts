// The 走访 other stories need on file: one copy for the integration tests and the browser tests' seeding.
import type { Core } from '../../db/api/core';
import { call, type Input } from './core';

/**
 * A visit finalized as caseworkers usually record one (at home unless `kind` says otherwise;
 * living: 良好, no needs), with its next visit due.
 */
export async function recordVisit(
  core: Core,
  childId: string,
  date: string,
  nextVisitDate: string | null,
  kind: Input<'visits.finalize'>['kind'] = 'home',
): Promise<{ id: string }> {
  const v = await call(core, 'visits.saveDraft', { childId });
  await call(core, 'visits.finalize', {
    id: v.id,
    date,
    kind,
    findings: { living: '良好' },
    needsFound: [],
    nextVisitDate,
  });
  return { id: v.id };
}
