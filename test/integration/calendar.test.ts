// 节假日安排 kept by the studio: a year added from the State Council notice overrides the shipped
// file, every deadline counted afterwards uses it, stored deadlines it moves are moved and said so.
import { describe, expect, it } from 'vitest';
import { parseNotice } from '../../db/calendar/notice';
import { NOTICE_2026, NOTICE_2027_SYNTHETIC } from '../fixtures/notices';
import { received, sentOn } from '../helpers/referrals';
import { migrationTags, studioBefore } from './migration-support';
import { ADMIN, CHILD, call, ManualClock, openCore, openRaw, refuse } from './support';

/** 10:00 in 济阳 on Wednesday 30 December 2026: 2027's calendar is not in the shipped file. */
const DEC_30 = Date.UTC(2026, 11, 30, 2);
const CASEWORKER = {
  displayName: '刘洋',
  username: 'liuyang',
  passphrase: 'Xiangyang-liu-2026 violet-harbor',
  role: 'caseworker' as const,
};

async function setup(at = DEC_30) {
  const clock = new ManualClock(at);
  const core = openCore(undefined, clock);
  await call(core, 'session.setup', ADMIN);
  return { core, clock };
}

function festivalsOf(text: string, year: number) {
  const parsed = parseNotice(text, year);
  expect(parsed.problems).toEqual([]);
  return parsed.festivals;
}

describe('节假日安排 (working-day calendar) kept in the database', () => {
  it('adds 2027 from the notice and moves the derived deadlines that cross into it', async () => {
    const { core } = await setup();
    const child = await call(core, 'children.create', CHILD);
    let r = await call(core, 'referrals.create', received(child.id, '2026-12-30'));
    // Without 2027: 12-31, 01-01, 01-04, 01-05, 01-06 are counted as plain weekdays.
    expect(r).toMatchObject({
      verifyDue: '2027-01-06',
      calendarApproximate: true,
      calendarMissingYears: [2027],
    });
    r = await call(core, 'referrals.addAction', sentOn(r, '民政', 'letter', '2026-12-30'));
    r = await call(
      core,
      'referrals.addAction',
      sentOn(r, '教体', 'letter', '2026-12-30', { replyDue: '2027-01-08' }),
    );
    expect(r.actions.map((a) => [a.agency, a.replyDue])).toEqual([
      ['民政', '2027-01-06'],
      ['教体', '2027-01-08'],
    ]);

    // From 1 December the administrator is told that next year is missing, on 首页 and 工作提醒.
    expect((await call(core, 'home.summary', {})).calendarMissingYear).toBe(2027);
    expect((await call(core, 'reminders.board', {})).calendarMissingYear).toBe(2027);
    expect((await call(core, 'calendar.list', {})).missingYear).toBe(2027);

    const preview = await call(core, 'calendar.preview', { year: 2027, text: NOTICE_2027_SYNTHETIC });
    expect(preview.problems).toEqual([]);
    expect(preview.existing).toBeNull();
    expect(preview.holidays.slice(0, 3)).toEqual(['2027-01-01', '2027-01-02', '2027-01-03']);
    expect(preview.workdays).toEqual(['2027-02-14', '2027-02-20', '2027-04-25', '2027-09-26', '2027-10-09']);

    const saved = await call(core, 'calendar.save', {
      year: 2027,
      festivals: preview.festivals,
      source: 'notice',
      noticeText: NOTICE_2027_SYNTHETIC,
    });
    expect(saved).toEqual({ year: 2027, moved: 2 });

    r = await call(core, 'referrals.get', { id: r.id });
    // 元旦 1–3 January off: 12-31, 01-04 … 01-07.
    expect(r).toMatchObject({
      verifyDue: '2027-01-07',
      calendarApproximate: false,
      calendarMissingYears: [],
    });
    expect(r.actions.map((a) => [a.agency, a.replyDue])).toEqual([
      ['民政', '2027-01-07'],
      // Typed by hand: not derived, so not moved.
      ['教体', '2027-01-08'],
    ]);
    expect(r.deadlineMoves).toEqual([
      expect.objectContaining({
        field: 'verifyDue',
        actionId: null,
        from: '2027-01-06',
        to: '2027-01-07',
        year: 2027,
      }),
      expect.objectContaining({
        field: 'replyDue',
        actionId: r.actions[0].id,
        from: '2027-01-06',
        to: '2027-01-07',
      }),
    ]);

    // A deadline counted after the change uses the new year at once.
    const later = await call(core, 'referrals.create', received(child.id, '2026-12-30'));
    expect(later.verifyDue).toBe('2027-01-07');
    expect((await call(core, 'home.summary', {})).calendarMissingYear).toBeNull();

    const list = await call(core, 'calendar.list', {});
    expect(list.years.map((y) => [y.year, y.source])).toEqual([
      [2024, 'shipped'],
      [2025, 'shipped'],
      [2026, 'shipped'],
      [2027, 'notice'],
    ]);
    expect(list.years[3]).toMatchObject({ updatedByName: '王芳', version: 1 });
    expect(list.years[3].festivals?.map((f) => f.name)).toContain('春节');

    const saves = await call(core, 'audit.list', { action: 'calendar.save' });
    expect(saves.rows.map((a) => a.detail)).toEqual([
      { year: 2027, source: 'notice', replaced: null, holidays: 29, workdays: 5, moved: 2 },
    ]);
    const moves = await call(core, 'audit.list', { action: 'referrals.deadlineMoved' });
    expect(moves.rows.map((a) => [a.entityId, a.detail.field])).toEqual([
      [r.id, 'replyDue'],
      [r.id, 'verifyDue'],
    ]);

    core.close();
  });

  it('reminds from 1 December, not before', async () => {
    const { core, clock } = await setup(Date.UTC(2026, 10, 30, 2));
    expect((await call(core, 'home.summary', {})).calendarMissingYear).toBeNull();
    clock.advance(86_400_000);
    expect((await call(core, 'home.summary', {})).calendarMissingYear).toBe(2027);
    core.close();
  });

  it('keeps the calendar across a restart: it is in the database, not in memory', async () => {
    const { core } = await setup();
    await call(core, 'calendar.save', {
      year: 2027,
      festivals: festivalsOf(NOTICE_2027_SYNTHETIC, 2027),
      source: 'notice',
      noticeText: NOTICE_2027_SYNTHETIC,
    });
    core.close();
    const again = openCore(core.dataDir, new ManualClock(DEC_30));
    await call(again, 'session.signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    const child = await call(again, 'children.create', CHILD);
    const r = await call(again, 'referrals.create', received(child.id, '2026-12-30'));
    expect(r.verifyDue).toBe('2027-01-07');
    again.close();
  });

  it('corrects a shipped year only as an explicit edit, and then overrides the file', async () => {
    const { core } = await setup(Date.UTC(2026, 8, 28, 2));
    const festivals = festivalsOf(NOTICE_2026, 2026);
    const present = await refuse(core, 'calendar.save', { year: 2026, festivals, source: 'notice' });
    expect(present.code).toBe('VALIDATION');
    expect(present.fields?.year).toBe(
      '2026年的节假日安排已存在（随软件提供）。如需更正，请在该年份点「更正2026年」。',
    );

    // Suppose the notice had moved National Day's 调休 Saturday from 10-10 to 10-11 (a Sunday).
    const national = festivals.findIndex((f) => f.name === '国庆节');
    const corrected = festivals.map((f, i) =>
      i === national ? { ...f, workdays: ['2026-09-20', '2026-10-11'] } : f,
    );
    const child = await call(core, 'children.create', CHILD);
    const before = await call(core, 'referrals.create', received(child.id, '2026-09-28'));
    // 09-29, 09-30, 10-08, 10-09, 10-10 (调休 Saturday).
    expect(before.verifyDue).toBe('2026-10-10');
    expect(
      await call(core, 'calendar.save', {
        year: 2026,
        festivals: corrected,
        source: 'manual',
        replace: true,
      }),
    ).toEqual({
      year: 2026,
      moved: 1,
    });
    const after = await call(core, 'referrals.get', { id: before.id });
    expect(after.verifyDue).toBe('2026-10-11');
    expect((await call(core, 'calendar.list', {})).years.find((y) => y.year === 2026)?.source).toBe('manual');

    // Correcting it again names the version seen; a stale one is refused.
    const stale = await refuse(core, 'calendar.save', {
      year: 2026,
      festivals,
      source: 'notice',
      replace: true,
      version: 7,
    });
    expect(stale.code).toBe('CONFLICT');
    await call(core, 'calendar.save', { year: 2026, festivals, source: 'notice', replace: true, version: 1 });
    expect((await call(core, 'referrals.get', { id: before.id })).verifyDue).toBe('2026-10-10');
    core.close();
  });

  it('refuses a year that breaks the rules, with the reason in Chinese, and saves nothing', async () => {
    const { core } = await setup();
    const festivals = festivalsOf(NOTICE_2027_SYNTHETIC, 2027);
    // 劳动节 with its 调休 Sunday left out: three weekdays off for two statutory days.
    const noSwap = festivals.map((f) => (f.name === '劳动节' ? { ...f, workdays: [] } : f));
    const refused = await refuse(core, 'calendar.save', { year: 2027, festivals: noSwap, source: 'manual' });
    expect(refused.code).toBe('VALIDATION');
    expect(refused.fields?.['festivals.3.workdays']).toBe(
      '劳动节放假占用 3 个工作日，多于法定假日 2 天加调休上班 0 天：缺少对应的调休上班日',
    );
    expect((await call(core, 'calendar.list', {})).years.map((y) => y.year)).toEqual([2024, 2025, 2026]);

    // Ranges entered by hand get the same checks: a 调休 day that is a Wednesday.
    const byHand = await call(core, 'calendar.preview', {
      year: 2027,
      festivals: [
        { name: '元旦', ranges: [{ from: '2027-01-01', to: '2027-01-03' }], workdays: ['2027-01-06'] },
      ],
    });
    expect(byHand.problems).toEqual([
      '2027-01-06是周三，调休上班日应是周六或周日',
      '元旦放假占用 1 个工作日，少于法定假日 1 天加调休上班 1 天：落在周末的法定假日应当补休，或调休上班日多录了',
    ]);
    expect(byHand.holidays).toEqual(['2027-01-01', '2027-01-02', '2027-01-03']);

    const parsed = await call(core, 'calendar.preview', { year: 2027, text: NOTICE_2026 });
    expect(parsed.problems[0]).toBe('通知写的是2026年的安排，与所填年份2027年不符');
    core.close();
  });

  it('lets only administrators change the calendar, while everyone counts with it', async () => {
    const { core } = await setup();
    await call(core, 'accounts.create', CASEWORKER);
    await call(core, 'session.lock', {});
    await call(core, 'session.signIn', { username: CASEWORKER.username, passphrase: CASEWORKER.passphrase });
    const denied = await refuse(core, 'calendar.save', {
      year: 2027,
      festivals: festivalsOf(NOTICE_2027_SYNTHETIC, 2027),
      source: 'notice',
    });
    expect(denied.code).toBe('FORBIDDEN');
    expect(Object.keys((await call(core, 'calendar.get', {})).years)).toEqual(['2024', '2025', '2026']);
    // Caseworkers are not asked to add a year they cannot add.
    expect((await call(core, 'home.summary', {})).calendarMissingYear).toBeNull();
    core.close();
  });

  it('migrates a database holding referrals, which then count with a year added', async () => {
    // The migrations as they were before this one.
    const clock = new ManualClock(DEC_30);
    const { dataDir, old } = await studioBefore(
      migrationTags().find((tag) => tag.endsWith('_calendar_years'))!,
      clock,
    );
    old.close();
    // A referral as the previous release stored it (that release's core counted with the shipped file).
    const raw = await openRaw(dataDir);
    raw
      .prepare(
        `INSERT INTO referrals (id, year, seq, source_department, received_date, status, verify_due, created_at, updated_at)
         VALUES ('r-old', 2026, 1, '第一检察部', '2026-12-30', 'received', '2027-01-06', 0, 0)`,
      )
      .run();
    raw.close();
    const r = { id: 'r-old' };

    const core = openCore(dataDir, clock);
    await call(core, 'session.signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    expect((await call(core, 'referrals.get', { id: r.id })).verifyDue).toBe('2027-01-06');
    await call(core, 'calendar.save', {
      year: 2027,
      festivals: festivalsOf(NOTICE_2027_SYNTHETIC, 2027),
      source: 'notice',
    });
    const moved = await call(core, 'referrals.get', { id: r.id });
    expect(moved.verifyDue).toBe('2027-01-07');
    expect(moved.deadlineMoves).toHaveLength(1);
    core.close();
  });
});
