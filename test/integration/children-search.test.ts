// Broad search (issue 19 #3): every kind of query a caseworker types answers its first page in
// the list's name order and a count that is exact up to the cap and says "超过 N" beyond it,
// without the children in the recycle bin. The expected children are worked out here from the
// records themselves (what each kind of query means), not from the stored keys.
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../db/api/core';
import { createCore } from '../../db/api/core';
import type { SessionUser } from '../../db/api/define';
import { SEARCH_THRESHOLDS } from '../../db/children/handlers';
import { namePinyin, normalizeQuery } from '../../db/children/search';
import { openEncrypted } from '../../db/core/open';
import { Vault } from '../../db/core/vault';
import { t } from '../../db/i18n';
import { ADMIN_USERNAME, DEFAULT_PASSPHRASE, MIGRATIONS_DIR, seed } from '../fixtures/seeder';
import { makeDataDir } from '../helpers/tmp';
import { call, FAST_KDF } from './support';

/** The list's count stops here (db/children/handlers.ts). */
const CAP = 500;

interface Live {
  id: string;
  name: string;
  pinyin: string;
  idNumber: string | null;
  school: string | null;
  village: string | null;
  ownerId: string | null;
}

let core: Core;
let raw: Database.Database;
let live: Live[];
let caseworker: { username: string; passphrase: string; id: string };
let dataDir: string;

beforeAll(async () => {
  dataDir = makeDataDir('search');
  const report = await seed({ dataDir, children: 1500, seed: 77, kdf: FAST_KDF });
  const cw = report.accounts.find((a) => a.role === 'caseworker')!;
  caseworker = { username: cw.username, passphrase: cw.passphrase, id: cw.id };
  core = createCore({ dataDir, migrationsDir: MIGRATIONS_DIR, kdf: FAST_KDF, log: () => {} });
  await call(core, 'session.signIn', { username: ADMIN_USERNAME, passphrase: DEFAULT_PASSPHRASE });
  const opened = await new Vault(dataDir, FAST_KDF).openDatabaseKey(ADMIN_USERNAME, DEFAULT_PASSPHRASE);
  raw = openEncrypted(path.join(dataDir, 'sunward.db'), opened!.key, { create: false });
  live = readLive();
}, 120_000);

afterAll(() => {
  core?.close();
  raw?.close();
});

function readLive(): Live[] {
  return raw
    .prepare(
      `SELECT id, name, name_pinyin AS pinyin, id_number AS idNumber, school, village, owner_id AS ownerId
       FROM children WHERE deleted_at IS NULL`,
    )
    .all() as Live[];
}

/** What a query means, from the record: the rule each kind of query follows. */
function matches(c: Live, query: string): boolean {
  const q = normalizeQuery(query);
  if (/^[0-9]+[0-9x]*$/.test(q)) return q.length >= 3 && !!c.idNumber?.toLowerCase().includes(q);
  if (/^[a-z]+$/.test(q)) {
    const s = namePinyin(c.name);
    return s.some(
      (_, i) =>
        s.slice(i).join('').startsWith(q) ||
        s
          .slice(i)
          .map((x) => x[0])
          .join('')
          .startsWith(q),
    );
  }
  if (normalizeQuery(c.name).includes(q)) return true;
  // A school or village is found from two characters on.
  return Array.from(q).length >= 2 && [c.school, c.village].some((p) => p && normalizeQuery(p).includes(q));
}

const byName = (a: Live, b: Live) =>
  a.pinyin < b.pinyin
    ? -1
    : a.pinyin > b.pinyin
      ? 1
      : a.name < b.name
        ? -1
        : a.name > b.name
          ? 1
          : a.id < b.id
            ? -1
            : 1;

function expected(query: string, among = live) {
  return among.filter((c) => matches(c, query)).sort(byName);
}

/** Queries of every kind, taken from the seeded children so each finds what it would in a real file. */
function queries() {
  const counts = new Map<string, number>();
  for (const c of live) counts.set(c.name[0], (counts.get(c.name[0]) ?? 0) + 1);
  const surname = [...counts].sort((a, b) => b[1] - a[1])[0][0];
  const two = live.filter((c) => c.name.startsWith(surname) && c.name.length >= 3).sort(byName)[0];
  const syllables = namePinyin(two.name);
  const withId = live.filter((c) => c.idNumber).sort(byName);
  return {
    'one character': surname,
    'two characters': two.name.slice(0, 2),
    'spaced pinyin': `${syllables[0]} ${syllables[1]}`,
    initials: syllables.map((s) => s[0]).join(''),
    'one initial (broad)': [...'abcdefghjklmnopqrstwxyz'].sort(
      (a, b) => expected(b).length - expected(a).length,
    )[0],
    'ID fragment, a birth date': withId[0].idNumber!.slice(6, 14),
    'ID fragment, the region (broad)': withId[0].idNumber!.slice(0, 4),
    'a village, two characters (broad)': live.find((c) => c.village)!.village!.slice(0, 2),
  } as Record<string, string>;
}

async function answersEveryKind(): Promise<{ capped: number; exact: number }> {
  const seen = { capped: 0, exact: 0 };
  for (const [kind, query] of Object.entries(queries())) {
    const want = expected(query);
    expect(want.length, `${kind} (${query}) finds someone`).toBeGreaterThan(0);
    const list = await call(core, 'children.list', { query });
    expect({ kind, total: list.total, capped: list.totalCapped }).toEqual({
      kind,
      total: Math.min(want.length, CAP),
      capped: want.length > CAP,
    });
    seen[want.length > CAP ? 'capped' : 'exact']++;
    expect(
      list.rows.map((r) => r.id),
      `${kind} (${query})`,
    ).toEqual(want.slice(0, 50).map((c) => c.id));
    // The next page follows on, and the reverse order starts from the other end.
    const next = await call(core, 'children.list', { query, offset: 50, limit: 20 });
    expect(next.rows.map((r) => r.id)).toEqual(want.slice(50, 70).map((c) => c.id));
    const desc = await call(core, 'children.list', { query, order: 'desc', limit: 10 });
    expect(desc.rows.map((r) => r.id)).toEqual(
      [...want]
        .reverse()
        .slice(0, 10)
        .map((c) => c.id),
    );
  }
  return seen;
}

describe('broad search: the first page in order, a count exact up to the cap', () => {
  it('answers the same when every query is taken as broad (the path a large file takes: children walked in name order)', async () => {
    // At 1,500 children no range query is past the thresholds that send it down the broad path.
    SEARCH_THRESHOLDS.narrowKeys = 0;
    SEARCH_THRESHOLDS.narrowIdKeys = 0;
    try {
      const seen = await answersEveryKind();
      expect(seen.capped).toBeGreaterThanOrEqual(2);
    } finally {
      SEARCH_THRESHOLDS.narrowKeys = 4000;
      SEARCH_THRESHOLDS.narrowIdKeys = 2500;
    }
  });

  it('answers every kind of query with the first page in name order and the exact or capped count', async () => {
    const seen = await answersEveryKind();
    // The seeded file holds both: queries past the cap and under it.
    expect(seen.capped).toBeGreaterThanOrEqual(2);
    expect(seen.exact).toBeGreaterThanOrEqual(3);
  });

  it('says 超过 N when the count stops at the cap', async () => {
    const list = await call(core, 'children.list', { query: queries()['one initial (broad)'] });
    expect(list.totalCapped).toBe(true);
    expect(
      t(list.totalCapped ? 'children.list.totalCapped' : 'children.list.total', { total: list.total }),
    ).toBe(`超过 ${CAP} 名儿童，请输入更多文字缩小范围`);
  });

  it('leaves out deleted children, in the page and in the count, and finds a renamed child by its new name', async () => {
    const query = queries()['one character'];
    const before = expected(query);
    const gone = before.slice(0, 3);
    for (const c of gone) {
      const { version } = (await call(core, 'children.get', { id: c.id })).profile;
      await call(core, 'children.delete', { id: c.id, version });
    }
    live = readLive();
    const list = await call(core, 'children.list', { query });
    expect(list.total).toBe(Math.min(before.length - 3, CAP));
    expect(list.rows.map((r) => r.id)).toEqual(
      expected(query)
        .slice(0, 50)
        .map((c) => c.id),
    );
    expect(list.rows.some((r) => gone.some((g) => g.id === r.id))).toBe(false);

    // A rename moves the child in the order and out of the old name's results.
    const child = expected(query)[0];
    const file = (await call(core, 'children.get', { id: child.id })).profile;
    const renamed = await call(core, 'children.update', {
      ...file,
      id: child.id,
      name: '欧阳子墨',
      acknowledgeDuplicates: true,
    } as never);
    expect(renamed.name).toBe('欧阳子墨');
    live = readLive();
    const after = await call(core, 'children.list', { query });
    expect(after.rows.map((r) => r.id)).toEqual(
      expected(query)
        .slice(0, 50)
        .map((c) => c.id),
    );
    const found = await call(core, 'children.list', { query: 'oyzm' });
    expect(found.rows.map((r) => r.id)).toContain(child.id);
    expect(found.total).toBe(expected('oyzm').length);
  });

  it("searches a caseworker's own children by an ID fragment, capped the same way", async () => {
    const cw = createCore({ dataDir, migrationsDir: MIGRATIONS_DIR, kdf: FAST_KDF, log: () => {} });
    try {
      const user = (await call(cw, 'session.signIn', {
        username: caseworker.username,
        passphrase: caseworker.passphrase,
      })) as SessionUser;
      const query = queries()['ID fragment, the region (broad)'];
      const own = expected(
        query,
        live.filter((c) => c.ownerId === user.id),
      );
      const list = await call(cw, 'children.list', { query });
      expect(list.idScope).toBe('own');
      expect(list.total).toBe(Math.min(own.length, CAP));
      expect(list.rows.map((r) => r.id)).toEqual(own.slice(0, 50).map((c) => c.id));
    } finally {
      cw.close();
    }
  });
});
