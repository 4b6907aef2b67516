import type { NeedKind } from '../../../db/children/codes';
import type { ApiOutput } from '../api/client';

export type Visit = ApiOutput<'visits.get'>;
export type VisitKind = 'home' | 'school' | 'phone' | 'atOffice';
export const VISIT_KINDS: readonly VisitKind[] = ['home', 'school', 'phone', 'atOffice'];

export const FINDING_KEYS = ['living', 'schooling', 'health', 'psychological', 'safety'] as const;
export type FindingKey = (typeof FINDING_KEYS)[number];
export type Findings = { [K in FindingKey]?: string | null };

export interface NeedFound {
  kind: NeedKind;
  note?: string | null;
}

/** The form's values: what the caseworker has typed so far, every field possibly empty. */
export interface VisitValues {
  date?: string | null;
  kind?: VisitKind | null;
  place?: string | null;
  visitors?: string | null;
  personsMet?: string | null;
  findings?: Findings;
  needsFound?: NeedFound[];
  actionsAgreed?: string | null;
  nextVisitDate?: string | null;
}
