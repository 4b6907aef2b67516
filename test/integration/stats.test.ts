/**
 * 统计台账 against real encrypted databases: the article's worked year figure by figure, the
 * Excel file read back, the export's audit row, the drill-down lists, the access rules, every
 * cell of a seeded year recomputed by plain loops that share no code with db/stats, and the
 * indexes the figures use.
 */
import { createHash } from 'node:crypto';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { contract } from '../../db/api/contract';
import { createCore, makeContext } from '../../db/api/core';
import { OUTREACH_FIGURES } from '../../db/outreach/model';
import { RELIEF_FIGURES } from '../../db/relief/model';
import { REPORT_FIGURES } from '../../db/reports/model';
import { dropCellTriggers, prepareCells, triggerQueries } from '../../db/stats/cells';
import { FIGURE_KEYS, FIGURES, type FigureKey } from '../../db/stats/codes';
import { figureQuery, type Ledger } from '../../db/stats/model';
import { monthPeriod, type Period, quarterPeriod, yearPeriod } from '../../db/stats/rules';
import { SUIT_FIGURES } from '../../db/suits/model';
import { activeChildren, seedAreas } from '../fixtures/areas';
import { Rng } from '../fixtures/random';
import { openSeededRaw, seed, seededUsers } from '../fixtures/seeder';
import { EXAMPLE_2025, EXAMPLE_2026, seedStatsExample } from '../fixtures/statsExample';
import { makeDataDir } from '../helpers/tmp';
import {
  ADMIN,
  CASEWORKER,
  call,
  FAST_KDF,
  ManualClock,
  MIGRATIONS_DIR,
  openCore,
  openRaw,
  refuse,
  SUPERVISOR,
} from './support';

const total = (l: Ledger, key: FigureKey) => l.figures.find((f) => f.key === key)!.total;

async function exampleCore() {
  const core = openCore(makeDataDir('stats'), new ManualClock());
  await call(core, 'session.setup', ADMIN);
  await call(core, 'accounts.create', SUPERVISOR);
  await call(core, 'accounts.create', CASEWORKER);
  await seedStatsExample(core, { supervisor: SUPERVISOR, back: ADMIN });
  return core;
}

describe('the article’s year', () => {
  it('shows 14 guidance sessions, 37 orders, 6 admonitions and 21 counselled children, in the ledger and the Excel file', async () => {
    const core = await exampleCore();
    const ledger = await call(core, 'stats.ledger', { period: { kind: 'year', year: 2026 } });
    expect(total(ledger, 'guidanceSessions')).toBe(EXAMPLE_2026.guidanceSessions);
    expect(total(ledger, 'ordersIssued')).toBe(EXAMPLE_2026.ordersIssued);
    expect(total(ledger, 'admonitions')).toBe(EXAMPLE_2026.admonitions);
    expect(total(ledger, 'counselledChildren')).toBe(EXAMPLE_2026.counselledChildren);
    expect(total(ledger, 'counsellingSessions')).toBe(EXAMPLE_2026.counsellingSessions);
    expect(total(ledger, 'visits')).toBe(EXAMPLE_2026.visits);
    expect(total(ledger, 'childrenNew')).toBe(EXAMPLE_2026.children);
    expect(total(ledger, 'childrenOnFile')).toBe(EXAMPLE_2026.children);
    expect(total(ledger, 'deFactoOnFile')).toBe(4);
    // Recognised when registered (no date given): newly recognised in 2026, none in 2025.
    expect(total(ledger, 'deFactoNew')).toBe(4);
    expect(ledger.figures.find((f) => f.key === 'deFactoNew')!.lastYear.total).toBe(0);
    for (const key of [
      'reportCases',
      'reportChildren',
      'outreachEvents',
      'outreachAudience',
      'reliefGranted',
      'reliefGrantedAmount',
      'reliefPaidAmount',
    ] as const)
      expect({ key, total: total(ledger, key) }).toEqual({ key, total: EXAMPLE_2026[key] });
    const guidance = ledger.figures.find((f) => f.key === 'guidanceSessions')!;
    expect(guidance.lastYear.total).toBe(EXAMPLE_2025.guidanceSessions);
    // The monthly trend adds up to the year.
    expect(Object.values(guidance.byMonth).reduce((a, b) => a + b, 0)).toBe(14);
    // Township cells add up to the studio's total, figure by figure.
    for (const f of ledger.figures) {
      if (!FIGURES.find((d) => d.key === f.key)!.byTownship) continue;
      expect(Object.values(f.byTownship).reduce((a, b) => a + b, 0)).toBe(f.total);
    }

    // A quarter counts only its own months: 4 orders were issued in each of Jan–Mar … (i % 11) + 1.
    const q1 = await call(core, 'stats.ledger', { period: { kind: 'quarter', year: 2026, quarter: 1 } });
    expect(total(q1, 'ordersIssued')).toBe(4 + 4 + 4);

    const file = await call(core, 'stats.exportExcel', {
      period: { kind: 'year', year: 2026 },
      breakdown: 'township',
    });
    const bytes = Buffer.from(file.base64, 'base64');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(file.sha256);
    expect(file.fileName).toBe('统计台账-2026年-乡镇（街道）.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as never);
    const ws = wb.getWorksheet('统计台账')!;
    expect(String(ws.getCell('A2').value)).toContain('同心向阳');
    expect(String(ws.getCell('A3').value)).toContain('2026年1月1日至2026年12月31日');
    const heads = (ws.getRow(5).values as unknown[]).slice(2).map(String);
    const col = (name: string) => heads.findIndex((h) => h.startsWith(name)) + 2;
    expect(heads[FIGURE_KEYS.indexOf('ordersIssued')]).toBe('制发督促监护令（份）');
    expect(heads[FIGURE_KEYS.indexOf('guidanceSessions')]).toBe('家庭教育指导（人次）');
    let totalRow = 0;
    ws.eachRow((row, n) => {
      if (row.getCell(1).value === '合计') totalRow = n;
    });
    expect(totalRow).toBeGreaterThan(5);
    const totals = ws.getRow(totalRow);
    expect(totals.getCell(col('家庭教育指导')).value).toBe(14);
    expect(totals.getCell(col('制发督促监护令')).value).toBe(37);
    expect(totals.getCell(col('家庭教育训诫')).value).toBe(6);
    expect(totals.getCell(col('接受疏导儿童')).value).toBe(21);
    // 元 stays a number with its two decimals, in its own column, never folded into a count.
    expect(heads[FIGURE_KEYS.indexOf('reliefGrantedAmount')]).toBe('决定救助金额（元）');
    expect(totals.getCell(col('决定救助金额')).value).toBe(15345.5);
    expect(totals.getCell(col('决定救助金额')).numFmt).toBe('0.00');
    expect(totals.getCell(col('发放救助金')).value).toBe(12345.5);
    expect(totals.getCell(col('决定司法救助')).value).toBe(2);
    expect(totals.getCell(col('宣讲受众')).value).toBe(205);
    expect(ws.getCell(4, col('决定救助金额')).value).toBe('国家司法救助');
    expect(ws.getRow(totalRow + 1).getCell(1).value).toBe('去年同期');
    expect(ws.getRow(totalRow + 1).getCell(col('家庭教育指导')).value).toBe(2);
    // Merged group heads, frozen header, A4 landscape, Chinese fonts.
    expect(ws.getCell(4, col('家庭教育训诫')).value).toBe('家庭教育');
    expect(ws.getCell(4, col('家庭教育指导')).value).toBe('家庭教育');
    expect((ws.getCell(4, col('家庭教育指导')) as unknown as { isMerged: boolean }).isMerged).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 5, xSplit: 1 });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape' });
    expect(ws.getCell(6, 1).font?.name).toBe('宋体');
    // Referral figures have no township row: a dash, never a zero that looks counted.
    expect(ws.getCell(6, col('受理线索')).value).toBe('—');
    const defs = wb.getWorksheet('指标说明')!;
    expect(defs.getRow(1).values).toEqual([undefined, '指标', '单位', '统计依据', '口径说明']);
    expect(String(defs.getCell(FIGURE_KEYS.indexOf('ordersIssued') + 2, 4).value)).toContain('制发日期');

    // The export is in the audit log with its period and the file's hash.
    const audit = await call(core, 'audit.list', { action: 'stats.export' });
    const row = audit.rows.find((r) => r.action === 'stats.export')!;
    expect(row.detail).toMatchObject({
      sha256: file.sha256,
      period: { kind: 'year', from: '2026-01-01', to: '2026-12-31' },
      breakdown: 'township',
    });
    core.close();
  });

  it('drills into a figure with the same records it counts, IDs masked, counselling as counts only', async () => {
    const core = await exampleCore();
    const period = { kind: 'year', year: 2026 } as const;
    const ledger = await call(core, 'stats.ledger', { period });
    const orders = ledger.figures.find((f) => f.key === 'ordersIssued')!;
    const page = await call(core, 'stats.drill', { period, figure: 'ordersIssued', limit: 200 });
    expect(page.total).toBe(37);
    expect(page.rows).toHaveLength(37);
    expect(page.rows.every((r) => r.number?.startsWith('济阳检未督监/2026/'))).toBe(true);
    for (const [township, n] of Object.entries(orders.byTownship)) {
      const cell = await call(core, 'stats.drill', { period, figure: 'ordersIssued', township });
      expect(cell.total).toBe(n);
    }
    const kids = await call(core, 'stats.drill', { period, figure: 'childrenOnFile', limit: 5 });
    expect(kids.total).toBe(24);
    const child = await call(core, 'children.get', { id: kids.rows[0].childId! });
    // The children area's one mask, never the whole number (the mask's format is not ours).
    expect(kids.rows[0].idNumber).toBe(child.profile.idNumberMasked);
    for (const r of kids.rows) expect(r.idNumber).not.toMatch(/^\d{17}[\dX]$/);
    // An amount drills to the cases behind it, each with what it adds in 元.
    const amounts = await call(core, 'stats.drill', { period, figure: 'reliefGrantedAmount' });
    expect(amounts.total).toBe(2);
    expect(amounts.rows.map((r) => r.value).sort()).toEqual([12345.5, 3000]);
    const audience = await call(core, 'stats.drill', { period, figure: 'outreachAudience' });
    expect(audience.rows.reduce((n, r) => n + (r.value ?? 0), 0)).toBe(EXAMPLE_2026.outreachAudience);
    const reported = await call(core, 'stats.drill', { period, figure: 'reportChildren' });
    expect(reported.rows.map((r) => r.number)).toEqual(['2026/1', '2026/1']);
    const refused = await refuse(core, 'stats.drill', { period, figure: 'counsellingSessions' });
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.message).toBe('心理疏导数据仅统计数量，不提供明细');
    // 首页's own year: the administrator registered every child, the caseworker none.
    const mine = await call(core, 'stats.mine', { year: 2026 });
    expect(total(mine, 'visits')).toBe(EXAMPLE_2026.visits);
    expect(total(mine, 'childrenOnFile')).toBe(EXAMPLE_2026.children);
    // Any role gets the aggregates.
    await call(core, 'session.lock', {});
    await call(core, 'session.signIn', CASEWORKER);
    expect(total(await call(core, 'stats.ledger', { period }), 'ordersIssued')).toBe(37);
    expect(total(await call(core, 'stats.mine', { year: 2026 }), 'childrenOnFile')).toBe(0);
    core.close();
  });

  it('records a printed ledger with its period and hash, and refuses one without a period', async () => {
    const core = openCore();
    await call(core, 'session.setup', ADMIN);
    const sha256 = 'a'.repeat(64);
    // The shell records what it wrote (issue 11: the renderer cannot write an export row).
    const recorded = await core.invokeFromShell('documents.recordExport', {
      kind: 'statsPdf',
      entityId: 'ledger',
      period: { kind: 'quarter', from: '2026-01-01', to: '2026-03-31' },
      sha256,
      fileName: '统计台账-2026年第一季度.pdf',
      pages: 2,
    });
    expect(recorded.ok).toBe(true);
    const rows = (await call(core, 'audit.list', { action: 'stats.export' })).rows;
    expect(rows[0].detail).toMatchObject({
      kind: 'ledgerPdf',
      period: { kind: 'quarter', from: '2026-01-01', to: '2026-03-31' },
      sha256,
    });
    const refused = await core.invokeFromShell('documents.recordExport', {
      kind: 'statsPdf',
      entityId: 'ledger',
      sha256,
      fileName: 'x.pdf',
    });
    expect(refused.ok ? null : refused.error.fields?.period).toBe('此项为必填项');
    core.close();
  });

  it('refuses a reversed or unknown period with a Chinese message beside the field', async () => {
    const core = openCore();
    await call(core, 'session.setup', ADMIN);
    const err = await refuse(core, 'stats.ledger', {
      period: { kind: 'custom', from: '2026-06-01', to: '2026-01-01' },
    });
    expect(err.code).toBe('VALIDATION');
    expect(err.fields?.['period.to']).toBe('结束日期不能早于开始日期');
    const month = await refuse(core, 'stats.ledger', { period: { kind: 'month', year: 2026, month: 13 } });
    expect(month.fields?.['period.month']).toBe('月份应为1—12月');
    core.close();
  });
});

// ---------- the independent recomputation ----------

type Row = Record<string, unknown>;
const TODAY_MS = Date.UTC(2026, 10, 27, 2);

/** The local calendar day of an instant, written again here on purpose. */
function localDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Every figure's cells by township and by owner, from whole tables read with SELECT *. */
function recompute(raw: Database.Database, from: string, to: string) {
  const all = (table: string) => raw.prepare(`SELECT * FROM ${table}`).all() as Row[];
  const kids = new Map(all('children').map((c) => [c.id as string, c]));
  const live = (id: unknown) => {
    const c = kids.get(id as string);
    return c && c.deleted_at === null ? c : null;
  };
  const inside = (d: unknown) => typeof d === 'string' && d >= from && d <= to;
  const out = new Map<FigureKey, { township: Map<string, number>; owner: Map<string, number> }>();
  const bump = (key: FigureKey, township: string | null, owner: string | null, n = 1) => {
    const f = out.get(key) ?? { township: new Map(), owner: new Map() };
    out.set(key, f);
    if (township !== null) f.township.set(township, (f.township.get(township) ?? 0) + n);
    f.owner.set(owner ?? '', (f.owner.get(owner ?? '') ?? 0) + n);
  };
  const byChild = (key: FigureKey, childId: unknown, n = 1) => {
    const c = live(childId);
    if (c) bump(key, c.township as string, c.owner_id as string | null, n);
  };
  const recognised = new Map(
    all('de_facto_recognitions').map((d) => [d.child_id as string, d.recognised_on]),
  );
  for (const c of kids.values()) {
    if (c.deleted_at !== null) continue;
    const reg = localDay(c.created_at as number);
    const closed = c.closed_at === null ? null : localDay(c.closed_at as number);
    if (inside(reg)) byChild('childrenNew', c.id);
    if (
      inside(recognised.get(c.id as string)) &&
      (JSON.parse(c.categories as string) as string[]).includes('deFactoUnsupported')
    )
      byChild('deFactoNew', c.id);
    if (reg <= to && (closed === null || closed > to)) {
      byChild('childrenOnFile', c.id);
      if ((JSON.parse(c.categories as string) as string[]).includes('deFactoUnsupported'))
        byChild('deFactoOnFile', c.id);
    }
  }
  const referrals = new Map(all('referrals').map((r) => [r.id as string, r]));
  for (const r of referrals.values())
    if (r.deleted_at === null && inside(r.received_date))
      bump('referralsReceived', null, r.received_by as string);
  for (const a of all('referral_actions')) {
    const r = referrals.get(a.referral_id as string)!;
    if (a.deleted_at === null && a.withdrawn_at === null && r.deleted_at === null && inside(a.sent_date))
      bump('referralActions', null, r.received_by as string);
  }
  for (const x of all('admonitions'))
    if (x.deleted_at === null && inside(x.date)) byChild('admonitions', x.child_id);
  const plans = new Map(all('guidance_plans').map((p) => [p.id as string, p]));
  for (const s of all('guidance_sessions')) {
    const p = plans.get(s.plan_id as string)!;
    if (s.deleted_at === null && p.deleted_at === null && inside(s.date))
      byChild('guidanceSessions', p.child_id);
  }
  for (const o of all('guardianship_orders')) {
    if (o.deleted_at !== null) continue;
    if (o.withdrawn_at === null && inside(o.issue_date)) byChild('ordersIssued', o.child_id);
    if (o.status === 'closed' && o.closed_at !== null && inside(localDay(o.closed_at as number)))
      byChild('ordersClosed', o.child_id);
  }
  for (const x of all('psych_assessments'))
    if (x.deleted_at === null && inside(x.date)) byChild('assessments', x.child_id);
  const counselled = new Set<string>();
  for (const x of all('counselling_sessions')) {
    if (x.deleted_at !== null || !inside(x.date)) continue;
    byChild('counsellingSessions', x.child_id);
    if (!counselled.has(x.child_id as string)) {
      counselled.add(x.child_id as string);
      byChild('counselledChildren', x.child_id);
    }
  }
  for (const v of all('visits'))
    if (v.deleted_at === null && v.status === 'final' && inside(v.date)) byChild('visits', v.child_id);
  // The four later duties.
  const reportKids = new Map<string, string[]>();
  for (const rc of all('mandatory_report_children'))
    reportKids.set(rc.report_id as string, [
      ...(reportKids.get(rc.report_id as string) ?? []),
      rc.child_id as string,
    ]);
  const reported = new Set<string>();
  for (const r of all('mandatory_reports')) {
    if (r.deleted_at !== null || r.status === 'voided' || !inside(r.reported_date)) continue;
    bump('reportCases', null, r.created_by as string | null);
    for (const kid of reportKids.get(r.id as string) ?? [])
      if (!reported.has(kid)) {
        reported.add(kid);
        byChild('reportChildren', kid);
      }
  }
  for (const e of all('outreach_events')) {
    if (e.deleted_at !== null || e.status !== 'held' || !inside(e.date)) continue;
    bump('outreachEvents', e.township as string, e.created_by as string | null);
    bump(
      'outreachAudience',
      e.township as string,
      e.created_by as string | null,
      (e.audience_count as number) ?? 0,
    );
  }
  for (const x of all('judicial_relief')) {
    if (x.deleted_at !== null) continue;
    if (x.amount_fen !== null && inside(x.decision_date)) {
      byChild('reliefGranted', x.child_id);
      byChild('reliefGrantedAmount', x.child_id, x.amount_fen as number);
    }
    if (inside(x.paid_date)) byChild('reliefPaidAmount', x.child_id, (x.amount_fen as number) ?? 0);
  }
  for (const x of all('suit_supports')) {
    if (x.deleted_at !== null) continue;
    if (inside(x.issue_date)) byChild('suitsIssued', x.child_id);
    if ((x.decision === 'revoked' || x.decision === 'changed') && inside(x.decision_date))
      byChild('suitsGranted', x.child_id);
  }
  // Amounts were added in 分; the ledger shows 元.
  for (const key of ['reliefGrantedAmount', 'reliefPaidAmount'] as const) {
    const f = out.get(key);
    if (!f) continue;
    for (const m of [f.township, f.owner]) for (const [k, v] of m) m.set(k, v / 100);
  }
  return out;
}

describe('a seeded database with every area', () => {
  it('agrees, cell for cell, with a recomputation that shares no code with db/stats', async () => {
    const dataDir = makeDataDir('seeded-stats');
    const clock = { now: () => TODAY_MS };
    const PASS = 'Seeded-stats-2026';
    const report = await seed({ dataDir, children: 800, seed: 12, passphrase: PASS, kdf: FAST_KDF, clock });
    const raw = await openSeededRaw(dataDir, PASS, FAST_KDF);
    const live = activeChildren(raw);
    const users = seededUsers(report);
    const areas = seedAreas(raw, { children: live, users, clock, rng: new Rng(5) });
    expect(areas.orders).toBeGreaterThan(5);
    // Some orders closed by evaluation fall in the year, and some children were closed.
    raw
      .prepare(`UPDATE guardianship_orders SET closed_at = ? WHERE status = 'closed'`)
      .run(TODAY_MS - 86_400_000);
    const ctx = makeContext(raw, users[0], clock);
    for (const period of [yearPeriod(2026), yearPeriod(2025), quarterPeriod(2026, 3)]) {
      const ledger = contract['stats.ledger'].handler(ctx, { period });
      const expected = recompute(raw, period.from, period.to);
      let nonZero = 0;
      for (const f of ledger.figures) {
        const def = FIGURES.find((d) => d.key === f.key)!;
        const want = expected.get(f.key) ?? { township: new Map(), owner: new Map() };
        const ownerCells = Object.fromEntries([...want.owner].filter(([, n]) => n > 0));
        expect({ figure: f.key, cells: f.byOwner }).toEqual({ figure: f.key, cells: ownerCells });
        if (def.byTownship) {
          expect({ figure: f.key, cells: f.byTownship }).toEqual({
            figure: f.key,
            cells: Object.fromEntries(want.township),
          });
        }
        if (f.total > 0) nonZero++;
      }
      if (period.from === '2026-01-01') expect(nonZero).toBeGreaterThanOrEqual(18);
      // Each duty's figure in the ledger is its own area's figure (REPORT_FIGURES…), not a second opinion.
      for (const [key, area] of [
        ['reportCases', REPORT_FIGURES.find((f) => f.key === 'mandatoryReports.cases')!],
        ['outreachEvents', OUTREACH_FIGURES.find((f) => f.key === 'outreach.events')!],
        ['outreachAudience', OUTREACH_FIGURES.find((f) => f.key === 'outreach.audience')!],
        ['reliefGranted', RELIEF_FIGURES.find((f) => f.key === 'relief.granted')!],
        ['reliefGrantedAmount', RELIEF_FIGURES.find((f) => f.key === 'relief.grantedAmount')!],
        ['reliefPaidAmount', RELIEF_FIGURES.find((f) => f.key === 'relief.paidAmount')!],
        ['suitsIssued', SUIT_FIGURES.find((f) => f.key === 'suits.issued')!],
        ['suitsGranted', SUIT_FIGURES.find((f) => f.key === 'suits.granted')!],
      ] as const) {
        expect({ key, total: total(ledger, key) }).toEqual({
          key,
          total: area.count(ctx, period.from, period.to),
        });
      }
      if (period.from === '2026-01-01') {
        expect(total(ledger, 'reliefGrantedAmount')).toBeGreaterThan(0);
        expect(total(ledger, 'outreachAudience')).toBeGreaterThan(total(ledger, 'outreachEvents'));
      }
    }
    raw.close();
  }, 120_000);
});

// ---------- the pre-counted cells under writes ----------

/** The cells as stored, zero cells left out (a count taken back to nothing leaves its row). */
const cellsOf = (raw: Database.Database) =>
  raw
    .prepare(
      `SELECT series, month, township, owner, tag, n, v FROM stats_cells WHERE n <> 0 OR v <> 0
       ORDER BY series, month, township, owner, tag`,
    )
    .all();

/**
 * Writes of every kind a figure reads, at random, as plain SQL (the triggers see any write, not
 * only the handlers'): a child moved, closed, reopened, deleted, restored, re-dated or given the
 * 事实无人抚养 category; records re-dated, voided, deleted, withdrawn and copied.
 */
function randomWrites(raw: Database.Database, rng: Rng, count: number, users: string[]) {
  const ids = (table: string) => raw.prepare(`SELECT id FROM ${table}`).pluck().all() as string[];
  const values = (table: string, column: string) =>
    raw.prepare(`SELECT DISTINCT ${column} FROM ${table}`).pluck().all() as unknown[];
  const day = () =>
    `${rng.pick(['2025', '2026'])}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
  const instant = () =>
    Date.UTC(rng.pick([2025, 2026]), rng.int(0, 11), rng.int(1, 31), rng.int(0, 23), rng.int(0, 59));
  const set = (table: string, column: string, value: unknown) => {
    const all = ids(table);
    if (all.length === 0) return;
    raw.prepare(`UPDATE ${table} SET ${column} = ? WHERE id = ?`).run(value as never, rng.pick(all));
  };
  const copy = (table: string) => {
    const all = ids(table);
    if (all.length === 0) return;
    const cols = (raw.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]).filter(
      (c) => c !== 'id',
    );
    raw
      .prepare(
        `INSERT INTO ${table} (id, ${cols.join(', ')}) SELECT ?, ${cols.join(', ')} FROM ${table} WHERE id = ?`,
      )
      .run(`copy-${rng.int(0, 1e9)}`, rng.pick(all));
  };
  const remove = (table: string) => {
    const all = ids(table);
    if (all.length) raw.prepare(`DELETE FROM ${table} WHERE id = ?`).run(rng.pick(all));
  };
  const ops: (() => void)[] = [
    () => {
      // A child registered (a copy of one on file, without its ID number, which is unique).
      const cols = (
        raw.prepare(`SELECT name FROM pragma_table_info('children')`).pluck().all() as string[]
      ).filter((c) => c !== 'id' && c !== 'id_number');
      raw
        .prepare(
          `INSERT INTO children (id, ${cols.join(', ')}) SELECT ?, ${cols.join(', ')} FROM children WHERE id = ?`,
        )
        .run(`copy-${rng.int(0, 1e9)}`, rng.pick(ids('children')));
    },
    () => set('children', 'township', rng.pick(values('children', 'township'))),
    () => set('children', 'owner_id', rng.pick([...users, null])),
    () => set('children', 'closed_at', rng.pick([instant(), null])),
    () => set('children', 'deleted_at', rng.pick([instant(), null])),
    () => set('children', 'created_at', instant()),
    () => set('children', 'categories', rng.pick(['["deFactoUnsupported"]', '["prisonerChild"]'])),
    () => set('visits', 'status', rng.pick(['final', 'draft'])),
    () => set('visits', 'date', day()),
    () => copy('visits'),
    () => remove('visits'),
    () => set('counselling_sessions', 'date', day()),
    () => copy('counselling_sessions'),
    () => set('psych_assessments', 'deleted_at', rng.pick([instant(), null])),
    () => set('admonitions', 'date', day()),
    () => copy('admonitions'),
    () => set('guidance_plans', 'deleted_at', rng.pick([instant(), null])),
    () => set('guidance_plans', 'child_id', rng.pick(ids('children'))),
    () => set('guidance_sessions', 'date', day()),
    () => remove('guidance_sessions'),
    () => set('referrals', 'received_by', rng.pick(users)),
    () => set('referrals', 'deleted_at', rng.pick([instant(), null])),
    () => set('referral_actions', 'withdrawn_at', rng.pick([instant(), null])),
    () => set('referral_actions', 'sent_date', day()),
    () => set('referral_actions', 'agency', rng.pick(values('referral_actions', 'agency'))),
    () => copy('referral_actions'),
    () => set('guardianship_orders', 'closed_at', instant()),
    () => set('guardianship_orders', 'status', rng.pick(values('guardianship_orders', 'status'))),
    () => set('guardianship_orders', 'outcome', rng.pick(values('guardianship_orders', 'outcome'))),
    () => set('guardianship_orders', 'issue_date', day()),
    () => set('outreach_events', 'status', rng.pick(values('outreach_events', 'status'))),
    () => set('outreach_events', 'audience_count', rng.pick([null, rng.int(0, 300)])),
    () => set('outreach_events', 'township', rng.pick(values('children', 'township'))),
    () => set('judicial_relief', 'amount_fen', rng.pick([null, rng.int(0, 5_000_000)])),
    () => set('judicial_relief', 'paid_date', rng.pick([null, day()])),
    () => set('suit_supports', 'decision', rng.pick(values('suit_supports', 'decision'))),
    () => set('suit_supports', 'issue_date', day()),
    () => set('mandatory_reports', 'reported_date', day()),
    () => set('mandatory_reports', 'deleted_at', rng.pick([instant(), null])),
    () => {
      // A report's child taken off, or another child added to a report.
      const links = raw
        .prepare(`SELECT report_id AS r, child_id AS c FROM mandatory_report_children`)
        .all() as {
        r: string;
        c: string;
      }[];
      if (links.length === 0) return;
      const l = rng.pick(links);
      if (rng.int(0, 1))
        raw
          .prepare(`DELETE FROM mandatory_report_children WHERE report_id = ? AND child_id = ?`)
          .run(l.r, l.c);
      else
        raw
          .prepare(`INSERT OR IGNORE INTO mandatory_report_children (report_id, child_id) VALUES (?, ?)`)
          .run(l.r, rng.pick(ids('children')));
    },
    () => {
      const kids = raw.prepare(`SELECT child_id FROM de_facto_recognitions`).pluck().all() as string[];
      if (kids.length === 0) return;
      if (rng.int(0, 1))
        raw.prepare(`DELETE FROM de_facto_recognitions WHERE child_id = ?`).run(rng.pick(kids));
      else
        raw
          .prepare(`UPDATE de_facto_recognitions SET recognised_on = ? WHERE child_id = ?`)
          .run(day(), rng.pick(kids));
    },
  ];
  for (let i = 0; i < count; i++) rng.pick(ops)();
}

describe('the pre-counted cells', () => {
  it('stay equal to a count of the records through writes of every kind, and the ledger with them', async () => {
    const dataDir = makeDataDir('stats-cells');
    const clock = { now: () => TODAY_MS };
    const PASS = 'Seeded-cells-2026';
    const report = await seed({ dataDir, children: 400, seed: 21, passphrase: PASS, kdf: FAST_KDF, clock });
    const raw = await openSeededRaw(dataDir, PASS, FAST_KDF);
    const live = activeChildren(raw);
    const users = seededUsers(report);
    seedAreas(raw, { children: live, users, clock, rng: new Rng(8) });
    const rng = new Rng(99);
    randomWrites(
      raw,
      rng,
      600,
      users.map((u) => u.id),
    );
    // What the triggers kept is what counting every record again gives.
    const kept = cellsOf(raw);
    expect(kept.length).toBeGreaterThan(100);
    dropCellTriggers(raw);
    prepareCells(raw);
    expect(cellsOf(raw)).toEqual(kept);
    randomWrites(
      raw,
      rng,
      300,
      users.map((u) => u.id),
    );
    const ctx = makeContext(raw, users[0], clock);
    const custom = { kind: 'custom', from: '2026-02-11', to: '2026-10-19' } as const;
    agreesWithRecount(ctx, raw, [yearPeriod(2026), yearPeriod(2025), quarterPeriod(2026, 2), custom]);
    // The monthly trend: each month of the year's chart is that month's recount.
    const ledger2026 = contract['stats.ledger'].handler(ctx, { period: yearPeriod(2026) });
    expect(ledger2026.figures.filter((x) => Object.keys(x.byMonth).length > 0).length).toBeGreaterThanOrEqual(
      3,
    );
    for (let m = 1; m <= 12; m++) {
      const month = monthPeriod(2026, m);
      const recount = recompute(raw, month.from, month.to);
      for (const f of ledger2026.figures.filter((x) => Object.keys(x.byMonth).length > 0)) {
        const want = [...(recount.get(f.key)?.owner.values() ?? [])].reduce((a, b) => a + b, 0);
        expect({ figure: f.key, month: m, n: f.byMonth[month.from.slice(0, 7)] ?? 0 }).toEqual({
          figure: f.key,
          month: m,
          n: want,
        });
      }
    }
    // 首页's own year for each caseworker: the same cells, narrowed to the caseworker.
    const year = recompute(raw, '2026-01-01', '2026-12-31');
    for (const u of users) {
      const mine = contract['stats.mine'].handler(makeContext(raw, u, clock), { year: 2026 });
      for (const f of mine.figures)
        expect({ user: u.id, figure: f.key, total: f.total }).toEqual({
          user: u.id,
          figure: f.key,
          total: year.get(f.key)?.owner.get(u.id) ?? 0,
        });
    }
    raw.close();
  }, 120_000);

  it('places an instant in the month of the machine’s time zone, and reads the records while the zone differs from the cells’', async () => {
    const saved = process.env.TZ;
    process.env.TZ = 'UTC';
    try {
      const dataDir = makeDataDir('stats-cells-zone');
      const clock = { now: () => TODAY_MS };
      const PASS = 'Seeded-zone-2026';
      const report = await seed({ dataDir, children: 120, seed: 4, passphrase: PASS, kdf: FAST_KDF, clock });
      const raw = await openSeededRaw(dataDir, PASS, FAST_KDF);
      const users = seededUsers(report);
      // Children registered and closed in the hours where UTC and Beijing time have different
      // months and years: 2026-01-31 17:00 UTC is 1 February in Beijing, 2025-12-31 18:00 UTC is 2026.
      const ids = raw.prepare(`SELECT id FROM children WHERE deleted_at IS NULL`).pluck().all() as string[];
      const at = [Date.UTC(2026, 0, 31, 17), Date.UTC(2025, 11, 31, 18), Date.UTC(2026, 2, 31, 20)];
      const created = raw.prepare(`UPDATE children SET created_at = ? WHERE id = ?`);
      const closed = raw.prepare(`UPDATE children SET closed_at = ? WHERE id = ?`);
      for (let i = 0; i < 30; i++) created.run(at[i % 3], ids[i]);
      for (let i = 30; i < 45; i++) closed.run(at[i % 3], ids[i]);
      const ctx = makeContext(raw, users[0], clock);
      const periods = [yearPeriod(2026), yearPeriod(2025), quarterPeriod(2026, 1), monthPeriod(2026, 1)];
      agreesWithRecount(ctx, raw, periods);
      const utcCells = cellsOf(raw);
      // The zone changes under cells counted in UTC months: the ledger counts the records.
      process.env.TZ = 'Asia/Shanghai';
      expect(raw.prepare(`SELECT strftime('%H', 0, 'unixepoch', 'localtime')`).pluck().get()).toBe('08');
      agreesWithRecount(ctx, raw, periods);
      // The next open counts them again in Beijing months, and the ledger reads them.
      prepareCells(raw);
      expect(cellsOf(raw)).not.toEqual(utcCells);
      agreesWithRecount(ctx, raw, periods);
      raw.close();
    } finally {
      process.env.TZ = saved;
    }
  }, 120_000);
});

/** Every figure's cells, by caseworker and township, as the plain-loop recount gives them. */
function agreesWithRecount(ctx: ReturnType<typeof makeContext>, raw: Database.Database, periods: Period[]) {
  for (const period of periods) {
    const ledger = contract['stats.ledger'].handler(ctx, { period });
    const expected = recompute(raw, period.from, period.to);
    for (const f of ledger.figures) {
      const def = FIGURES.find((d) => d.key === f.key)!;
      const want = expected.get(f.key) ?? { township: new Map(), owner: new Map() };
      expect({ period, figure: f.key, cells: f.byOwner }).toEqual({
        period,
        figure: f.key,
        cells: Object.fromEntries(want.owner),
      });
      if (def.byTownship)
        expect({ period, figure: f.key, cells: f.byTownship }).toEqual({
          period,
          figure: f.key,
          cells: Object.fromEntries(want.township),
        });
    }
  }
}

// ---------- indexes ----------

describe('indexes', () => {
  it('answers every figure through an index, never a scan of a whole table', async () => {
    const core = openCore();
    await call(core, 'session.setup', ADMIN);
    core.close();
    const raw = await openRaw(core.dataDir);
    // No ANALYZE: the core wrote the committed planner statistics at open (db/core/planner.ts),
    // so these plans are the ones a database of 100,000 children runs.
    for (const key of FIGURE_KEYS) {
      const q = figureQuery(key, yearPeriod(2026));
      const plan = (raw.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(q.params) as { detail: string }[]).map(
        (r) => r.detail,
      );
      // The first table of each query is reached by a range on an index; joins by primary key.
      expect({
        key,
        plan: plan.filter((d) => /^SCAN /.test(d) && !/USING (COVERING )?INDEX/.test(d)),
      }).toEqual({
        key,
        plan: [],
      });
      const indexed = plan.some((d) =>
        /USING (COVERING )?INDEX (\w+_(date|stats|stock|stats_defacto|de_facto_recognitions_date|issue_date|closed_at|sent|received|reported|group))/.test(
          d,
        ),
      );
      expect({ key, plan, indexed }).toMatchObject({ key, indexed: true });
    }
    raw.close();
  });

  it('keeps the cells by triggers that reach each written row’s records by key, never a walk of a table', async () => {
    const core = openCore();
    await call(core, 'session.setup', ADMIN);
    core.close();
    const raw = await openRaw(core.dataDir);
    const queries = triggerQueries();
    // Every table a figure reads has its four triggers, children's for every figure of a child.
    expect(new Set(queries.map((q) => q.table))).toEqual(
      new Set([
        'children',
        'de_facto_recognitions',
        'referrals',
        'referral_actions',
        'admonitions',
        'guidance_sessions',
        'guidance_plans',
        'guardianship_orders',
        'psych_assessments',
        'counselling_sessions',
        'visits',
        'mandatory_reports',
        'mandatory_report_children',
        'outreach_events',
        'judicial_relief',
        'suit_supports',
      ]),
    );
    for (const q of queries) {
      const plan = (
        raw.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(
          ...q.sql
            .split('?')
            .slice(1)
            .map(() => 'x'),
        ) as { detail: string }[]
      ).map((r) => r.detail);
      // Only constant rows may be scanned (all time and the month; a child's year, quarter and month).
      expect({ table: q.table, plan: plan.filter((d) => /^SCAN (?!\(|CONSTANT|granule\b)/.test(d)) }).toEqual(
        {
          table: q.table,
          plan: [],
        },
      );
    }
    raw.close();
  });

  /**
   * A data folder as a release up to (not including) migration `tag` left it, holding `rows`
   * written in that release's own columns (plain SQL: today's handlers know today's columns).
   */
  async function oldRelease(tag: string, rows: { sql: string; params: unknown[] }[]) {
    const dir = path.join(makeDataDir('stats-migration'), 'migrations');
    cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    const journalFile = path.join(dir, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalFile, 'utf8'));
    const at = journal.entries.findIndex((e: { tag: string }) => e.tag.endsWith(tag));
    expect(at).toBeGreaterThan(0);
    journal.entries = journal.entries.slice(0, at);
    writeFileSync(journalFile, JSON.stringify(journal));
    const dataDir = makeDataDir('stats-migration-data');
    const old = createCore({
      dataDir,
      migrationsDir: dir,
      kdf: FAST_KDF,
      log: () => {},
      clock: new ManualClock(),
    });
    await call(old, 'session.setup', ADMIN);
    old.close();
    const raw = await openRaw(dataDir);
    for (const r of rows) raw.prepare(r.sql).run(...r.params);
    raw.close();
    return dataDir;
  }

  const oldChild = (i: number, township: string, categories: string[], createdAt: number) => ({
    sql: `INSERT INTO children (id, name, name_pinyin, gender, birth_date, township, categories, risk_level, needs,
            status, created_at, updated_at, version)
          VALUES (?, ?, '', 'female', ?, ?, ?, 'green', '{}', 'active', ?, ?, 1)`,
    params: [
      `child-${i}`,
      `测试儿童${'甲乙丙'[i]}`,
      `2016-01-0${i + 1}`,
      township,
      JSON.stringify(categories),
      createdAt,
      createdAt,
    ],
  });

  it('migrates a database holding data to the stats indexes, keeping its rows', async () => {
    const now = new ManualClock().now();
    const dataDir = await oldRelease(
      '_stats_indexes',
      (['仁风镇', '新市镇', '仁风镇'] as const).map((tw, i) => oldChild(i, tw, ['prisonerChild'], now)),
    );
    const next = openCore(dataDir, new ManualClock());
    await call(next, 'session.signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    const ledger = await call(next, 'stats.ledger', { period: { kind: 'year', year: 2026 } });
    const onFile = ledger.figures.find((f) => f.key === 'childrenOnFile')!;
    expect(onFile.byTownship).toEqual({ 仁风镇: 2, 新市镇: 1 });
    next.close();
    const raw = await openRaw(dataDir);
    const names = (
      raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'index'`).all() as { name: string }[]
    ).map((r) => r.name);
    expect(names).toEqual(
      expect.arrayContaining(['children_stats', 'children_stats_defacto', 'visits_date']),
    );
    raw.close();
  });

  it('dates the 事实无人抚养 children already on file by the day their file was opened', async () => {
    // Opened in 2025 (recognised then) and in 2026; a third child without the category.
    const in2025 = new Date(2025, 5, 3, 10).getTime();
    const in2026 = new Date(2026, 1, 9, 10).getTime();
    const dataDir = await oldRelease('_defacto_recognitions', [
      oldChild(0, '仁风镇', ['prisonerChild', 'deFactoUnsupported'], in2025),
      oldChild(1, '新市镇', ['deFactoUnsupported'], in2026),
      oldChild(2, '新市镇', ['prisonerChild'], in2026),
    ]);
    const next = openCore(dataDir, new ManualClock());
    await call(next, 'session.signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    const ledger = await call(next, 'stats.ledger', { period: { kind: 'year', year: 2026 } });
    const fresh = ledger.figures.find((f) => f.key === 'deFactoNew')!;
    expect(fresh.byTownship).toEqual({ 新市镇: 1 });
    expect(fresh.lastYear.byTownship).toEqual({ 仁风镇: 1 });
    expect(total(ledger, 'deFactoOnFile')).toBe(2);
    const kept = await call(next, 'children.get', { id: 'child-0' });
    expect(kept.profile.deFactoRecognisedOn).toBe('2025-06-03');
    expect((await call(next, 'children.get', { id: 'child-2' })).profile.deFactoRecognisedOn).toBeNull();
    next.close();
  });
});
