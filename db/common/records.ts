import { and, eq, isNull, sql } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Ctx } from '../api/define';
import { ApiError } from '../api/errors';
import { t } from '../i18n';

type VersionedTable = SQLiteTable & {
  id: SQLiteColumn;
  version: SQLiteColumn;
  updatedAt: SQLiteColumn;
  updatedBy: SQLiteColumn;
  deletedAt: SQLiteColumn;
};

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
