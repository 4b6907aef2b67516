// Migration 0011 (国家司法救助, 支持起诉) on a database that already holds data, and the indexes its
// lists and 台账 figures rely on.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../db/api/core';
import { openEncrypted } from '../../db/core/open';
import { Vault } from '../../db/core/vault';
import { makeDataDir } from '../helpers/tmp';
import { ADMIN, CHILD, call, childOnOldSchema, FAST_KDF, MIGRATIONS_DIR } from './support';

const TAG = '0011_relief_suits';

/** The migrations as the previous release shipped them: everything before 0011. */
function migrationsBefore(): string {
  const dir = path.join(makeDataDir('migrations'), 'migrations');
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  const journalFile = path.join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((e) => e.tag === TAG);
  expect(at).toBeGreaterThan(0);
  for (const e of journal.entries.slice(at)) rmSync(path.join(dir, `${e.tag}.sql`));
  journal.entries = journal.entries.slice(0, at);
  writeFileSync(journalFile, JSON.stringify(journal));
  return dir;
}

function plan(raw: ReturnType<typeof openEncrypted>, sql: string): string {
  return (raw.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[])
    .map((r) => r.detail)
    .join(' | ');
}

describe('migration 0011: 国家司法救助 and 支持起诉', () => {
  it('adds the tables to a database with data, keeps the data, and the lists use their indexes', async () => {
    const dataDir = makeDataDir('core');
    const old = createCore({ dataDir, migrationsDir: migrationsBefore(), kdf: FAST_KDF, log: () => {} });
    await call(old, 'session.setup', ADMIN);
    const child = await childOnOldSchema(dataDir, CHILD);
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

    const opened = await new Vault(dataDir, FAST_KDF).openDatabaseKey(ADMIN.username, ADMIN.passphrase);
    const raw = openEncrypted(path.join(dataDir, 'sunward.db'), opened!.key, { create: false });
    try {
      const reliefList = plan(
        raw,
        `SELECT j.id FROM judicial_relief j JOIN children c ON c.id = j.child_id
         WHERE j.deleted_at IS NULL AND j.status IN ('applied', 'reviewing', 'granted', 'paid')
         ORDER BY j.updated_at DESC LIMIT 50`,
      );
      expect(reliefList).toMatch(/USING (COVERING )?INDEX relief_(list|updated)/);
      expect(
        plan(raw, `SELECT count(*) FROM judicial_relief WHERE deleted_at IS NULL AND status = 'paid'`),
      ).toMatch(/USING (COVERING )?INDEX relief_list/);
      expect(
        plan(
          raw,
          `SELECT coalesce(sum(amount_fen), 0) FROM judicial_relief WHERE deleted_at IS NULL
           AND decision_date BETWEEN '2026-01-01' AND '2026-12-31'`,
        ),
      ).toMatch(/USING INDEX relief_decision_date/);
      expect(plan(raw, `SELECT id FROM judicial_relief WHERE child_id = 'x'`)).toMatch(/INDEX relief_child/);
      expect(
        plan(
          raw,
          `SELECT s.id FROM suit_supports s JOIN children c ON c.id = s.child_id
           WHERE s.deleted_at IS NULL AND s.status IN ('draft', 'issued', 'filed') ORDER BY s.updated_at DESC LIMIT 50`,
        ),
      ).toMatch(/USING (COVERING )?INDEX suits_(list|updated)/);
      expect(plan(raw, `SELECT id FROM suit_supports WHERE order_id = 'x'`)).toMatch(/INDEX suits_order/);
      expect(
        plan(
          raw,
          `SELECT count(*) FROM suit_supports WHERE deleted_at IS NULL AND filed_date BETWEEN '2026-01-01' AND '2026-12-31'`,
        ),
      ).toMatch(/INDEX suits_filed_date/);
    } finally {
      raw.close();
    }
  });
});
