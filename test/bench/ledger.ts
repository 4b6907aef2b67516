// Importing a 10,000-row Excel ledger (issue 13), on a copy of the benchmark's data folder so
// the cached data set is not changed: read the file (exceljs), preview every row (the plan,
// with the duplicate guard against every child on file), then commit in one transaction. The
// preview and the commit run in steps of a few hundred rows (progress, cancel); the longest
// stretch the event loop was held during the commit is how long a progress poll or a 取消 waits.
import { closeSync, cpSync, fsyncSync, openSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createCore } from '../../db/api/core';
import { recordPhases, takePhases } from '../../db/core/phases';
import { largeLedger } from '../fixtures/ledger';
import { MIGRATIONS_DIR } from '../fixtures/seeder';
import { type Row, summarize } from './stats';

const TARGET_MS = 3000;

function syncTree(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) syncTree(file);
    else {
      const fd = openSync(file, 'r');
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    }
  }
}

export async function measureLedger(opts: {
  dataDir: string;
  username: string;
  passphrase: string;
  rows: number;
  log: (line: string) => void;
}): Promise<Row[]> {
  const copy = path.join(tmpdir(), `sunward-bench-ledger-${process.pid}`);
  rmSync(copy, { recursive: true, force: true });
  cpSync(opts.dataDir, copy, { recursive: true });
  // The copy on disk before the core opens it: left to the kernel, its 1.2 GB are written back
  // while the ledger is read and previewed, and the first checkpoint's fsync waits for all of
  // it — the bench's own copy, which the studio's file never is.
  syncTree(copy);
  const core = createCore({ dataDir: copy, migrationsDir: MIGRATIONS_DIR, log: () => {} });
  try {
    const signIn = await core.invoke('session.signIn', {
      username: opts.username,
      passphrase: opts.passphrase,
    });
    if (!signIn.ok) throw new Error(signIn.error.message);
    const ledger = await largeLedger(opts.rows);
    const file = { fileName: ledger.fileName, data: ledger.bytes.toString('base64') };
    const timed = async (name: string, input: unknown) => {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const result = await core.invoke(name, input);
      const ms = performance.now() - t0;
      const c = process.cpuUsage(c0);
      if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
      // CPU of the whole process (every thread) over the call: on a shared machine the wall
      // time also counts the other processes' turns.
      return { ms, cpu: (c.user + c.system) / 1000, value: result.value as Record<string, unknown> };
    };
    const read = await timed('ledger.read', file);
    const view = read.value as { sheet: string; headerRow: number; suggested: unknown[] };
    const input = { ...file, sheet: view.sheet, headerRow: view.headerRow, columns: view.suggested };
    const preview = await timed('ledger.preview', input);
    let last = performance.now();
    let longest = 0;
    const ticker = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
    }, 5);
    recordPhases();
    const commit = await timed('ledger.commit', { ...input, decisions: {} }).finally(() => {
      clearInterval(ticker);
      // The stretch since the last tick (the commit's last, synchronous part) counts too.
      longest = Math.max(longest, performance.now() - last);
    });
    const phases = takePhases()
      .map(([name, p]) => `${name} ${p.ms.toFixed(0)} ms (CPU ${p.cpuMs.toFixed(0)})`)
      .join(', ');
    const counts = (commit.value as { counts: Record<string, number> }).counts;
    opts.log(
      `  ledger ${opts.rows} rows: read ${read.ms.toFixed(0)} ms, preview ${preview.ms.toFixed(0)} ms, import ${commit.ms.toFixed(0)} ms (longest pause ${longest.toFixed(0)} ms) (${JSON.stringify(counts)}); CPU read ${read.cpu.toFixed(0)} ms, preview ${preview.cpu.toFixed(0)} ms, import ${commit.cpu.toFixed(0)} ms`,
    );
    opts.log(`  ledger import phases: ${phases}`);
    return [
      { op: `ledger: read ${opts.rows}-row .xlsx (parse)`, ...summarize([read.ms]) },
      { op: `ledger: preview ${opts.rows} rows`, ...summarize([preview.ms]), target: TARGET_MS },
      // What the caseworker waits for from choosing the file to its preview, parse included.
      {
        op: `ledger: read + preview ${opts.rows} rows`,
        ...summarize([read.ms + preview.ms]),
        target: TARGET_MS,
      },
      {
        op: `ledger: import ${opts.rows} rows (commit)`,
        ...summarize([commit.ms]),
        target: TARGET_MS,
      },
      { op: `ledger: import, longest pause between steps`, ...summarize([longest]) },
    ];
  } finally {
    core.close();
    rmSync(copy, { recursive: true, force: true });
  }
}
