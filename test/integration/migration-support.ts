// What the migration tests share: the migrations as an older release shipped them, the raw
// encrypted database behind a signed-out core, and a query's plan.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { Clock } from '../../db/api/define';
import { makeDataDir } from '../helpers/tmp';
import { CHILD, childOnOldSchema, MIGRATIONS_DIR, openOldStudio } from './support';

export { openRaw } from './support';

interface Journal {
  entries: { idx: number; version: string; when: number; tag: string; breakpoints: boolean }[];
}

/** A copy of the real migrations whose journal `edit` rewrites, as another release would ship it. */
function migrationsCopy(edit: (journal: Journal, dir: string) => void): string {
  const dir = path.join(makeDataDir('migrations'), 'migrations');
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  const journalFile = path.join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as Journal;
  edit(journal, dir);
  writeFileSync(journalFile, JSON.stringify(journal));
  return dir;
}

/** The tags of the real migrations, in the journal's order. */
export function migrationTags(): string[] {
  const journal = JSON.parse(
    readFileSync(path.join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8'),
  ) as Journal;
  return journal.entries.map((e) => e.tag);
}

function indexOfTag(journal: Journal, tag: string): number {
  const at = journal.entries.findIndex((e) => e.tag === tag);
  if (at < 0) throw new Error(`no migration ${tag}`);
  return at;
}

/** The real migrations up to and including `lastTag`, as an older release shipped them. */
export function migrationsUpTo(lastTag: string): string {
  return migrationsCopy((journal) => {
    journal.entries = journal.entries.slice(0, indexOfTag(journal, lastTag) + 1);
  });
}

/** The real migrations before `tag`: the release before the one that brought it. */
export function migrationsBefore(tag: string): string {
  return migrationsCopy((journal) => {
    const at = indexOfTag(journal, tag);
    if (at === 0) throw new Error(`${tag} is the first migration`);
    journal.entries = journal.entries.slice(0, at);
  });
}

/** The real migrations plus one more, as the next release would ship it. */
export function migrationsWith(extraSql: string): string {
  return migrationsCopy((journal, dir) => {
    const idx = journal.entries.length;
    const tag = `${String(idx).padStart(4, '0')}_test_next_release`;
    journal.entries.push({ idx, version: '6', when: Date.now(), tag, breakpoints: true });
    writeFileSync(path.join(dir, `${tag}.sql`), extraSql);
  });
}

/** SQLite's plan for a query, its steps joined by ' | '. */
export function planOf(raw: Database.Database, sql: string, ...params: unknown[]): string {
  return (raw.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
    .map((r) => r.detail)
    .join(' | ');
}

/**
 * A data folder as the release before `tag` left it: ADMIN set up and CHILD on file as that
 * release stored him, its core still open for the test to add more before closing it.
 */
export async function studioBefore(tag: string, clock?: Clock) {
  const dataDir = makeDataDir('old-studio');
  const old = await openOldStudio(dataDir, migrationsBefore(tag), clock);
  const child = await childOnOldSchema(dataDir, CHILD);
  return { dataDir, old, child };
}
