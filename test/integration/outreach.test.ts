import { describe, expect, it } from 'vitest';
import type { Core } from '../../db/api/core';
import { OUTREACH_FIGURES } from '../../db/outreach/model';
import { statsCtx } from './duties-support';
import { ADMIN, CHILD, call, ManualClock, openCore, refuse } from './support';

const COUNSELLOR = {
  displayName: '赵心',
  username: 'zhaoxin',
  passphrase: 'Counsellor-2026 violet-harbor',
  role: 'counsellor' as const,
};

async function setup() {
  const core = openCore(undefined, new ManualClock(Date.UTC(2026, 3, 20, 2)));
  await call(core, 'session.setup', ADMIN);
  return core;
}

function event(overrides: Record<string, unknown> = {}) {
  return {
    date: '2026-04-15',
    township: '济阳街道' as const,
    placeKind: 'school' as const,
    placeName: '济阳区实验小学',
    topic: 'bullying' as const,
    title: '向校园欺凌说“不”',
    audienceKind: 'students' as const,
    speakers: ['王芳', '李娜'],
    ...overrides,
  };
}

async function held(core: Core, overrides: Record<string, unknown>, audienceCount: number) {
  const e = await call(core, 'outreach.create', event(overrides));
  return call(core, 'outreach.hold', {
    id: e.id,
    version: e.version,
    date: e.date,
    audienceCount,
    photos: [],
  });
}

describe('outreach (法治宣讲)', () => {
  it('plans an event, records it as held with its audience and photos; a plan can be cancelled instead', async () => {
    const core = await setup();
    let e = await call(core, 'outreach.create', event({ date: '2026-04-25', audienceCount: 300 }));
    expect(e).toMatchObject({ status: 'planned', steps: ['hold', 'cancel'], audienceCount: 300, photos: [] });

    // It cannot be recorded as held on a day still to come.
    expect(
      (
        await refuse(core, 'outreach.hold', {
          id: e.id,
          version: e.version,
          date: '2026-04-25',
          audienceCount: 320,
          photos: [],
        })
      ).fields,
    ).toEqual({ date: '开展日期不能晚于今天' });
    e = await call(core, 'outreach.hold', {
      id: e.id,
      version: e.version,
      date: '2026-04-18',
      audienceCount: 326,
      photos: ['20260418_实验小学_01.jpg', '20260418_实验小学_02.JPG'],
    });
    expect(e).toMatchObject({
      status: 'held',
      date: '2026-04-18',
      audienceCount: 326,
      photos: ['20260418_实验小学_01.jpg', '20260418_实验小学_02.JPG'],
      steps: [],
    });
    // Held is final for the flow; a second hold or a cancel is refused with the status named.
    expect(
      (await refuse(core, 'outreach.cancel', { id: e.id, version: e.version, reason: '下雨' })).message,
    ).toBe('当前状态为“已开展”，不能进行这项操作');
    // A held event may be corrected, but keeps a count.
    expect(
      (
        await refuse(core, 'outreach.update', {
          id: e.id,
          version: e.version,
          ...event({ date: '2026-04-18' }),
        })
      ).fields,
    ).toEqual({ audienceCount: '受众人次应为 1 至 100000 之间的整数' });
    e = await call(core, 'outreach.update', {
      id: e.id,
      version: e.version,
      ...event({ date: '2026-04-18', audienceCount: 330, photos: e.photos }),
    });
    expect(e.audienceCount).toBe(330);

    let plan = await call(core, 'outreach.create', event({ placeKind: 'village', placeName: '城关村' }));
    plan = await call(core, 'outreach.cancel', {
      id: plan.id,
      version: plan.version,
      reason: '村委会换届，改期',
    });
    expect(plan).toMatchObject({ status: 'cancelled', cancelReason: '村委会换届，改期', steps: [] });

    const audit = (await call(core, 'audit.list', { limit: 50 })).rows
      .filter((a) => a.entity === 'outreach')
      .map((a) => a.action)
      .reverse();
    expect(audit).toEqual([
      'outreach.create',
      'outreach.hold',
      'outreach.update',
      'outreach.create',
      'outreach.cancel',
    ]);
  });

  it('words every mistake beside its field and saves nothing', async () => {
    const core = await setup();
    const bad = await refuse(core, 'outreach.create', {
      ...event({ topic: 'other', title: '', speakers: [], placeName: ' ' }),
      township: '北京市' as never,
      photos: ['C:\\照片\\a.jpg', 'notes.docx'],
    });
    expect(bad.fields).toMatchObject({
      title: '主题为“其他”时请填写宣讲题目',
      speakers: '请至少填写一名宣讲人',
      placeName: '请填写场所名称',
      township: '请选择乡镇（街道）',
      'photos.0': '照片文件名应以 .jpg、.png 等图片扩展名结尾，且不含路径',
      'photos.1': '照片文件名应以 .jpg、.png 等图片扩展名结尾，且不含路径',
    });
    expect((await refuse(core, 'outreach.create', event({ audienceCount: 0 }))).fields).toEqual({
      audienceCount: '受众人次应为 1 至 100000 之间的整数',
    });
    expect((await call(core, 'outreach.list', {})).total).toBe(0);
  });

  it('keeps counselling staff out of the writes', async () => {
    const core = await setup();
    await call(core, 'accounts.create', COUNSELLOR);
    await call(core, 'session.lock', {});
    await call(core, 'session.signIn', { username: COUNSELLOR.username, passphrase: COUNSELLOR.passphrase });
    expect((await refuse(core, 'outreach.create', event())).code).toBe('FORBIDDEN');
    expect((await call(core, 'outreach.list', {})).total).toBe(0);
  });

  it('counts 开展宣讲N次 and 受众N人次 apart, from held events only, with filters and figures', async () => {
    const core = await setup();
    await call(core, 'children.create', CHILD);
    await held(core, {}, 320);
    await held(
      core,
      { date: '2026-03-10', topic: 'sexualAbuse', placeKind: 'community', placeName: '澄波湖社区' },
      85,
    );
    await held(
      core,
      {
        date: '2026-04-02',
        township: '仁风镇',
        placeKind: 'village',
        placeName: '仁风村',
        topic: 'familyEducation',
        audienceKind: 'parents',
      },
      46,
    );
    await call(core, 'outreach.create', event({ date: '2026-05-06', audienceCount: 500 }));

    const all = await call(core, 'outreach.list', {});
    expect(all.total).toBe(4);
    expect(all.held).toEqual({ events: 3, audience: 451 });
    expect(all.counts).toEqual({ planned: 1, held: 3, cancelled: 0, all: 4 });
    expect(all.rows.map((r) => r.date)).toEqual(['2026-05-06', '2026-04-15', '2026-04-02', '2026-03-10']);

    const april = await call(core, 'outreach.list', { from: '2026-04-01', to: '2026-04-30' });
    expect(april.held).toEqual({ events: 2, audience: 366 });
    const renfeng = await call(core, 'outreach.list', { township: '仁风镇' });
    expect(renfeng.rows.map((r) => r.placeName)).toEqual(['仁风村']);
    expect((await call(core, 'outreach.list', { topic: 'sexualAbuse' })).held).toEqual({
      events: 1,
      audience: 85,
    });
    expect((await call(core, 'outreach.list', { status: 'planned' })).rows.map((r) => r.date)).toEqual([
      '2026-05-06',
    ]);

    const table = await call(core, 'outreach.exportRows', { status: 'held' });
    expect(table.columns.map((c) => c.header)).toEqual([
      '日期',
      '乡镇（街道）',
      '场所类别',
      '场所名称',
      '主题',
      '宣讲题目',
      '受众类别',
      '受众人次',
      '宣讲人',
      '照片文件名',
      '状态',
      '备注',
    ]);
    expect(table.rows[0]).toMatchObject({
      topic: '校园欺凌',
      placeKind: '学校',
      speakers: '王芳、李娜',
      audienceCount: 320,
    });

    const ctx = await statsCtx(core);
    const fig = (key: string) => OUTREACH_FIGURES.find((f) => f.key === key)!;
    expect([fig('outreach.events').unit, fig('outreach.audience').unit]).toEqual(['次', '人次']);
    expect(fig('outreach.events').count(ctx, '2026-01-01', '2026-12-31')).toBe(3);
    expect(fig('outreach.audience').count(ctx, '2026-01-01', '2026-12-31')).toBe(451);
    expect(fig('outreach.audience').count(ctx, '2026-04-01', '2026-04-30')).toBe(366);
    // No outreach event appears on any child's file: no table or index names a child (the
    // statistics cells' triggers do say so, as an event's child_id of NULL).
    const childTimelineAreas = ctx.raw
      .prepare(
        "SELECT count(*) AS n FROM sqlite_master WHERE type IN ('table', 'index') AND sql LIKE '%outreach%child%'",
      )
      .get();
    expect(childTimelineAreas).toEqual({ n: 0 });

    const plan = (sql: string) =>
      (ctx.raw.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[])
        .map((r) => r.detail)
        .join('\n');
    expect(
      plan('SELECT * FROM outreach_events WHERE deleted_at IS NULL ORDER BY date DESC LIMIT 50'),
    ).toMatch(/^SEARCH outreach_events USING INDEX outreach_date/);
    expect(
      plan(
        "SELECT count(*), sum(audience_count) FROM outreach_events WHERE deleted_at IS NULL AND status = 'held' AND date >= '2026-01-01' AND date <= '2026-12-31'",
      ),
      // The held totals from the index's entries alone: the audience is in it.
    ).toMatch(/USING COVERING INDEX outreach_status_date/);
  });
});
