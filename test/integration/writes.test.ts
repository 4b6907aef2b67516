import { copyFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { IDLE_CHECKPOINT_MS } from '../../db/core/checkpoint';
import { drizzleClient } from '../../db/core/statements';
import { makeDataDir } from '../helpers/tmp';
import { ADMIN, CHILD, call, openCore } from './support';

const SECOND = {
  ...CHILD,
  name: '李小红',
  gender: 'female' as const,
  idNumber: null,
  birthDate: '2016-05-02',
};
const idle = () => new Promise((resolve) => setTimeout(resolve, IDLE_CHECKPOINT_MS + 400));

/**
 * What another machine (or the app after a crash) finds in a copy of the data folder taken
 * now: the key slots and the database file, with its WAL or without it.
 */
async function namesInCopy(dataDir: string, withWal: boolean): Promise<string[]> {
  const copy = makeDataDir('writes-copy');
  for (const f of ['keyslots.json', 'sunward.db', ...(withWal ? ['sunward.db-wal'] : [])])
    if (existsSync(path.join(dataDir, f))) copyFileSync(path.join(dataDir, f), path.join(copy, f));
  const core = openCore(copy);
  try {
    await call(core, 'session.signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    return (await call(core, 'children.list', {})).rows.map((r) => r.name).sort();
  } finally {
    core.close();
  }
}

describe('writes: durable at commit, the WAL folded when idle', () => {
  it('a saved child survives a crash right after the save, before any fold', async () => {
    const core = openCore();
    await call(core, 'session.setup', ADMIN);
    await call(core, 'children.create', CHILD);
    // The files as a power cut would leave them, the session never closed: the WAL holds the save.
    expect(await namesInCopy(core.dataDir, true)).toEqual([CHILD.name]);
    core.close();
  });

  it('folds the WAL into the file once writes pause, not in the write itself', async () => {
    const core = openCore();
    await call(core, 'session.setup', ADMIN);
    await call(core, 'children.create', CHILD);
    await idle();
    expect(await namesInCopy(core.dataDir, false)).toEqual([CHILD.name]);

    await call(core, 'children.create', SECOND);
    // Just saved: in the WAL (durable, see above) and not yet in the file itself.
    expect(await namesInCopy(core.dataDir, false)).toEqual([CHILD.name]);
    await idle();
    expect(await namesInCopy(core.dataDir, false)).toEqual([SECOND.name, CHILD.name].sort());
    core.close();
  });
});

describe("drizzle's statements prepared once per connection", () => {
  it('hands a statement out again only finished and in its default mode', () => {
    const raw = new Database(':memory:');
    raw.exec('CREATE TABLE t (a INTEGER); INSERT INTO t VALUES (1), (2)');
    const client = drizzleClient(raw);
    const sql = 'SELECT a FROM t ORDER BY a';
    const first = client.prepare(sql);
    expect(client.prepare(sql)).toBe(first);
    first.raw(true);
    expect(client.prepare(sql).all()).toEqual([{ a: 1 }, { a: 2 }]);
    // A nested query of the same text while the first is still being read: a statement of its own.
    const rows: unknown[] = [];
    for (const row of first.iterate()) rows.push(row, client.prepare(sql).get());
    expect(rows).toEqual([{ a: 1 }, { a: 1 }, { a: 2 }, { a: 1 }]);
    raw.close();
  });
});
