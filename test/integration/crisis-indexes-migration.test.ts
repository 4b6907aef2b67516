import { describe, expect, it } from 'vitest';
import { createCore } from '../../db/api/core';
import { openRaw, planOf, studioBefore } from './migration-support';
import { ADMIN, CHILD, call, FAST_KDF, MIGRATIONS_DIR } from './support';

const TAG = '0013_crisis_indexes';

describe('migration 0013: crisis indexes', () => {
  it('keeps the sessions, and the board finds the crisis flag through the new index', async () => {
    const { dataDir, old, child } = await studioBefore(TAG);
    for (const [date, crisis] of [
      ['2026-10-01', false],
      ['2026-10-20', true],
    ] as const) {
      await call(old, 'counselling.addSession', {
        childId: child.id,
        date,
        institution: '济阳区心理健康服务中心',
        counsellor: '周老师',
        minutes: 40,
        summary: crisis ? '有自伤念头' : '情绪平稳',
        crisis,
      });
    }
    old.close();

    const next = createCore({ dataDir, migrationsDir: MIGRATIONS_DIR, kdf: FAST_KDF, log: () => {} });
    await call(next, 'session.signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    const board = await call(next, 'reminders.board', { ownerId: null });
    const all = [
      ...board.groups.overdue,
      ...board.groups.today,
      ...board.groups.week,
      ...board.groups.upcoming,
    ];
    expect(all.filter((i) => i.kind === 'crisis').map((i) => [i.childName, i.due])).toEqual([
      [CHILD.name, '2026-10-20'],
    ]);
    expect((await call(next, 'audit.verify', {})).ok).toBe(true);
    next.close();

    const raw = await openRaw(dataDir);
    try {
      expect(raw.prepare('SELECT count(*) AS n FROM counselling_sessions').get()).toEqual({ n: 2 });
      const plan = (sql: string) => planOf(raw, sql);
      expect(
        plan(`SELECT child_id, date FROM counselling_sessions WHERE deleted_at IS NULL AND crisis = 1`),
      ).toMatch(/USING (COVERING )?INDEX counselling_sessions_crisis/);
      expect(
        plan(`SELECT child_id, date FROM psych_assessments WHERE deleted_at IS NULL AND crisis = 1`),
      ).toMatch(/USING (COVERING )?INDEX psych_assessments_crisis/);
    } finally {
      raw.close();
    }
  });
});
