import { describe, expect, it } from 'vitest';
import { createCore } from '../../db/api/core';
import { openRaw, planOf, studioBefore } from './migration-support';
import { ADMIN, call, FAST_KDF, MIGRATIONS_DIR } from './support';

const TAG = '0011_relief_suits';

describe('migration 0011: 国家司法救助 and 支持起诉', () => {
  it('adds the tables to a database with data, keeps the data, and the lists use their indexes', async () => {
    const { dataDir, old, child } = await studioBefore(TAG);
    old.close();

    const next = createCore({ dataDir, migrationsDir: MIGRATIONS_DIR, kdf: FAST_KDF, log: () => {} });
    await call(next, 'session.signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    expect((await call(next, 'children.list', {})).total).toBe(1);
    const r = await call(next, 'relief.create', {
      childId: child.id,
      applicantName: '张桂芝',
      applicantRelation: 'grandparent',
      applicationDate: '2026-01-05',
      reasons: '生活困难',
      materials: ['application'],
    });
    expect(r.status).toBe('applied');
    expect((await call(next, 'suits.list', { status: 'all' })).total).toBe(0);
    expect((await call(next, 'audit.verify', {})).ok).toBe(true);
    next.close();

    const raw = await openRaw(dataDir);
    try {
      const reliefList = planOf(
        raw,
        `SELECT j.id FROM judicial_relief j JOIN children c ON c.id = j.child_id
         WHERE j.deleted_at IS NULL AND j.status IN ('applied', 'reviewing', 'granted', 'paid')
         ORDER BY j.updated_at DESC LIMIT 50`,
      );
      expect(reliefList).toMatch(/USING (COVERING )?INDEX relief_(list|updated)/);
      expect(
        planOf(raw, `SELECT count(*) FROM judicial_relief WHERE deleted_at IS NULL AND status = 'paid'`),
      ).toMatch(/USING (COVERING )?INDEX relief_list/);
      expect(
        planOf(
          raw,
          `SELECT coalesce(sum(amount_fen), 0) FROM judicial_relief WHERE deleted_at IS NULL
           AND decision_date BETWEEN '2026-01-01' AND '2026-12-31'`,
        ),
      ).toMatch(/USING INDEX relief_decision_date/);
      expect(planOf(raw, `SELECT id FROM judicial_relief WHERE child_id = 'x'`)).toMatch(
        /INDEX relief_child/,
      );
      expect(
        planOf(
          raw,
          `SELECT s.id FROM suit_supports s JOIN children c ON c.id = s.child_id
           WHERE s.deleted_at IS NULL AND s.status IN ('draft', 'issued', 'filed') ORDER BY s.updated_at DESC LIMIT 50`,
        ),
      ).toMatch(/USING (COVERING )?INDEX suits_(list|updated)/);
      expect(planOf(raw, `SELECT id FROM suit_supports WHERE order_id = 'x'`)).toMatch(/INDEX suits_order/);
      expect(
        planOf(
          raw,
          `SELECT count(*) FROM suit_supports WHERE deleted_at IS NULL AND filed_date BETWEEN '2026-01-01' AND '2026-12-31'`,
        ),
      ).toMatch(/INDEX suits_filed_date/);
    } finally {
      raw.close();
    }
  });
});
