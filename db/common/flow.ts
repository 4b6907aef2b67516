// A status flow written as data: step → from statuses → to status → roles allowed. The API's
// guard (transition() in ./transition.ts) and the screen's buttons both read the same table, so
// "who may do this, from which status?" has one answer. Pure: the renderer imports it too.
import type { Access, Role } from '../api/define';

export interface FlowStep<S extends string> {
  from: readonly S[];
  to: S;
  roles: Access;
}

export type Flow<S extends string, K extends string> = Readonly<Record<K, FlowStep<S>>>;

/** Every signed-in role, counselling staff included. */
export const ANYONE: Access = 'user';
/** Everyone who does the studio's casework; counselling staff do not run these records. */
export const STAFF: readonly Role[] = ['admin', 'supervisor', 'caseworker'];
/** The department head's decisions (部门负责人): approve, grant, issue, void. */
export const LEADS: readonly Role[] = ['admin', 'supervisor'];

export function roleMay(access: Access, role: Role): boolean {
  return access === 'public' || access === 'user' || access.includes(role);
}

export function canStep<S extends string, K extends string>(
  flow: Flow<S, K>,
  step: K,
  status: S,
  role: Role,
): boolean {
  const s = flow[step];
  return s.from.includes(status) && roleMay(s.roles, role);
}

/** The steps a role may take from a status, in the table's order: the buttons a record page shows. */
export function stepsFrom<S extends string, K extends string>(flow: Flow<S, K>, status: S, role: Role): K[] {
  return (Object.keys(flow) as K[]).filter((k) => canStep(flow, k, status, role));
}
