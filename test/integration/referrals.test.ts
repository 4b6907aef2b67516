import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { received, sentOn } from '../helpers/referrals';
import { ADMIN, CHILD, call, ManualClock, openCore, refuse } from './support';

const run = promisify(execFile);

async function setup(clock = new ManualClock(Date.UTC(2026, 9, 12, 2))) {
  const core = openCore(undefined, clock);
  await call(core, 'session.setup', ADMIN);
  return { core, clock };
}

describe('referrals (线索移交) and triage (分流处置)', () => {
  it('registers a child from inside the referral and links the detained parent with custody', async () => {
    const { core } = await setup();
    const r = await call(core, 'referrals.create', {
      sourceDepartment: '第一检察部',
      sourceCaseNumber: '济阳检刑诉〔2026〕12号',
      receivedDate: '2026-10-09',
      summary: '犯罪嫌疑人张建国被羁押，其子无人照料。',
      urgency: 'urgent',
      detained: [
        {
          person: { name: '张建国', gender: 'male' },
          relation: 'father',
          custody: { measure: 'arrest', facility: '济南市看守所', charge: '盗窃罪', startDate: '2026-09-30' },
        },
      ],
      children: [{ child: CHILD }],
    });
    expect(r).toMatchObject({
      number: '〔2026〕1号',
      status: 'received',
      urgency: 'urgent',
      allowedTransitions: ['verifying'],
    });
    expect(r.children).toEqual([
      expect.objectContaining({ name: '张小明', idNumberMasked: '370115************' }),
    ]);
    const file = await call(core, 'children.get', { id: r.children[0].id });
    expect(file.relations).toEqual([
      expect.objectContaining({
        relation: 'father',
        isGuardian: true,
        person: expect.objectContaining({ name: '张建国' }),
      }),
    ]);
    expect(file.detained).toEqual([expect.objectContaining({ name: '张建国', measure: 'arrest' })]);
    expect(file.timeline.map((i) => i.title)).toContain('接收线索 〔2026〕1号');
    core.close();
  });

  it('refuses illegal transitions with a clear message, and audits each move with who and when', async () => {
    const { core, clock } = await setup();
    const child = await call(core, 'children.create', CHILD);
    let r = await call(core, 'referrals.create', received(child.id, '2026-10-09'));
    const skip = await refuse(core, 'referrals.transition', { id: r.id, version: r.version, to: 'closed' });
    expect(skip).toEqual({ code: 'VALIDATION', message: '线索状态不能从“已接收”变为“已办结”' });
    r = await call(core, 'referrals.transition', { id: r.id, version: r.version, to: 'verifying' });
    const empty = await refuse(core, 'referrals.transition', { id: r.id, version: r.version, to: 'triaged' });
    expect(empty.message).toBe('请先添加至少一项分流处置，再标记为已分流');
    r = await call(core, 'referrals.addAction', sentOn(r, '民政', 'letter', '2026-10-12'));
    r = await call(core, 'referrals.transition', { id: r.id, version: r.version, to: 'triaged' });
    const open = await refuse(core, 'referrals.transition', { id: r.id, version: r.version, to: 'closed' });
    expect(open.message).toBe('尚有 1 项分流处置未记录结果或撤回，不能办结');
    clock.advance(86_400_000);
    const stale = await refuse(core, 'referrals.transition', {
      id: r.id,
      version: r.version - 1,
      to: 'tracking',
    });
    expect(stale.code).toBe('CONFLICT');
    r = await call(core, 'referrals.transition', { id: r.id, version: r.version, to: 'tracking' });
    expect(r.history.map((h) => [h.from, h.to, h.actorName])).toEqual([
      [null, 'received', '王芳'],
      ['received', 'verifying', '王芳'],
      ['verifying', 'triaged', '王芳'],
      ['triaged', 'tracking', '王芳'],
    ]);
    expect(r.history[3].at).toBe(r.history[2].at + 86_400_000);
    const unknownAgency = await refuse(
      core,
      'referrals.addAction',
      sentOn(r, '税务局', 'phone', '2026-10-12'),
    );
    expect(unknownAgency.fields).toEqual({ agency: '分流单位不在设置的列表中' });
    core.close();
  });

  it('computes deadlines and overdue across a public holiday and an adjusted working weekend', async () => {
    // Received Wednesday 2026-09-30: five working days skip 10-01…10-07 and count Saturday 10-10.
    const { core, clock } = await setup(new ManualClock(Date.UTC(2026, 8, 30, 2)));
    const child = await call(core, 'children.create', CHILD);
    let r = await call(core, 'referrals.create', received(child.id, '2026-09-30', '第二检察部'));
    expect(r.verifyDue).toBe('2026-10-13');
    // A lead transfer sent the same day is due five working days later too; a 检察建议 a month later.
    r = await call(core, 'referrals.addAction', sentOn(r, '教体', 'letter', '2026-09-30'));
    r = await call(core, 'referrals.addAction', sentOn(r, '妇联', 'procuratorialAdvice', '2026-09-30'));
    expect(r.actions.map((a) => [a.agency, a.replyDue])).toEqual([
      ['教体', '2026-10-13'],
      ['妇联', '2026-10-30'],
    ]);

    clock.ms = Date.UTC(2026, 9, 13, 2); // due day itself: not yet overdue
    r = await call(core, 'referrals.get', { id: r.id });
    expect([r.verifyOverdue, r.actions[0].overdue, r.overdue]).toEqual([false, false, false]);
    clock.ms = Date.UTC(2026, 9, 14, 2);
    r = await call(core, 'referrals.get', { id: r.id });
    expect([r.verifyOverdue, r.actions[0].overdue, r.actions[1].overdue, r.overdue]).toEqual([
      true,
      true,
      false,
      true,
    ]);
    expect(r.calendarApproximate).toBe(false);

    const inbox = await call(core, 'referrals.list', { view: 'overdue' });
    expect(inbox.rows.map((x) => x.number)).toEqual([r.number]);
    expect(inbox.counts).toMatchObject({ overdue: 1, open: 1, received: 1 });
    core.close();
  });

  it('lists the inbox with overdue first and filters by department, agency and date range', async () => {
    const { core, clock } = await setup(new ManualClock(Date.UTC(2026, 10, 2, 2)));
    const child = await call(core, 'children.create', CHILD);
    const make = (sourceDepartment: string, receivedDate: string) =>
      call(core, 'referrals.create', received(child.id, receivedDate, sourceDepartment));
    const late = await make('第一检察部', '2026-10-09');
    const fresh = await make('第二检察部', '2026-11-02');
    const withAgency = await call(core, 'referrals.addAction', sentOn(fresh, '民政', 'phone', '2026-11-02'));
    clock.ms = Date.UTC(2026, 10, 3, 2);
    const all = await call(core, 'referrals.list', {});
    expect(all.rows.map((x) => [x.number, x.overdue])).toEqual([
      [late.number, true],
      [fresh.number, false],
    ]);
    expect(
      (await call(core, 'referrals.list', { sourceDepartment: '第二检察部' })).rows.map((x) => x.id),
    ).toEqual([fresh.id]);
    expect((await call(core, 'referrals.list', { agency: '民政' })).rows.map((x) => x.agencies)).toEqual([
      ['民政'],
    ]);
    expect(withAgency.actions[0].replyDue).toBe('2026-11-09');
    expect((await call(core, 'referrals.list', { from: '2026-11-01', to: '2026-11-30' })).total).toBe(1);
    core.close();
  });

  it('keeps referral numbers unique and gapless when two processes create them at once', async () => {
    const { core } = await setup();
    const child = await call(core, 'children.create', CHILD);
    core.close();
    const script = path.resolve('test/integration/referrals/create-many.mts');
    const tsx = path.resolve('node_modules/.bin/tsx');
    const [a, b] = await Promise.all([
      run(tsx, [script, core.dataDir, '15', child.id]),
      run(tsx, [script, core.dataDir, '15', child.id]),
    ]);
    const numbers = [...JSON.parse(a.stdout), ...JSON.parse(b.stdout)] as string[];
    expect(new Set(numbers).size).toBe(30);
    const seqs = numbers.map((n) => Number(/〕(\d+)号/.exec(n)?.[1])).sort((x, y) => x - y);
    expect(seqs).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  }, 60_000);
});
