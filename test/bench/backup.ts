// A verified backup of the whole database while the API keeps answering (ARCHITECTURE §9:
// ≤ 10 s, no read stalled noticeably). Reads go on through core.invoke, one per event-loop
// turn as IPC calls arrive; the longest of them, and the longest gap between two of them
// (the API's thread being busy elsewhere), is the stall a caseworker would feel.
import type { Core } from '../../db/api/core';
import type { Row } from './stats';
import { summarize } from './stats';

export async function measureBackup(opts: {
  core: Core;
  readInputs: readonly unknown[];
  log: (line: string) => void;
}): Promise<Row[]> {
  const { core, readInputs, log } = opts;
  const read = async (i: number) => {
    const r = await core.invoke('children.list', readInputs[i % readInputs.length]);
    if (!r.ok) throw new Error(`children.list failed: ${r.error.message}`);
  };
  for (let i = 0; i < 20; i++) await read(i);

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
  const seconds = performance.now() - t0;
  if (!result.ok) throw new Error(`backup failed: ${result.error.message}`);
  const outcome = result.value as { ok: boolean; manifest: { dbBytes: number } | null };
  if (!outcome.ok || !outcome.manifest) throw new Error('backup did not verify');
  const longestRead = Math.max(...reads);
  const stall = Math.max(longestRead, longestGap);
  log(
    `  verified backup: ${(seconds / 1000).toFixed(2)} s for ${(outcome.manifest.dbBytes / 1024 / 1024).toFixed(1)} MiB; ${reads.length} reads meanwhile, longest ${longestRead.toFixed(2)} ms, longest gap ${longestGap.toFixed(2)} ms`,
  );
  const one = (v: number) => ({ n: 1, p50: v, p95: v, p99: v });
  return [
    { op: 'verified backup, whole db (copy, write, check)', ...one(seconds), target: 10_000 },
    { op: 'children list during a backup', ...summarize(reads) },
    { op: 'longest read stall during a backup', ...one(stall), target: 16 },
  ];
}
