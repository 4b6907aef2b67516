// A verified backup of the whole database while the API keeps answering (ARCHITECTURE §9,
// issue 14: the 100,000-children database in ≤ 10 s, no read held up for more than a few
// milliseconds). At 100,000 children with no attachments the target is those 10 s flat; any
// other database is held to the same pace in MB/s times its size (issue 20), so 10,000
// children and a database with attachments are held to the same rate. Reads go on through
// core.invoke, one per event-loop turn as IPC calls arrive; what the backup adds to each of
// them (below, `stallsOver`) is the stall a caseworker would feel.
import { readFileSync } from 'node:fs';
import type { Core } from '../../db/api/core';
import type { Row } from './stats';
import { summarize } from './stats';

const MB = 1024 * 1024;
/**
 * ARCHITECTURE §9 (issue 14): the 100,000-children database backed up in ≤ 10 s, as a pace:
 * that database as the bench seeds it now (1,204,940,800 bytes = 1149 MiB on disk; it was
 * 804 MiB when the target was first set) in 10 s. Issue 20 scales it by size for a database
 * carrying attachments. MB here are MiB.
 */
export const BACKUP_TARGET_MB_PER_S = 1_204_940_800 / MB / 10;

/** How long the reads run with no backup before it starts. */
const IDLE_MS = 4000;
/**
 * How many different reads: the first few of the caller's inputs, taken in turn, so each has
 * enough idle runs (about 40 here) for its own median.
 */
const READ_KINDS = 10;

export interface BackupFigures {
  seconds: number;
  megabytes: number;
  mbPerSecond: number;
  longestStall: number;
  method: string;
}

/**
 * A read's stall is what something else adds to it: its time beyond the same read's own time
 * with no backup (the median of its idle runs), or a gap between two reads, when the API's
 * thread did something else meanwhile (a gap is stall whole: back to back, reads leave none).
 * The list inputs differ in cost (a later page of a large township takes several times the
 * first), so the longest raw read says more about which input came up than about the backup.
 */
interface ReadLog {
  /** Each read: its input's index and its time. */
  reads: { kind: number; ms: number }[];
  longestGap: number;
  /** The backup's step after each read or gap that went past the target, by step. */
  over: Map<string, number>;
}

/** The target for one stall: issue 14's "a few milliseconds", ARCHITECTURE §9. */
const STALL_TARGET_MS = 16;

/**
 * CPU milliseconds of the calling thread (Linux: /proc/thread-self/stat, utime + stime in
 * clock ticks of 10 ms), or NaN elsewhere. With the process's total it tells the backup's
 * threads' CPU time from this thread's reads, which on a shared machine moves far less with
 * the others' load than the wall clock does.
 */
function threadCpuMs(): number {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

function processCpuMs(): number {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
}

function stallsOver(log: ReadLog, own: number[]): number {
  let longest = log.longestGap;
  for (const r of log.reads) longest = Math.max(longest, r.ms - (own[r.kind] ?? r.ms));
  return longest;
}

export async function measureBackup(opts: {
  core: Core;
  readInputs: readonly unknown[];
  log: (line: string) => void;
  /** Filled with the run's figures, for a caller that extrapolates from them. */
  figures?: Partial<BackupFigures>;
  /** The target in ms (the 100,000-children database: 10 s flat); else the pace times the size. */
  targetMs?: number;
}): Promise<Row[]> {
  const { core, log } = opts;
  const inputs = opts.readInputs.slice(0, READ_KINDS);
  const read = async (kind: number) => {
    const r = await core.invoke('children.list', inputs[kind]);
    if (!r.ok) throw new Error(`children.list failed: ${r.error.message}`);
  };
  /** Reads back to back, one per event-loop turn as IPC calls arrive, until `stop`. */
  const readUntil = async (stop: () => boolean, own?: number[]): Promise<ReadLog> => {
    const out: ReadLog = { reads: [], longestGap: 0, over: new Map() };
    let last = performance.now();
    for (let i = 0; !stop(); i++) {
      await new Promise((r) => setImmediate(r));
      const start = performance.now();
      out.longestGap = Math.max(out.longestGap, start - last);
      const kind = i % inputs.length;
      await read(kind);
      const end = performance.now();
      out.reads.push({ kind, ms: end - start });
      // Which step the backup was at, asked only after a stall past the target (rare, and
      // outside the timed reads), so the log can tell a step that stalls from the machine's load.
      if (own && (end - start - own[kind]! > STALL_TARGET_MS || start - last > STALL_TARGET_MS)) {
        const st = await core.invoke('backup.status', {});
        const run = st.ok ? (st.value as { running: { phase: string } | null }).running : null;
        const step = run?.phase ?? 'finishing';
        out.over.set(step, (out.over.get(step) ?? 0) + 1);
      }
      last = performance.now();
    }
    return out;
  };
  for (let i = 0; i < 3 * inputs.length; i++) await read(i % inputs.length);

  // The same reads for a few seconds with no backup running: each read's own time here, and
  // what this machine's other load alone does to them (on a shared machine that can be far
  // above 16 ms by itself), measured the same way as the stall below.
  const idleUntil = performance.now() + IDLE_MS;
  const idle = await readUntil(() => performance.now() >= idleUntil);
  const own = inputs.map((_, k) => median(idle.reads.filter((r) => r.kind === k).map((r) => r.ms)));
  const idleStall = stallsOver(idle, own);
  const idleOver = idle.reads.filter((r) => r.ms - own[r.kind]! > STALL_TARGET_MS).length;
  const idleRaw = Math.max(idle.longestGap, ...idle.reads.map((r) => r.ms));

  let done = false;
  const cpu0 = { all: processCpuMs(), api: threadCpuMs() };
  const t0 = performance.now();
  const backup = core.invoke('backup.run', {}).finally(() => {
    done = true;
  });
  const during = await readUntil(() => done, own);
  const result = await backup;
  const ms = performance.now() - t0;
  const apiCpu = threadCpuMs() - cpu0.api;
  const backupCpu = processCpuMs() - cpu0.all - apiCpu;
  if (!result.ok) throw new Error(`backup failed: ${result.error.message}`);
  const outcome = result.value as {
    ok: boolean;
    method: string | null;
    manifest: { dbBytes: number } | null;
  };
  if (!outcome.ok || !outcome.manifest) throw new Error('backup did not verify');
  const reads = during.reads.map((r) => r.ms);
  const longestRead = Math.max(...reads);
  const raw = Math.max(longestRead, during.longestGap);
  const stall = stallsOver(during, own);
  const worst = during.reads.reduce(
    (a, r) => (r.ms - own[r.kind]! > a.ms - own[a.kind]! ? r : a),
    during.reads[0]!,
  );
  const megabytes = outcome.manifest.dbBytes / MB;
  const mbPerSecond = megabytes / (ms / 1000);
  const targetMs = opts.targetMs ?? (megabytes / BACKUP_TARGET_MB_PER_S) * 1000;
  Object.assign(opts.figures ?? {}, {
    seconds: ms / 1000,
    megabytes,
    mbPerSecond,
    longestStall: stall,
    method: outcome.method ?? '?',
  });
  log(
    `  verified backup (${outcome.method}): ${(ms / 1000).toFixed(2)} s for ${megabytes.toFixed(1)} MiB = ${mbPerSecond.toFixed(0)} MB/s (target ${(targetMs / 1000).toFixed(1)} s${opts.targetMs ? '' : `: ≥ ${BACKUP_TARGET_MB_PER_S.toFixed(0)} MB/s`}), CPU ${(backupCpu / 1000).toFixed(2)} s on the backup's threads (the reads' thread ${(apiCpu / 1000).toFixed(2)} s); ${reads.length} reads meanwhile (${inputs.length} list inputs in turn, each ${Math.min(...own).toFixed(1)}–${Math.max(...own).toFixed(1)} ms idle), longest ${longestRead.toFixed(2)} ms, longest gap ${during.longestGap.toFixed(2)} ms; longest stall (beyond the same read's idle median, or a gap) ${stall.toFixed(2)} ms (a read of ${worst.ms.toFixed(2)} ms against ${own[worst.kind]!.toFixed(2)}); reads or gaps past ${STALL_TARGET_MS} ms of stall, by the backup's step then: ${[...during.over].map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}; before it, with no backup, ${idle.reads.length} reads, longest ${idleRaw.toFixed(2)} ms, longest stall the same way ${idleStall.toFixed(2)} ms, ${idleOver} past ${STALL_TARGET_MS} ms`,
  );
  const one = (v: number) => ({ n: 1, p50: v, p95: v, p99: v });
  return [
    { op: 'verified backup, whole db (copy, write, check)', ...one(ms), target: Math.round(targetMs) },
    { op: "the backup's CPU time (its threads)", ...one(backupCpu) },
    { op: 'children list during a backup', ...summarize(reads) },
    {
      op: 'longest read stall during a backup (beyond its idle time)',
      ...one(stall),
      target: STALL_TARGET_MS,
    },
    { op: 'longest read or gap during a backup (raw)', ...one(raw) },
    { op: 'longest read stall, no backup running (this machine)', ...one(idleStall) },
  ];
}
