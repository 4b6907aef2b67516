import { and, desc, eq, isNull, ne, sql } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Ctx, ReadCtx } from '../api/define';
import { ApiError } from '../api/errors';
import { t } from '../i18n';

type VersionedTable = SQLiteTable & {
  id: SQLiteColumn;
  version: SQLiteColumn;
  updatedAt: SQLiteColumn;
  updatedBy: SQLiteColumn;
  deletedAt: SQLiteColumn;
};

type LiveTable = SQLiteTable & { id: SQLiteColumn; deletedAt: SQLiteColumn };

/** A record that is not in the recycle bin, or NOT_FOUND. */
export function loadLive<T extends LiveTable>(ctx: ReadCtx, table: T, id: string): T['$inferSelect'] {
  const row = ctx.db
    .select()
    .from(table as SQLiteTable)
    .where(and(eq(table.id, id), isNull(table.deletedAt)))
    .get();
  if (!row) throw new ApiError('NOT_FOUND', t('errors.notFound'));
  return row as T['$inferSelect'];
}

type ChildRecordTable = LiveTable & { childId: SQLiteColumn; status: SQLiteColumn; createdAt: SQLiteColumn };

/** The ids of a child's records but the withdrawn and the deleted, newest first (a child's file lists them). */
export function currentIdsOfChild(ctx: ReadCtx, table: ChildRecordTable, childId: string): string[] {
  return ctx.db
    .select({ id: table.id })
    .from(table as SQLiteTable)
    .where(and(eq(table.childId, childId), isNull(table.deletedAt), ne(table.status, 'withdrawn')))
    .orderBy(desc(table.createdAt))
    .all()
    .map((r) => r.id as string);
}

/** Columns every insert sets the same way. */
export function created(ctx: Ctx) {
  const now = ctx.clock.now();
  return { createdAt: now, updatedAt: now, createdBy: ctx.user.id, updatedBy: ctx.user.id, version: 1 };
}

/**
 * Updates a record only if it still has the version the caller edited. A mismatch is a
 * CONFLICT: someone saved in between, and their change must not be silently overwritten.
 */
export function updateVersioned<T extends VersionedTable>(
  ctx: Ctx,
  table: T,
  id: string,
  expectedVersion: number,
  patch: Record<string, unknown>,
): void {
  const result = ctx.db
    .update(table)
    .set({
      ...patch,
      version: sql`${table.version} + 1`,
      updatedAt: ctx.clock.now(),
      updatedBy: ctx.user.id,
    } as never)
    .where(and(eq(table.id, id), eq(table.version, expectedVersion), isNull(table.deletedAt)))
    .run();
  if (result.changes === 1) return;
  const exists = ctx.db
    .select({ v: table.version })
    .from(table as SQLiteTable)
    .where(and(eq(table.id, id), isNull(table.deletedAt)))
    .get();
  throw exists
    ? ApiError.conflict('staleVersion', t('errors.conflict'))
    : new ApiError('NOT_FOUND', t('errors.notFound'));
}
