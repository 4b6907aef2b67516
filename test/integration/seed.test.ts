import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../db/api/core';
import type { TOWNSHIPS } from '../../db/children/inputs';
import { pinyinKey } from '../../db/children/model';
import { namePinyin, searchKeys } from '../../db/children/search';
import { openEncrypted } from '../../db/core/open';
import { Vault } from '../../db/core/vault';
import { ADMIN_USERNAME, DEFAULT_PASSPHRASE, MIGRATIONS_DIR, seed } from '../fixtures/seeder';
import { makeDataDir } from '../helpers/tmp';
import { call, FAST_KDF } from './support';

describe('the seed generator', () => {
  it('fills a data folder the app opens, lists, searches and verifies', async () => {
    const dataDir = makeDataDir('seed');
    const report = await seed({ dataDir, children: 300, seed: 42, kdf: FAST_KDF });
    expect(report.counts.children).toBe(300);
    expect(report.counts.inRecycleBin).toBeGreaterThan(0);
    expect(report.accounts.filter((a) => a.role === 'caseworker').length).toBeGreaterThanOrEqual(4);

    const core = createCore({ dataDir, migrationsDir: MIGRATIONS_DIR, kdf: FAST_KDF, log: () => {} });
    await call(core, 'session.signIn', { username: ADMIN_USERNAME, passphrase: DEFAULT_PASSPHRASE });

    const all = await call(core, 'children.list', { limit: 200 });
    expect(all.total).toBe(300 - report.counts.inRecycleBin);
    expect((await call(core, 'children.binList', {})).total).toBe(report.counts.inRecycleBin);

    // Found by the initials of its name, as a caseworker types them.
    const child = all.rows.find((r) => Array.from(r.name).length === 3) ?? all.rows[0];
    const initials = namePinyin(child.name)
      .map((s) => s[0])
      .join('');
    const found = await call(core, 'children.list', { query: initials, limit: 200 });
    expect(found.rows.map((r) => r.id)).toContain(child.id);

    // A whole file: parents (shared by siblings), the caregiver and the custody records.
    const file = await call(core, 'children.get', { id: child.id });
    expect(file.relations.map((r) => r.relation)).toEqual(expect.arrayContaining(['father', 'mother']));
    expect(file.caregiver).not.toBeNull();
    expect(file.relations.flatMap((r) => r.custody).length).toBeGreaterThan(0);

    // A seeded child can be edited like any other: the version and columns are the API's.
    const { profile } = file;
    const { idNumber } = await call(core, 'children.revealIdNumber', { id: child.id, reason: '核对户口簿' });
    const updated = await call(core, 'children.update', {
      ...profile,
      township: profile.township as (typeof TOWNSHIPS)[number],
      idNumber,
      riskLevel: 'yellow',
      riskReason: '复核后调整',
      acknowledgeDuplicates: true,
    });
    expect(updated.version).toBe(profile.version + 1);

    const verify = await call(core, 'audit.verify', {});
    expect(verify.ok).toBe(true);
    const seeded = await call(core, 'audit.list', { action: 'seed.generate' });
    expect(seeded.rows[0].detail).toMatchObject({ children: 300, seed: 42 });
    core.close();

    // The stored pinyin and search keys are exactly what the handlers would have written.
    const opened = await new Vault(dataDir, FAST_KDF).openDatabaseKey(ADMIN_USERNAME, DEFAULT_PASSPHRASE);
    const raw = openEncrypted(path.join(dataDir, 'sunward.db'), opened!.key, { create: false });
    try {
      const rows = raw
        .prepare(
          'SELECT id, name, name_pinyin, id_number, school, village FROM children WHERE deleted_at IS NULL LIMIT 50',
        )
        .all() as {
        id: string;
        name: string;
        name_pinyin: string;
        id_number: string | null;
        school: string | null;
        village: string | null;
      }[];
      const keysOf = raw.prepare('SELECT key FROM child_search_keys WHERE child_id = ? ORDER BY key');
      for (const r of rows) {
        expect(r.name_pinyin).toBe(pinyinKey(r.name));
        const stored = (keysOf.all(r.id) as { key: string }[]).map((k) => k.key);
        const expected = searchKeys({
          name: r.name,
          idNumber: r.id_number,
          school: r.school,
          village: r.village,
        });
        expect(stored).toEqual([...expected].sort());
      }
      expect(raw.pragma('foreign_key_check')).toEqual([]);
      expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      raw.close();
    }
  });
});
