import { describe, expect, it } from 'vitest';
import { createCore } from '../../db/api/core';
import { makeDataDir } from '../helpers/tmp';
import { migrationsBefore, openRaw, planOf } from './migration-support';
import { ADMIN, CHILD, call, childOnOldSchema, FAST_KDF, MIGRATIONS_DIR } from './support';

const TAG = '0008_ledger_import';

describe('migration 0008 (ledger imports and mappings)', () => {
  it('adds the ledger tables to a database holding data, keeps every row, and its hash index answers the repeat check', async () => {
    const dataDir = makeDataDir('ledger-migration');
    const before = createCore({
      dataDir,
      migrationsDir: migrationsBefore(TAG),
      kdf: FAST_KDF,
      log: () => {},
    });
    await call(before, 'session.setup', ADMIN);
    const child = await childOnOldSchema(dataDir, CHILD);
    before.close();

    const after = createCore({ dataDir, migrationsDir: MIGRATIONS_DIR, kdf: FAST_KDF, log: () => {} });
    await call(after, 'session.signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    expect((await call(after, 'children.get', { id: child.id })).profile.name).toBe(CHILD.name);
    await call(after, 'ledger.saveMapping', { name: '旧台账', headers: { 姓名: 'name' } });
    after.close();

    const raw = await openRaw(dataDir);
    try {
      const plan = planOf(
        raw,
        'SELECT * FROM ledger_imports WHERE file_hash = ? AND sheet = ? AND deleted_at IS NULL',
        'x',
        'y',
      );
      expect(plan).toContain('ledger_imports_hash');
      expect((raw.prepare('SELECT count(*) AS n FROM children').get() as { n: number }).n).toBe(1);
      expect((raw.prepare('SELECT count(*) AS n FROM ledger_mappings').get() as { n: number }).n).toBe(1);
    } finally {
      raw.close();
    }
  });
});
