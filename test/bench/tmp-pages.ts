import path from 'node:path';
import Database from 'better-sqlite3';
import { applyKey, openPlain } from '../../db/core/open';
import { DEFAULT_PASSPHRASE, DEFAULT_SEED } from '../fixtures/seeder';
import { prepareDataset } from './dataset';

const ds = await prepareDataset({
  dir: path.resolve('.data/bench-100000'),
  children: 100000,
  seed: DEFAULT_SEED,
  passphrase: DEFAULT_PASSPHRASE,
  fresh: false,
  log: () => {},
});
const enc = (hmac: boolean) => {
  const db = new Database(ds.dbFile, { readonly: true });
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
  if (!hmac) db.pragma('hmac_check = 0');
  applyKey(db, ds.key);
  return db;
};
for (const [label, db] of [
  ['enc', enc(true)],
  ['enc nohmac', enc(false)],
  ['plain', openPlain(ds.plainFile)],
  ['enc', enc(true)],
  ['plain', openPlain(ds.plainFile)],
] as const) {
  db.pragma('cache_size = 100');
  const pages = db.prepare('SELECT count(*) FROM children').pluck().get();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const n = db
    .prepare('SELECT count(*) FROM (SELECT * FROM children WHERE +health_notes IS NULL OR 1)')
    .pluck()
    .get();
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  const pc = db.prepare("SELECT count(*) FROM dbstat WHERE name='children'").pluck().get() as number;
  console.log(
    label.padEnd(11),
    `${n} rows ${pc} pages ${ms.toFixed(0)} ms wall ${((c.user + c.system) / 1000).toFixed(0)} ms cpu = ${((1000 * ms) / pc).toFixed(1)} µs/page`,
    pages,
  );
}
