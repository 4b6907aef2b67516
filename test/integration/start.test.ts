/**
 * The README's first command, `npm start`, on a fresh copy of the repository, as a newcomer runs
 * it. The real Electron binary cannot be downloaded here, so a stub "Electron" (a script that
 * writes down how it was started and exits 0) is reached the way a real unpacked Electron would
 * be: through ELECTRON_OVERRIDE_DIST_PATH. The second case has no binary and no way to fetch one.
 *
 * The copy gets its own node_modules/electron (the package without any downloaded binary) and
 * links to every other installed package, so a binary downloaded on a developer's machine can't
 * make either case pass by accident.
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeDataDir } from '../helpers/tmp';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const unix = process.platform !== 'win32';
if (!unix) console.warn('[start] skipping: the stub Electron is a POSIX shell script');

function freshClone(): string {
  const dir = path.join(makeDataDir('clone-'), 'sunward');
  mkdirSync(dir, { recursive: true });
  const tracked = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
  }).stdout.split('\0');
  for (const file of tracked.filter(Boolean)) {
    if (!existsSync(path.join(root, file))) continue;
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    cpSync(path.join(root, file), path.join(dir, file));
  }
  const modules = path.join(dir, 'node_modules');
  mkdirSync(modules);
  for (const entry of readdirSync(path.join(root, 'node_modules'))) {
    if (entry === 'electron') continue;
    symlinkSync(path.join(root, 'node_modules', entry), path.join(modules, entry));
  }
  // The package as `npm ci` leaves it: no dist/, no path.txt.
  const electronPkg = path.join(root, 'node_modules', 'electron');
  cpSync(electronPkg, path.join(modules, 'electron'), {
    recursive: true,
    filter: (src) => !['dist', 'path.txt'].includes(path.relative(electronPkg, src)),
  });
  return dir;
}

/** The environment a newcomer's shell has, minus anything that points at an Electron already. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^(ELECTRON_|npm_|electron_)/i.test(key) || key === 'NODE_OPTIONS' || key.startsWith('VITEST')) {
      delete env[key];
    }
  }
  return { ...env, ...extra };
}

describe.runIf(unix)('npm start on a fresh clone', () => {
  let clone: string;
  let emptyCache: string;
  beforeAll(() => {
    clone = freshClone();
    emptyCache = makeDataDir('electron-cache-');
  });

  it.each([['start'], ['run', 'dev']])(
    'npm %s without Electron and without a way to fetch it says what is missing and what to do',
    (...args) => {
      const run = spawnSync('npm', args, {
        cwd: clone,
        encoding: 'utf8',
        timeout: 120_000,
        // Nothing listens on the discard port: the download fails at once, on any machine.
        env: cleanEnv({ ELECTRON_MIRROR: 'http://127.0.0.1:9/', electron_config_cache: emptyCache }),
      });
      expect(run.status).not.toBe(0);
      expect(run.stderr).toContain('向阳无法启动：找不到 Electron 程序，且无法下载。');
      expect(run.stderr).toContain('ELECTRON_OVERRIDE_DIST_PATH');
      expect(run.stderr).not.toMatch(/^\s+at /m); // a sentence, not a stack trace
      expect(run.stderr).not.toContain('Electron uninstall');
      // Said before building, not after.
      expect(existsSync(path.join(clone, 'out'))).toBe(false);
    },
  );

  it('builds the app and starts Electron on the built main entry', () => {
    const dist = makeDataDir('electron-dist-');
    const record = path.join(dist, 'started.json');
    const stub = path.join(dist, 'electron');
    writeFileSync(
      stub,
      [
        '#!/bin/sh',
        // What Electron itself would read: its arguments, the folder, the app's entry.
        `node -e 'const fs=require("fs");const pkg=JSON.parse(fs.readFileSync("package.json","utf8"));` +
          `fs.writeFileSync(process.argv[1],JSON.stringify({args:process.argv.slice(2),cwd:process.cwd(),main:pkg.main,` +
          `mainExists:fs.existsSync(pkg.main),execPath:process.env.ELECTRON_EXEC_PATH}))' "${record}" "$@"`,
        'exit 0',
        '',
      ].join('\n'),
    );
    chmodSync(stub, 0o755);

    const run = spawnSync('npm', ['start'], {
      cwd: clone,
      encoding: 'utf8',
      timeout: 400_000,
      env: cleanEnv({ ELECTRON_OVERRIDE_DIST_PATH: dist, electron_config_cache: emptyCache }),
    });
    expect(run.status, run.stderr).toBe(0);
    const started = JSON.parse(readFileSync(record, 'utf8'));
    expect(started.args[0]).toBe('.');
    expect(started.cwd).toBe(clone);
    expect(started.main).toBe('out/main/main.js');
    expect(started.mainExists).toBe(true);
    expect(started.execPath).toBe(stub);
    for (const bundle of ['out/preload/preload.cjs', 'out/renderer/index.html']) {
      expect(existsSync(path.join(clone, bundle)), bundle).toBe(true);
    }
  }, 420_000);
});
