import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { makeDataDir } from '../helpers/tmp';
import { ADMIN, CASEWORKER, CHILD, call, ManualClock, openCore, refuse } from './support';

describe('first run, sign-in and the encrypted file', () => {
  it('creates the first account, registers a child, and finds it again after a restart', async () => {
    const dir = makeDataDir('restart');
    const first = openCore(dir);
    expect(await call(first, 'session.status', {})).toMatchObject({ state: 'setup', user: null });
    const admin = await call(first, 'session.setup', ADMIN);
    expect(admin).toMatchObject({ username: 'wangfang', displayName: '王芳', role: 'admin' });
    await call(first, 'children.create', CHILD);
    first.close();

    const second = openCore(dir);
    expect(await call(second, 'session.status', {})).toMatchObject({ state: 'locked', user: null });
    expect((await refuse(second, 'children.list', {})).code).toBe('LOCKED');
    await call(second, 'session.signIn', { username: 'wangfang', passphrase: ADMIN.passphrase });
    const list = await call(second, 'children.list', {});
    expect(list.total).toBe(1);
    expect(list.rows[0]).toMatchObject({ name: '张小明', idNumberMasked: '370115************', age: 11 });
    second.close();
  });

  it('leaves no plaintext in the database file or its WAL, and sqlite3 cannot read it', async () => {
    const core = openCore();
    await call(core, 'session.setup', ADMIN);
    await call(core, 'children.create', CHILD);
    const dbFile = path.join(core.dataDir, 'sunward.db');
    // Read while the session is open, so the WAL still holds the latest pages.
    const files = [dbFile, `${dbFile}-wal`].filter(existsSync);
    expect(files).toContain(`${dbFile}-wal`);
    const needles = [
      CHILD.name,
      CHILD.idNumber,
      CHILD.school,
      CHILD.village,
      ADMIN.username,
      'children',
      'CREATE TABLE',
    ];
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const needle of needles)
        expect(bytes.includes(Buffer.from(needle, 'utf8')), `${needle} in ${file}`).toBe(false);
    }
    core.close();

    expect(() => new Database(dbFile).prepare('SELECT * FROM sqlite_master').all()).toThrow(/not a database/);
    let cliAnswer: string;
    try {
      cliAnswer = execFileSync('sqlite3', [dbFile, 'SELECT name FROM sqlite_master'], {
        stdio: 'pipe',
      }).toString();
    } catch (err) {
      const e = err as NodeJS.ErrnoException & { stderr?: Buffer };
      if (e.code === 'ENOENT') {
        console.warn('sqlite3 command-line tool not installed: only the library check ran');
        return;
      }
      cliAnswer = e.stderr?.toString() ?? '';
    }
    expect(cliAnswer).toMatch(/not a database/);
  });

  it('refuses a wrong passphrase and an unknown user with the same message, then backs off that account only', async () => {
    const clock = new ManualClock();
    const core = openCore(makeDataDir('backoff'), clock);
    await call(core, 'session.setup', ADMIN);
    await call(core, 'session.lock', {});

    const wrong = await refuse(core, 'session.signIn', {
      username: 'wangfang',
      passphrase: 'not-the-pass-1',
    });
    const unknown = await refuse(core, 'session.signIn', {
      username: 'nobody',
      passphrase: 'not-the-pass-1',
    });
    expect(wrong).toEqual({ code: 'VALIDATION', message: '用户名或密码错误' });
    expect(unknown).toEqual(wrong);
    // Guesses at other names do not hold wangfang up.
    for (let i = 0; i < 4; i++) {
      await refuse(core, 'session.signIn', { username: 'nobody', passphrase: `not-the-pass-${i}` });
    }
    await refuse(core, 'session.signIn', { username: 'wangfang', passphrase: 'not-the-pass-2' });

    // wangfang's third failure starts a wait; even the right passphrase must wait it out.
    await refuse(core, 'session.signIn', { username: 'wangfang', passphrase: 'not-the-pass-3' });
    const blocked = await refuse(core, 'session.signIn', {
      username: 'wangfang',
      passphrase: ADMIN.passphrase,
    });
    expect(blocked.message).toBe('登录失败次数较多，请在 1 秒后重试');
    clock.advance(1000);
    await call(core, 'session.signIn', { username: 'wangfang', passphrase: ADMIN.passphrase });

    // The failures reach the log; a name no account has is recorded as unknown, not in clear.
    const audit = await call(core, 'audit.list', { action: 'session.signInFailed' });
    const named = audit.rows.map((r) => r.detail.username ?? '(unknown)');
    expect(named.filter((n) => n === 'wangfang')).toHaveLength(3);
    // Two free, the third counted and then held back: attempts while held are refused unread.
    expect(named.filter((n) => n === '(unknown)')).toHaveLength(3);
    core.close();
  });

  it('lets two accounts open the same file with their own passphrases', async () => {
    const dir = makeDataDir('two-accounts');
    const core = openCore(dir);
    await call(core, 'session.setup', ADMIN);
    await call(core, 'children.create', CHILD);
    await call(core, 'accounts.create', CASEWORKER);
    await call(core, 'session.lock', {});

    const li = await call(core, 'session.signIn', {
      username: CASEWORKER.username,
      passphrase: CASEWORKER.passphrase,
    });
    expect(li.role).toBe('caseworker');
    expect((await call(core, 'children.list', {})).total).toBe(1);

    // A second host on the same folder at the same time (WAL allows readers beside a writer).
    const other = openCore(dir);
    await call(other, 'session.signIn', { username: 'wangfang', passphrase: ADMIN.passphrase });
    await call(other, 'children.create', {
      ...CHILD,
      name: '张小红',
      gender: 'female',
      idNumber: '370115201503070022',
    });
    expect((await call(core, 'children.list', {})).total).toBe(2);
    other.close();
    core.close();
  });

  it('changes a passphrase without re-encrypting the file', async () => {
    const dir = makeDataDir('change');
    const core = openCore(dir);
    await call(core, 'session.setup', ADMIN);
    await call(core, 'children.create', CHILD);
    const bad = await refuse(core, 'session.changePassphrase', {
      current: 'wrong-pass-123',
      next: 'New-passphrase-1 violet-harbor',
    });
    expect(bad.fields).toEqual({ current: '当前密码不正确' });
    await call(core, 'session.changePassphrase', {
      current: ADMIN.passphrase,
      next: 'New-passphrase-1 violet-harbor',
    });
    core.close();
    const header = readFileSync(path.join(dir, 'sunward.db')).subarray(0, 16);

    const again = openCore(dir);
    expect(
      (await refuse(again, 'session.signIn', { username: 'wangfang', passphrase: ADMIN.passphrase })).code,
    ).toBe('VALIDATION');
    await call(again, 'session.signIn', {
      username: 'wangfang',
      passphrase: 'New-passphrase-1 violet-harbor',
    });
    expect((await call(again, 'children.list', {})).total).toBe(1);
    again.close();
    // SQLCipher's first 16 bytes are the file's salt: a re-encryption would have changed them.
    expect(readFileSync(path.join(dir, 'sunward.db')).subarray(0, 16)).toEqual(header);
  });

  it('drops the session and the key on lock', async () => {
    const core = openCore();
    await call(core, 'session.setup', ADMIN);
    const events: unknown[] = [];
    core.on('locked', (p) => events.push(p));
    await call(core, 'session.lock', { reason: 'idle' });
    expect(events).toEqual([{ reason: 'idle' }]);
    expect(core.isUnlocked()).toBe(false);
    expect(core.idleMinutes()).toBeNull();
    expect(await refuse(core, 'children.create', CHILD)).toEqual({
      code: 'LOCKED',
      message: '系统已锁定，请重新登录',
    });
    core.close();
  });
});
