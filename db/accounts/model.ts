// What other areas need of the accounts: never reached through handlers.ts.
import { eq } from 'drizzle-orm';
import type { ReadCtx } from '../api/define';
import { accounts } from './schema';

/** The display name shown beside a record (承办人, 审批人, 起草人); null for none or a removed id. */
export function accountName(ctx: ReadCtx, id: string | null): string | null {
  if (!id) return null;
  return (
    ctx.db.select({ n: accounts.displayName }).from(accounts).where(eq(accounts.id, id)).get()?.n ?? null
  );
}
