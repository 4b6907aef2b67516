import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../db/api/core';
import { REPORT_FIGURES } from '../../db/reports/model';
import { statsCtx } from './duties-support';
import { migrationTags, studioBefore } from './migration-support';
import {
  ADMIN,
  CASEWORKER,
  CHILD,
  COUNSELLOR,
  call,
  ManualClock,
  MIGRATIONS_DIR,
  openCore,
  openRaw,
  refuse,
  signInAs,
} from './support';

const DAY = 86_400_000;

async function timelineOf(core: Core, id: string) {
  return (await call(core, 'children.get', { id })).timeline;
}

async function auditOf(core: Core, id: string) {
  return (await call(core, 'audit.list', { limit: 500 })).rows.filter((a) => a.entityId === id);
}

async function setup(clock = new ManualClock(Date.UTC(2026, 3, 10, 2))) {
  const core = openCore(undefined, clock);
  await call(core, 'session.setup', ADMIN);
  const child = await call(core, 'children.create', CHILD);
  const sister = await call(core, 'children.create', {
    name: '张小红',
    gender: 'female',
    birthDate: '2012-08-19',
    township: '济阳街道',
  });
  await call(core, 'accounts.create', CASEWORKER);
  await call(core, 'accounts.create', COUNSELLOR);
  return { core, clock, child, sister };
}

const as = signInAs;

function report(childIds: string[]) {
  return {
    reporterUnit: '济阳区实验小学',
    reporterKind: 'school' as const,
    reporterName: '孙老师',
    reporterContact: '0531-84221234',
    learnedDate: '2026-04-08',
    reportedDate: '2026-04-09',
    trigger: '4' as const,
    situation: '班主任发现学生身上多处淤青，学生称系家中亲属殴打所致。',
    policeStation: '济阳派出所',
    childIds,
  };
}

async function reminderKinds(core: Core) {
  const board = await call(core, 'reminders.board', { ownerId: null });
  return Object.values(board.groups)
    .flat()
    .filter((r) => r.kind === 'reportFollowUp');
}

describe('mandatory reports (强制报告)', () => {
  it('runs from 已接报 through 核查中 and 已立案 to 已办结, on the children’s timelines, audited', async () => {
    const { core, clock, child, sister } = await setup();
    let r = await call(core, 'mandatoryReports.create', report([child.id, sister.id, child.id]));
    expect(r).toMatchObject({
      number: '强制报告〔2026〕1号',
      status: 'received',
      delayDays: 1,
      steps: ['verify', 'void'],
    });
    expect(r.children.map((c) => c.name).sort()).toEqual(['张小明', '张小红']);
    const second = await call(core, 'mandatoryReports.create', { ...report([sister.id]), trigger: '6' });
    expect(second.number).toBe('强制报告〔2026〕2号');

    // A step out of order is refused with the status named, and nothing changes.
    expect(
      await refuse(core, 'mandatoryReports.close', {
        id: r.id,
        version: r.version,
        outcome: '结案',
        closedDate: '2026-04-10',
      }),
    ).toMatchObject({ code: 'VALIDATION', message: '当前状态为“已接报”，不能进行这项操作' });

    r = await call(core, 'mandatoryReports.verify', { id: r.id, version: r.version });
    expect(r).toMatchObject({ status: 'verifying', steps: ['file', 'handle', 'void'] });
    clock.advance(DAY);
    r = await call(core, 'mandatoryReports.addAction', {
      id: r.id,
      version: r.version,
      date: '2026-04-11',
      action: '会同济阳派出所民警走访学校，调取伤情照片。',
    });
    expect(r.actions).toHaveLength(1);
    expect(r.actions[0]).toMatchObject({ byName: '王芳', date: '2026-04-11' });

    r = await call(core, 'mandatoryReports.file', {
      id: r.id,
      version: r.version,
      policeCaseNumber: '济公(济阳)立字〔2026〕0411号',
      filedDate: '2026-04-11',
    });
    expect(r).toMatchObject({ status: 'filed', steps: ['close'] });
    // Handling is the other branch from 核查中; once filed it is not open.
    expect(
      (
        await refuse(core, 'mandatoryReports.handle', {
          id: r.id,
          version: r.version,
          disposition: '批评教育',
          handledDate: '2026-04-11',
        })
      ).message,
    ).toBe('当前状态为“已立案”，不能进行这项操作');

    r = await call(core, 'mandatoryReports.close', {
      id: r.id,
      version: r.version,
      outcome: '犯罪嫌疑人张某被刑事拘留，已移送审查起诉。',
      closedDate: '2026-04-11',
    });
    expect(r).toMatchObject({ status: 'closed', steps: [] });

    // Closed: no more follow-ups.
    expect(
      (
        await refuse(core, 'mandatoryReports.addAction', {
          id: r.id,
          version: r.version,
          date: '2026-04-11',
          action: '补充',
        })
      ).message,
    ).toBe('当前状态为“已办结”，不能进行这项操作');

    const entries = async (id: string) =>
      (await timelineOf(core, id)).filter((i) => i.area === 'mandatoryReports').map((i) => [i.date, i.title]);
    expect(await entries(child.id)).toEqual([
      ['2026-04-11', '强制报告：公安机关立案'],
      ['2026-04-11', '强制报告办结'],
      ['2026-04-09', '济阳区实验小学强制报告'],
    ]);
    // The sister is named in both reports: both appear on her file.
    expect((await entries(sister.id)).filter(([, title]) => title === '济阳区实验小学强制报告')).toHaveLength(
      2,
    );

    const audit = await auditOf(core, r.id);
    expect(audit.map((a) => a.action).reverse()).toEqual([
      'mandatoryReports.create',
      'mandatoryReports.verify',
      'mandatoryReports.addAction',
      'mandatoryReports.file',
      'mandatoryReports.close',
    ]);

    // The register: open by default, the closed one under 已办结, filters by trigger and period.
    expect((await call(core, 'mandatoryReports.list', {})).rows.map((x) => x.number)).toEqual([
      '强制报告〔2026〕2号',
    ]);
    const closed = await call(core, 'mandatoryReports.list', { status: 'closed' });
    expect(closed.rows[0]).toMatchObject({ number: '强制报告〔2026〕1号', childNames: ['张小明', '张小红'] });
    // Every tab counted, the empty ones too, each exact below the cap.
    expect([closed.counts, Object.values(closed.capped).some(Boolean)]).toEqual([
      { received: 1, verifying: 0, filed: 0, handled: 0, closed: 1, voided: 0, open: 1, all: 2 },
      false,
    ]);
    expect((await call(core, 'mandatoryReports.list', { status: 'all', trigger: '6' })).total).toBe(1);
    expect((await call(core, 'mandatoryReports.list', { status: 'all', from: '2026-04-10' })).total).toBe(0);
  });

  it('refuses a report dated before it was learned, or in the future, beside the field, saving nothing', async () => {
    const { core, child } = await setup();
    const early = await refuse(core, 'mandatoryReports.create', {
      ...report([child.id]),
      learnedDate: '2026-04-09',
      reportedDate: '2026-04-08',
    });
    expect(early).toMatchObject({ code: 'VALIDATION', fields: { reportedDate: '报告日期不能早于知悉日期' } });
    const future = await refuse(core, 'mandatoryReports.create', {
      ...report([child.id]),
      reportedDate: '2026-04-11',
    });
    expect(future.fields).toEqual({ reportedDate: '日期不能晚于今天' });
    const none = await refuse(core, 'mandatoryReports.create', {
      ...report([]),
      trigger: undefined as never,
    });
    expect(none.fields).toMatchObject({
      childIds: '请至少选择一名涉及的未成年人',
      trigger: '请选择报告情形',
    });
    const ghost = await refuse(core, 'mandatoryReports.create', report([child.id, 'no-such-child']));
    expect(ghost.fields).toEqual({ childIds: '所选儿童不存在或已删除' });
    expect((await call(core, 'mandatoryReports.list', { status: 'all' })).total).toBe(0);
  });

  it('lets only a supervisor or administrator void a report; the caseworker’s attempt is audited', async () => {
    const { core, child } = await setup();
    await as(core, CASEWORKER);
    let r = await call(core, 'mandatoryReports.create', report([child.id]));
    expect(r.steps).toEqual(['verify']);
    expect(
      await refuse(core, 'mandatoryReports.void', { id: r.id, version: r.version, reason: '重复' }),
    ).toMatchObject({ code: 'FORBIDDEN' });
    await as(core, COUNSELLOR);
    expect((await refuse(core, 'mandatoryReports.verify', { id: r.id, version: r.version })).code).toBe(
      'FORBIDDEN',
    );
    await as(core, ADMIN);
    r = await call(core, 'mandatoryReports.verify', { id: r.id, version: r.version });
    // A stale version is a conflict, not an overwrite.
    expect(
      (await refuse(core, 'mandatoryReports.update', { id: r.id, version: 1, ...report([child.id]) })).code,
    ).toBe('CONFLICT');
    const denied = await call(core, 'audit.list', { action: 'access.denied' });
    expect(denied.rows.map((a) => a.detail?.method).sort()).toEqual([
      'mandatoryReports.verify',
      'mandatoryReports.void',
    ]);
    r = await call(core, 'mandatoryReports.void', { id: r.id, version: r.version, reason: '与2号重复登记' });
    expect(r).toMatchObject({ status: 'voided', voidReason: '与2号重复登记' });
    // Voided reports count for nothing and leave the children's timelines.
    expect(await timelineOf(core, child.id)).not.toContainEqual(
      expect.objectContaining({ area: 'mandatoryReports' }),
    );
  });

  it('reminds when an open report has had no follow-up for the set number of days', async () => {
    const { core, clock, child } = await setup();
    let r = await call(core, 'mandatoryReports.create', report([child.id]));
    let due = await reminderKinds(core);
    // Reported 04-09, default 7 days: due 04-16, one reminder per child concerned.
    expect(due.map((x) => [x.due, x.childName, x.title])).toEqual([
      ['2026-04-16', '张小明', '强制报告强制报告〔2026〕1号需跟进'],
    ]);
    // Read again with nothing changed, the same; written from another connection (a second
    // window, a repair script), the board follows at once.
    expect((await reminderKinds(core)).map((x) => x.due)).toEqual(['2026-04-16']);
    const other = await openRaw(core.dataDir);
    other.prepare(`UPDATE mandatory_reports SET reported_date = '2026-04-10'`).run();
    other.close();
    expect((await reminderKinds(core)).map((x) => x.due)).toEqual(['2026-04-17']);
    await call(core, 'settings.update', { reportFollowUpDays: 3 });
    expect((await reminderKinds(core)).map((x) => x.due)).toEqual(['2026-04-13']);
    expect((await refuse(core, 'settings.update', { reportFollowUpDays: 0 })).fields).toEqual({
      reportFollowUpDays: '跟进提醒天数应为 1 至 90 之间的整数',
    });

    clock.advance(5 * DAY);
    r = await call(core, 'mandatoryReports.verify', { id: r.id, version: r.version });
    r = await call(core, 'mandatoryReports.addAction', {
      id: r.id,
      version: r.version,
      date: '2026-04-14',
      action: '电话联系学校了解近况',
    });
    due = await reminderKinds(core);
    expect(due.map((x) => x.due)).toEqual(['2026-04-17']);
    r = await call(core, 'mandatoryReports.handle', {
      id: r.id,
      version: r.version,
      disposition: '经核查系家庭教育方式不当，已对监护人训诫并责令接受家庭教育指导。',
      handledDate: '2026-04-15',
    });
    r = await call(core, 'mandatoryReports.close', {
      id: r.id,
      version: r.version,
      outcome: '监护人已接受指导，儿童情况稳定。',
      closedDate: '2026-04-15',
    });
    expect(await reminderKinds(core)).toEqual([]);
  });

  it('gives 台账 figures with their definitions, and export rows with Chinese headers', async () => {
    const { core, child, sister } = await setup();
    const a = await call(core, 'mandatoryReports.create', report([child.id, sister.id]));
    await call(core, 'mandatoryReports.create', {
      ...report([sister.id]),
      learnedDate: '2026-03-30',
      reportedDate: '2026-03-30',
    });
    const v = await call(core, 'mandatoryReports.create', report([child.id]));
    await call(core, 'mandatoryReports.void', { id: v.id, version: v.version, reason: '重复' });
    const verified = await call(core, 'mandatoryReports.verify', { id: a.id, version: a.version });
    await call(core, 'mandatoryReports.file', {
      id: a.id,
      version: verified.version,
      policeCaseNumber: '立字0411',
      filedDate: '2026-04-10',
    });

    const table = await call(core, 'mandatoryReports.exportRows', { status: 'all' });
    const ctx = await statsCtx(core);
    const figure = (key: string, from: string, to: string) =>
      REPORT_FIGURES.find((f) => f.key === key)!.count(ctx, from, to);
    expect(figure('mandatoryReports.cases', '2026-04-01', '2026-04-30')).toBe(1);
    expect(figure('mandatoryReports.cases', '2026-01-01', '2026-12-31')).toBe(2);
    expect(figure('mandatoryReports.filed', '2026-04-01', '2026-04-30')).toBe(1);
    expect(figure('mandatoryReports.children', '2026-01-01', '2026-12-31')).toBe(2);
    for (const f of REPORT_FIGURES) expect(f.description.length).toBeGreaterThan(10);
    expect(REPORT_FIGURES.find((f) => f.key === 'mandatoryReports.cases')).toMatchObject({
      label: '办理强制报告相关案件',
      unit: '件',
    });

    expect(table.sheetName).toBe('强制报告');
    expect(table.columns.map((c) => c.header).slice(0, 4)).toEqual([
      '登记号',
      '报告日期',
      '知悉日期',
      '报告单位',
    ]);
    expect(table.rows).toHaveLength(3);
    expect(table.rows.find((x) => x.number === a.number)).toMatchObject({
      trigger: '情形四 多处损伤、严重营养不良、疑似家暴欺凌虐待',
      children: '张小明、张小红',
      status: '已立案',
      reporterKind: '学校、幼儿园、校外培训机构',
    });
  });

  it('answers the register and the reminder from indexes', async () => {
    const { core } = await setup();
    const { raw } = await statsCtx(core);
    const plan = (sql: string) =>
      (raw.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[])
        .map((r) => r.detail)
        .join('\n');
    expect(
      plan(
        `SELECT * FROM mandatory_reports WHERE deleted_at IS NULL AND status IN ('received','verifying','filed','handled') ORDER BY reported_date DESC LIMIT 50`,
      ),
    ).toMatch(/^SEARCH mandatory_reports USING INDEX mandatory_reports_(status|reported)/);
    expect(
      plan(`SELECT * FROM mandatory_reports WHERE deleted_at IS NULL ORDER BY reported_date DESC LIMIT 50`),
    ).toMatch(/^SEARCH mandatory_reports USING INDEX mandatory_reports_reported/);
    // The register's children: from the page's reports to their children, never a walk of all children.
    const names = plan(
      `SELECT rc.report_id, c.name FROM mandatory_report_children rc CROSS JOIN children c ON c.id = rc.child_id
       WHERE rc.report_id IN (SELECT value FROM json_each('["a","b"]')) AND c.deleted_at IS NULL ORDER BY c.name`,
    );
    expect(names).toMatch(/SEARCH rc USING COVERING INDEX mandatory_report_children_pk/);
    expect(names).not.toMatch(/SCAN c|children_created/);
    expect(plan(`SELECT report_id FROM mandatory_report_children WHERE child_id = 'x'`)).toMatch(
      /USING (COVERING )?INDEX mandatory_report_children_child/,
    );
    expect(
      plan(`SELECT MAX(date) FROM mandatory_report_actions WHERE report_id = 'x' AND deleted_at IS NULL`),
    ).toMatch(/USING INDEX mandatory_report_actions_report/);
  });
});

describe('the migration adding 强制报告 and 法治宣讲', () => {
  it('upgrades a database holding children, keeps them, and the new areas work on them', async () => {
    // The migrations as the previous release shipped them: everything before this one.
    // The migration that creates these tables, whatever it is named after the lead regenerates.
    const tags = migrationTags();
    const mine = tags.findIndex((tag) =>
      readFileSync(path.join(MIGRATIONS_DIR, `${tag}.sql`), 'utf8').includes(
        'CREATE TABLE `mandatory_reports`',
      ),
    );
    expect(mine).toBeGreaterThan(0);
    const clock = new ManualClock(Date.UTC(2026, 3, 10, 2));
    const { dataDir, old, child } = await studioBefore(tags[mine], clock);
    old.close();

    const next = openCore(dataDir, clock);
    await call(next, 'session.signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    expect((await call(next, 'children.list', {})).total).toBe(1);
    const r = await call(next, 'mandatoryReports.create', report([child.id]));
    expect(r.children.map((c) => c.id)).toEqual([child.id]);
    expect((await call(next, 'outreach.list', {})).total).toBe(0);
    expect((await call(next, 'audit.verify', {})).ok).toBe(true);
    expect(readdirSync(path.join(dataDir, 'backups')).some((f) => f.startsWith('before-migration'))).toBe(
      true,
    );
    next.close();
  });
});
