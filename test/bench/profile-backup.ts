// Times each phase of a backup on a bench data folder, one after the other on this thread:
// npx tsx test/bench/profile-backup.ts [--dir .data/bench-100000/data]
// (hold still, counts, copy + hash, read back + hash, quick_check, audit chain), with CPU time,
// which this shared machine's load moves less than the wall clock. --hmac sqlite: SQLite checks
// page HMACs as it reads (as before pages.ts), node: pages.ts checks them as they are copied.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { verifyChain } from '../../db/audit/chain';
import { holdStill, inspect } from '../../db/backup/copy';
import { writeContainer } from '../../db/backup/format';
import { PageMacs } from '../../db/backup/pages';
import { applyKey } from '../../db/core/open';
import { Vault } from '../../db/core/vault';
import { ADMIN_USERNAME, DEFAULT_PASSPHRASE } from '../fixtures/seeder';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string', default: '.data/bench-100000/data' },
      out: { type: 'string', default: '/tmp/profile-backup.swbak' },
      skip: { type: 'string', default: '' },
      /** Who checks page HMACs: node (pages.ts, what backups do) or sqlite (its own, on every read). */
      hmac: { type: 'string', default: 'node' },
    },
  });
  const skip = new Set(values.skip.split(',').filter(Boolean));
  const dataDir = path.resolve(values.dir);
  const dbFile = path.join(dataDir, 'sunward.db');
  const opened = await new Vault(dataDir).openDatabaseKey(ADMIN_USERNAME, DEFAULT_PASSPHRASE);
  if (!opened) throw new Error('passphrase does not open the folder');
  const raw = new Database(dbFile, { fileMustExist: true });
  if (values.hmac === 'node') raw.pragma('hmac_check = 0');
  applyKey(raw, opened.key);
  raw.pragma('busy_timeout = 5000');
  raw.pragma('cache_size = -262144');
  const time = <T>(label: string, fn: () => T): T => {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const v = fn();
    const c = process.cpuUsage(c0);
    process.stderr.write(
      `${label}: ${(performance.now() - t0).toFixed(0)} ms (cpu user ${(c.user / 1000).toFixed(0)}, system ${(c.system / 1000).toFixed(0)})\n`,
    );
    return v;
  };
  time('holdStill', () => holdStill(raw, dbFile, 20));
  const snap = time('inspect (counts)', () => inspect(raw));
  rmSync(values.out, { force: true });
  const macs = values.hmac === 'node' ? new PageMacs(opened.key, 4096) : null;
  if (!skip.has('write'))
    time('writeContainer (copy+hash+read back, fsync)', () =>
      writeContainer(
        values.out,
        {
          app: { name: 'sunward', version: 'x' },
          schemaVersion: snap.schemaVersion,
          createdAt: 0,
          createdBy: { id: 'x', name: 'x' },
          trigger: 'manual',
          counts: snap.counts,
          audit: snap.audit,
        },
        Buffer.from('{}'),
        dbFile,
        (() => {
          let last = '';
          const t0 = performance.now();
          return (step: string) => {
            if (step !== last)
              process.stderr.write(`  ${step} starts at ${(performance.now() - t0).toFixed(0)} ms\n`);
            last = step;
          };
        })(),
        macs ?? undefined,
      ),
    );
  if (macs) process.stderr.write(`  page HMACs: ${macs.checked} checked, ${macs.badCount} bad\n`);
  if (!skip.has('quick')) time('quick_check', () => raw.pragma('quick_check', { simple: true }));
  if (!skip.has('chain')) time('verifyChain', () => verifyChain(raw));
  raw.prepare('COMMIT').run();
  raw.close();
  rmSync(values.out, { force: true });
  process.stderr.write(
    `audit rows ${snap.counts.audit_log}, attachments ${snap.counts.attachments ?? '-'}\n`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
