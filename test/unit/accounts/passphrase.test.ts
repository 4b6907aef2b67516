import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { passphraseProblem } from '../../../db/accounts/inputs';
import { passphraseWeakness } from '../../../db/accounts/strength';
import { SignInThrottle } from '../../../db/accounts/throttle';

describe('passphrase rules a form checks as one types', () => {
  it('needs twelve characters of two kinds, without the username', () => {
    expect(passphraseProblem('abc123def45')).toBe('密码至少需要12个字符');
    expect(passphraseProblem('abcdefghijklm')).toBe('密码须包含字母、数字、符号中的至少两类');
    expect(passphraseProblem('wangfang-2026x', 'wangfang')).toBe('密码不能包含用户名');
    expect(passphraseProblem('向阳工作室的春天-2026年')).toBeNull();
  });
});

describe('how guessable a passphrase is, against an offline guesser', () => {
  it('refuses what is built from the studio, the district, a pinyin name or a date', () => {
    for (const weak of [
      'Xiangyang-2026!',
      'Jiyang@20260301',
      'zhangxiaoming2015',
      'Tongxinxiangyang1',
      'Password-123456',
    ]) {
      expect(passphraseWeakness(weak), weak).toBe('tooGuessable');
    }
  });

  it("refuses the person's own name in pinyin", () => {
    expect(passphraseWeakness('liuyang19850612', { username: 'caseworker1', displayName: 'liuyang' })).toBe(
      'tooGuessable',
    );
  });

  it('accepts several unrelated words or a long mixed phrase', () => {
    for (const strong of ['violet-harbor-tangerine-42', '河边的老槐树开花了-kite77', 'Qm8#tz!Lw2@vRk']) {
      expect(passphraseWeakness(strong), strong).toBeNull();
    }
  });

  it('names length and the username before guessing', () => {
    expect(passphraseWeakness('short-1')).toBe('tooShort');
    expect(passphraseWeakness('violet-wangfang-harbor', { username: 'wangfang' })).toBe('containsUsername');
  });
});

describe('sign-in back-off, per account and on disk', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  function guardFile(): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'sunward-guard-'));
    dirs.push(dir);
    return path.join(dir, 'signin-guard.json');
  }

  it('lets two typos pass, then doubles the wait of that account only', () => {
    const th = new SignInThrottle(guardFile());
    th.fail(0, 'a', 'signIn');
    th.fail(0, 'a', 'signIn');
    expect(th.waitMs(0, 'a')).toBe(0);
    th.fail(0, 'a', 'signIn');
    expect(th.waitMs(0, 'a')).toBe(1000);
    th.fail(1000, 'a', 'signIn');
    expect(th.waitMs(1000, 'a')).toBe(2000);
    expect(th.waitMs(1000, 'b')).toBe(0);
    th.succeed('a');
    expect(th.waitMs(1000, 'a')).toBe(0);
    expect(th.pending()).toHaveLength(4);
  });

  it('keeps the wait and the failures across a restart, until they are audited', () => {
    const file = guardFile();
    const before = new SignInThrottle(file);
    for (let i = 0; i < 4; i++) before.fail(10_000, 'a', i === 3 ? 'changePassphrase' : 'signIn');
    const after = new SignInThrottle(file);
    expect(after.waitMs(10_000, 'a')).toBe(2000);
    expect(after.pending().map((p) => p.kind)).toEqual(['signIn', 'signIn', 'signIn', 'changePassphrase']);
    after.dropPending(4);
    expect(new SignInThrottle(file).pending()).toEqual([]);
  });

  it('runs attempts one at a time, in order', async () => {
    const th = new SignInThrottle(guardFile());
    const order: string[] = [];
    let inside = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        th
          .serialize(async () => {
            inside++;
            most = Math.max(most, inside);
            await new Promise((r) => setTimeout(r, 5));
            order.push(String(i));
            inside--;
            if (i === 2) throw new Error('a failed attempt does not stop the queue');
          })
          .catch(() => undefined),
      ),
    );
    expect(most).toBe(1);
    expect(order).toEqual(['0', '1', '2', '3', '4', '5']);
  });
});
