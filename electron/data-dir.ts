import path from 'node:path';

const FLAG = '--data-dir=';

export interface DataDirSources {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  /** Electron's userData folder; the default data folder lives inside it. */
  userDataDir: string;
  /** Relative overrides are taken from where the app was started, as a shell user expects. */
  cwd: string;
}

/**
 * Where the database and its backups live: `--data-dir=PATH`, else `SUNWARD_DATA_DIR`,
 * else `<userData>/data`. The overrides exist for tests and for studios that keep the data
 * on a separate (e.g. encrypted or backed-up) drive.
 */
export function resolveDataDir({ argv, env, userDataDir, cwd }: DataDirSources): string {
  const flag = argv
    .findLast((arg) => arg.startsWith(FLAG))
    ?.slice(FLAG.length)
    .trim();
  const fromEnv = env.SUNWARD_DATA_DIR?.trim();
  const chosen = flag || fromEnv;
  return chosen ? path.resolve(cwd, chosen) : path.join(userDataDir, 'data');
}
