/**
 * The browser test rig (ARCHITECTURE §8): the built renderer in Debian's Chromium, its
 * `window.sunward` bridged to the real API core running in this test process, a fresh data
 * folder per app, and every request that would leave the app's origin blocked and recorded.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inspect } from 'node:util';
import { type Browser, type BrowserContext, chromium, type Page, type Request } from 'playwright-core';
import { type Core, createCore } from '../../db/api/core';
import type { Clock } from '../../db/api/define';
import type { KdfParams } from '../../db/core/keyslots';
import { isPdfViewerUrl } from '../../electron/security';
import { createTempDir, removeDataDir } from '../helpers/tmp';
import { BRIDGE_INIT_SCRIPT, type HarnessWindow, WIRE_BINDING } from './support/bridge';
import { loadStatic } from './support/static';
import { fromWire, toWire } from './support/wire';

export type { SunwardBridge } from '../../electron/bridge-types';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// SUNWARD_RENDERER_DIR lets several people test their own builds side by side on one machine.
export const RENDERER_DIR = process.env.SUNWARD_RENDERER_DIR
  ? path.resolve(process.env.SUNWARD_RENDERER_DIR)
  : path.join(ROOT, 'out/renderer');
export const MIGRATIONS_DIR = path.join(ROOT, 'db/migrations');
export const SCREENS_DIR = path.join(ROOT, 'test-results/screens');

/**
 * The made-up origin the renderer is served from. https, because an http origin other than
 * localhost is not a secure context and Chromium would hide APIs (crypto.subtle,
 * crypto.randomUUID, clipboard) that the app gets in Electron. `.test` is reserved, so the
 * name can never resolve to a real host even if routing were bypassed.
 */
export const APP_ORIGIN = 'https://sunward.test';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // CI containers often mount a 64 MB /dev/shm, on which Chromium's renderer crashes.
  '--disable-dev-shm-usage',
];

function isCI(): boolean {
  const v = (process.env.CI ?? '').trim().toLowerCase();
  return v !== '' && v !== '0' && v !== 'false';
}

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

let reportedMissing = false;

/**
 * For `describe.skipIf(!browserAvailable().ok)`. Where Chromium is missing a developer gets
 * a skip with the reason printed; CI gets an error, because a CI run that silently skipped
 * every browser test would pass while proving nothing.
 */
export function browserAvailable(): { ok: boolean; reason?: string } {
  const exe = chromiumPath();
  if (existsSync(exe)) return { ok: true };
  const reason = `Chromium not found at ${exe} (install it, or set CHROMIUM_PATH)`;
  if (isCI()) throw new Error(`${reason}; CI must not skip browser tests.`);
  if (!reportedMissing) {
    reportedMissing = true;
    console.warn(`[e2e] skipping browser tests: ${reason}`);
  }
  return { ok: false, reason };
}

let shared: Promise<Browser> | undefined;

/**
 * One Chromium per test file (vitest gives each file its own module instance), reused by
 * every `openApp` in it; each app gets its own context, so nothing leaks between tests.
 * Close it in `afterAll`; a later call launches a new one.
 */
export function launchBrowser(): Promise<Browser> {
  if (shared) return shared;
  const available = browserAvailable();
  if (!available.ok) return Promise.reject(new Error(available.reason));
  const launching = chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  shared = launching;
  launching.then(
    (browser) =>
      browser.on('disconnected', () => {
        if (shared === launching) shared = undefined;
      }),
    () => {
      if (shared === launching) shared = undefined;
    },
  );
  return launching;
}

export interface OpenAppOptions {
  /**
   * Use this folder instead of a fresh one, e.g. to reopen the app on the data a previous
   * `openApp` left. A folder passed in is the caller's: `close()` leaves it in place
   * (make it with `makeDataDir` and it is removed after the test).
   */
  dataDir?: string;
  /** Handed to the core, for deadlines and timestamps a test needs to control. */
  clock?: Clock;
  /** Path (and hash route) to open first; default `/`. */
  path?: string;
  viewport?: { width: number; height: number };
  /** Ignore the page's CSP. Only for proving the rig itself; app tests must keep the CSP. */
  bypassCSP?: boolean;
  /**
   * Cheaper scrypt parameters for the passphrase KDF. The default is the app's own (slow on
   * purpose); pass one only where a test signs in so often that it matters.
   */
  kdf?: KdfParams;
}

export interface App {
  page: Page;
  context: BrowserContext;
  core: Core;
  dataDir: string;
  /** Every request the page tried to send outside APP_ORIGIN (all were aborted). */
  externalRequests: string[];
  /** Console errors, uncaught exceptions and crashes, as readable one-liners. */
  pageErrors: string[];
  /** What the core logged (`level: message`), including the stacks behind INTERNAL errors. */
  coreLog: string[];
  /** Delivers a main-process event to the page, as the shell would (core events come by themselves). */
  emit(event: string, payload: unknown): Promise<void>;
  /** Closes the context and the core, then removes the data folder if openApp made it. */
  close(): Promise<void>;
}

/** Opens the built renderer against a real API core on a fresh data folder. */
export async function openApp(browser: Browser, options: OpenAppOptions = {}): Promise<App> {
  const indexHtml = path.join(RENDERER_DIR, 'index.html');
  if (!existsSync(indexHtml)) {
    throw new Error(`${indexHtml} is missing: run \`npm run build\` first (\`npm test\` does it for you).`);
  }

  const ownsDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? createTempDir('e2e');
  const cleanups: Array<() => unknown> = [];
  if (ownsDataDir) cleanups.push(() => removeDataDir(dataDir));

  try {
    const coreLog: string[] = [];
    const core = createCore({
      dataDir,
      migrationsDir: MIGRATIONS_DIR,
      clock: options.clock,
      kdf: options.kdf,
      // Kept, not printed: the core logs every migration, and its errors (with stacks, which
      // never reach the page) are what a failing test needs to show.
      log: (level, msg, extra) => {
        coreLog.push(`${level}: ${msg}${extra === undefined || extra === '' ? '' : ` ${inspect(extra)}`}`);
      },
    });
    cleanups.push(() => core.close());

    const context = await browser.newContext({
      viewport: options.viewport ?? { width: 1366, height: 768 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      bypassCSP: options.bypassCSP ?? false,
      // A service worker could fetch outside page routing's view; the app has none.
      serviceWorkers: 'block',
    });
    cleanups.push(() => context.close());

    const externalRequests: string[] = [];
    const pageErrors: string[] = [];
    const seen = new WeakSet<Request>();
    const recordExternal = (req: Request) => {
      if (seen.has(req)) return;
      seen.add(req);
      externalRequests.push(`${req.method()} ${req.url()}`);
    };

    await context.route('**/*', async (route) => {
      const req = route.request();
      const url = new URL(req.url());
      // Chromium's own PDF viewer loads from the binary, as the shell lets it (electron/security.ts).
      if (isPdfViewerUrl(req.url())) return route.continue();
      if (url.origin !== APP_ORIGIN) {
        recordExternal(req);
        return route.abort('blockedbyclient');
      }
      if (req.method() !== 'GET' && req.method() !== 'HEAD') {
        return route.fulfill({ status: 405, contentType: 'text/plain', body: 'Method not allowed' });
      }
      const file = await loadStatic(RENDERER_DIR, url.pathname);
      return route.fulfill(file);
    });
    // WebSockets bypass request routing entirely; catch them on their own route.
    await context.routeWebSocket(
      () => true,
      (ws) => {
        externalRequests.push(`WEBSOCKET ${ws.url()}`);
        return ws.close({ code: 1008, reason: 'blocked by the test harness' });
      },
    );
    // A second net under the route: anything it somehow misses still shows up here.
    context.on('request', (req) => {
      const url = req.url();
      if (/^(data|blob|about):/.test(url) || isPdfViewerUrl(url)) return;
      if (new URL(url).origin !== APP_ORIGIN) recordExternal(req);
    });

    context.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      const loc = msg.location();
      const where = loc.url ? ` (${loc.url}:${loc.lineNumber})` : '';
      pageErrors.push(`console.error: ${msg.text()}${where}`);
    });
    context.on('weberror', (err) => {
      pageErrors.push(`uncaught: ${err.error().stack ?? err.error().message}`);
    });

    // structuredClone on both sides mirrors IPC: what the handler returns must survive the
    // trip a real ipcRenderer.invoke makes, and a value that cannot (a function, a class
    // with methods it relies on) should fail here as it would in Electron. Each side clones
    // and sends the clone as one string (support/wire.ts: Playwright's own per-object
    // serialization of an answer cost more than the core did).
    await context.exposeFunction(WIRE_BINDING, async (method: unknown, input: unknown) => {
      return toWire(await core.invoke(String(method), fromWire(input)));
    });
    await context.addInitScript({ content: BRIDGE_INIT_SCRIPT });

    const pendingEmits = new Set<Promise<void>>();
    const emit = async (event: string, payload: unknown): Promise<void> => {
      const deliveries = context.pages().map((p) =>
        p
          .evaluate(([e, d]) => (window as unknown as HarnessWindow).__sunwardEmit?.(e as string, d), [
            event,
            payload,
          ] as const)
          // A page that is navigating or closing misses the event, like a window would.
          .catch(() => undefined),
      );
      await Promise.all(deliveries);
    };
    const offLocked = core.on('locked', (payload) => {
      const p = emit('locked', payload).finally(() => pendingEmits.delete(p));
      pendingEmits.add(p);
    });
    cleanups.push(offLocked);

    const page = await context.newPage();
    page.on('crash', () => pageErrors.push('page crashed'));
    await page.goto(new URL(options.path ?? '/', APP_ORIGIN).href);

    let closing: Promise<void> | undefined;
    const close = () => {
      closing ??= (async () => {
        await Promise.allSettled([...pendingEmits]);
        await runCleanups(cleanups);
      })();
      return closing;
    };

    return { page, context, core, dataDir, externalRequests, pageErrors, coreLog, emit, close };
  } catch (err) {
    await runCleanups(cleanups).catch(() => undefined);
    throw err;
  }
}

/** Runs in reverse order of setup; one failing step does not stop the others. */
async function runCleanups(cleanups: Array<() => unknown>): Promise<void> {
  const errors: unknown[] = [];
  for (const fn of cleanups.splice(0).reverse()) {
    try {
      await fn();
    } catch (err) {
      errors.push(err);
    }
  }
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new AggregateError(errors, 'several cleanup steps failed');
}

/** Saves a full-page screenshot to test-results/screens/<name>.png and returns its path. */
export async function shot(page: Page, name: string): Promise<string> {
  const file = path.join(SCREENS_DIR, `${name.replace(/[^\w\u4e00-\u9fff.-]+/g, '_')}.png`);
  await mkdir(SCREENS_DIR, { recursive: true });
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled', caret: 'hide' });
  return file;
}
