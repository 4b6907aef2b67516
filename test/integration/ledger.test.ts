import { describe, expect, it } from 'vitest';
import type { Core } from '../../db/api/core';
import type { LEDGER_FIELDS } from '../../db/ledger/codes';
import { prepareDue } from '../../db/reminders/due';
import { dropCellTriggers, prepareCells } from '../../db/stats/cells';
import { csvLedger, type Ledger, largeLedger, messyLedger } from '../fixtures/ledger';
import { ADMIN, CHILD, call, ManualClock, openCore, openRaw, refuse } from './support';

type Columns = ((typeof LEDGER_FIELDS)[number] | null)[];

async function adminCore() {
  const core = openCore(undefined, new ManualClock());
  await call(core, 'session.setup', ADMIN);
  return core;
}

const file = (l: { bytes: Buffer; fileName: string }) => ({
  fileName: l.fileName,
  data: l.bytes.toString('base64'),
});

async function readAndMap(core: Core, l: Ledger) {
  const view = await call(core, 'ledger.read', file(l));
  return { view, columns: view.suggested as Columns };
}

/** Row counts straight from the encrypted file, after the core has closed it. */
async function tableCounts(core: Core & { dataDir: string }) {
  core.close();
  return snapshot(core);
}

/**
 * What the database holds as another connection sees it (committed rows only), while the core
 * keeps its own open: the row counts of every table an import writes, and the audit head.
 */
async function snapshot(core: Core & { dataDir: string }) {
  const raw = await openRaw(core.dataDir);
  try {
    const n = (table: string) => (raw.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return {
      children: n('children'),
      persons: n('persons'),
      relations: n('child_relations'),
      custody: n('custody_records'),
      searchKeys: n('child_search_keys'),
      reminders: n('reminder_due'),
      imports: n('ledger_imports'),
      mappings: n('ledger_mappings'),
      audit: n('audit_log'),
      head: raw.prepare('SELECT seq, hash FROM audit_head WHERE id = 1').get(),
    };
  } finally {
    raw.close();
  }
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Polls ledger.progress, as the wizard does, until the running call has written some rows. */
async function progressOnceWriting(core: Core, phase: 'plan' | 'write') {
  for (let i = 0; i < 10_000; i++) {
    const p = await call(core, 'ledger.progress', {});
    if (p?.phase === phase && p.done > 0) return p;
    await turn();
  }
  throw new Error(`no ${phase} progress seen`);
}

describe('ledger import: reading a messy ledger', () => {
  it('finds the sheet and the header row below a merged title, and suggests fields from header names', async () => {
    const core = await adminCore();
    const ledger = await messyLedger();
    const { view } = await readAndMap(core, ledger);
    expect(view.sheets.map((s) => s.name)).toEqual(['台账', '说明']);
    expect(view.sheet).toBe('台账');
    expect(view.headerRow).toBe(ledger.headerRow - 1);
    const mapped = Object.fromEntries(view.headers.map((h, i) => [h, view.suggested[i]]));
    expect(mapped).toMatchObject({
      序号: null,
      儿童姓名: 'name',
      出生年月: 'birthDate',
      公民身份号码: 'idNumber',
      所在乡镇: 'township',
      村居: 'village',
      实际监护人: 'guardianName',
      联系电话: 'guardianPhone',
      父亲羁押场所: 'fatherFacility',
      母亲姓名: 'motherName',
    });
    core.close();
  });

  it('refuses an old .xls with a message to save it as .xlsx', async () => {
    const core = await adminCore();
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const err = await refuse(core, 'ledger.read', { fileName: '台账.xls', data: ole.toString('base64') });
    expect(err.code).toBe('VALIDATION');
    expect(err.message).toContain('另存为');
    core.close();
  });

  it('reads a CSV with other header names and township short names', async () => {
    const core = await adminCore();
    const csv = csvLedger();
    const view = await call(core, 'ledger.read', file(csv));
    expect(view.suggested).toEqual([
      'name',
      'gender',
      'birthDate',
      'idNumber',
      'township',
      'guardianName',
      'guardianPhone',
    ]);
    const preview = await call(core, 'ledger.preview', {
      ...file(csv),
      sheet: view.sheet,
      headerRow: view.headerRow!,
      columns: view.suggested,
    });
    expect(preview.rows.map((r) => [r.name, r.status])).toEqual(csv.names.map((n) => [n, 'new']));
    expect(preview.rows.every((r) => r.township?.match(/(街道|镇)$/))).toBe(true);
    core.close();
  });
});

describe('ledger import: preview, commit, repeat', () => {
  it('gives every kind of mess its status and reason, then imports with counts that add up', async () => {
    const core = await adminCore();
    const ledger = await messyLedger();
    await call(core, 'children.create', ledger.existing);
    const { view, columns } = await readAndMap(core, ledger);
    const input = { ...file(ledger), sheet: view.sheet, headerRow: view.headerRow!, columns };
    const preview = await call(core, 'ledger.preview', input);

    const byRow = new Map(preview.rows.map((r) => [r.row, r]));
    for (const e of ledger.expected) {
      const got = byRow.get(e.row);
      expect(got, `row ${e.row} (${e.kind})`).toBeDefined();
      expect([e.kind, got!.status]).toEqual([e.kind, e.status]);
      if (e.name) expect(got!.name).toBe(e.name);
      const text = got!.reasons.map((r) => r.message).join(' ');
      if (e.reason) expect(text, e.kind).toContain(e.reason);
      if (e.status === 'new')
        expect(
          got!.reasons.filter((r) => r.level === 'error'),
          e.kind,
        ).toEqual([]);
    }
    // Every row below the header is in the preview, once.
    expect(preview.rows.length).toBe(ledger.expected.length);
    const c = preview.counts;
    expect(c.new + c.match + c.invalid + c.ignored).toBe(c.rows);

    // The damaged ID is flagged on its own column and never shown as a number.
    const damaged = preview.rows.find(
      (r) => r.row === ledger.expected.find((e) => e.kind === 'damagedId')!.row,
    )!;
    const reason = damaged.reasons.find((r) => r.field === 'idNumber')!;
    expect(reason.column).toBe(4);
    expect(reason.message).toContain('损坏');
    expect(damaged.idNumberMasked).toBeNull();

    // The existing file matches by ID number; a merge takes only the fields chosen.
    const matchRow = preview.rows.find((r) => r.status === 'match')!;
    expect(matchRow.match!.byId).toBe(true);
    expect(matchRow.differs).toEqual(expect.arrayContaining(['school', 'relatives']));

    const report = await call(core, 'ledger.commit', {
      ...input,
      decisions: { [matchRow.row]: { action: 'merge', fields: ['school'] } },
    });
    expect(report.counts.rows).toBe(preview.rows.length);
    expect(report.counts.imported).toBe(c.new);
    expect(report.counts.merged).toBe(1);
    expect(report.counts.imported + report.counts.merged + report.counts.skipped).toBe(report.counts.rows);
    expect(report.skipped.map((s) => s.row).sort((a, b) => a - b)).toEqual(
      ledger.expected.filter((e) => e.status === 'invalid' || e.status === 'ignored').map((e) => e.row),
    );

    // The merged file took the school and nothing else: no relatives were chosen.
    const merged = await call(core, 'children.get', { id: matchRow.match!.childId });
    expect(merged.profile.school).toBe('济阳区实验小学');
    expect(merged.relations).toEqual([]);

    // Relatives and custody: the father serving a sentence, the grandmother as caregiver.
    const clean = ledger.expected.find((e) => e.kind === 'clean')!;
    const found = await call(core, 'children.list', { query: clean.name! });
    const opened = await call(core, 'children.get', { id: found.rows[0].id });
    const father = opened.relations.find((r) => r.relation === 'father')!;
    expect(father.custody).toEqual([
      expect.objectContaining({
        measure: 'sentence',
        facility: '山东省济南监狱',
        startDate: '2023-06-30',
        expectedRelease: '2028-06-30',
      }),
    ]);
    const grandma = opened.relations.find((r) => r.relation === 'grandparent')!;
    expect(grandma).toMatchObject({ isGuardian: true, isCaregiver: true });
    expect(grandma.person.phone).toMatch(/^1\d{10}$/);
    expect(opened.caregiver?.name).toBe(grandma.person.name);

    // Siblings with the father's cells merged down share one father record.
    const a = ledger.expected.find((e) => e.kind === 'siblingA')!;
    const b = ledger.expected.find((e) => e.kind === 'mergedDown+siblingB')!;
    const fileA = await call(core, 'children.get', {
      id: (await call(core, 'children.list', { query: a.name! })).rows[0].id,
    });
    const fileB = await call(core, 'children.get', {
      id: (await call(core, 'children.list', { query: b.name! })).rows[0].id,
    });
    expect(fileB.profile.township).toBe('仁风镇');
    const fa = fileA.relations.find((r) => r.relation === 'father')!.person;
    const fb = fileB.relations.find((r) => r.relation === 'father')!.person;
    expect(fb.id).toBe(fa.id);
    expect(fb.childCount).toBe(2);

    // The lower-case x, spaced and full-width numbers were stored clean.
    const lowerX = ledger.expected.find((e) => e.kind === 'dotDate+lowerX')!;
    const xChild = (await call(core, 'children.list', { query: lowerX.name! })).rows[0];
    const { idNumber } = await call(core, 'children.revealIdNumber', {
      id: xChild.id,
      reason: '核对导入结果',
    });
    expect(idNumber).toMatch(/^\d{17}X$/);

    // The empty marks (无, -, /) became empty fields, not the marks themselves.
    const compact = ledger.expected.find((e) => e.kind === 'compactDate+emptyMarks')!;
    const compactFile = await call(core, 'children.get', {
      id: (await call(core, 'children.list', { query: compact.name! })).rows[0].id,
    });
    expect(compactFile.profile.school).toBeNull();
    expect(compactFile.profile.village).toBeNull();

    // Audited: file name, hash and counts.
    const audit = await call(core, 'audit.list', { action: 'ledger.import' });
    expect(audit.rows[0].detail).toMatchObject({
      fileName: ledger.fileName,
      sha256: view.fileHash,
      imported: c.new,
      merged: 1,
      skipped: report.counts.skipped,
    });

    // The skipped rows as a spreadsheet: original cells and a reason column.
    const xlsx = await call(core, 'ledger.skippedReport', { ...file(ledger), importId: report.importId! });
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.data, 'base64') as never);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).getCell(1).text).toBe('原行号');
    expect(ws.getRow(1).getCell(3).text).toBe('儿童姓名');
    expect(ws.getRow(1).getCell(ws.columnCount).text).toBe('未导入原因');
    expect(ws.rowCount).toBe(report.counts.skipped + 1);
    const damagedLine = ws
      .getRows(2, ws.rowCount - 1)!
      .find((r) => r.getCell(1).text === String(damaged.row))!;
    expect(damagedLine.getCell(ws.columnCount).text).toContain('损坏');
    expect(damagedLine.getCell(6).text).toMatch(/^\d{15}000$/);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const exported = await call(core, 'audit.list', { action: 'ledger.skippedReport' });
    expect(exported.rows[0].detail).toMatchObject({ sha256: xlsx.sha256 });

    // The same file again adds nothing and says so.
    const before = (await call(core, 'children.list', {})).total;
    const again = await call(core, 'ledger.preview', input);
    expect(again.prior).toMatchObject({ fileName: ledger.fileName, counts: report.counts });
    expect(again.rows.filter((r) => r.status === 'new').map((r) => r.row)).toEqual([]);
    const second = await call(core, 'ledger.commit', { ...input, decisions: {} });
    expect(second.repeatOf?.id).toBe(report.importId);
    expect(second.counts).toMatchObject({ imported: 0, merged: 0, skipped: report.counts.rows });
    expect((await call(core, 'children.list', {})).total).toBe(before);
    const counts = await tableCounts(core);
    expect(counts.imports).toBe(1);
  });

  it('leaves the database unchanged when the caseworker cancels after the preview', async () => {
    const core = await adminCore();
    const ledger = await messyLedger(31);
    const { view, columns } = await readAndMap(core, ledger);
    const auditBefore = (await call(core, 'audit.list', {})).total;
    const preview = await call(core, 'ledger.preview', {
      ...file(ledger),
      sheet: view.sheet,
      headerRow: view.headerRow!,
      columns,
    });
    expect(preview.counts.new).toBeGreaterThan(5);
    // Cancelling is not committing: nothing of the file was written, and the wizard's cancel
    // drops the parsed file from memory too.
    expect((await call(core, 'audit.list', {})).total).toBe(auditBefore);
    await call(core, 'ledger.forget', {});
    const counts = await tableCounts(core);
    expect(counts).toMatchObject({ children: 0, persons: 0, relations: 0, custody: 0, imports: 0 });
  });

  it('refuses a mapping without the name column and writes nothing', async () => {
    const core = await adminCore();
    const ledger = await messyLedger(41);
    const { view, columns } = await readAndMap(core, ledger);
    const err = await refuse(core, 'ledger.commit', {
      ...file(ledger),
      sheet: view.sheet,
      headerRow: view.headerRow!,
      columns: columns.map((c) => (c === 'name' ? null : c)),
      decisions: {},
    });
    expect(err.message).toContain('姓名');
    const counts = await tableCounts(core);
    expect(counts).toMatchObject({ children: 0, persons: 0, imports: 0 });
  });

  it('judges the rows again at commit when the database changed after the preview', async () => {
    const core = await adminCore();
    const ledger = await messyLedger(51);
    const { view, columns } = await readAndMap(core, ledger);
    const input = { ...file(ledger), sheet: view.sheet, headerRow: view.headerRow!, columns };
    const preview = await call(core, 'ledger.preview', input);
    const clean = ledger.expected.find((e) => e.kind === 'clean')!;
    expect(preview.rows.find((r) => r.row === clean.row)!.status).toBe('new');
    // Someone registers that child between the preview and the import.
    const row = preview.rows.find((r) => r.row === clean.row)!;
    await call(core, 'children.create', {
      name: row.name!,
      gender: 'male',
      birthDate: row.birthDate!,
      township: row.township as '济阳街道',
      acknowledgeDuplicates: true,
    });
    const report = await call(core, 'ledger.commit', { ...input, decisions: {} });
    expect(report.counts.imported).toBe(preview.counts.new - 1);
    expect(report.skipped.find((s) => s.row === clean.row)?.reason).toContain('已有档案');
    expect((await call(core, 'children.list', { query: row.name! })).total).toBe(1);
    core.close();
  });

  it('saves a mapping by header names for the next ledger', async () => {
    const core = await adminCore();
    await call(core, 'ledger.saveMapping', {
      name: '民政台账',
      headers: { '儿童 姓名': 'name', 出生年月: 'birthDate' },
    });
    const view = await call(core, 'ledger.read', file(await messyLedger()));
    expect(view.mappings).toEqual([
      expect.objectContaining({ name: '民政台账', headers: { 儿童姓名: 'name', 出生年月: 'birthDate' } }),
    ]);
    core.close();
  });

  it('reads a large ledger: every row accounted for', async () => {
    const core = await adminCore();
    const big = await largeLedger(600);
    const view = await call(core, 'ledger.read', file(big));
    const input = { ...file(big), sheet: view.sheet, headerRow: view.headerRow!, columns: view.suggested };
    const report = await call(core, 'ledger.commit', { ...input, decisions: {} });
    expect(report.counts.rows).toBe(600);
    expect(report.counts.skipped).toBeGreaterThan(10);
    expect(report.counts.imported + report.counts.skipped).toBe(600);
    core.close();
  });
});

/**
 * The statistics cells and the stored reminders as the file holds them, then as rebuilt from
 * the records by the next open after their triggers went missing (prepareCells, prepareDue).
 */
async function cellsAndDueRebuilt(core: Core & { dataDir: string }, now: number) {
  core.close();
  const raw = await openRaw(core.dataDir);
  const read = () => ({
    cells: raw
      .prepare(
        `SELECT series, month, township, owner, tag, n, v FROM stats_cells WHERE n <> 0 OR v <> 0
         ORDER BY series, month, township, owner, tag`,
      )
      .all(),
    due: raw
      .prepare(
        `SELECT child_id, owner_id, key, kind, due, shows_from, shows_until, child_name, facts, link, priority, sort_name
         FROM reminder_due ORDER BY child_id, key, kind, due`,
      )
      .all(),
  });
  try {
    const stored = read();
    dropCellTriggers(raw);
    prepareCells(raw);
    // Whatever the stored reminders' version: without its children trigger, the next open rebuilds.
    const names = raw
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger'`)
      .pluck()
      .all() as string[];
    const childrenUpdate = names.filter((n) => /^reminder_dirty_v\d+_children_u$/.test(n));
    expect(childrenUpdate).toHaveLength(1);
    raw.exec(`DROP TRIGGER "${childrenUpdate[0]}"`);
    prepareDue(raw, now);
    return { stored, rebuilt: read() };
  } finally {
    raw.close();
  }
}

describe('ledger import: the statistics and the reminders it leaves', () => {
  it('leaves the same cells and stored reminders as a rebuild from the records', async () => {
    const clock = new ManualClock();
    const core = openCore(undefined, clock);
    await call(core, 'session.setup', ADMIN);
    const ledger = await messyLedger();
    await call(core, 'children.create', ledger.existing);
    const { view, columns } = await readAndMap(core, ledger);
    const input = { ...file(ledger), sheet: view.sheet, headerRow: view.headerRow!, columns };
    const preview = await call(core, 'ledger.preview', input);
    const matchRow = preview.rows.find((r) => r.status === 'match')!;
    const first = await call(core, 'ledger.commit', {
      ...input,
      decisions: { [matchRow.row]: { action: 'merge', fields: [...matchRow.differs] } },
    });
    expect(first.counts.merged).toBe(1);
    const big = await largeLedger(600);
    const bigView = await call(core, 'ledger.read', file(big));
    const report = await call(core, 'ledger.commit', {
      ...file(big),
      sheet: bigView.sheet,
      headerRow: bigView.headerRow!,
      columns: bigView.suggested,
      decisions: {},
    });
    expect(report.counts.imported).toBeGreaterThan(500);
    const { stored, rebuilt } = await cellsAndDueRebuilt(core, clock.now());
    // Every imported child is registered in the cells, and many have reminders (custody, age).
    const registered = stored.cells.filter(
      (c: unknown) =>
        (c as { series: string; month: string }).series === 'registered' && !(c as { month: string }).month,
    ) as { n: number }[];
    expect(registered.reduce((sum, c) => sum + c.n, 0)).toBe(
      1 + first.counts.imported + report.counts.imported,
    );
    expect(stored.due.length).toBeGreaterThan(100);
    expect(stored.cells).toEqual(rebuilt.cells);
    expect(stored.due).toEqual(rebuilt.due);
  });
});

describe('ledger import: progress and cancel on a large file', () => {
  async function ready(rows: number) {
    const core = await adminCore();
    await call(core, 'children.create', CHILD);
    const big = await largeLedger(rows);
    const view = await call(core, 'ledger.read', file(big));
    const input = { ...file(big), sheet: view.sheet, headerRow: view.headerRow!, columns: view.suggested };
    return { core, input };
  }

  it('cancels an import half-way: its one transaction rolls back and the database is as it was', async () => {
    const { core, input } = await ready(1400);
    await call(core, 'ledger.preview', input);
    const before = await snapshot(core);
    const listed = (await call(core, 'children.list', {})).total;

    const commit = core.invoke('ledger.commit', { ...input, decisions: {} });
    const seen = await progressOnceWriting(core, 'write');
    expect(seen.total).toBe(1400);
    expect(seen.done).toBeLessThan(1400);
    // Half-way, the rows written so far are in the open transaction: the core's own connection
    // would list them; nothing of them is committed for anyone else.
    expect((await snapshot(core)).children).toBe(before.children);
    expect(await call(core, 'ledger.cancel', {})).toEqual({ cancelling: true });
    const result = await commit;
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ code: 'CONFLICT', reason: 'cancelled' });
    expect(result.error.message).toContain('已取消');

    expect(await call(core, 'ledger.progress', {})).toBeNull();
    expect((await call(core, 'children.list', {})).total).toBe(listed);
    expect(await snapshot(core)).toEqual(before);
    // Nothing to cancel once it has ended.
    expect(await call(core, 'ledger.cancel', {})).toEqual({ cancelling: false });
    // The same file can still be imported whole afterwards.
    const report = await call(core, 'ledger.commit', { ...input, decisions: {} });
    expect(report.counts.imported + report.counts.skipped).toBe(1400);
    expect((await snapshot(core)).children).toBe(before.children + report.counts.imported);
    core.close();
  });

  it('makes a write asked during the import wait for it, so the cancel does not take that write with it', async () => {
    const { core, input } = await ready(1400);
    const before = await snapshot(core);
    const commit = core.invoke('ledger.commit', { ...input, decisions: {} });
    await progressOnceWriting(core, 'write');
    let saved = false;
    const mapping = core
      .invoke('ledger.saveMapping', { name: '民政台账', headers: { 儿童姓名: 'name' } })
      .then((r) => {
        saved = true;
        return r;
      });
    for (let i = 0; i < 5; i++) await turn();
    expect(saved).toBe(false);
    await call(core, 'ledger.cancel', {});
    expect((await commit).ok).toBe(false);
    expect((await mapping).ok).toBe(true);
    const after = await snapshot(core);
    expect(after).toMatchObject({
      children: before.children,
      persons: before.persons,
      imports: 0,
      mappings: 1,
      audit: before.audit + 1,
    });
    core.close();
  });

  it('rolls the import back when the app locks half-way, and keeps the lock in the audit log', async () => {
    const { core, input } = await ready(1400);
    const before = await snapshot(core);
    const commit = core.invoke('ledger.commit', { ...input, decisions: {} });
    await progressOnceWriting(core, 'write');
    await call(core, 'session.lock', { reason: 'manual' });
    const result = await commit;
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('LOCKED');
    await call(core, 'session.signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    const after = await snapshot(core);
    expect(after).toMatchObject({ children: before.children, persons: before.persons, imports: 0 });
    const locks = await call(core, 'audit.list', { action: 'session.lock' });
    expect(locks.total).toBe(1);
    core.close();
  });

  it('cancels a preview half-way, having written nothing', async () => {
    const { core, input } = await ready(1400);
    const before = await snapshot(core);
    const preview = core.invoke('ledger.preview', input);
    const seen = await progressOnceWriting(core, 'plan');
    expect(seen.total).toBe(1400);
    await call(core, 'ledger.cancel', {});
    const result = await preview;
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.reason).toBe('cancelled');
    expect(await snapshot(core)).toEqual(before);
    core.close();
  });
});
