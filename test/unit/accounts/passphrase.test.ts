import { describe, expect, it } from 'vitest';
import { passphraseProblem } from '../../../db/accounts/inputs';
import { SignInThrottle } from '../../../db/accounts/throttle';

describe('passphrase strength', () => {
  it('needs ten characters of two kinds, without the username', () => {
    expect(passphraseProblem('abc123')).toBe('密码至少需要10个字符');
    expect(passphraseProblem('abcdefghijk')).toBe('密码须包含字母、数字、符号中的至少两类');
    expect(passphraseProblem('wangfang-2026', 'wangfang')).toBe('密码不能包含用户名');
    expect(passphraseProblem('向阳工作室-2026年')).toBeNull();
    expect(passphraseProblem('Sunward-admin-2026', 'wangfang')).toBeNull();
  });
});

describe('sign-in back-off', () => {
  it('lets two typos pass, then doubles the wait', () => {
    const th = new SignInThrottle();
    th.fail(0, 'a');
    th.fail(0, 'a');
    expect(th.waitMs(0)).toBe(0);
    th.fail(0, 'a');
    expect(th.waitMs(0)).toBe(1000);
    th.fail(1000, 'a');
    expect(th.waitMs(1000)).toBe(2000);
    th.fail(3000, 'a');
    expect(th.waitMs(3000)).toBe(4000);
    expect(th.succeed()).toHaveLength(5);
    expect(th.waitMs(3000)).toBe(0);
  });
});
