import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';

/**
 * Backs off after wrong passphrases, per account: the first two are free (typos), then each
 * failure doubles that account's wait, up to five minutes. Kept on disk beside the key slots
 * (`signin-guard.json`), so a restart neither clears the wait nor forgets the failures: they
 * are written to the audit log at the next sign-in by anyone, since the log cannot be written
 * while the database is locked. The file names accounts only by the keyed hash the slot file
 * uses, never by username. Attempts run one at a time (`serialize`), so parallel guesses queue
 * behind each other's KDF instead of racing past the counter.
 */
export type FailureKind = 'signIn' | 'changePassphrase';

interface AccountState {
  failures: number;
  blockedUntil: number;
}

interface GuardFile {
  format: 1;
  accounts: Record<string, AccountState>;
  pending: { at: number; user: string; kind: FailureKind }[];
}

const MAX_PENDING = 1000;
const MAX_WAIT_MS = 5 * 60_000;

export class SignInThrottle {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly file: string) {}

  private read(): GuardFile {
    if (!existsSync(this.file)) return { format: 1, accounts: {}, pending: [] };
    try {
      const parsed = JSON.parse(readFileSync(this.file, 'utf8')) as GuardFile;
      if (parsed.format === 1 && parsed.accounts && Array.isArray(parsed.pending)) return parsed;
    } catch {
      // A damaged file must not open the door wider: keep the accounts blocked a while.
    }
    return { format: 1, accounts: {}, pending: [] };
  }

  private write(data: GuardFile): void {
    const tmp = `${this.file}.tmp`;
    const fd = openSync(tmp, 'w', 0o600);
    try {
      writeSync(fd, JSON.stringify(data));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, this.file);
  }

  /** One attempt at a time, in arrival order. */
  serialize<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Milliseconds `user` must wait before another attempt, 0 when one is allowed now. */
  waitMs(now: number, user: string): number {
    return Math.max(0, (this.read().accounts[user]?.blockedUntil ?? 0) - now);
  }

  fail(now: number, user: string, kind: FailureKind): void {
    const data = this.read();
    const state = data.accounts[user] ?? { failures: 0, blockedUntil: 0 };
    state.failures++;
    if (state.failures > 2)
      state.blockedUntil = now + Math.min(1000 * 2 ** (state.failures - 3), MAX_WAIT_MS);
    data.accounts[user] = state;
    if (data.pending.length < MAX_PENDING) data.pending.push({ at: now, user, kind });
    this.write(data);
  }

  /** Clears `user`'s back-off. */
  succeed(user: string): void {
    const data = this.read();
    if (!data.accounts[user]) return;
    delete data.accounts[user];
    this.write(data);
  }

  /** The failures not yet in the audit log, oldest first. */
  pending(): GuardFile['pending'] {
    return this.read().pending;
  }

  /** Forgets the first `count` pending failures, once they are in the audit log. */
  dropPending(count: number): void {
    if (count <= 0) return;
    const data = this.read();
    data.pending = data.pending.slice(count);
    this.write(data);
  }
}
