// A verified backup of the whole database while the API keeps answering (ARCHITECTURE §9:
// ≤ 10 s at 100,000 children, no read stalled noticeably). Its target here is that pace in
// MB/s times this database's size, so 10,000 children and a database with attachments are
// held to the same rate. Reads go on through core.invoke, one per event-loop
// turn as IPC calls arrive; the longest of them, and the longest gap between two of them
// (the API's thread being busy elsewhere), is the stall a caseworker would feel.
import type { Core } from '../../db/api/core';
import type { Row } from './stats';
import { summarize } from './stats';

const MB = 1024 * 1024;
/**
 * ARCHITECTURE §9 (issue 14): the 100,000-children database (842,600,448 bytes = 804 MiB on
 * disk) backed up in ≤ 10 s; issue 20 scales that target by size for a database carrying
 * attachments. MB here are MiB.
 */
export const BACKUP_TARGET_MB_PER_S = 842_600_448 / MB / 10;

/** How long the reads run with no backup before it starts. */
const IDLE_MS = 3000;

export interface BackupFigures {
  seconds: number;
  megabytes: number;
  mbPerSecond: number;
  longestStall: number;
  method: string;
}

export async function measureBackup(opts: {
  core: Core;
  readInputs: readonly unknown[];
  log: (line: string) => void;
  /** Filled with the run's figures, for a caller that extrapolates from them. */
  figures?: Partial<BackupFigures>;
}): Promise<Row[]> {
  const { core, readInputs, log } = opts;
  const read = async (i: number) => {
    const r = await core.invoke('children.list', readInputs[i % readInputs.length]);
    if (!r.ok) throw new Error(`children.list failed: ${r.error.message}`);
  };
  for (let i = 0; i < 20; i++) await read(i);

  // The same reads for a few seconds with no backup running: what this machine's other load
  // alone does to them, so the stall below can be told from it (on a shared machine the
  // baseline's longest read can be far above 16 ms by itself).
  const idleReads: number[] = [];
  let idleGap = 0;
  const idleUntil = performance.now() + IDLE_MS;
  let idleLast = performance.now();
  for (let i = 0; performance.now() < idleUntil; i++) {
    await new Promise((r) => setImmediate(r));
    const start = performance.now();
    idleGap = Math.max(idleGap, start - idleLast);
    await read(i);
    idleLast = performance.now();
    idleReads.push(idleLast - start);
  }
  const idleStall = Math.max(Math.max(...idleReads), idleGap);

  const reads: number[] = [];
  let longestGap = 0;
  let done = false;
  const t0 = performance.now();
  const backup = core.invoke('backup.run', {}).finally(() => {
    done = true;
  });
  let last = performance.now();
  for (let i = 0; !done; i++) {
    await new Promise((r) => setImmediate(r));
    const start = performance.now();
    longestGap = Math.max(longestGap, start - last);
    await read(i);
    const end = performance.now();
    reads.push(end - start);
    last = end;
  }
  const result = await backup;
  const ms = performance.now() - t0;
  if (!result.ok) throw new Error(`backup failed: ${result.error.message}`);
  const outcome = result.value as {
    ok: boolean;
    method: string | null;
    manifest: { dbBytes: number } | null;
  };
  if (!outcome.ok || !outcome.manifest) throw new Error('backup did not verify');
  const longestRead = Math.max(...reads);
  const stall = Math.max(longestRead, longestGap);
  const megabytes = outcome.manifest.dbBytes / MB;
  const mbPerSecond = megabytes / (ms / 1000);
  const targetMs = (megabytes / BACKUP_TARGET_MB_PER_S) * 1000;
  Object.assign(opts.figures ?? {}, {
    seconds: ms / 1000,
    megabytes,
    mbPerSecond,
    longestStall: stall,
    method: outcome.method ?? '?',
  });
  log(
    `  verified backup (${outcome.method}): ${(ms / 1000).toFixed(2)} s for ${megabytes.toFixed(1)} MiB = ${mbPerSecond.toFixed(0)} MB/s (target ≥ ${BACKUP_TARGET_MB_PER_S.toFixed(0)} MB/s: 804 MB in 10 s); ${reads.length} reads meanwhile, longest ${longestRead.toFixed(2)} ms, longest gap ${longestGap.toFixed(2)} ms; before it, with no backup, ${idleReads.length} reads, longest ${idleStall.toFixed(2)} ms`,
  );
  const one = (v: number) => ({ n: 1, p50: v, p95: v, p99: v });
  return [
    { op: 'verified backup, whole db (copy, write, check)', ...one(ms), target: Math.round(targetMs) },
    { op: 'children list during a backup', ...summarize(reads) },
    { op: 'longest read stall during a backup', ...one(stall), target: 16 },
    { op: 'longest read stall, no backup running (this machine)', ...one(idleStall) },
  ];
}
