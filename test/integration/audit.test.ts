import path from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { appendAudit, verifyChain } from '../../db/audit/chain';
import { openEncrypted } from '../../db/core/open';
import { Vault } from '../../db/core/vault';
import { ADMIN, CHILD, call, FAST_KDF, openCore } from './support';

/** Opens the file the way someone holding a passphrase and raw SQL could, around the app. */
async function rawAccess(dataDir: string): Promise<Database.Database> {
  const opened = await new Vault(dataDir, FAST_KDF).openDatabaseKey(ADMIN.username, ADMIN.passphrase);
  if (!opened) throw new Error('could not open the vault');
  return openEncrypted(path.join(dataDir, 'sunward.db'), opened.key, { create: false });
}

async function seededCore() {
  const core = openCore();
  await call(core, 'session.setup', ADMIN);
  const child = await call(core, 'children.create', CHILD);
  await call(core, 'children.get', { id: child.id });
  await call(core, 'session.lock', {});
  await call(core, 'session.signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase });
  await call(core, 'settings.update', { idleMinutes: 15 });
  return { core, child };
}

describe('audit log', () => {
  it('has a row for every write, view, sign-in and lock, chained and verifiable', async () => {
    const { core, child } = await seededCore();
    const { rows, total } = await call(core, 'audit.list', {});
    expect(rows.map((r) => r.action).reverse()).toEqual([
      'session.setup',
      'children.create',
      'children.view',
      'session.lock',
      'session.signIn',
      'settings.update',
    ]);
    expect(total).toBe(6);
    expect(rows.find((r) => r.action === 'children.view')).toMatchObject({
      entity: 'child',
      entityId: child.id,
      actorName: '王芳',
    });
    // Content never goes into the log: only ids.
    expect(JSON.stringify(rows)).not.toContain(CHILD.name);
    expect(await call(core, 'audit.verify', {})).toEqual({ ok: true, checked: 6, problems: [] });
    core.close();
  });

  it('finds everything that happened to one child in one query, whatever record it was written under', async () => {
    const { core, child } = await seededCore();
    const other = await call(core, 'children.create', {
      ...CHILD,
      name: '李小红',
      gender: 'female',
      birthDate: '2016-05-04',
      idNumber: '370115201605040027',
    });
    const [mother] = await call(core, 'relations.add', {
      childId: child.id,
      relation: 'mother',
      isGuardian: true,
      person: { name: '刘翠兰', gender: 'female' },
    });
    const order = await call(core, 'orders.createDraft', {
      childId: child.id,
      guardians: [{ personId: mother.person.id, relation: 'mother' }],
      facts: '经查，监护人长期外出务工，疏于管教。',
      problems: ['16-1'],
      requirements: [{ text: '每周与孩子通话不少于两次', dueDate: null }],
    });
    await call(core, 'orders.submit', { id: order.id, version: order.version });
    await call(core, 'children.get', { id: other.id });
    const mine = await call(core, 'audit.list', { childId: child.id });
    // The child's own rows and its order's, newest first; nothing of the other child.
    expect(mine.rows.map((r) => [r.action, r.entity])).toEqual([
      ['orders.submit', 'order'],
      ['orders.createDraft', 'order'],
      ['relations.add', 'child'],
      ['children.view', 'child'],
      ['children.create', 'child'],
    ]);
    expect(mine.rows.every((r) => r.childId === child.id)).toBe(true);
    expect((await call(core, 'audit.list', { childId: other.id })).rows.map((r) => r.action)).toEqual([
      'children.view',
      'children.create',
    ]);
    expect((await call(core, 'audit.verify', {})).ok).toBe(true);
    core.close();
  });

  // seededCore leaves seven rows once closed: the six above and the lock on close.
  it('refuses UPDATE and DELETE through SQL', async () => {
    const { core } = await seededCore();
    core.close();
    const raw = await rawAccess(core.dataDir);
    expect(() => raw.prepare(`UPDATE audit_log SET actor_name = 'x' WHERE seq = 1`).run()).toThrow(
      /append-only/,
    );
    expect(() => raw.prepare('DELETE FROM audit_log WHERE seq = 1').run()).toThrow(/append-only/);
    raw.close();
  });

  // The chain walk has SQLite build the text each hash covers; these rows are where its JSON
  // and JavaScript's could part (escapes, surrogate pairs, numbers SQLite writes otherwise).
  it('verifies rows whose fields need escaping or are not plain integers', async () => {
    const { core } = await seededCore();
    core.close();
    const raw = await rawAccess(core.dataDir);
    const names = [
      '引号"反斜杠\\',
      '换行\n制表\t\b\f\r',
      '控制\u0000\u0001\u001f\u007f',
      '😀 \u2028\u2029 é',
    ];
    for (const [i, name] of names.entries())
      appendAudit(raw, { id: null, name }, 1_700_000_000_000 + i, {
        action: 'test.odd',
        entity: name,
        detail: { name, list: [1, null, '</script>'] },
      });
    appendAudit(raw, { id: 'x', name: '小数' }, 1.5, { action: 'test.odd' });
    appendAudit(raw, { id: 'x', name: '大数' }, 1e21, { action: 'test.odd' });
    const report = verifyChain(raw);
    expect(report).toEqual({ ok: true, checked: 7 + names.length + 2, problems: [] });

    // A column turned into a BLOB (which SQLite's JSON refuses) is an altered row, not an error.
    raw.exec('DROP TRIGGER audit_log_no_update;');
    raw.exec('UPDATE audit_log SET detail = CAST(detail AS BLOB) WHERE seq = 9');
    expect(verifyChain(raw).problems).toEqual([{ seq: 9, kind: 'altered' }]);
    raw.close();
  });

  it.each([
    [
      'an altered row',
      `UPDATE audit_log SET detail = '{"forged":true}' WHERE seq = 3`,
      [{ seq: 3, kind: 'altered' }],
    ],
    ['a deleted row', 'DELETE FROM audit_log WHERE seq = 2', [{ seq: 2, kind: 'deleted' }]],
    [
      'rows cut from the end',
      'DELETE FROM audit_log WHERE seq >= 6',
      [
        { seq: 6, kind: 'deleted' },
        { seq: 7, kind: 'deleted' },
      ],
    ],
    [
      'an inserted row',
      `INSERT INTO audit_log (seq, id, at, actor_id, actor_name, action, entity, entity_id, detail, prev_hash, hash)
       SELECT 8, 'forged', at, actor_id, actor_name, 'children.create', NULL, NULL, '{}', hash, hash FROM audit_log WHERE seq = 7`,
      [{ seq: 8, kind: 'inserted' }],
    ],
  ])('finds %s and says which', async (_label, tamper, expected) => {
    const { core } = await seededCore();
    core.close();
    const raw = await rawAccess(core.dataDir);
    // An insider with the key and SQL can drop the triggers; the chain still tells.
    raw.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
    raw.exec(tamper);
    raw.close();

    await call(core, 'session.signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    const report = await call(core, 'audit.verify', {});
    expect(report.ok).toBe(false);
    // Rows written after the tampering (this sign-in) are fine; the damage is reported exactly.
    expect(report.problems.map(({ seq, kind }) => ({ seq, kind }))).toEqual(expected);
    expect(report.problems[0].message).toContain(`第 ${expected[0].seq} 条`);
    core.close();
  });

  it('commits a view’s audit row before answering, and a search that audits nothing writes nothing', async () => {
    const { core, child } = await seededCore();
    const raw = await rawAccess(core.dataDir);
    const version = () => raw.pragma('data_version', { simple: true }) as number;
    const views = () =>
      raw.prepare(`SELECT count(*) FROM audit_log WHERE action = 'children.view'`).pluck().get() as number;
    const before = views();
    // Another connection sees the row as soon as the file is shown: it is committed.
    await call(core, 'children.get', { id: child.id });
    expect(views()).toBe(before + 1);
    // A name search is a view that audits nothing: no transaction is written at all.
    const seen = version();
    const found = await call(core, 'children.list', { query: CHILD.name.slice(0, 2) });
    expect(found.rows.map((r) => r.id)).toContain(child.id);
    expect(version()).toBe(seen);
    // A whole ID number is audited, and the lookup's row is there at once.
    await call(core, 'children.list', { query: CHILD.idNumber });
    expect(version()).toBeGreaterThan(seen);
    expect(raw.prepare(`SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1`).pluck().get()).toBe(
      'children.idLookup',
    );
    expect(await call(core, 'audit.verify', {})).toMatchObject({ ok: true, problems: [] });
    raw.close();
    core.close();
  });
});
