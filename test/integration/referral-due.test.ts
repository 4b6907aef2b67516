// The inbox reads each referral's stored due date (referrals.due, kept by triggers) to put the
// overdue ones first. Property-style: random referral writes (create, each transition, actions
// added, edited, replied to, withdrawn) and days passing with no write at all; after every step
// every view of the inbox, page by page, must equal what the referrals' own pages
// (referrals.get, which works overdue out from the records each time) say, in inbox order.
import { describe, expect, it } from 'vitest';
import type { Ctx } from '../../db/api/define';
import { INBOX_VIEWS } from '../../db/referrals/inputs';
import type { ReferralView } from '../../db/referrals/model';
import { Rng } from '../fixtures/random';
import { ADMIN, CHILD, call, ManualClock, openCore } from './support';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The inbox order, from the referrals' own pages: overdue, then urgent, then newest. */
function inboxOrder(a: ReferralView, b: ReferralView): number {
  const key = (r: ReferralView) => [r.overdue ? 1 : 0, r.urgency === 'urgent' ? 1 : 0];
  const [ao, au] = key(a);
  const [bo, bu] = key(b);
  if (ao !== bo) return bo - ao;
  if (au !== bu) return bu - au;
  if (a.receivedDate !== b.receivedDate) return a.receivedDate < b.receivedDate ? 1 : -1;
  return Number(/〕(\d+)号/.exec(b.number)?.[1]) - Number(/〕(\d+)号/.exec(a.number)?.[1]);
}

function inView(view: (typeof INBOX_VIEWS)[number], r: ReferralView): boolean {
  if (view === 'all') return true;
  if (view === 'open') return r.status !== 'closed';
  if (view === 'overdue') return r.overdue;
  return r.status === view;
}

describe('the referral inbox on stored due dates', () => {
  it('agrees with every referral’s own page after every write and every day that passes', async () => {
    const clock = new ManualClock(Date.UTC(2026, 9, 12, 2));
    const core = openCore(undefined, clock);
    await call(core, 'session.setup', ADMIN);
    const child = await call(core, 'children.create', CHILD);
    const rng = new Rng(1919);
    const ids: string[] = [];
    const views = async () => Promise.all(ids.map((id) => call(core, 'referrals.get', { id })));
    const tried = async (method: string, input: unknown) => {
      // A random step may be one the rules refuse (closing with an action still open): skipped.
      await core.invoke(method as never, input as never);
    };

    for (let step = 0; step < 70; step++) {
      const today = iso(clock.now());
      const all = await views();
      const open = all.filter((r) => r.status !== 'closed');
      const roll = rng.int(0, 9);
      if (roll <= 1 || ids.length < 3) {
        const r = await call(core, 'referrals.create', {
          sourceDepartment: '第一检察部',
          receivedDate: iso(clock.now() - rng.int(0, 12) * DAY),
          urgency: rng.chance(0.3) ? 'urgent' : 'normal',
          children: [{ childId: child.id }],
        });
        ids.push(r.id);
      } else if (roll <= 3 && all.length) {
        const r = rng.pick(all);
        if (r.allowedTransitions.length)
          await tried('referrals.transition', {
            id: r.id,
            version: r.version,
            to: rng.pick(r.allowedTransitions),
          });
      } else if (roll === 4 && open.length) {
        const r = rng.pick(open);
        await tried('referrals.addAction', {
          referralId: r.id,
          agency: rng.pick(['民政', '教体', '妇联']),
          carrier: rng.pick(['letter', 'phone', 'procuratorialAdvice'] as const),
          sentDate: r.receivedDate,
          // Now and then a due date given, else the carrier's default.
          replyDue: rng.chance(0.4) ? iso(clock.now() + rng.int(-3, 6) * DAY) : undefined,
        });
      } else if (roll === 5 || roll === 6) {
        const actions = open.flatMap((r) => r.actions.filter((a) => !a.withdrawnAt && !a.replyDate));
        if (actions.length) {
          const a = rng.pick(actions);
          if (roll === 5)
            await tried('referrals.recordReply', {
              id: a.id,
              version: a.version,
              replyDate: today,
              result: '已回复',
            });
          else if (rng.chance(0.5))
            await tried('referrals.withdrawAction', { id: a.id, version: a.version, reason: '改由他处' });
          else
            await tried('referrals.updateAction', {
              id: a.id,
              version: a.version,
              agency: a.agency,
              carrier: a.carrier,
              sentDate: a.sentDate,
              replyDue: iso(clock.now() + rng.int(-2, 4) * DAY),
            });
        }
      } else {
        // The day rolls over, with no write: what was due yesterday is overdue today.
        clock.advance(rng.int(1, 3) * DAY);
      }

      const expected = (await views()).sort(inboxOrder);
      for (const view of INBOX_VIEWS) {
        const want = expected.filter((r) => inView(view, r));
        for (const offset of [0, 2, 3, 5]) {
          const page = await call(core, 'referrals.list', { view, offset, limit: 3 });
          expect(
            page.rows.map((r) => [r.number, r.overdue]),
            `step ${step}, ${view} from ${offset}`,
          ).toEqual(want.slice(offset, offset + 3).map((r) => [r.number, r.overdue]));
          expect(page.total).toBe(want.length);
        }
      }
      const counts = (await call(core, 'referrals.list', {})).counts;
      expect(counts.overdue).toBe(expected.filter((r) => r.overdue).length);
      expect(counts.open).toBe(expected.filter((r) => r.status !== 'closed').length);
    }
    // The walk went through every kind of referral the inbox tells apart.
    const final = await views();
    expect(final.some((r) => r.overdue)).toBe(true);
    expect(final.some((r) => !r.overdue && r.status !== 'closed')).toBe(true);
    core.close();
  }, 120_000);

  it('counts each tab up to the cap, says so past it, and pages on past the cap in inbox order', async () => {
    const clock = new ManualClock(Date.UTC(2026, 9, 12, 2));
    const core = openCore(undefined, clock);
    await call(core, 'session.setup', ADMIN);
    const child = await call(core, 'children.create', CHILD);
    const r = await call(core, 'referrals.create', {
      sourceDepartment: '第一检察部',
      receivedDate: '2026-10-01',
      urgency: 'normal',
      children: [{ childId: child.id }],
    });
    // 550 received referrals (copies of one, around the API), 520 of them past their 核查期限.
    const raw = (core as unknown as { ctx(): Ctx }).ctx().raw;
    const src = raw.prepare('SELECT * FROM referrals WHERE id = ?').get(r.id) as Record<string, unknown>;
    const cols = Object.keys(src);
    const insert = raw.prepare(
      `INSERT INTO referrals (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`,
    );
    raw.transaction(() => {
      for (let i = 1; i < 550; i++)
        insert.run({
          ...src,
          id: `copy-${i}`,
          seq: (src.seq as number) + i,
          urgency: i % 7 === 0 ? 'urgent' : 'normal',
          received_date: iso(Date.UTC(2026, 8, 1) + (i % 40) * DAY),
        });
      raw
        .prepare(
          `UPDATE referrals SET verify_due = CASE WHEN seq % 550 < 520 THEN '2026-09-01' ELSE '2099-12-31' END`,
        )
        .run();
    })();
    const order = (where: string) =>
      raw
        .prepare(
          `SELECT id FROM referrals WHERE deleted_at IS NULL ${where}
           ORDER BY due < '2026-10-12' DESC, urgency DESC, received_date DESC, seq DESC`,
        )
        .pluck()
        .all() as string[];
    expect(order(`AND due < '2026-10-12'`)).toHaveLength(520);

    const first = await call(core, 'referrals.list', { view: 'received' });
    expect({ counts: first.counts, capped: first.capped }).toEqual({
      counts: {
        received: 500,
        verifying: 0,
        triaged: 0,
        tracking: 0,
        closed: 0,
        open: 500,
        all: 500,
        overdue: 500,
      },
      capped: {
        received: true,
        verifying: false,
        triaged: false,
        tracking: false,
        closed: false,
        open: true,
        all: true,
        overdue: true,
      },
    });
    expect([first.total, first.totalCapped]).toEqual([500, true]);
    // Below the cap the count stays exact.
    const closedView = await call(core, 'referrals.list', { view: 'closed' });
    expect([closedView.total, closedView.totalCapped]).toEqual([0, false]);

    // Pages before, across and past the cap, and across the overdue part's end, in inbox order.
    for (const [view, where] of [
      ['received', `AND status = 'received'`],
      ['open', `AND status <> 'closed'`],
      ['all', ''],
      ['overdue', `AND due < '2026-10-12'`],
    ] as const) {
      const want = order(where);
      for (const offset of [0, 450, 480, 500, 510, 540]) {
        const page = await call(core, 'referrals.list', { view, offset, limit: 50 });
        expect(
          page.rows.map((x) => [x.id, x.overdue]),
          `${view} from ${offset}`,
        ).toEqual(want.slice(offset, offset + 50).map((id, k) => [id, offset + k < 520]));
      }
    }
    core.close();
  });
});
