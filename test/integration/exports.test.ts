import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../db/api/core';
import { activeChildren, seedAreas } from '../fixtures/areas';
import { Rng } from '../fixtures/random';
import {
  ADMIN_USERNAME,
  DEFAULT_PASSPHRASE,
  MIGRATIONS_DIR,
  openSeededRaw,
  seed,
  seededUsers,
} from '../fixtures/seeder';
import { makeDataDir } from '../helpers/tmp';
import { call, FAST_KDF, refuse } from './support';

async function workbook(data: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(data, 'base64') as never);
  return wb.worksheets[0];
}

describe('Excel out for every list', async () => {
  const dataDir = makeDataDir('exports');
  const report = await seed({ dataDir, children: 400, seed: 7, kdf: FAST_KDF });
  {
    // The later areas (referrals, orders, plans, counselling, visits) for a share of the children.
    const raw = await openSeededRaw(dataDir, DEFAULT_PASSPHRASE, FAST_KDF);
    const live = activeChildren(raw);
    const users = seededUsers(report);
    seedAreas(raw, { children: live, users, clock: { now: () => Date.now() }, rng: new Rng(3) });
    raw.close();
  }
  const open = async (username = ADMIN_USERNAME, passphrase = DEFAULT_PASSPHRASE) => {
    const core = createCore({ dataDir, migrationsDir: MIGRATIONS_DIR, kdf: FAST_KDF, log: () => {} });
    await call(core, 'session.signIn', { username, passphrase });
    return core;
  };

  it('exports the children list with its filters, masked IDs, a frozen header and an auto filter, audited with the hash', async () => {
    const core = await open();
    const listed = await call(core, 'children.list', { township: '仁风镇', status: 'active', limit: 200 });
    const file = await call(core, 'exports.children', { township: '仁风镇', status: 'active', sort: 'name' });
    const ws = await workbook(file.data);
    expect(ws.getRow(1).getCell(1).text).toBe('姓名');
    expect(ws.getRow(1).getCell(4).text).toBe('公民身份号码');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.rowCount - 1).toBe(listed.total);
    const names = ws.getColumn(1).values.slice(2);
    expect(names).toEqual(listed.rows.map((r) => r.name));
    const ids = ws.getColumn(4).values.slice(2).filter(Boolean).map(String);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((id) => /^\d{6}\*{12}$/.test(id))).toBe(true);
    expect(ids).toEqual(listed.rows.map((r) => r.idNumberMasked).filter(Boolean));
    const audit = await call(core, 'audit.list', { action: 'exports.xlsx' });
    expect(audit.rows[0].detail).toMatchObject({ kind: 'children', sha256: file.sha256, rows: listed.total });
    core.close();
  });

  it('gives full ID numbers only to an administrator who gives a reason', async () => {
    const admin = await open();
    expect((await refuse(admin, 'exports.children', { fullIds: { reason: '' } })).code).toBe('VALIDATION');
    const file = await call(admin, 'exports.children', { fullIds: { reason: '民政核对身份' } });
    const ws = await workbook(file.data);
    const ids = ws.getColumn(4).values.slice(2).filter(Boolean).map(String);
    expect(ids.every((id) => /^\d{17}[\dX]$/.test(id))).toBe(true);
    const audit = await call(admin, 'audit.list', { action: 'exports.xlsx' });
    expect(audit.rows[0].detail).toMatchObject({ fullIds: true, reason: '民政核对身份' });
    admin.close();

    const worker = report.accounts.find((a) => a.role === 'caseworker')!;
    const core = await open(worker.username, worker.passphrase);
    const err = await refuse(core, 'exports.children', { fullIds: { reason: '核对' } });
    expect(err.code).toBe('FORBIDDEN');
    core.close();
  });

  it('exports referrals, orders, plans, admonitions, visits, and counselling as counts without its text', async () => {
    const core = await open();
    for (const [method, first] of [
      ['exports.referrals', '编号'],
      ['exports.orders', '文号'],
      ['exports.plans', '儿童'],
      ['exports.admonitions', '儿童'],
      ['exports.visits', '儿童'],
      ['exports.counselling', '儿童'],
    ] as const) {
      const file = await call(core, method, {});
      const ws = await workbook(file.data);
      expect(ws.getRow(1).getCell(1).text, method).toBe(first);
      expect(file.rows, method).toBeGreaterThan(0);
      expect(ws.rowCount - 1, method).toBe(file.rows);
      expect(ws.views[0], method).toMatchObject({ state: 'frozen', ySplit: 1 });
    }
    // No counselling summary or assessment note reaches the sheet.
    const counselling = await workbook((await call(core, 'exports.counselling', {})).data);
    const header = (counselling.getRow(1).values as unknown[]).map(String);
    expect(header.join(' ')).not.toMatch(/内容|摘要|记录/);
    const audit = await call(core, 'audit.list', { action: 'exports.xlsx' });
    expect(audit.rows[0].detail).toMatchObject({ kind: 'counselling', textIncluded: false });
    core.close();
  });

  it('exports 强制报告, 法治宣讲, 国家司法救助 and 支持起诉 with their list filters, each cell as the register has it', async () => {
    const core = await open();
    for (const [method, rowsMethod, input] of [
      ['exports.mandatoryReports', 'mandatoryReports.exportRows', { status: 'all' }],
      ['exports.outreach', 'outreach.exportRows', { status: 'held' }],
      ['exports.relief', 'relief.exportRows', { status: 'all' }],
      ['exports.suits', 'suits.exportRows', { status: 'all', kind: 'all' }],
    ] as const) {
      const table = (await call(core, rowsMethod, input as never)) as {
        columns: { key: string; header: string }[];
        rows: Record<string, string | number | null>[];
      };
      const file = await call(core, method, input as never);
      const ws = await workbook(file.data);
      expect(table.rows.length, method).toBeGreaterThan(0);
      expect(ws.views[0], method).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.autoFilter, method).toBeTruthy();
      expect((ws.getRow(1).values as unknown[]).slice(1), method).toEqual(table.columns.map((c) => c.header));
      const sheet = Array.from({ length: ws.rowCount - 1 }, (_, i) =>
        table.columns.map((_c, j) => {
          const v = ws.getRow(i + 2).getCell(j + 1).value;
          return v === null || v === undefined || v === '' ? null : v;
        }),
      );
      // An empty text (no photos) is an empty cell, as a reader of the file sees it.
      expect(sheet, method).toEqual(
        table.rows.map((r) => table.columns.map((c) => r[c.key] || (r[c.key] === 0 ? 0 : null))),
      );
      const audit = await call(core, 'audit.list', { action: 'exports.xlsx' });
      const kind = method.slice('exports.'.length);
      expect(audit.rows[0].detail, method).toMatchObject({
        kind,
        sha256: createHash('sha256').update(Buffer.from(file.data, 'base64')).digest('hex'),
        rows: table.rows.length,
        filters: input,
      });
    }
    // A narrower filter narrows the file exactly as it narrows the list.
    const held = await call(core, 'exports.outreach', { status: 'held' });
    const all = await call(core, 'exports.outreach', { status: 'all' });
    expect(held.rows).toBeLessThan(all.rows);
    core.close();
  });
});
