// The benchmark's data: a seeded data folder, kept between runs, and a decrypted copy of its
// database for the encrypted-versus-plain comparison.

import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openEncrypted, openPlain } from '../../db/core/open';
import { Vault } from '../../db/core/vault';
import { activeChildren, seedAreas } from '../fixtures/areas';
import { Rng } from '../fixtures/random';
import { ADMIN_USERNAME, type SeedReport, seed, seededUsers } from '../fixtures/seeder';

/** Bump when the generator changes what it makes, so old caches are made again. */
// 2: the later areas (referrals, orders, education, counselling, visits) are seeded too.
// 3: 强制报告 and 法治宣讲 too.
// 4: 国家司法救助 and 支持起诉 are seeded too; key slot file format 2.
const GENERATOR_VERSION = 4;

export interface Dataset {
  dir: string;
  /** The data folder (sunward.db + keyslots.json) the core opens. */
  dataDir: string;
  dbFile: string;
  plainFile: string;
  /**
   * A copy of the encrypted file, still encrypted, for the raw replay: its view rows' audit writes
   * go there, so they never reset the API connection's page cache (SQLite drops a connection's
   * whole cache when another connection has written to the file), as nothing resets the plain one's.
   */
  replayFile: string;
  passphrase: string;
  key: Buffer;
  seeded: { children: number; seed: number; reused: boolean; seconds: number | null };
  report: SeedReport | null;
}

interface Marker {
  generator: number;
  children: number;
  seed: number;
  seededAt: string;
  seconds: number;
  counts: SeedReport['counts'];
}

function readMarker(file: string): Marker | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Marker;
  } catch {
    return null;
  }
}

/**
 * Decrypts a copy of the database: fold the WAL into the file, copy it, open the copy with
 * the key, leave WAL mode (rekey refuses to run in it) and rekey to the empty key, which
 * SQLite3 Multiple Ciphers takes as "store in plain". Then prove it opens without a key.
 */
function makePlainCopy(dbFile: string, key: Buffer, plainFile: string): void {
  const source = openEncrypted(dbFile, key, { create: false });
  source.pragma('wal_checkpoint(TRUNCATE)');
  source.close();
  rmSync(plainFile, { force: true });
  rmSync(`${plainFile}-wal`, { force: true });
  rmSync(`${plainFile}-shm`, { force: true });
  copyFileSync(dbFile, plainFile);
  const copy = new Database(plainFile);
  copy.pragma(`cipher = 'sqlcipher'`);
  copy.pragma('legacy = 4');
  copy.pragma(`key = "x'${key.toString('hex')}'"`);
  copy.pragma('journal_mode = DELETE');
  copy.pragma(`rekey = ''`);
  copy.close();
  const header = readFileSync(plainFile).subarray(0, 16).toString('latin1');
  if (header !== 'SQLite format 3\0') throw new Error(`the copy is not a plain SQLite file: ${plainFile}`);
  const check = openPlain(plainFile);
  try {
    check.prepare('SELECT count(*) FROM children').get();
  } finally {
    check.close();
  }
}

/** The encrypted file copied as it is (its WAL folded in first): the raw replay's own file. */
function makeReplayCopy(dbFile: string, key: Buffer, replayFile: string): void {
  const source = openEncrypted(dbFile, key, { create: false });
  source.pragma('wal_checkpoint(TRUNCATE)');
  source.close();
  for (const f of [replayFile, `${replayFile}-wal`, `${replayFile}-shm`]) rmSync(f, { force: true });
  copyFileSync(dbFile, replayFile);
  const check = openEncrypted(replayFile, key, { create: false });
  check.close();
}

/**
 * The decrypted copy (and the replay's encrypted one) made again when the core has migrated the encrypted file past it (a cached
 * folder from before a schema change): the plain path must run the same schema.
 */
export function plainCopyCurrent(ds: Dataset, log: (line: string) => void): void {
  const version = (file: string, key: Buffer | null) => {
    const db = key ? openEncrypted(file, key, { create: false }) : openPlain(file);
    try {
      return db.pragma('user_version', { simple: true }) as number;
    } finally {
      db.close();
    }
  };
  const enc = version(ds.dbFile, ds.key);
  if (!existsSync(ds.replayFile) || version(ds.replayFile, ds.key) !== enc) {
    const t0 = performance.now();
    makeReplayCopy(ds.dbFile, ds.key, ds.replayFile);
    log(`replay copy made (schema ${enc}) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  const plain = version(ds.plainFile, null);
  if (plain === enc) return;
  const t0 = performance.now();
  makePlainCopy(ds.dbFile, ds.key, ds.plainFile);
  log(
    `decrypted copy made again (schema ${plain} → ${enc}) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
}

export async function prepareDataset(opts: {
  dir: string;
  children: number;
  seed: number;
  passphrase: string;
  fresh: boolean;
  log: (line: string) => void;
}): Promise<Dataset> {
  const dataDir = path.join(opts.dir, 'data');
  const dbFile = path.join(dataDir, 'sunward.db');
  const plainFile = path.join(opts.dir, 'plain.db');
  const replayFile = path.join(opts.dir, 'replay.db');
  const markerFile = path.join(opts.dir, 'seed.json');
  const marker = readMarker(markerFile);
  const reusable =
    !opts.fresh &&
    marker !== null &&
    marker.generator === GENERATOR_VERSION &&
    marker.children === opts.children &&
    marker.seed === opts.seed &&
    existsSync(dbFile);

  let report: SeedReport | null = null;
  if (!reusable) {
    opts.log(`seeding ${opts.children.toLocaleString('en')} children into ${dataDir}`);
    rmSync(opts.dir, { recursive: true, force: true });
    mkdirSync(opts.dir, { recursive: true });
    report = await seed({
      dataDir,
      children: opts.children,
      seed: opts.seed,
      passphrase: opts.passphrase,
      log: (l) => opts.log(`  ${l}`),
    });
    opts.log(`seeded in ${(report.ms.total / 1000).toFixed(1)} s`);
    const areasStarted = performance.now();
    const key = await new Vault(dataDir).openDatabaseKey(ADMIN_USERNAME, opts.passphrase);
    if (!key) throw new Error('the administrator passphrase does not open the new folder');
    const raw = openEncrypted(dbFile, key.key, { create: false });
    try {
      const areas = seedAreas(raw, {
        children: activeChildren(raw),
        users: seededUsers(report),
        clock: { now: () => Date.now() },
        rng: new Rng(opts.seed ^ 0xa4ea),
        log: (l) => opts.log(`  ${l}`),
      });
      raw.pragma('wal_checkpoint(TRUNCATE)');
      opts.log(
        `later areas seeded in ${((performance.now() - areasStarted) / 1000).toFixed(1)} s: ${JSON.stringify(areas)}`,
      );
    } finally {
      raw.close();
    }
  } else {
    opts.log(
      `reusing ${dataDir} (seeded ${marker.seededAt}, ${marker.seconds.toFixed(1)} s; --fresh to redo)`,
    );
  }

  const opened = await new Vault(dataDir).openDatabaseKey(ADMIN_USERNAME, opts.passphrase);
  if (!opened) throw new Error(`the administrator passphrase does not open ${dataDir}`);

  if (!reusable || !existsSync(plainFile)) {
    const t0 = performance.now();
    makePlainCopy(dbFile, opened.key, plainFile);
    opts.log(`decrypted copy made in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  if (report) {
    const m: Marker = {
      generator: GENERATOR_VERSION,
      children: opts.children,
      seed: opts.seed,
      seededAt: new Date().toISOString(),
      seconds: report.ms.total / 1000,
      counts: report.counts,
    };
    writeFileSync(markerFile, `${JSON.stringify(m, null, 2)}\n`);
  }
  return {
    dir: opts.dir,
    dataDir,
    dbFile,
    plainFile,
    replayFile,
    passphrase: opts.passphrase,
    key: opened.key,
    seeded: {
      children: opts.children,
      seed: opts.seed,
      reused: reusable,
      seconds: report ? report.ms.total / 1000 : (marker?.seconds ?? null),
    },
    report,
  };
}
