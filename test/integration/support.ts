import path from 'node:path';
import type Database from 'better-sqlite3';
import { type Core, createCore } from '../../db/api/core';
import type { Clock } from '../../db/api/define';
import { openEncrypted } from '../../db/core/open';
import { Vault } from '../../db/core/vault';
import { call, type Input, type Output, signInAs } from '../helpers/core';
import { makeDataDir } from '../helpers/tmp';

export { call, callFromShell, refuse, refuseFromShell, signInAs } from '../helpers/core';
export { recordVisit } from '../helpers/visits';

export const MIGRATIONS_DIR = path.resolve('db/migrations');
/** Light KDF parameters: these tests exercise the logic, not the cost of a guess. */
export const FAST_KDF = { N: 2 ** 12, r: 8, p: 1 };
export const ADMIN = {
  displayName: '王芳',
  username: 'wangfang',
  passphrase: 'Sunward-admin-2026 violet-harbor',
};

/** The studio's other accounts, as the tests create and sign them in (ADMIN sets the studio up). */
export const SUPERVISOR = {
  displayName: '陈主任',
  username: 'chenzr',
  passphrase: 'Supervisor-2026 violet-harbor',
  role: 'supervisor' as const,
};
/** A caseworker, usually the child's owner (承办人). */
export const CASEWORKER = {
  displayName: '李明',
  username: 'liming',
  passphrase: 'Caseworker-2026 violet-harbor',
  role: 'caseworker' as const,
};
/** A second caseworker, who owns nothing the test is about. */
export const OTHER_CASEWORKER = {
  displayName: '孙丽',
  username: 'sunli',
  passphrase: 'Caseworker-2027 violet-harbor',
  role: 'caseworker' as const,
};
export const COUNSELLOR = {
  displayName: '周老师',
  username: 'zhoulaoshi',
  passphrase: 'Counsellor-2026 violet-harbor',
  role: 'counsellor' as const,
};

export class ManualClock implements Clock {
  constructor(public ms = Date.UTC(2026, 10, 27, 2, 0, 0)) {}
  now(): number {
    return this.ms;
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

export function openCore(
  dataDir = makeDataDir('core'),
  clock: Clock = new ManualClock(),
): Core & { dataDir: string } {
  const core = createCore({ dataDir, migrationsDir: MIGRATIONS_DIR, clock, kdf: FAST_KDF, log: () => {} });
  return Object.assign(core, { dataDir });
}

/**
 * A studio as an older release left it: its migrations only (e.g. migrationsBefore(tag)) and the
 * administrator set up. Close it before the current release opens the folder.
 */
export async function openOldStudio(dataDir: string, migrationsDir: string, clock?: Clock): Promise<Core> {
  const old = createCore({ dataDir, migrationsDir, clock, kdf: FAST_KDF, log: () => {} });
  await call(old, 'session.setup', ADMIN);
  return old;
}

type Account = Input<'accounts.create'>;

/**
 * A studio as most tests start it: ADMIN set up and signed in, then the `accounts` in order, then
 * CHILD (owned by `owner`, one of the accounts, else by ADMIN), then its `guardian` if given.
 */
export async function openStudio(
  opts: {
    clock?: Clock;
    accounts?: Account[];
    owner?: Account;
    guardian?: Omit<Input<'relations.add'>, 'childId' | 'isGuardian'>;
  } = {},
) {
  const clock = opts.clock ?? new ManualClock();
  const core = openCore(undefined, clock);
  await call(core, 'session.setup', ADMIN);
  const accounts: Output<'accounts.create'>[] = [];
  for (const a of opts.accounts ?? []) accounts.push(await call(core, 'accounts.create', a));
  const owner = opts.owner ? accounts[(opts.accounts ?? []).indexOf(opts.owner)] : undefined;
  const child = await call(core, 'children.create', owner ? { ...CHILD, ownerId: owner.id } : CHILD);
  const guardian = opts.guardian
    ? (await call(core, 'relations.add', { ...opts.guardian, childId: child.id, isGuardian: true }))[0]
    : undefined;
  const as = (who: { username: string; passphrase: string }) => signInAs(core, who);
  return { core, clock, child, accounts, owner, guardian, as };
}

/** The database of a data folder set up with ADMIN, opened raw (the core must be closed). */
export async function openRaw(dataDir: string): Promise<Database.Database> {
  const opened = await new Vault(dataDir, FAST_KDF).openDatabaseKey(ADMIN.username, ADMIN.passphrase);
  if (!opened) throw new Error('ADMIN cannot open this data folder');
  return openEncrypted(path.join(dataDir, 'sunward.db'), opened.key, { create: false });
}

export const CHILD = {
  name: '张小明',
  gender: 'male' as const,
  birthDate: '2015-03-07',
  idNumber: '370115201503070014',
  township: '济阳街道' as const,
  village: '城关村',
  school: '济阳区实验小学',
};

/**
 * children.update's input for an edit of CHILD as it stands at `at` (its id and version): the ID
 * number left out, as the form sends an unchanged one, and `change` on top.
 */
export function childEdit(
  at: { id: string; version: number },
  change: Partial<Input<'children.update'>> = {},
): Input<'children.update'> {
  const { idNumber: _kept, ...fields } = CHILD;
  return { ...fields, id: at.id, version: at.version, ...change };
}

/**
 * A child written into an older release's database around the API, as that release stored it
 * (the row alone: today's children.create writes search keys in the shape of migration 0019,
 * which an older schema does not have). For migration tests that only need a child on file.
 */
export async function childOnOldSchema(
  dataDir: string,
  fields: { name: string; gender: 'male' | 'female'; birthDate: string; township: string; idNumber?: string },
): Promise<{ id: string }> {
  const { newId } = await import('../../db/common/ids');
  const { pinyinKey } = await import('../../db/children/model');
  const raw = await openRaw(dataDir);
  try {
    const admin = raw.prepare(`SELECT id FROM accounts WHERE role = 'admin' LIMIT 1`).get() as { id: string };
    const id = newId();
    const now = Date.now();
    raw
      .prepare(
        `INSERT INTO children (id, name, name_pinyin, gender, birth_date, id_number, township, owner_id,
         created_at, updated_at, created_by, updated_by, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
      )
      .run(
        id,
        fields.name,
        pinyinKey(fields.name),
        fields.gender,
        fields.birthDate,
        fields.idNumber ?? null,
        fields.township,
        admin.id,
        now,
        now,
        admin.id,
        admin.id,
      );
    return { id };
  } finally {
    raw.close();
  }
}
