/**
 * What the installed app holds. `npm run dist` needs Electron's binary and headers, which this
 * machine cannot download, so electron-builder packs the real build output and the real config
 * around a stub Electron distribution (an executable that does nothing, and the folders
 * electron-builder expects). What is checked is what electron-builder puts beside and inside
 * app.asar — the same for the stub as for the real binary. Two settings differ, and only
 * because of the stub: the native rebuild for Electron (needs Electron's headers) and the fuses
 * (flipped inside the real binary); both are checked on the config below instead.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../db/api/core';
import { bundledWorkerPath } from '../../db/backup/runner';
import { makeDataDir } from '../helpers/tmp';
import { ADMIN, CHILD, call, FAST_KDF } from './support';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const configPath = path.join(root, 'build', 'electron-builder.config.cjs');
const config = require(configPath);
const asar = require('@electron/asar') as { listPackage(file: string): string[] };
const linux = process.platform === 'linux';
if (!linux) console.warn('[package] skipping the packed-app check: the stub distribution is a Linux one');

describe('installer settings', () => {
  it('installs per machine into Program Files on Windows, for x64 and arm64', () => {
    expect(config.nsis.perMachine).toBe(true);
    expect(config.nsis.deleteAppDataOnUninstall).toBe(false);
    expect(config.win.target[0].arch).toEqual(['x64', 'arm64']);
  });

  it('builds deb and AppImage for x64 and arm64, the deb declaring the fonts and libraries it needs', () => {
    for (const target of config.linux.target) expect(target.arch).toEqual(['x64', 'arm64']);
    expect(config.deb.depends).toContain('fonts-noto-cjk');
    expect(config.deb.depends).toContain('libnss3');
  });

  it('takes who publishes from one settings file', () => {
    const publisher = JSON.parse(readFileSync(path.join(root, 'build', 'publisher.json'), 'utf8'));
    expect(config.linux.maintainer).toBe(publisher.maintainer);
    expect(config.extraMetadata.homepage).toBe(publisher.homepage);
    expect(config.copyright).toBe(publisher.copyright);
  });

  it('hardens the binary with fuses and rebuilds native modules only in npm run dist', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(pkg.scripts.dist).toContain('install-app-deps');
    expect(pkg.scripts.postinstall ?? '').not.toContain('install-app-deps');
    expect(pkg.scripts.prepare ?? '').not.toContain('install-app-deps');
  });
});

describe.runIf(linux)('the packed app', () => {
  let resources: string;
  let files: string[];

  beforeAll(() => {
    if (!existsSync(path.join(root, 'out', 'main', 'main.js'))) {
      const built = spawnSync(
        process.execPath,
        [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
        {
          cwd: root,
          encoding: 'utf8',
        },
      );
      if (built.status !== 0) throw new Error(`the build failed: ${built.stderr}`);
    }
    const work = makeDataDir('pack-');
    const dist = path.join(work, 'electron-dist');
    for (const dir of ['locales', 'resources']) mkdirSync(path.join(dist, dir), { recursive: true });
    for (const pak of ['zh-CN.pak', 'en-US.pak', 'fr.pak'])
      writeFileSync(path.join(dist, 'locales', pak), '');
    writeFileSync(path.join(dist, 'electron'), '#!/bin/sh\nexit 0\n');
    chmodSync(path.join(dist, 'electron'), 0o755);
    writeFileSync(path.join(dist, 'version'), 'v45.5.0');
    const stubConfig = path.join(work, 'stub.config.cjs');
    writeFileSync(
      stubConfig,
      `const base = require(${JSON.stringify(configPath)});\n` +
        'module.exports = { ...base, electronDist: ' +
        `${JSON.stringify(dist)}, electronVersion: '45.5.0', npmRebuild: false, electronFuses: undefined, ` +
        `directories: { ...base.directories, output: ${JSON.stringify(path.join(work, 'out'))} } };\n`,
    );
    const packed = spawnSync(
      process.execPath,
      [
        path.join(root, 'node_modules/electron-builder/cli.js'),
        '--dir',
        '--linux',
        '--x64',
        '--config',
        stubConfig,
      ],
      { cwd: root, encoding: 'utf8', env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' } },
    );
    if (packed.status !== 0) throw new Error(`electron-builder failed:\n${packed.stdout}\n${packed.stderr}`);
    resources = path.join(work, 'out', 'linux-unpacked', 'resources');
    files = asar.listPackage(path.join(resources, 'app.asar')).map((f) => f.replaceAll('\\', '/'));
  }, 180_000);

  it('holds the main, preload and renderer bundles', () => {
    expect(files).toContain('/out/main/main.js');
    expect(files).toContain('/out/preload/preload.cjs');
    expect(files).toContain('/out/renderer/index.html');
    expect(files.some((f) => /^\/out\/renderer\/assets\/index-[\w-]+\.js$/.test(f))).toBe(true);
  });

  it('holds the backup worker thread at the path the app resolves, and that file makes a verified backup', async () => {
    // electron/main.ts passes bundledWorkerPath(<folder of main.js>); inside app.asar that is /out/main.
    expect(files).toContain(bundledWorkerPath('/out/main').replaceAll('\\', '/'));
    const built = bundledWorkerPath(path.join(root, 'out', 'main'));
    expect(existsSync(built)).toBe(true);
    const core = createCore({
      dataDir: makeDataDir('worker-'),
      migrationsDir: path.join(root, 'db', 'migrations'),
      kdf: FAST_KDF,
      log: () => {},
      backupWorker: built,
    });
    await call(core, 'session.setup', ADMIN);
    await call(core, 'children.create', CHILD);
    const outcome = await call(core, 'backup.run', {});
    expect(outcome.ok).toBe(true);
    expect(outcome.method).toBe('held');
    expect(outcome.manifest?.counts.children).toBe(1);
    core.close();
  });

  it('holds every migration inside the archive, and none beside it', () => {
    const journal = JSON.parse(readFileSync(path.join(root, 'db/migrations/meta/_journal.json'), 'utf8'));
    expect(files).toContain('/db/migrations/meta/_journal.json');
    for (const entry of journal.entries) expect(files).toContain(`/db/migrations/${entry.tag}.sql`);
    expect(existsSync(path.join(resources, 'migrations'))).toBe(false);
  });

  it('unpacks the native database module next to the archive', () => {
    const release = path.join(
      resources,
      'app.asar.unpacked',
      'node_modules',
      'better-sqlite3',
      'build',
      'Release',
    );
    expect(readdirSync(release)).toContain('better_sqlite3.node');
  });

  it('carries the holiday calendar in the main bundle and the fallback print font in the renderer', () => {
    const main = readFileSync(path.join(root, 'out', 'main', 'main.js'), 'utf8');
    const calendar = JSON.parse(readFileSync(path.join(root, 'db/calendar/holidays.json'), 'utf8'));
    const someDates = JSON.stringify(calendar).match(/\d{4}-\d{2}-\d{2}/g) ?? [];
    expect(someDates.length).toBeGreaterThan(20);
    for (const date of someDates.slice(-5)) expect(main).toContain(date);
    const fonts = files.filter((f) =>
      /noto-serif-sc-chinese-simplified-(400|700)-normal-[\w-]+\.woff2$/.test(f),
    );
    expect(fonts).toHaveLength(2);
  });

  it('ships nothing from the tests, the data folder or the sources', () => {
    for (const f of files.filter((f) => !f.startsWith('/node_modules/'))) {
      expect(f).not.toMatch(/^\/(test|\.data|renderer|electron|build|db\/(?!migrations(\/|$)))/);
      expect(f).not.toMatch(/\.(ts|tsx|db|wal)$/);
    }
    // npm dependencies only: no dev tooling (the renderer's libraries are in its bundle).
    for (const dev of ['vitest', 'electron-builder', 'playwright-core', 'antd', 'react']) {
      expect(files).not.toContain(`/node_modules/${dev}`);
    }
  });
});
