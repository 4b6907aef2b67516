import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../db/api/core';
import { openEncrypted } from '../../db/core/open';
import { Vault } from '../../db/core/vault';
import { makeDataDir } from '../helpers/tmp';
import { ADMIN, CHILD, call, childOnOldSchema, FAST_KDF, MIGRATIONS_DIR } from './support';

const TAG = '0008_ledger_import';

/** The migrations as the release before this one shipped them. */
function migrationsBefore(): string {
  const dir = path.join(makeDataDir('ledger-migrations'), 'migrations');
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  const journalFile = path.join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8'));
  // Everything before the ledger's migration: the upgrade then runs it and every later one.
  const at = journal.entries.findIndex((e: { tag: string }) => e.tag === TAG);
  for (const later of journal.entries.slice(at)) rmSync(path.join(dir, `${later.tag}.sql`));
  journal.entries = journal.entries.slice(0, at);
  writeFileSync(journalFile, JSON.stringify(journal));
  return dir;
}

describe('migration 0008 (ledger imports and mappings)', () => {
  it('adds the ledger tables to a database holding data, keeps every row, and its hash index answers the repeat check', async () => {
    const dataDir = makeDataDir('ledger-migration');
    const before = createCore({ dataDir, migrationsDir: migrationsBefore(), kdf: FAST_KDF, log: () => {} });
    await call(before, 'session.setup', ADMIN);
    const child = await childOnOldSchema(dataDir, CHILD);
    before.close();

    const after = createCore({ dataDir, migrationsDir: MIGRATIONS_DIR, kdf: FAST_KDF, log: () => {} });
    await call(after, 'session.signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    expect((await call(after, 'children.get', { id: child.id })).profile.name).toBe(CHILD.name);
    await call(after, 'ledger.saveMapping', { name: '旧台账', headers: { 姓名: 'name' } });
    after.close();

    const opened = await new Vault(dataDir, FAST_KDF).openDatabaseKey(ADMIN.username, ADMIN.passphrase);
    const raw = openEncrypted(path.join(dataDir, 'sunward.db'), opened!.key, { create: false });
    try {
      const plan = raw
        .prepare(
          'EXPLAIN QUERY PLAN SELECT * FROM ledger_imports WHERE file_hash = ? AND sheet = ? AND deleted_at IS NULL',
        )
        .all('x', 'y') as { detail: string }[];
      expect(plan.map((p) => p.detail).join(' ')).toContain('ledger_imports_hash');
      expect((raw.prepare('SELECT count(*) AS n FROM children').get() as { n: number }).n).toBe(1);
      expect((raw.prepare('SELECT count(*) AS n FROM ledger_mappings').get() as { n: number }).n).toBe(1);
    } finally {
      raw.close();
    }
  });
});
