// Where a backup stalls the API's reads: reads through core.invoke back to back, first for a
// while with no backup (what this machine's load alone does to them), then during a backup,
// each read stamped, so the longest ones can be laid beside the backup's steps
// (their times are Date.now(), to lay beside a trace of the worker).
// npx tsx test/bench/profile-backup-stall.ts [--dir .data/bench-100000/data] [--two-threads]
import { rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createCore } from '../../db/api/core';
import { openEncrypted } from '../../db/core/open';
import { Vault } from '../../db/core/vault';
import { Rng } from '../fixtures/random';
import { ADMIN_USERNAME, DEFAULT_PASSPHRASE, MIGRATIONS_DIR } from '../fixtures/seeder';
import { listPageInputs } from './workload';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string', default: '.data/bench-100000/data' },
      'two-threads': { type: 'boolean', default: false },
      idle: { type: 'string', default: '5' },
    },
  });
  const dataDir = path.resolve(values.dir);
  const opened = await new Vault(dataDir).openDatabaseKey(ADMIN_USERNAME, DEFAULT_PASSPHRASE);
  if (!opened) throw new Error('passphrase does not open the folder');
  const enc = openEncrypted(path.join(dataDir, 'sunward.db'), opened.key, { create: false });
  const inputs = listPageInputs(enc, new Rng(7), 50);
  enc.close();
  const core = createCore({
    dataDir,
    migrationsDir: MIGRATIONS_DIR,
    log: (level, msg, extra) => process.stderr.write(`[${level}] ${msg} ${extra ?? ''}\n`),
    backupOnTwoThreads: values['two-threads'],
  });
  const r = await core.invoke('session.signIn', { username: ADMIN_USERNAME, passphrase: DEFAULT_PASSPHRASE });
  if (!r.ok) throw new Error('sign-in failed');
  const read = async (i: number) => {
    const x = await core.invoke('children.list', inputs[i % inputs.length]);
    if (!x.ok) throw new Error('list failed');
  };
  const loop = async (until: () => boolean) => {
    const reads: { at: number; ms: number; gap: number; phase?: string }[] = [];
    let last = performance.now();
    for (let i = 0; !until(); i++) {
      await new Promise((res) => setImmediate(res));
      const s = performance.now();
      await read(i);
      const e = performance.now();
      const x: { at: number; ms: number; gap: number; phase?: string } = {
        at: Date.now(),
        ms: e - s,
        gap: s - last,
      };
      // Which step the backup is at, asked only after a long read or gap so as not to add load.
      if (x.ms > 30 || x.gap > 20) {
        const st = await core.invoke('backup.status', {});
        const run = st.ok
          ? (st.value as { running: { phase: string; percent: number } | null }).running
          : null;
        x.phase = run ? `${run.phase} ${run.percent}%` : 'none';
      }
      reads.push(x);
      last = e;
    }
    return reads;
  };
  const summary = (
    label: string,
    reads: { at: number; ms: number; gap: number; phase?: string }[],
    t0: number,
  ) => {
    const ms = reads.map((x) => x.ms).sort((a, b) => a - b);
    const q = (p: number) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))]!.toFixed(1);
    process.stderr.write(
      `${label}: ${reads.length} reads, p50 ${q(0.5)} p99 ${q(0.99)} max ${q(1)} ms; longest gap ${Math.max(...reads.map((x) => x.gap)).toFixed(1)} ms\n`,
    );
    const top = [...reads].sort((a, b) => Math.max(b.ms, b.gap) - Math.max(a.ms, a.gap)).slice(0, 6);
    for (const x of top)
      process.stderr.write(
        `   at +${x.at - t0} ms: read ${x.ms.toFixed(1)} ms, gap ${x.gap.toFixed(1)} ms${x.phase ? ` (${x.phase})` : ''}\n`,
      );
  };
  for (let i = 0; i < 20; i++) await read(i);
  const i0 = Date.now();
  const idleEnd = performance.now() + Number(values.idle) * 1000;
  summary('no backup', await loop(() => performance.now() > idleEnd), i0);
  let done = false;
  const t0 = Date.now();
  process.stderr.write(`backup starts at ${t0}\n`);
  const backup = core.invoke('backup.run', {}).finally(() => {
    done = true;
  });
  const reads = await loop(() => done);
  const b = await backup;
  process.stderr.write(
    `backup ${b.ok ? JSON.stringify((b.value as { ok: boolean }).ok) : 'failed'} in ${Date.now() - t0} ms\n`,
  );
  summary('during backup', reads, t0);
  await core.close?.();
  rmSync(path.join(dataDir, 'backups'), { recursive: true, force: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
