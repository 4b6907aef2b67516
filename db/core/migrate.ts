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
      for (const m of opts.migrations.slice(from)) {
        for (const statement of m.statements) raw.exec(statement);
      }
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
