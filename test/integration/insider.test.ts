/**
 * The insider (issue 16): a colleague with an account of their own, the API, and a copy of the
 * data folder, who writes small scripts against the core's files. Each test plays one of their
 * moves and shows what stops it, or — where nothing can stop it on a copy they hold — what the
 * studio's own PC notices afterwards.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../db/api/core';
import {
  aadOf,
  box,
  deriveKek,
  newAccountKeyPair,
  newSigningKeyPair,
  seal,
  signWith,
  usernameTag,
} from '../../db/core/keyring';
import type { KeySlot, KeySlotFile } from '../../db/core/keyslots';
import { openEncrypted } from '../../db/core/open';
import { Vault } from '../../db/core/vault';
import { COUNSELLING_SESSION } from '../fixtures/records';
import { makeDataDir } from '../helpers/tmp';
import { ADMIN, call, FAST_KDF, ManualClock, openCore, refuse } from './support';

const CASEWORKER = {
  displayName: '李明',
  username: 'liming',
  passphrase: 'Caseworker-2026 violet-harbor',
  role: 'caseworker' as const,
};

async function studio(clock = new ManualClock()): Promise<Core & { dataDir: string }> {
  const core = openCore(makeDataDir('insider'), clock);
  await call(core, 'session.setup', ADMIN);
  await call(core, 'accounts.create', CASEWORKER);
  await call(core, 'session.lock', {});
  return core;
}

function slotFile(dataDir: string): KeySlotFile {
  return JSON.parse(readFileSync(path.join(dataDir, 'keyslots.json'), 'utf8')) as KeySlotFile;
}

function writeSlotFile(dataDir: string, file: KeySlotFile): void {
  writeFileSync(path.join(dataDir, 'keyslots.json'), JSON.stringify(file));
}

/** What the caseworker's own passphrase gives them from the folder: the database key. */
async function insiderKey(dataDir: string): Promise<Buffer> {
  const opened = await new Vault(dataDir, FAST_KDF).openDatabaseKey(
    CASEWORKER.username,
    CASEWORKER.passphrase,
  );
  if (!opened) throw new Error('the insider could not open their own slot');
  return opened.key;
}

/**
 * A slot the insider writes by hand for `accountId` under a username and passphrase of their
 * own, holding the real database key, claiming `role`, signed with `signingKey`.
 */
async function forgeSlot(
  file: KeySlotFile,
  dbKey: Buffer,
  opts: {
    accountId: string;
    username: string;
    role: KeySlot['role'];
    signing: { publicKey: string; privateKey: Buffer };
  },
): Promise<KeySlot> {
  const user = usernameTag(file.usernameSalt, opts.username);
  const kdf = { name: 'scrypt' as const, salt: Buffer.alloc(16, 7).toString('base64'), ...FAST_KDF };
  const kek = await deriveKek('Forged-slot-2026 violet-harbor', Buffer.from(kdf.salt, 'base64'), kdf);
  const pair = newAccountKeyPair();
  const slot = {
    accountId: opts.accountId,
    user,
    role: opts.role,
    kdf,
    publicKey: pair.publicKey,
    privateKey: box(
      kek,
      pair.privateKey,
      aadOf('account-key', opts.accountId, user, kdf.name, kdf.salt, kdf.N, kdf.r, kdf.p),
    ),
    pin: box(
      kek,
      Buffer.from(JSON.stringify({ signingPublicKey: opts.signing.publicKey, counsellingPublicKey: '' })),
      aadOf('pin', opts.accountId, user),
    ),
    grants: [
      {
        secret: 'db' as const,
        epoch: file.epoch,
        sealed: seal(dbKey, pair.publicKey, aadOf('grant', 'db', file.epoch, opts.accountId)),
      },
    ],
  };
  return {
    ...slot,
    signature: signWith(
      opts.signing.privateKey,
      aadOf('slot', slot.accountId, slot.user, slot.role, slot.publicKey),
    ),
  };
}

async function auditActions(core: Core): Promise<string[]> {
  const rows = (await call(core, 'audit.list', { limit: 500 })).rows;
  return rows.map((r) => r.action);
}

describe('an insider with an account and a copy of the data folder', () => {
  it('cannot sign in as administrator through a slot they wrote for the admin account', async () => {
    const core = await studio();
    const dbKey = await insiderKey(core.dataDir);
    const file = slotFile(core.dataDir);
    const admin = file.slots.find((s) => s.role === 'admin');
    if (!admin) throw new Error('no admin slot');
    // Signed with a key of their own: they have no way to the studio's.
    file.slots.push(
      await forgeSlot(file, dbKey, {
        accountId: admin.accountId,
        username: 'backdoor',
        role: 'admin',
        signing: newSigningKeyPair(),
      }),
    );
    writeSlotFile(core.dataDir, file);

    const refused = await refuse(core, 'session.signIn', {
      username: 'backdoor',
      passphrase: 'Forged-slot-2026 violet-harbor',
    });
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.message).toContain('未经工作室签名');
    expect((await call(core, 'session.status', {})).state).toBe('locked');

    // The real administrator sees the attempt and the foreign slot in 审计日志.
    await call(core, 'session.signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    const rows = (await call(core, 'audit.list', { limit: 500 })).rows;
    // Its signature holds only under the key the forger pinned, which is not the studio's.
    expect(rows.find((r) => r.action === 'security.slotRefused')?.detail).toMatchObject({
      reason: 'keyMismatch',
    });
    expect(rows.find((r) => r.action === 'security.unsignedSlots')?.detail.accountIds).toEqual([
      admin.accountId,
    ]);
    core.close();
  });

  it('cannot raise their own role, neither in their slot nor in the database', async () => {
    const core = await studio();
    const file = slotFile(core.dataDir);
    const own = file.slots.find((s) => s.role === 'caseworker');
    if (!own) throw new Error('no caseworker slot');
    own.role = 'admin';
    writeSlotFile(core.dataDir, file);
    expect((await refuse(core, 'session.signIn', CASEWORKER)).code).toBe('FORBIDDEN');

    // Put the slot back, and write the role into the database with SQLCipher instead.
    own.role = 'caseworker';
    writeSlotFile(core.dataDir, file);
    const dbKey = await insiderKey(core.dataDir);
    const raw = openEncrypted(path.join(core.dataDir, 'sunward.db'), dbKey, { create: false });
    raw.prepare(`UPDATE accounts SET role = 'admin' WHERE username = ?`).run(CASEWORKER.username);
    raw.close();
    const refused = await refuse(core, 'session.signIn', CASEWORKER);
    expect(refused.code).toBe('FORBIDDEN');

    await call(core, 'session.signIn', ADMIN);
    const rows = (await call(core, 'audit.list', { action: 'security.slotRefused', limit: 50 })).rows;
    expect(rows.map((r) => r.detail.reason).sort()).toEqual(['roleMismatch', 'unsigned']);
    core.close();
  });

  it('who also replaces the studio key in the slot file is still refused, and the replacement is reported', async () => {
    const core = await studio();
    const dbKey = await insiderKey(core.dataDir);
    const file = slotFile(core.dataDir);
    const theirs = newSigningKeyPair();
    const forged = await forgeSlot(file, dbKey, {
      accountId: file.slots[0].accountId,
      username: 'backdoor',
      role: 'admin',
      signing: theirs,
    });
    file.signingPublicKey = theirs.publicKey;
    file.slots.push(forged);
    writeSlotFile(core.dataDir, file);
    const refused = await refuse(core, 'session.signIn', {
      username: 'backdoor',
      passphrase: 'Forged-slot-2026 violet-harbor',
    });
    expect(refused.code).toBe('FORBIDDEN');

    // The administrator's slot pinned the genuine key: the replacement and the foreign slot show.
    await call(core, 'session.signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    const actions = await auditActions(core);
    expect(actions).toContain('security.signingKeyReplaced');
    const unsigned = (await call(core, 'audit.list', { action: 'security.unsignedSlots', limit: 5 })).rows[0];
    expect(unsigned.detail.accountIds).toContain(forged.accountId);
    core.close();
  });

  it('who rewrites the key inside the database too gets in on that copy, and every genuine account is refused after', async () => {
    const core = await studio();
    const dbKey = await insiderKey(core.dataDir);
    const file = slotFile(core.dataDir);
    const theirs = newSigningKeyPair();
    file.signingPublicKey = theirs.publicKey;
    file.slots.push(
      await forgeSlot(file, dbKey, {
        accountId: file.slots[0].accountId,
        username: 'backdoor',
        role: 'admin',
        signing: theirs,
      }),
    );
    writeSlotFile(core.dataDir, file);
    const raw = openEncrypted(path.join(core.dataDir, 'sunward.db'), dbKey, { create: false });
    raw
      .prepare(`UPDATE settings SET value = ? WHERE key = 'security.signingPublicKey'`)
      .run(JSON.stringify(theirs.publicKey));
    raw.close();
    // README, "what it does not protect": with the database key, a consistent forgery opens.
    await call(core, 'session.signIn', {
      username: 'backdoor',
      passphrase: 'Forged-slot-2026 violet-harbor',
    });
    await call(core, 'session.lock', {});

    // The genuine administrator's pin disagrees with both: refused, said plainly, written down.
    const refused = await refuse(core, 'session.signIn', ADMIN);
    expect(refused.message).toContain('请管理员从备份恢复');
    const check = openEncrypted(path.join(core.dataDir, 'sunward.db'), dbKey, { create: false });
    const row = check
      .prepare(`SELECT detail FROM audit_log WHERE action = 'security.slotRefused' ORDER BY seq DESC LIMIT 1`)
      .get() as { detail: string };
    check.close();
    expect(JSON.parse(row.detail)).toMatchObject({ reason: 'keyMismatch', slotRole: 'admin' });
    core.close();
  });

  it('keeps nothing current once disabled and the database key is rotated', async () => {
    const core = await studio();
    const kept = path.join(makeDataDir('kept'), 'keyslots.json');
    copyFileSync(path.join(core.dataDir, 'keyslots.json'), kept);

    await call(core, 'session.signIn', ADMIN);
    const caseworker = (await call(core, 'accounts.list', {})).find(
      (a) => a.username === CASEWORKER.username,
    );
    if (!caseworker) throw new Error('no caseworker');
    await call(core, 'accounts.setDisabled', {
      id: caseworker.id,
      disabled: true,
      version: caseworker.version,
    });

    // Before the rotation, the slot they kept still opens today's file: disabling alone is not enough.
    const old = await new Vault(path.dirname(kept), FAST_KDF).openDatabaseKey(
      CASEWORKER.username,
      CASEWORKER.passphrase,
    );
    if (!old) throw new Error('the kept slot did not open');
    const dbFile = path.join(core.dataDir, 'sunward.db');
    openEncrypted(dbFile, old.key, { create: false }).close();

    const rotated = await call(core, 'accounts.rotateKey', {});
    expect(rotated.epoch).toBe(2);
    expect(() => openEncrypted(dbFile, old.key, { create: false })).toThrow();

    // Everyone still enabled signs in as before, and the data is all there.
    await call(core, 'session.lock', {});
    await call(core, 'session.signIn', ADMIN);
    expect((await call(core, 'accounts.list', {})).map((a) => a.username).sort()).toEqual([
      'liming',
      'wangfang',
    ]);
    expect(await auditActions(core)).toContain('accounts.rotateKey');
    core.close();
  });

  it('leaves failed sign-ins that survive a restart and reach the audit log', async () => {
    const clock = new ManualClock();
    const first = await studio(clock);
    for (let i = 0; i < 3; i++) {
      await refuse(first, 'session.signIn', { username: ADMIN.username, passphrase: `wrong-guess-${i}` });
    }
    first.close();

    const again = openCore(first.dataDir, clock);
    const held = await refuse(again, 'session.signIn', ADMIN);
    expect(held.message).toContain('秒后重试');
    clock.advance(1000);
    // Someone else signs in first: the failures against the administrator are written then.
    await call(again, 'session.signIn', CASEWORKER);
    await call(again, 'session.lock', {});
    await call(again, 'session.signIn', ADMIN);
    const rows = (await call(again, 'audit.list', { action: 'session.signInFailed', limit: 50 })).rows;
    expect(rows.map((r) => r.detail.username)).toEqual(['wangfang', 'wangfang', 'wangfang']);
    again.close();
  });

  it('gets twelve parallel guesses queued, not twelve tries past the counter', async () => {
    const core = await studio();
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        core.invoke('session.signIn', { username: ADMIN.username, passphrase: `parallel-guess-${i}` }),
      ),
    );
    const messages = results.map((r) => (r.ok ? 'signed in' : r.error.message));
    expect(messages.filter((m) => m === '用户名或密码错误')).toHaveLength(3);
    expect(messages.filter((m) => m.includes('秒后重试'))).toHaveLength(9);
    core.close();
  });

  it('cannot guess an unlocked colleague’s current passphrase any faster through 修改密码', async () => {
    const core = await studio();
    await call(core, 'session.signIn', CASEWORKER);
    for (let i = 0; i < 3; i++) {
      const wrong = await refuse(core, 'session.changePassphrase', {
        current: `wrong-current-${i}`,
        next: 'Brand-new-phrase-2026 lantern',
      });
      expect(wrong.fields?.current).toBe('当前密码不正确');
    }
    const held = await refuse(core, 'session.changePassphrase', {
      current: CASEWORKER.passphrase,
      next: 'Brand-new-phrase-2026 lantern',
    });
    expect(held.message).toContain('秒后重试');
    core.close();
  });

  it('finding an administrator’s screen unlocked cannot take over that account', async () => {
    const core = await studio();
    await call(core, 'session.signIn', ADMIN);
    const accounts = await call(core, 'accounts.list', {});
    const me = accounts.find((a) => a.username === ADMIN.username);
    const colleague = accounts.find((a) => a.username === CASEWORKER.username);
    if (!me || !colleague) throw new Error('accounts missing');
    const takeover = 'Taken-over-2026 violet-harbor';
    expect(
      (
        await refuse(core, 'accounts.setDisabled', {
          id: me.id,
          disabled: false,
          version: me.version,
          passphrase: takeover,
        })
      ).message,
    ).toContain('不能重置自己的密码');
    expect(
      (
        await refuse(core, 'accounts.resetPassphrase', {
          id: me.id,
          version: me.version,
          passphrase: takeover,
        })
      ).message,
    ).toContain('不能重置自己的密码');
    // An enabled colleague's passphrase is not replaced through 启用 either.
    expect(
      (
        await refuse(core, 'accounts.setDisabled', {
          id: colleague.id,
          disabled: false,
          version: colleague.version,
          passphrase: takeover,
        })
      ).message,
    ).toContain('未停用');
    // A reset is its own method, audited, and the old passphrase stops working.
    await call(core, 'accounts.resetPassphrase', {
      id: colleague.id,
      version: colleague.version,
      passphrase: takeover,
    });
    expect(await auditActions(core)).toContain('accounts.resetPassphrase');
    await call(core, 'session.lock', {});
    expect((await refuse(core, 'session.signIn', CASEWORKER)).message).toBe('用户名或密码错误');
    await call(core, 'session.signIn', { username: CASEWORKER.username, passphrase: takeover });
    core.close();
  });

  it('finds no username in clear in the slot file', async () => {
    const core = await studio();
    const text = readFileSync(path.join(core.dataDir, 'keyslots.json'), 'utf8');
    expect(text).not.toContain(ADMIN.username);
    expect(text).not.toContain(CASEWORKER.username);
    core.close();
  });
  it('reads no counselling text with their own slot, the database key and SQLCipher', async () => {
    const core = await studio();
    await call(core, 'session.signIn', ADMIN);
    const child = await call(core, 'children.create', {
      name: '测试儿童丙',
      gender: 'male',
      birthDate: '2014-05-06',
      township: '崔寨街道',
    });
    await call(core, 'counselling.addSession', {
      childId: child.id,
      ...COUNSELLING_SESSION,
      summary: '孩子说起父亲入狱后夜里睡不着。',
      sharedNote: '请负责人关注睡眠。',
    });
    await call(core, 'counselling.addAssessment', {
      childId: child.id,
      date: '2026-11-19',
      instrument: 'SCARED',
      score: '总分41',
      riskLevel: 'medium',
      guardianConsent: true,
      childConsent: true,
      assessor: '周老师',
      notes: '焦虑量表偏高，建议两周后复测。',
    });
    await call(core, 'session.lock', {});

    const dbKey = await insiderKey(core.dataDir);
    const raw = openEncrypted(path.join(core.dataDir, 'sunward.db'), dbKey, { create: false });
    const session = raw
      .prepare('SELECT summary, shared_note AS sharedNote FROM counselling_sessions')
      .get() as {
      summary: string;
      sharedNote: string;
    };
    const assessment = raw.prepare('SELECT notes, score FROM psych_assessments').get() as {
      notes: string;
      score: string;
    };
    const everything =
      JSON.stringify(raw.prepare('SELECT * FROM counselling_sessions').all()) +
      JSON.stringify(raw.prepare('SELECT * FROM psych_assessments').all());
    raw.close();
    expect(session.summary.startsWith('swc1:')).toBe(true);
    expect(assessment.notes.startsWith('swc1:')).toBe(true);
    expect(assessment.score.startsWith('swc1:')).toBe(true);
    for (const secret of ['睡不着', '父亲入狱', '焦虑量表', '总分41'])
      expect(everything).not.toContain(secret);
    // What the counsellor chose to share is under the database key only, as the issue asks.
    expect(session.sharedNote).toBe('请负责人关注睡眠。');
    // And their slot holds no counselling key to open it with.
    const theirs = slotFile(core.dataDir).slots.find((s) => s.role === 'caseworker');
    expect(theirs?.grants.map((g) => g.secret)).toEqual(['db']);

    // Through the API the administrator reads it back.
    await call(core, 'session.signIn', ADMIN);
    const record = await call(core, 'counselling.forChild', { childId: child.id });
    expect(record.sessions[0].summary).toBe('孩子说起父亲入狱后夜里睡不着。');
    expect(record.assessments[0].notes).toBe('焦虑量表偏高，建议两周后复测。');
    core.close();
  });

  it('finds counselling text left in clear by an older version sealed at the next sign-in', async () => {
    const core = await studio();
    await call(core, 'session.signIn', ADMIN);
    const child = await call(core, 'children.create', {
      name: '测试儿童丁',
      gender: 'female',
      birthDate: '2013-02-03',
      township: '孙耿街道',
    });
    await call(core, 'counselling.addSession', {
      childId: child.id,
      date: '2026-11-18',
      institution: '中心',
      counsellor: '周老师',
      minutes: 30,
      summary: '占位',
    });
    await call(core, 'session.lock', {});
    const dbKey = await insiderKey(core.dataDir);
    const raw = openEncrypted(path.join(core.dataDir, 'sunward.db'), dbKey, { create: false });
    raw.prepare(`UPDATE counselling_sessions SET summary = '旧版本留下的明文记录'`).run();
    raw.close();

    await call(core, 'session.signIn', ADMIN);
    expect((await call(core, 'counselling.forChild', { childId: child.id })).sessions[0].summary).toBe(
      '旧版本留下的明文记录',
    );
    expect(await auditActions(core)).toContain('security.counsellingSealed');
    await call(core, 'session.lock', {});
    const after = openEncrypted(path.join(core.dataDir, 'sunward.db'), dbKey, { create: false });
    const stored = (after.prepare('SELECT summary FROM counselling_sessions').get() as { summary: string })
      .summary;
    after.close();
    expect(stored.startsWith('swc1:')).toBe(true);
    core.close();
  });
});
