// Restricted counselling text, sealed inside the database under the counselling key (issue 16):
// session summaries, assessment notes and scores, treatment referral reasons and outcomes. The
// database key opens the file, not these fields: each value is sealed to the counselling key's
// public half (anyone who may record counselling can write), and only accounts whose slots hold
// the private half (counselling staff and administrators, GRANTS_BY_ROLE) can read it back.
// Stored as `swc1:` + the sealed box; the row and column are bound in, so a sealed value moved
// to another record or field opens nothing.
import type Database from 'better-sqlite3';
import { aadOf, type Sealed, seal, unseal } from '../core/keyring';

const PREFIX = 'swc1:';

/** The restricted columns, by table: what DOMAIN.md 心理疏导 and the access policy keep closest. */
export const SEALED_COLUMNS = {
  psych_assessments: ['notes', 'score'],
  counselling_sessions: ['summary'],
  treatment_referrals: ['reason', 'outcome'],
} as const;

export type SealedTable = keyof typeof SEALED_COLUMNS;

export interface CounsellingKeys {
  /** The public half, as pinned in the signed-in account's own slot: what writes seal to. */
  publicKey: string;
  /** The private half, only in the sessions of accounts the policy lets read counselling text. */
  privateKey: Buffer | null;
}

export function isSealed(value: string | null | undefined): boolean {
  return typeof value === 'string' && value.startsWith(PREFIX);
}

/** The sealed value; a missing one stays null (so a required column gets a string back). */
export function sealField<V extends string | null | undefined>(
  keys: CounsellingKeys,
  table: SealedTable,
  column: string,
  rowId: string,
  value: V,
): V extends string ? string : string | null;
export function sealField(
  keys: CounsellingKeys,
  table: SealedTable,
  column: string,
  rowId: string,
  value: string | null | undefined,
): string | null {
  if (value === null || value === undefined) return null;
  const sealed = seal(Buffer.from(value, 'utf8'), keys.publicKey, aadOf('counselling', table, column, rowId));
  return PREFIX + Buffer.from(JSON.stringify(sealed)).toString('base64');
}

/**
 * A new row's restricted columns (SEALED_COLUMNS of its table), sealed: what an insert writes
 * in place of the clear values, so a column added to the list is sealed on every write.
 */
export function sealedColumns(
  keys: CounsellingKeys,
  table: SealedTable,
  rowId: string,
  values: Record<string, unknown>,
): Record<string, string | null> {
  return Object.fromEntries(
    SEALED_COLUMNS[table].map((column) => [
      column,
      sealField(keys, table, column, rowId, values[column] as string | null | undefined),
    ]),
  );
}

/** The text, or null without the private key (or for a value that is not this row's). */
export function openField(
  keys: CounsellingKeys,
  table: SealedTable,
  column: string,
  rowId: string,
  value: string | null,
): string | null {
  if (value === null) return null;
  // Rows written before sealing existed are sealed at the next sign-in (sealPlaintext).
  if (!isSealed(value)) return keys.privateKey ? value : null;
  if (!keys.privateKey) return null;
  try {
    const sealed = JSON.parse(Buffer.from(value.slice(PREFIX.length), 'base64').toString('utf8')) as Sealed;
    const plain = unseal(sealed, keys.privateKey, keys.publicKey, aadOf('counselling', table, column, rowId));
    return plain ? plain.toString('utf8') : null;
  } catch {
    return null;
  }
}

/**
 * Seals every restricted value still stored in clear (written before this version, or by a
 * tool that bypassed the handlers). Runs at sign-in, in one transaction; a no-op once done.
 */
export function sealPlaintext(raw: Database.Database, publicKey: string): number {
  let sealedCount = 0;
  raw
    .transaction(() => {
      for (const [table, columns] of Object.entries(SEALED_COLUMNS) as [SealedTable, readonly string[]][]) {
        for (const column of columns) {
          const rows = raw
            .prepare(
              `SELECT id, ${column} AS v FROM ${table} WHERE ${column} IS NOT NULL AND substr(${column}, 1, 5) <> ?`,
            )
            .all(PREFIX) as { id: string; v: string }[];
          const update = raw.prepare(`UPDATE ${table} SET ${column} = ? WHERE id = ?`);
          for (const row of rows) {
            update.run(sealField({ publicKey, privateKey: null }, table, column, row.id, row.v), row.id);
            sealedCount++;
          }
        }
      }
    })
    .immediate();
  return sealedCount;
}
