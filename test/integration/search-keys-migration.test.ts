// Migration 0019 (search keys in name order): a database from before it, holding children and
// the keys the release before wrote, comes out with exactly the keys today's handlers write —
// each with the child's name order — and every kind of query finds what it did.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../db/api/core';
import { pinyinKey } from '../../db/children/model';
import { namePinyin, normalizeQuery, searchKeys } from '../../db/children/search';
import { makeDataDir } from '../helpers/tmp';
import { ADMIN, call, FAST_KDF, MIGRATIONS_DIR, openCore, openRaw } from './support';

function migrationsBefore(tag: string): string {
  const dir = path.join(makeDataDir('migrations-0017'), 'migrations');
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  const journalFile = path.join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8'));
  const at = journal.entries.findIndex((e: { tag: string }) => e.tag === tag);
  if (at < 0) throw new Error(`no migration ${tag}`);
  journal.entries = journal.entries.slice(0, at);
  writeFileSync(journalFile, JSON.stringify(journal));
  return dir;
}

/** The keys the releases before 0019 stored: suffixes only. */
function keysBefore0019(c: {
  name: string;
  idNumber: string | null;
  school: string | null;
  village: string | null;
}) {
  const suffixes = (s: string, min = 1) => {
    const chars = Array.from(s);
    return chars.flatMap((_, i) => (chars.length - i >= min ? [chars.slice(i).join('')] : []));
  };
  const keys = new Set(suffixes(normalizeQuery(c.name)));
  const syllables = namePinyin(c.name);
  syllables.forEach((_, i) => {
    keys.add(syllables.slice(i).join(''));
    keys.add(
      syllables
        .slice(i)
        .map((s) => s[0])
        .join(''),
    );
  });
  if (c.idNumber) for (const s of suffixes(c.idNumber.toLowerCase(), 3)) keys.add(s);
  for (const p of [c.school, c.village]) if (p) for (const s of suffixes(normalizeQuery(p), 2)) keys.add(s);
  return [...keys];
}

const CHILDREN = [
  { name: '张小明', idNumber: '370125201503070014', school: '济阳区实验小学', village: '城关村' },
  { name: '欧阳子墨', idNumber: null, school: '仁风镇中心小学', village: '仁风村' },
  { name: '李娜', idNumber: '37011520160912002X', school: null, village: '张家村' },
  { name: '王 小 雨', idNumber: null, school: '济阳区第一中学', village: null },
];

describe('migration 0019: search keys in name order', () => {
  it('stores what the handlers write today for every child on file, and finds them by every kind of query', async () => {
    const dataDir = makeDataDir('search-keys-0019');
    const old = createCore({
      dataDir,
      migrationsDir: migrationsBefore('0019_search_key_order'),
      kdf: FAST_KDF,
      log: () => {},
    });
    await call(old, 'session.setup', ADMIN);
    old.close();
    // Written as the release before did (its handlers are not this code's): rows and keys.
    let raw = await openRaw(dataDir);
    const now = Date.now();
    const insertChild = raw.prepare(
      `INSERT INTO children (id, name, name_pinyin, gender, birth_date, id_number, township, village, school,
       created_at, updated_at, version, deleted_at) VALUES (?, ?, ?, 'male', '2015-03-07', ?, '济阳街道', ?, ?, ?, ?, 1, ?)`,
    );
    const insertKey = raw.prepare('INSERT OR IGNORE INTO child_search_keys (key, child_id) VALUES (?, ?)');
    const ids = CHILDREN.map((c, i) => {
      const id = `child-${i}`;
      // The last one is in the recycle bin: its keys stay, so a restore finds it again.
      insertChild.run(
        id,
        c.name,
        pinyinKey(c.name),
        c.idNumber,
        c.village,
        c.school,
        now,
        now,
        i === 3 ? now : null,
      );
      for (const k of keysBefore0019(c)) insertKey.run(k, id);
      return id;
    });
    raw.close();

    const core = openCore(dataDir);
    await call(core, 'session.signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    const found = async (query: string) =>
      (await call(core, 'children.list', { query })).rows.map((r) => r.name);
    expect(await found('张')).toEqual(['张小明']);
    expect(await found('张小')).toEqual(['张小明']);
    expect(await found('zhang xiao')).toEqual(['张小明']);
    expect(await found('zxm')).toEqual(['张小明']);
    expect(await found('oyzm')).toEqual(['欧阳子墨']);
    expect(await found('yang')).toEqual(['欧阳子墨']);
    expect(await found('0307')).toEqual(['张小明']);
    expect(await found('仁风')).toEqual(['欧阳子墨']);
    // One character finds names only (张家村 is a village), two find places too.
    expect(await found('张家')).toEqual(['李娜']);
    expect(await found('l')).toEqual(['李娜']);
    // The child in the recycle bin has no keys (the table holds the children on file); restored, it is found.
    expect(await call(core, 'children.list', { query: 'wxy' })).toMatchObject({ rows: [], total: 0 });
    const bin = await call(core, 'children.binList', {});
    await call(core, 'children.restore', { id: ids[3], version: bin.rows[0].version });
    expect(await found('wxy')).toEqual(['王 小 雨']);
    core.close();

    raw = await openRaw(dataDir);
    try {
      const stored = raw.prepare(
        'SELECT key, name_pinyin AS pinyin, name FROM child_search_keys WHERE child_id = ? ORDER BY key',
      );
      CHILDREN.forEach((c, i) => {
        const rows = stored.all(ids[i]) as { key: string; pinyin: string; name: string }[];
        // Restored after the migration (below), the child from the recycle bin has them again.
        expect(rows.map((r) => r.key)).toEqual(searchKeys(c).sort());
        expect(new Set(rows.map((r) => `${r.pinyin} ${r.name}`))).toEqual(
          new Set([`${pinyinKey(c.name)} ${c.name}`]),
        );
      });
      expect(
        raw.prepare(`SELECT "wr" FROM pragma_table_list WHERE name = 'child_search_keys'`).get(),
      ).toEqual({ wr: 1 });
      expect(raw.pragma('foreign_key_check')).toEqual([]);
      expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      raw.close();
    }
  });
});
