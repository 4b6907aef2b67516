import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, onTestFinished } from 'vitest';

/** `KEEP_TEST_DATA=1` leaves every data folder in place so a failing run can be inspected. */
export function keepTestData(): boolean {
  return process.env.KEEP_TEST_DATA === '1';
}

// Folders made outside a running test (module scope, beforeAll) have no test to tie their
// removal to. A hook registered while vitest is still importing the test file lands on
// that file's root suite, so they go when the file is done; vitest forbids registering it
// later (from inside beforeAll), hence here, at import time. Outside vitest (a tsx script)
// the registration throws and process exit does the job instead: vitest's workers are
// ended by a signal, which skips 'exit' handlers, so there it would not be enough.
const fileScoped = new Set<string>();
try {
  afterAll(() => {
    for (const dir of fileScoped) removeDataDir(dir);
  });
} catch {
  process.on('exit', () => {
    for (const dir of fileScoped) removeDataDir(dir);
  });
}

/**
 * A fresh, empty folder under the OS temp dir that nobody else removes: the caller owns it
 * and passes it to `removeDataDir` when done (the e2e harness does this in `close()`).
 */
export function createTempDir(prefix = 'data'): string {
  // The prefix becomes part of a file name; keep it to characters every OS accepts.
  const safe = prefix.replace(/[^\w-]+/g, '_').slice(0, 40) || 'data';
  return mkdtempSync(path.join(tmpdir(), `sunward-${safe}-`));
}

/** Removes a folder made by `createTempDir`/`makeDataDir`, unless KEEP_TEST_DATA=1. */
export function removeDataDir(dir: string): void {
  fileScoped.delete(dir);
  if (keepTestData()) {
    console.log(`[KEEP_TEST_DATA] kept ${dir}`);
    return;
  }
  // Retries because Windows keeps a just-closed SQLite file locked for a moment.
  rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
}

/**
 * A fresh data folder. Made inside a test or a `beforeEach`, it is removed when that test
 * finishes; made in `beforeAll` or at module scope, when the test file is done.
 * KEEP_TEST_DATA=1 keeps it and prints where it is.
 */
export function makeDataDir(prefix = 'data'): string {
  const dir = createTempDir(prefix);
  try {
    onTestFinished(() => removeDataDir(dir));
  } catch {
    // No running test: vitest refuses the per-test hook.
    fileScoped.add(dir);
  }
  return dir;
}
