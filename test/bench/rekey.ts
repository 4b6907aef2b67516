// 更换数据库密钥 at the bench's size (issue 16): the whole file rekeyed by SQLCipher and every slot
// resealed, on a copy of the data folder so the cached data set keeps its key.
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { createCore } from '../../db/api/core';
import { makeDataDir } from '../helpers/tmp';
import type { Row } from './stats';

export async function measureRekey(opts: {
  live: Database.Database;
  dataDir: string;
  migrationsDir: string;
  username: string;
  passphrase: string;
  log: (line: string) => void;
}): Promise<Row[]> {
  opts.live.pragma('wal_checkpoint(TRUNCATE)');
  const copy = path.join(makeDataDir('bench-rekey'), 'data');
  mkdirSync(copy, { recursive: true });
  for (const f of ['sunward.db', 'keyslots.json'])
    copyFileSync(path.join(opts.dataDir, f), path.join(copy, f));
  const core = createCore({ dataDir: copy, migrationsDir: opts.migrationsDir, log: () => {} });
  try {
    const signedIn = await core.invoke('session.signIn', {
      username: opts.username,
      passphrase: opts.passphrase,
    });
    if (!signedIn.ok) throw new Error(`sign-in on the copy failed: ${signedIn.error.message}`);
    const t0 = performance.now();
    const rotated = await core.invoke('accounts.rotateKey', {});
    const ms = performance.now() - t0;
    if (!rotated.ok) throw new Error(`rotation failed: ${rotated.error.message}`);
    // Proof that the rotated file still answers under its new key.
    const list = await core.invoke('children.list', {});
    if (!list.ok) throw new Error('the rotated database does not answer');
    opts.log(`  rekey: ${(ms / 1000).toFixed(2)} s`);
    return [{ op: '更换数据库密钥 (rekey whole file, reseal slots)', n: 1, p50: ms, p95: ms, p99: ms }];
  } finally {
    core.close();
  }
}
