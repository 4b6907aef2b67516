/**
 * Backs off after wrong passphrases: the first two are free (typos), then each failure
 * doubles the wait, up to five minutes. Failures are audited at the next successful sign-in,
 * since the log cannot be written while the database is locked.
 */
export class SignInThrottle {
  private failures = 0;
  private blockedUntil = 0;
  private pending: { at: number; username: string }[] = [];

  /** Milliseconds to wait before another attempt, 0 when one is allowed now. */
  waitMs(now: number): number {
    return Math.max(0, this.blockedUntil - now);
  }

  fail(now: number, username: string): void {
    this.failures++;
    if (this.pending.length < 1000) this.pending.push({ at: now, username });
    if (this.failures > 2) this.blockedUntil = now + Math.min(1000 * 2 ** (this.failures - 3), 5 * 60_000);
  }

  /** Resets the back-off and hands over the failures to be audited. */
  succeed(): { at: number; username: string }[] {
    this.failures = 0;
    this.blockedUntil = 0;
    const pending = this.pending;
    this.pending = [];
    return pending;
  }
}
