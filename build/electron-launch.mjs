// `npm start` and `npm run dev`: find the Electron binary (fetching it once with Electron's own
// installer where it is missing), then hand over to electron-vite with ELECTRON_EXEC_PATH set.
//
//   node build/electron-launch.mjs start   build, then run the built app
//   node build/electron-launch.mjs dev     the hot-reloading app
//
// Why this exists: Electron 45 has no install script; it downloads its binary on the first
// `require('electron')` and writes node_modules/electron/path.txt then. electron-vite does not
// require the package: it reads path.txt itself and dies with "Electron uninstall" when the file
// is missing, so on a fresh clone `electron-vite preview` never reaches Electron.
//
// The binary is looked for, in order, where Electron's own index.js looks:
//   ELECTRON_EXEC_PATH            the executable itself
//   ELECTRON_OVERRIDE_DIST_PATH   an unpacked Electron folder (the executable inside it)
//   node_modules/electron/dist    written by Electron's installer (path.txt names the file)
// Plain Node, no dependencies: it runs before anything is built.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));

/** Electron 45's installer (@electron/get 5) declares this in its engines. */
export const INSTALLER_NODE = [22, 12];

export function platformExecutable(platform = process.platform) {
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

function electronPackageDir() {
  return path.dirname(require.resolve('electron/package.json'));
}

/** Where the binary is, or why it is not there. Never downloads. */
export function findElectron(env = process.env) {
  if (env.ELECTRON_EXEC_PATH) {
    const exe = path.resolve(env.ELECTRON_EXEC_PATH);
    return existsSync(exe)
      ? { ok: true, exe, via: 'ELECTRON_EXEC_PATH' }
      : { ok: false, reason: `ELECTRON_EXEC_PATH points at ${exe}, which does not exist` };
  }
  const pkg = electronPackageDir();
  const pathFile = path.join(pkg, 'path.txt');
  const named = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const exe = path.join(path.resolve(env.ELECTRON_OVERRIDE_DIST_PATH), named || platformExecutable());
    return existsSync(exe)
      ? { ok: true, exe, via: 'ELECTRON_OVERRIDE_DIST_PATH' }
      : { ok: false, reason: `ELECTRON_OVERRIDE_DIST_PATH has no Electron executable at ${exe}` };
  }
  if (named) {
    const exe = path.join(pkg, 'dist', named);
    if (existsSync(exe)) return { ok: true, exe, via: 'node_modules/electron' };
  }
  return { ok: false, reason: 'the Electron binary has not been downloaded yet', installable: true };
}

function nodeAtLeast([major, minor], version = process.versions.node) {
  const [a, b] = version.split('.').map(Number);
  return a > major || (a === major && b >= minor);
}

/** Runs Electron's own installer once. Returns the failure's reason, or null. */
function runInstaller(env) {
  console.log('向阳: 首次启动，正在下载 Electron（只需一次）… / downloading Electron once…');
  // ELECTRON_SKIP_BINARY_DOWNLOAD is for `npm ci`; a deliberate start wants the binary.
  const { ELECTRON_SKIP_BINARY_DOWNLOAD: _skip, ...installEnv } = env;
  const result = spawnSync(process.execPath, [path.join(electronPackageDir(), 'install.js')], {
    stdio: ['ignore', 'inherit', 'pipe'],
    env: installEnv,
    encoding: 'utf8',
    timeout: 15 * 60_000,
  });
  if (result.status === 0) return null;
  const firstLine = (result.stderr || String(result.error ?? '')).split('\n').find((l) => l.trim());
  // The installer declares Node 22.12+; on older Node it may still work, so it is tried, and
  // the version is named only when it failed.
  const oldNode = nodeAtLeast(INSTALLER_NODE)
    ? ''
    : `; note that it expects Node ${INSTALLER_NODE.join('.')}+ and this is Node ${process.versions.node}`;
  return `Electron's installer could not fetch the binary${firstLine ? ` (${firstLine.trim().slice(0, 200)})` : ''}${oldNode}`;
}

export function missingMessage(reason) {
  return [
    '',
    '向阳无法启动：找不到 Electron 程序，且无法下载。',
    `Sunward cannot start: ${reason}.`,
    '',
    'Electron downloads its binary once, from its release host, the first time the app starts.',
    'To fix it, either',
    `  • run \`npm start\` once on a machine that can reach Electron's release host, with Node ${INSTALLER_NODE.join('.')}+`,
    '    (it fills node_modules/electron/dist), or',
    '  • unpack an Electron 45 release somewhere and set ELECTRON_OVERRIDE_DIST_PATH to that folder',
    '    (or ELECTRON_EXEC_PATH to the executable itself).',
    '`npm test` does not need Electron.',
    '',
  ].join('\n');
}

/** The binary, fetched if it can be; exits the process with the message where it cannot. */
export function ensureElectron(env = process.env) {
  let found = findElectron(env);
  if (!found.ok && found.installable) {
    const failure = runInstaller(env);
    found = findElectron(env);
    if (!found.ok && failure) found = { ok: false, reason: failure };
  }
  return found;
}

function electronVite(args, env) {
  const bin = path.join(
    path.dirname(require.resolve('electron-vite/package.json')),
    'bin',
    'electron-vite.js',
  );
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: root, env, stdio: 'inherit' });
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  });
}

async function main(mode) {
  if (mode !== 'start' && mode !== 'dev') {
    console.error('usage: node build/electron-launch.mjs start|dev');
    return 2;
  }
  // Checked before the build: a missing binary is said at once, not after half a minute.
  const found = ensureElectron();
  if (!found.ok) {
    console.error(missingMessage(found.reason));
    return 1;
  }
  const env = { ...process.env, ELECTRON_EXEC_PATH: found.exe };
  if (mode === 'dev') return electronVite(['dev'], env);
  const built = await electronVite(['build'], env);
  if (built !== 0) return built;
  return electronVite(['preview', '--skipBuild'], env);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv[2]).then((code) => process.exit(code));
}
