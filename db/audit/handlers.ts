import { and, count, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import { t } from '../../renderer/src/i18n';
import { emptyInput } from '../accounts/inputs';
import { method } from '../api/define';
import { verifyChain } from './chain';
import { auditListInput } from './inputs';
import { auditLog } from './schema';

export interface AuditListRow {
  seq: number;
  at: number;
  actorId: string | null;
  actorName: string;
  action: string;
  entity: string | null;
  entityId: string | null;
  detail: Record<string, unknown>;
}

export const auditMethods = {
  'audit.list': method({
    input: auditListInput,
    access: ['admin'],
    kind: 'read',
    handler: (ctx, input): { rows: AuditListRow[]; total: number } => {
      const where: SQL[] = [];
      if (input.action) where.push(eq(auditLog.action, input.action));
      if (input.actorId) where.push(eq(auditLog.actorId, input.actorId));
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
          detail: JSON.parse(r.detail) as Record<string, unknown>,
        })),
        total,
      };
    },
  }),

  'audit.verify': method({
    input: emptyInput,
    access: ['admin'],
    // A verification is itself recorded, after the walk, so it does not verify its own row.
    kind: 'write',
    handler: (ctx) => {
      const report = verifyChain(ctx.raw);
      ctx.audit.write({ action: 'audit.verify', detail: { ok: report.ok, checked: report.checked } });
      return {
        ok: report.ok,
        checked: report.checked,
        problems: report.problems.map((p) => ({
          ...p,
          message: t(`errors.auditChain.${p.kind}`, { seq: p.seq }),
        })),
      };
    },
  }),
};
