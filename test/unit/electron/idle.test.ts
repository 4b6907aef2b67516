import { describe, expect, it } from 'vitest';
import { shouldIdleLock } from '../../../electron/idle';

describe('shouldIdleLock', () => {
  it('locks once the OS has been idle for the configured minutes', () => {
    expect(shouldIdleLock(599, 10)).toBe(false);
    expect(shouldIdleLock(600, 10)).toBe(true);
    expect(shouldIdleLock(3600, 10)).toBe(true);
  });

  it('does nothing while locked or when auto-lock is off', () => {
    expect(shouldIdleLock(99_999, null)).toBe(false);
    expect(shouldIdleLock(99_999, 0)).toBe(false);
    expect(shouldIdleLock(99_999, -1)).toBe(false);
    expect(shouldIdleLock(99_999, Number.NaN)).toBe(false);
  });
});
