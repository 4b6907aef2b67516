import type { Ctx } from '../api/define';

/**
 * The next number in `scope` for `year`. Runs inside the caller's write transaction, which
 * SQLite serialises, so two records created at once never get the same number.
 */
export function nextNumber(ctx: Ctx, scope: string, year: number): number {
  const row = ctx.raw
    .prepare(
      `INSERT INTO number_sequences (scope, year, last) VALUES (?, ?, 1)
       ON CONFLICT(scope, year) DO UPDATE SET last = last + 1
       RETURNING last`,
    )
    .get(scope, year) as { last: number };
  return row.last;
}
