/**
 * The one test of the real shell: start the built app in Electron and check what only
 * Electron can show — the window, its title, the page's origin, and that the preload put
 * exactly `invoke` and `on` on window.sunward and no Node into the page.
 *
 * It needs the Electron binary, which `npm ci` does not download (electron fetches it on
 * first launch). Where it is absent the test is skipped and says why.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { makeDataDir } from '../../helpers/tmp';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Looks for the binary the way node_modules/electron/index.js does, without triggering its download. */
function electronBinary(): { ok: true; exe: string } | { ok: false; reason: string } {
  const pkg = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(pkg, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      ok: false,
      reason: 'the Electron binary is not installed (node_modules/electron/path.txt is missing)',
    };
  }
  const exe = path.join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(exe)) return { ok: false, reason: `the Electron binary is missing at ${exe}` };
  if (!existsSync(path.join(root, 'out', 'main', 'main.js'))) {
    return { ok: false, reason: 'the app is not built (run `npm run build` first)' };
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { ok: false, reason: 'there is no display (set DISPLAY or run under xvfb-run)' };
  }
  return { ok: true, exe };
}

const electron = electronBinary();
if (!electron.ok) console.warn(`[e2e] skipping the Electron smoke test: ${electron.reason}`);

describe.skipIf(!electron.ok)('Electron shell', () => {
  it('opens one window titled 向阳 on app://sunward with only the bridge in the page', async () => {
    if (!electron.ok) return;
    const dataDir = makeDataDir('electron-smoke');
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
    // Never the dev server; userData (logs, window state, the single-instance lock) in the temp folder too.
    delete env.ELECTRON_RENDERER_URL;
    Object.assign(env, {
      SUNWARD_DATA_DIR: path.join(dataDir, 'data'),
      XDG_CONFIG_HOME: path.join(dataDir, 'config'),
      APPDATA: path.join(dataDir, 'appdata'),
    });
    // Chromium refuses to start as root without this; CI containers often run as root.
    const args = process.getuid?.() === 0 ? ['--no-sandbox', '.'] : ['.'];

    const app = await _electron.launch({
      executablePath: electron.exe,
      args,
      cwd: root,
      env,
      timeout: 30_000,
    });
    try {
      const page = await app.firstWindow();
      await page.waitForLoadState('domcontentloaded');
      expect(page.url()).toMatch(/^app:\/\/sunward\//);

      const titles = await app.evaluate(({ BrowserWindow }) =>
        BrowserWindow.getAllWindows().map((w) => w.getTitle()),
      );
      expect(titles).toEqual(['向阳']);

      const shape = await page.evaluate(() => {
        const w = window as unknown as Record<string, unknown>;
        const s = w.sunward as Record<string, unknown>;
        return {
          keys: Object.keys(s).sort(),
          types: [typeof s.invoke, typeof s.on],
          frozen: Object.isFrozen(s),
          node: [typeof w.require, typeof w.process, typeof w.module],
        };
      });
      expect(shape).toEqual({
        keys: ['invoke', 'on'],
        types: ['function', 'function'],
        frozen: true,
        node: ['undefined', 'undefined', 'undefined'],
      });
    } finally {
      await app.close();
    }
  });
});
