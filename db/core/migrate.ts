import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { ApiError } from '../api/errors';
import { t } from '../i18n';

export interface Migration {
  index: number;
  tag: string;
  statements: string[];
}

/** Reads drizzle-kit's journal and SQL files; the order is the journal's. */
export function loadMigrations(migrationsDir: string): Migration[] {
  const journal = JSON.parse(readFileSync(join(migrationsDir, 'meta', '_journal.json'), 'utf8')) as {
    entries: { idx: number; tag: string }[];
  };
  return journal.entries.map((e) => ({
    index: e.idx,
    tag: e.tag,
    statements: readFileSync(join(migrationsDir, `${e.tag}.sql`), 'utf8')
      .split('--> statement-breakpoint')
      .map((s) => s.trim())
      .filter((s) => s.length > 0),
  }));
}

/** `CREATE TRIGGER [IF NOT EXISTS] name` / `DROP TRIGGER [IF EXISTS] name`, name quoted or not. */
const TRIGGER_NAMED =
  /\b(?:CREATE\s+(?:TEMP\s+|TEMPORARY\s+)?TRIGGER(?:\s+IF\s+NOT\s+EXISTS)?|DROP\s+TRIGGER(?:\s+IF\s+EXISTS)?)\s+(?:[`"[]?\w+[`"\]]?\s*\.\s*)?[`"[]?(\w+)[`"\]]?/gi;

/** The triggers the statements create or drop by name, lower-cased (SQLite's names are not case-sensitive). */
function triggersNamedIn(migrations: Migration[]): Set<string> {
  const named = new Set<string>();
  for (const m of migrations)
    for (const statement of m.statements)
      for (const match of statement.matchAll(TRIGGER_NAMED)) named.add(match[1].toLowerCase());
  return named;
}

interface SavedTrigger {
  name: string;
  tbl: string;
  sql: string;
}

/**
 * Drops every trigger before the statements and returns the ones to put back after them.
 * drizzle-kit changes a column by rebuilding the table (CREATE __new_x, INSERT SELECT, DROP x,
 * RENAME): DROP x silently takes x's own triggers along (the audit log's refusals, the
 * referrals.due keepers), and the RENAME re-parses the whole schema, so it fails on any trigger
 * of another table whose body names x while x does not exist ("error in trigger …: no such
 * table"). A trigger the migration itself creates or drops by name is the migration's to
 * manage and does not come back; the others do, as they were, once the statements are done.
 */
function setTriggersAside(
  raw: Database.Database,
  pending: Migration[],
): { saved: SavedTrigger[]; dropped: Set<string> } {
  const all = raw
    .prepare("SELECT name, tbl_name AS tbl, sql FROM sqlite_master WHERE type = 'trigger'")
    .all() as SavedTrigger[];
  for (const t of all) raw.exec(`DROP TRIGGER "${t.name.replaceAll('"', '""')}"`);
  const named = triggersNamedIn(pending);
  return {
    saved: all.filter((t) => !named.has(t.name.toLowerCase())),
    dropped: new Set(all.map((t) => t.name.toLowerCase())),
  };
}

const DROP_TRIGGER =
  /\bDROP\s+TRIGGER\s+(?!IF\s+EXISTS\b)((?:[`"[]?\w+[`"\]]?\s*\.\s*)?[`"[]?(\w+)[`"\]]?)/gi;

/** The migration's own DROP TRIGGER of one already set aside: gone, so IF EXISTS. */
function tolerant(statement: string, dropped: Set<string>): string {
  return statement.replace(DROP_TRIGGER, (whole, target: string, name: string) =>
    dropped.has(name.toLowerCase()) ? `DROP TRIGGER IF EXISTS ${target}` : whole,
  );
}

/**
 * Recreates the saved triggers whose table the migration kept (a dropped table's go with it),
 * then checks they still fit the schema. SQLite takes a trigger whose body names a column or
 * table that is gone without a word and only fails the writes that fire it, later, in the
 * studio's hands; preparing (not running) each kind of write on the table compiles its
 * triggers, so such a migration fails here instead, rolled back, with the backup kept.
 */
function putTriggersBack(raw: Database.Database, saved: SavedTrigger[]): void {
  const tableExists = raw.prepare(
    "SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = ? COLLATE NOCASE",
  );
  const back = saved.filter((t) => tableExists.get(t.tbl));
  for (const t of back) raw.exec(t.sql);
  const q = (name: string) => `"${name.replaceAll('"', '""')}"`;
  for (const table of new Set(back.map((t) => t.tbl))) {
    const columns = (raw.pragma(`table_info(${q(table)})`) as { name: string }[]).map((c) => q(c.name));
    const writes = [
      `INSERT INTO ${q(table)} DEFAULT VALUES`,
      `UPDATE ${q(table)} SET ${columns.map((c) => `${c} = ${c}`).join(', ')} WHERE 0`,
      `DELETE FROM ${q(table)} WHERE 0`,
    ];
    for (const write of writes) {
      try {
        raw.prepare(write);
      } catch (err) {
        throw new Error(`a trigger on ${table} no longer fits the migrated schema: ${String(err)}`);
      }
    }
  }
}

export interface MigrationOutcome {
  from: number;
  to: number;
  backupFile: string | null;
}

/**
 * Brings the database to the app's schema. `user_version` counts the migrations applied.
 * A database that counts more than this app knows was written by a newer version: it is
 * refused and not touched. Pending migrations run in one transaction after a copy of the
 * (still encrypted) file is kept, so a failure leaves the data as it was.
 */
export function migrate(
  raw: Database.Database,
  opts: {
    dbFile: string;
    backupDir: string;
    migrations: Migration[];
    now: number;
    /**
     * Run in the migration's transaction before its statements: drops what the code (not the
     * migrations) owns, such as the 统计台账 cells' triggers, which would otherwise fire on, or
     * break against, a table a migration rebuilds. The code puts them back after the open.
     */
    beforeStatements?: (raw: Database.Database) => void;
  },
): MigrationOutcome {
  const from = raw.pragma('user_version', { simple: true }) as number;
  const to = opts.migrations.length;
  if (from > to) throw new ApiError('INTERNAL', t('errors.databaseNewer'));
  if (from === to) return { from, to, backupFile: null };

  let backupFile: string | null = null;
  if (from > 0) {
    // Fold the WAL into the main file first so the copy is complete on its own.
    raw.pragma('wal_checkpoint(TRUNCATE)');
    mkdirSync(opts.backupDir, { recursive: true });
    backupFile = join(opts.backupDir, `before-migration-v${from}-to-v${to}-${opts.now}.db`);
    copyFileSync(opts.dbFile, backupFile);
  }

  // Table rebuilds in drizzle migrations turn foreign keys off; inside a transaction that
  // pragma is ignored, so it is switched off around the transaction and the keys are
  // checked before commit instead.
  raw.pragma('foreign_keys = OFF');
  try {
    raw.transaction(() => {
      opts.beforeStatements?.(raw);
      const pending = opts.migrations.slice(from);
      const { saved, dropped } = setTriggersAside(raw, pending);
      for (const m of pending) {
        for (const statement of m.statements) raw.exec(tolerant(statement, dropped));
      }
      putTriggersBack(raw, saved);
      const broken = raw.pragma('foreign_key_check') as unknown[];
      if (broken.length > 0)
        throw new Error(`foreign key check failed after migration: ${broken.length} rows`);
      raw.pragma(`user_version = ${to}`);
    })();
  } catch (err) {
    throw new ApiError(
      'INTERNAL',
      t('errors.migrationFailed', { backup: backupFile ?? '-' }),
      undefined,
      err,
    );
  } finally {
    raw.pragma('foreign_keys = ON');
  }
  return { from, to, backupFile };
}
