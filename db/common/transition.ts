// The one guard every status change goes through: the role and the from-status come from the
// area's flow table (./flow.ts), the update carries the version the caller saw, and the audit
// row names the step. Orders, plans, referrals, reports, relief, suits and outreach all use it.
import { refusal } from '../access/policy';
import type { Ctx } from '../api/define';
import { ApiError } from '../api/errors';
import { type MessageKey, t } from '../i18n';
import type { Flow } from './flow';
import { updateVersioned } from './records';

type VersionedTable = Parameters<typeof updateVersioned>[1];

export interface TransitionArgs<S extends string, K extends string> {
  table: VersionedTable;
  flow: Flow<S, K>;
  step: K;
  /** The record as loaded. */
  row: { id: string; status: S };
  version: number;
  /** Other columns the step sets besides the status. */
  patch?: Record<string, unknown>;
  /** The audit entity ('order', 'referral', …) and the method prefix: the action is `<area>.<step>`. */
  entity: string;
  area: string;
  /** The area's own action name where it is not `<area>.<step>` (referrals.transition). */
  action?: string;
  statusLabel: (s: S) => string;
  /** The area's wording of "not from this status" (placeholder {status}). */
  wrongStatus?: MessageKey;
  detail?: Record<string, unknown>;
}

export function transition<S extends string, K extends string>(ctx: Ctx, a: TransitionArgs<S, K>): void {
  const step = a.flow[a.step];
  const action = a.action ?? `${a.area}.${a.step}`;
  if (!(step.roles === 'user' || step.roles === 'public' || step.roles.includes(ctx.user.role)))
    throw refusal(action, { entity: a.entity, entityId: a.row.id });
  if (!step.from.includes(a.row.status))
    throw new ApiError(
      'VALIDATION',
      t(a.wrongStatus ?? 'errors.wrongStatus', { status: a.statusLabel(a.row.status) }),
    );
  updateVersioned(ctx, a.table, a.row.id, a.version, { ...a.patch, status: step.to });
  ctx.audit.write({
    action,
    entity: a.entity,
    entityId: a.row.id,
    detail: { from: a.row.status, to: step.to, ...a.detail },
  });
}

/** What every step of one area shares: its flow, table, audit entity, wording, and its record's view. */
export type AreaSteps<S extends string, K extends string, V> = Pick<
  TransitionArgs<S, K>,
  'table' | 'flow' | 'entity' | 'area' | 'statusLabel' | 'wrongStatus'
> & {
  /** The record as the step's caller gets it back. */
  view: (ctx: Ctx, id: string) => V;
};

/**
 * An area's step function: the area says once what its steps share (areaSteps({...})), and each
 * handler names only the step, the record, the version it saw and what the step sets. A record
 * about one child carries that child in the audit row, so the child's history finds the step.
 */
export function areaSteps<S extends string, K extends string, V>(area: AreaSteps<S, K, V>) {
  const { view, ...fixed } = area;
  return (
    ctx: Ctx,
    row: { id: string; status: S; childId?: string },
    step: K,
    version: number,
    patch: Record<string, unknown> = {},
    detail: Record<string, unknown> = {},
  ): V => {
    transition(ctx, {
      ...fixed,
      step,
      row,
      version,
      patch,
      detail: row.childId ? { childId: row.childId, ...detail } : detail,
    });
    return view(ctx, row.id);
  };
}
