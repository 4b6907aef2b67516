// A status flow as data: one table (step → from statuses → to status → roles allowed) that the
// server's guard and the screen's buttons both read, and one transition() that checks, updates
// with the version and audits. Part B of issue 17 (relief, suits) shares this helper; the lead
// unifies it with part A's.
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { refusal } from '../access/policy';
import type { Access, Ctx, Role } from '../api/define';
import { ApiError } from '../api/errors';
import { updateVersioned } from '../common/records';
import { t } from '../i18n';

export interface FlowStep<S extends string> {
  from: readonly S[];
  to: S;
  roles: Access;
}

export type Flow<K extends string, S extends string> = Record<K, FlowStep<S>>;

export function roleMay(access: Access, role: Role): boolean {
  return access === 'public' || access === 'user' || access.includes(role);
}

/** The steps a user may take from a status: what the screen offers as buttons. */
export function stepsFrom<K extends string, S extends string>(flow: Flow<K, S>, status: S, role: Role): K[] {
  return (Object.keys(flow) as K[]).filter(
    (k) => flow[k].from.includes(status) && roleMay(flow[k].roles, role),
  );
}

type FlowTable = SQLiteTable & {
  id: SQLiteColumn;
  version: SQLiteColumn;
  updatedAt: SQLiteColumn;
  updatedBy: SQLiteColumn;
  deletedAt: SQLiteColumn;
};

export interface TransitionArgs<K extends string, S extends string> {
  flow: Flow<K, S>;
  step: K;
  table: FlowTable;
  /** The record as loaded: its id, status and child (for the audit row). */
  row: { id: string; status: S; childId: string };
  version: number;
  /** Other columns the step sets besides the status. */
  patch?: Record<string, unknown>;
  /** 'relief' | 'suit': the audit entity; the action is `<area>.<step>`. */
  entity: string;
  area: string;
  statusLabel: (s: S) => string;
  detail?: Record<string, unknown>;
}

export function transition<K extends string, S extends string>(ctx: Ctx, a: TransitionArgs<K, S>): void {
  const step = a.flow[a.step];
  if (!roleMay(step.roles, ctx.user.role))
    throw refusal(`${a.area}.${a.step}`, { entity: a.entity, entityId: a.row.id });
  if (!step.from.includes(a.row.status))
    throw new ApiError('VALIDATION', t('relief.flow.wrongStatus', { status: a.statusLabel(a.row.status) }));
  updateVersioned(ctx, a.table, a.row.id, a.version, { ...a.patch, status: step.to });
  ctx.audit.write({
    action: `${a.area}.${a.step}`,
    entity: a.entity,
    entityId: a.row.id,
    detail: { childId: a.row.childId, from: a.row.status, to: step.to, ...a.detail },
  });
}
