// Migration 0013 (the crisis indexes the reminders board starts from) on a database that already
// holds data: the records and their crisis flags survive, the board still shows the flag, and
// the rule's plan reads the new partial indexes.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../db/api/core';
import { openEncrypted } from '../../db/core/open';
import { Vault } from '../../db/core/vault';
import { makeDataDir } from '../helpers/tmp';
import { ADMIN, CHILD, call, childOnOldSchema, FAST_KDF, MIGRATIONS_DIR } from './support';

const TAG = '0013_crisis_indexes';

/** The migrations as the previous release shipped them: everything before 0013. */
function migrationsBefore(): string {
  const dir = path.join(makeDataDir('migrations'), 'migrations');
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  const journalFile = path.join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((e) => e.tag === TAG);
  expect(at).toBeGreaterThan(0);
  for (const e of journal.entries.slice(at)) rmSync(path.join(dir, `${e.tag}.sql`));
  journal.entries = journal.entries.slice(0, at);
  writeFileSync(journalFile, JSON.stringify(journal));
  return dir;
}

describe('migration 0013: crisis indexes', () => {
  it('keeps the sessions, and the board finds the crisis flag through the new index', async () => {
    const dataDir = makeDataDir('core');
    const old = createCore({ dataDir, migrationsDir: migrationsBefore(), kdf: FAST_KDF, log: () => {} });
    await call(old, 'session.setup', ADMIN);
    const child = await childOnOldSchema(dataDir, CHILD);
    for (const [date, crisis] of [
      ['2026-10-01', false],
      ['2026-10-20', true],
    ] as const) {
      await call(old, 'counselling.addSession', {
        childId: child.id,
        date,
        institution: '济阳区心理健康服务中心',
        counsellor: '周老师',
        minutes: 40,
        summary: crisis ? '有自伤念头' : '情绪平稳',
        crisis,
      });
    }
    old.close();

    const next = createCore({ dataDir, migrationsDir: MIGRATIONS_DIR, kdf: FAST_KDF, log: () => {} });
    await call(next, 'session.signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    const board = await call(next, 'reminders.board', { ownerId: null });
    const all = [
      ...board.groups.overdue,
      ...board.groups.today,
      ...board.groups.week,
      ...board.groups.upcoming,
    ];
    expect(all.filter((i) => i.kind === 'crisis').map((i) => [i.childName, i.due])).toEqual([
      [CHILD.name, '2026-10-20'],
    ]);
    expect((await call(next, 'audit.verify', {})).ok).toBe(true);
    next.close();

    const opened = await new Vault(dataDir, FAST_KDF).openDatabaseKey(ADMIN.username, ADMIN.passphrase);
    const raw = openEncrypted(path.join(dataDir, 'sunward.db'), opened!.key, { create: false });
    try {
      expect(raw.prepare('SELECT count(*) AS n FROM counselling_sessions').get()).toEqual({ n: 2 });
      const plan = (sql: string) =>
        (raw.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[])
          .map((r) => r.detail)
          .join(' | ');
      expect(
        plan(`SELECT child_id, date FROM counselling_sessions WHERE deleted_at IS NULL AND crisis = 1`),
      ).toMatch(/USING (COVERING )?INDEX counselling_sessions_crisis/);
      expect(
        plan(`SELECT child_id, date FROM psych_assessments WHERE deleted_at IS NULL AND crisis = 1`),
      ).toMatch(/USING (COVERING )?INDEX psych_assessments_crisis/);
    } finally {
      raw.close();
    }
  });
});
