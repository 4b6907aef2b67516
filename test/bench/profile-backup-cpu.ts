// One whole backup (copy.ts createBackup, one thread, as on 2 cores) run on this thread, with the
// CPU time (all of the process's threads, the flushes on libuv's pool too) at each step's start:
// on a shared machine CPU time moves far less with the others' load than the wall clock.
// npx tsx test/bench/profile-backup-cpu.ts [--dir .data/bench-100000/data]
import { rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createBackup } from '../../db/backup/copy';
import { Vault } from '../../db/core/vault';
import { ADMIN_USERNAME, DEFAULT_PASSPHRASE } from '../fixtures/seeder';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string', default: '.data/bench-100000/data' },
      out: { type: 'string', default: '.data/profile-backup-cpu.swbak' },
    },
  });
  const dataDir = path.resolve(values.dir);
  const opened = await new Vault(dataDir).openDatabaseKey(ADMIN_USERNAME, DEFAULT_PASSPHRASE);
  if (!opened) throw new Error('passphrase does not open the folder');
  const final = path.resolve(values.out);
  rmSync(final, { force: true });
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const cpu = () => {
    const c = process.cpuUsage(c0);
    return `cpu user ${(c.user / 1000).toFixed(0)} system ${(c.system / 1000).toFixed(0)} ms`;
  };
  let last = '';
  const result = await createBackup({
    source: path.join(dataDir, 'sunward.db'),
    key: opened.key,
    final,
    slots: Buffer.from('{}'),
    meta: { appVersion: 'profile', createdAt: 0, createdBy: { id: 'x', name: 'x' }, trigger: 'manual' },
    onProgress: (phase, done, total) => {
      const step = phase === 'verify' ? `${phase} ${done}/${total}` : phase;
      if (step === last) return;
      last = step;
      process.stderr.write(`${step} at ${(performance.now() - t0).toFixed(0)} ms, ${cpu()}\n`);
    },
  });
  process.stderr.write(
    `done (${result.method}, ${result.threads} thread) in ${(performance.now() - t0).toFixed(0)} ms, ${cpu()}\n`,
  );
  rmSync(final, { force: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
