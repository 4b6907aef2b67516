// The registers' tabs (督促监护令, 强制报告, 宣讲, 救助, 支持起诉) counted up to the cap and 超过 N
// past it, exact below it and under a filter, and paged on past the cap in the register's order.
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../db/api/core';
import { REGISTER_COUNT_CAP } from '../../db/common/registers';
import { activeChildren, seedAreas } from '../fixtures/areas';
import { Rng } from '../fixtures/random';
import { ADMIN_USERNAME, openSeededRaw, seed, seededUsers } from '../fixtures/seeder';
import { makeDataDir } from '../helpers/tmp';
import { FAST_KDF, openCore } from './support';

const PASS = 'Register-caps-2026 violet-harbor';
const NOW = Date.UTC(2026, 10, 27, 2);
const COPIES = 620;

interface Case {
  method: 'orders.list' | 'mandatoryReports.list' | 'outreach.list' | 'relief.list' | 'suits.list';
  table: string;
  /** The status 620 copies of one record are put in. */
  status: string;
  /** Each copy's own columns: i is a permutation of 0…619, so the order is one, not ties. */
  copy: (i: number) => Record<string, unknown>;
  /** The register's order, as SQL. */
  order: string;
  /** A filter that leaves every copy out, as the API takes it and as SQL (orders have none). */
  filter: [Record<string, unknown>, string] | null;
}

const CASES: Case[] = [
  {
    method: 'orders.list',
    table: 'guardianship_orders',
    status: 'observing',
    copy: (i) => ({ updated_at: 2e12 + i, year: null, seq: null }),
    order: 'updated_at DESC',
    filter: null,
  },
  {
    method: 'mandatoryReports.list',
    table: 'mandatory_reports',
    status: 'verifying',
    copy: (i) => ({ reported_date: '2026-11-20', seq: 100_000 + i, trigger: '9' }),
    order: 'reported_date DESC, seq DESC',
    filter: [{ trigger: '1' }, `trigger = '1'`],
  },
  {
    method: 'outreach.list',
    table: 'outreach_events',
    status: 'held',
    copy: (i) => ({ date: '2026-11-20', created_at: 2e12 + i, township: '仁风镇' }),
    order: 'date DESC, created_at DESC',
    filter: [{ township: '济阳街道' }, `township = '济阳街道'`],
  },
  {
    method: 'relief.list',
    table: 'judicial_relief',
    status: 'paid',
    copy: (i) => ({ updated_at: 2e12 + i, application_date: '2024-03-01' }),
    order: 'updated_at DESC',
    filter: [{ year: 2026 }, `application_date BETWEEN '2026-01-01' AND '2026-12-31'`],
  },
  {
    method: 'suits.list',
    table: 'suit_supports',
    status: 'draft',
    copy: (i) => ({ updated_at: 2e12 + i, kind: 'change', year: null, seq: null }),
    order: 'updated_at DESC',
    filter: [{ kind: 'revoke' }, `kind = 'revoke'`],
  },
];

let raw: Database.Database;
let core: Core;
let dataDir: string;

beforeAll(async () => {
  dataDir = makeDataDir('register-caps');
  const clock = { now: () => NOW };
  const report = await seed({ dataDir, children: 1000, seed: 31, passphrase: PASS, kdf: FAST_KDF, clock });
  raw = await openSeededRaw(dataDir, PASS, FAST_KDF);
  seedAreas(raw, { children: activeChildren(raw), users: seededUsers(report), clock, rng: new Rng(37) });
  // 620 copies of one live record of each register in its status, around the API.
  for (const c of CASES) {
    // A record already in the status, so each copy holds what that status needs (a paid date…);
    // where the small file has none (a suit is one child in two hundred), any record's own status.
    const src = raw
      .prepare(`SELECT * FROM ${c.table} WHERE deleted_at IS NULL ORDER BY status = ? DESC, id LIMIT 1`)
      .get(c.status) as Record<string, unknown>;
    expect(src, c.table).toBeDefined();
    c.status = src.status as string;
    const cols = Object.keys(src);
    const insert = raw.prepare(
      `INSERT INTO ${c.table} (${cols.join(', ')}) VALUES (${cols.map((k) => `@${k}`).join(', ')})`,
    );
    raw.transaction(() => {
      for (let i = 0; i < COPIES; i++)
        insert.run({ ...src, id: `copy-${c.table}-${i}`, ...c.copy((i * 7919) % COPIES) });
    })();
  }
  raw.close();
  core = openCore(dataDir, { now: () => NOW });
  const signIn = await core.invoke('session.signIn', { username: ADMIN_USERNAME, passphrase: PASS });
  expect(signIn.ok ? null : signIn.error).toBeNull();
  raw = await openSeededRaw(dataDir, PASS, FAST_KDF);
}, 180_000);

afterAll(() => {
  raw?.close();
  core?.close();
});

interface ListAnswer {
  rows: { id: string }[];
  total: number;
  totalCapped: boolean;
  counts: Record<string, number>;
  capped: Record<string, boolean>;
}

async function list(method: Case['method'], input: Record<string, unknown>): Promise<ListAnswer> {
  const r = await core.invoke(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as ListAnswer;
}

const live = (c: Case, where: string) =>
  raw
    .prepare(`SELECT id FROM ${c.table} WHERE deleted_at IS NULL AND ${where} ORDER BY ${c.order}`)
    .pluck()
    .all() as string[];

describe('the registers’ tabs past the cap', () => {
  it.each(CASES)('$method: 超过 500 past the cap, exact below it and under a filter', async (c) => {
    const flooded = live(c, `status = '${c.status}'`);
    expect(flooded.length).toBeGreaterThan(COPIES);
    const first = await list(c.method, { status: c.status });
    expect([first.total, first.totalCapped]).toEqual([REGISTER_COUNT_CAP, true]);
    expect([first.counts[c.status], first.capped[c.status], first.counts.all, first.capped.all]).toEqual([
      REGISTER_COUNT_CAP,
      true,
      REGISTER_COUNT_CAP,
      true,
    ]);
    // Every other status's tab is exact: what the records say, not capped.
    const byStatus = Object.fromEntries(
      (
        raw
          .prepare(`SELECT status, count(*) AS n FROM ${c.table} WHERE deleted_at IS NULL GROUP BY status`)
          .all() as { status: string; n: number }[]
      ).map((r) => [r.status, r.n]),
    );
    for (const [status, n] of Object.entries(first.counts)) {
      if (status === c.status || status === 'all' || status === 'open') continue;
      expect([n, first.capped[status]], status).toEqual([byStatus[status] ?? 0, false]);
    }
    // A filter that leaves the copies out: the view's total is exact again.
    if (!c.filter) return;
    const [input, where] = c.filter;
    const narrowed = await list(c.method, { status: 'all', ...input });
    const want = live(c, where);
    expect(want.length).toBeLessThan(REGISTER_COUNT_CAP);
    expect([narrowed.total, narrowed.totalCapped]).toEqual([want.length, false]);
    // The seeded records share their last change (one clock): the page holds them, in any tie order.
    expect(narrowed.rows.map((r) => r.id).sort()).toEqual(want.slice(0, 50).sort());
  });

  it.each(CASES)('$method: pages before, across and past the cap in the register’s order', async (c) => {
    const want = live(c, `status = '${c.status}'`);
    for (const offset of [0, 450, 480, 500, 600]) {
      const page = await list(c.method, { status: c.status, offset, limit: 50 });
      expect(
        page.rows.map((r) => r.id),
        `from ${offset}`,
      ).toEqual(want.slice(offset, offset + 50));
    }
  });
});
