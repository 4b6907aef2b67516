import { and, count, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { emptyInput } from '../accounts/inputs';
import { type Host, hostMethod, method, type ReadCtx } from '../api/define';
import { t } from '../i18n';
import { type AuditRow, type ProblemKind, verifyChain } from './chain';
import { auditListInput } from './inputs';
import { auditLog } from './schema';

export const auditMethods = {
  'audit.list': method({
    input: auditListInput,
    access: ['admin'],
    kind: 'read',
    handler: listAudit,
  }),

  'audit.verify': hostMethod({
    input: emptyInput,
    access: ['admin'],
    // A verification is itself recorded, after the walk, so it does not verify its own row.
    kind: 'host',
    handler: verifyAudit,
  }),
};

/** A row of the log as the audit screen lists it: the chained row's own fields, its detail parsed. */
export type AuditListRow = Pick<
  AuditRow,
  'seq' | 'at' | 'actorId' | 'actorName' | 'action' | 'entity' | 'entityId'
> & {
  /** The child the row concerns (the audit convention: auditChildId in chain.ts). */
  childId: string | null;
  detail: Record<string, unknown>;
};

function listAudit(
  ctx: ReadCtx,
  input: z.output<typeof auditListInput>,
): { rows: AuditListRow[]; total: number } {
  const where: SQL[] = [];
  if (input.action) where.push(eq(auditLog.action, input.action));
  if (input.actorId) where.push(eq(auditLog.actorId, input.actorId));
  if (input.childId) where.push(eq(auditLog.childId, input.childId));
  if (input.from !== undefined) where.push(gte(auditLog.at, input.from));
  if (input.to !== undefined) where.push(lte(auditLog.at, input.to));
  const filter = where.length ? and(...where) : undefined;
  const rows = ctx.db
    .select()
    .from(auditLog)
    .where(filter)
    .orderBy(desc(auditLog.seq))
    .limit(input.limit)
    .offset(input.offset)
    .all();
  const total = ctx.db.select({ n: count() }).from(auditLog).where(filter).get()?.n ?? 0;
  return {
    rows: rows.map((r) => ({
      seq: r.seq,
      at: r.at,
      actorId: r.actorId,
      actorName: r.actorName,
      action: r.action,
      entity: r.entity,
      entityId: r.entityId,
      childId: r.childId,
      detail: JSON.parse(r.detail) as Record<string, unknown>,
    })),
    total,
  };
}

async function verifyAudit(host: Host) {
  const ctx = host.ctx();
  const report = verifyChain(ctx.raw);
  // The chain can be whole and still cut short or rewritten by someone holding the key;
  // the newest backups' manifests, outside the database, say where it stood then.
  const anchors = host.backups.divergences(ctx);
  const ok = report.ok && anchors.length === 0;
  host.transaction((c) =>
    c.audit.write({
      action: 'audit.verify',
      detail: { ok, checked: report.checked, anchorsDiverged: anchors.length },
    }),
  );
  return {
    ok,
    checked: report.checked,
    problems: [
      ...report.problems.map((p) => ({
        seq: p.seq,
        kind: p.kind as ProblemKind | 'anchor',
        message: t(`errors.auditChain.${p.kind}`, { seq: p.seq }),
      })),
      ...anchors.map((d) => ({ seq: d.anchorSeq, kind: 'anchor' as const, message: d.message })),
    ],
  };
}
