import type Database from 'better-sqlite3';

/**
 * WAL pages SQLite lets pile up before a commit folds them into the file itself. The default
 * (1,000) made every ~30th write of a child pay for folding 4 MB — each page decrypted,
 * re-encrypted and written — inside its own commit. At 8,000 (32 MiB of WAL at most) the
 * fold happens when the studio is idle (IdleCheckpoint) and a write never waits for it; the
 * limit stays as a bound for a burst of writes with no pause in between (an import).
 */
export const WAL_AUTOCHECKPOINT_PAGES = 8000;

/** How long after the last write the WAL is folded: writes in quick succession fold once. */
export const IDLE_CHECKPOINT_MS = 500;

/**
 * Folds the WAL into the database file once no write has come for IDLE_CHECKPOINT_MS.
 * PASSIVE: it waits for no reader and blocks no writer, so it can run at any time; what a
 * reader still holds is folded by the next one. The WAL is not truncated (reusing it costs
 * nothing). Durability does not depend on it: synchronous=FULL syncs the WAL at each commit.
 */
export class IdleCheckpoint {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly raw: Database.Database,
    private readonly delayMs = IDLE_CHECKPOINT_MS,
  ) {}

  /** A write committed: the fold is put off until the connection has been idle a while. */
  wrote(): void {
    if (this.timer) this.timer.refresh();
    else {
      this.timer = setTimeout(() => this.run(), this.delayMs);
      // An idle fold must not keep a closing process (a test, the bench) alive.
      this.timer.unref();
    }
  }

  /** Folds now, unless a transaction is open on the connection (then the next write reschedules). */
  run(): void {
    this.timer = null;
    if (!this.raw.open) return;
    if (this.raw.inTransaction) {
      this.wrote();
      return;
    }
    this.raw.pragma('wal_checkpoint(PASSIVE)');
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
