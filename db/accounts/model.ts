// What other areas need of the accounts: never reached through handlers.ts.
import type { ReadCtx } from '../api/define';
import { cached } from '../core/statements';

/** The display name shown beside a record (承办人, 审批人, 起草人); null for none or a removed id. */
export function accountName(ctx: ReadCtx, id: string | null): string | null {
  if (!id) return null;
  // Prepared once per connection: a file, a referral and most records show one or more.
  const row = cached(ctx.raw, 'SELECT display_name AS n FROM accounts WHERE id = ?').get(id) as
    | { n: string }
    | undefined;
  return row?.n ?? null;
}
