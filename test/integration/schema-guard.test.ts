// The schema guard (issue 15): a database built by running every migration equals what the
// drizzle schema (db/<area>/schema.ts) describes — tables, columns with their types,
// nullability, defaults and keys, indexes and foreign keys. A hand-edited migration, a schema
// change without its migration, or a migration without its schema change fails here.
import Database from 'better-sqlite3';
import { generateSQLiteDrizzleJson, generateSQLiteMigration } from 'drizzle-kit/api';
import { describe, expect, it } from 'vitest';
import { loadMigrations } from '../../db/core/migrate';
import * as schema from '../../db/schema';
import { MIGRATIONS_DIR } from './support';

/** Objects that only a custom migration makes and drizzle has no words for. */
const CUSTOM_ONLY = new Set([
  'trigger:audit_log_no_update',
  'trigger:audit_log_no_delete',
  // A referral's due date kept current (0022_referral_due).
  'trigger:referrals_due_insert',
  'trigger:referrals_due_update',
  'trigger:referral_actions_due_insert',
  'trigger:referral_actions_due_update',
  'trigger:referral_actions_due_delete',
]);

function describeDb(raw: Database.Database) {
  const objects = raw
    .prepare(
      `SELECT type, name, tbl_name AS tbl FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name`,
    )
    .all() as { type: string; name: string; tbl: string }[];
  const out: Record<string, unknown> = {};
  for (const o of objects) {
    if (CUSTOM_ONLY.has(`${o.type}:${o.name}`)) continue;
    if (o.type === 'table') {
      const columns = (raw.prepare(`PRAGMA table_xinfo("${o.name}")`).all() as Record<string, unknown>[])
        .map((c) => ({
          name: c.name,
          type: String(c.type).toLowerCase(),
          notnull: c.notnull,
          dflt: c.dflt_value,
          pk: c.pk,
          hidden: c.hidden,
        }))
        .sort((a, b) => String(a.name).localeCompare(String(b.name)));
      const fks = (raw.prepare(`PRAGMA foreign_key_list("${o.name}")`).all() as Record<string, unknown>[])
        .map((f) => `${f.from}→${f.table}.${f.to} on delete ${f.on_delete}`)
        .sort();
      out[`table:${o.name}`] = { columns, fks };
    } else if (o.type === 'index') {
      const cols = (raw.prepare(`PRAGMA index_xinfo("${o.name}")`).all() as Record<string, unknown>[])
        .filter((c) => c.key === 1)
        .map((c) => `${c.name ?? 'expr'}${c.desc ? ' desc' : ''}`);
      const unique = (
        raw.prepare(`PRAGMA index_list("${o.tbl}")`).all() as { name: string; unique: number }[]
      ).find((i) => i.name === o.name)?.unique;
      out[`index:${o.name}`] = { table: o.tbl, cols, unique };
    } else {
      out[`${o.type}:${o.name}`] = o.tbl;
    }
  }
  return out;
}

describe('the schema guard', () => {
  it('finds a freshly migrated database equal to what the drizzle schema describes', async () => {
    const migrated = new Database(':memory:');
    for (const m of loadMigrations(MIGRATIONS_DIR)) for (const s of m.statements) migrated.exec(s);

    const empty = await generateSQLiteDrizzleJson({});
    const current = await generateSQLiteDrizzleJson(schema as Record<string, unknown>);
    const pushed = new Database(':memory:');
    for (const s of await generateSQLiteMigration(empty, current)) pushed.exec(s);

    const fromMigrations = describeDb(migrated);
    const fromSchema = describeDb(pushed);
    expect(Object.keys(fromMigrations).length).toBeGreaterThan(40);
    expect(fromMigrations).toEqual(fromSchema);
    migrated.close();
    pushed.close();
  });
});
