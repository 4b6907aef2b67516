/**
 * Proves the rig before any screen test relies on it: the bridge has the preload's shape,
 * invoke reaches the real core and back, core events arrive, errors are collected, the
 * build is served as the shell serves it, and a request that leaves the app's origin is
 * caught, so "no external requests" is an assertion that can fail.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiResult } from '../../db/api/errors';
import { makeDataDir } from '../helpers/tmp';
import { APP_ORIGIN, browserAvailable, openApp, shot } from './harness';
import type { HarnessWindow } from './support/bridge';
import { loadStatic } from './support/static';
import { useBrowser } from './support/studio';

type Probe = HarnessWindow & { got: unknown[]; off: () => void };

describe.skipIf(!browserAvailable().ok)('e2e harness', () => {
  const browser = useBrowser();

  it('gives the page exactly what the preload gives: invoke and on, frozen', async () => {
    const app = await openApp(browser());
    try {
      const shape = await app.page.evaluate(() => {
        const s = (window as unknown as HarnessWindow).sunward;
        return {
          keys: Object.keys(s).sort(),
          types: [typeof s.invoke, typeof s.on],
          frozen: Object.isFrozen(s),
        };
      });
      expect(shape).toEqual({ keys: ['invoke', 'on'], types: ['function', 'function'], frozen: true });
    } finally {
      await app.close();
    }
  });

  it('bridges invoke to the real core: a fresh data folder starts in setup', async () => {
    const app = await openApp(browser());
    try {
      const res = (await app.page.evaluate(() =>
        (window as unknown as HarnessWindow).sunward.invoke('session.status', {}),
      )) as ApiResult<{ state: string }>;
      expect(res.ok).toBe(true);
      expect(res.ok && res.value.state).toBe('setup');
      const unknown = (await app.page.evaluate(() =>
        (window as unknown as HarnessWindow).sunward.invoke('no.such.method', {}),
      )) as ApiResult<unknown>;
      expect(unknown.ok).toBe(false);
      expect(app.externalRequests).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('carries what IPC carries both ways, and refuses what it cannot clone', async () => {
    const app = await openApp(browser());
    try {
      // The core echoes its input, so the page sees what made the trip there and back.
      app.core.invoke = (async (_method: string, input: unknown) => input) as typeof app.core.invoke;
      const seen = await app.page.evaluate(async () => {
        const sent = {
          when: new Date(Date.UTC(2026, 0, 2)),
          bytes: new Uint8Array([0, 1, 254, 255]),
          tags: new Map([['a', new Set([1, 2])]]),
          missing: undefined,
          odd: [Number.NaN, -0, Number.POSITIVE_INFINITY, 10n],
          '\u0000': 'a key like the tag',
        };
        const back = (await (window as unknown as HarnessWindow).sunward.invoke('echo', sent)) as typeof sent;
        let refused = '';
        try {
          await (window as unknown as HarnessWindow).sunward.invoke('echo', { f: () => 1 });
        } catch (err) {
          refused = (err as Error).name;
        }
        return {
          when: back.when instanceof Date && back.when.getTime() === sent.when.getTime(),
          bytes: back.bytes instanceof Uint8Array ? [...back.bytes] : null,
          tags:
            back.tags instanceof Map && back.tags.get('a') instanceof Set ? [...back.tags.get('a')!] : null,
          missing: 'missing' in back && back.missing === undefined,
          odd: back.odd.map((v) => (typeof v === 'bigint' ? `${v}n` : Object.is(v, -0) ? '-0' : String(v))),
          key: back['\u0000'],
          copy: back !== sent,
          refused,
        };
      });
      expect(seen).toEqual({
        when: true,
        bytes: [0, 1, 254, 255],
        tags: [1, 2],
        missing: true,
        odd: ['NaN', '-0', 'Infinity', '10n'],
        key: 'a key like the tag',
        copy: true,
        refused: 'DataCloneError',
      });
    } finally {
      await app.close();
    }
  });

  it('delivers core events to subscribers until they unsubscribe', async () => {
    // A light KDF: this checks the wiring, not the cost of a guess.
    const app = await openApp(browser(), { kdf: { N: 2 ** 12, r: 8, p: 1 } });
    try {
      const setup = await app.core.invoke('session.setup', {
        displayName: '测试管理员',
        username: 'rigcheck',
        passphrase: 'Harness-check-2026 violet-harbor',
      });
      expect(setup.ok).toBe(true);
      await app.page.evaluate(() => {
        const w = window as unknown as Probe;
        w.got = [];
        w.off = w.sunward.on('locked', (p) => w.got.push(p));
      });
      app.core.lock('idle');
      await expect
        .poll(() => app.page.evaluate(() => (window as unknown as Probe).got))
        .toEqual([{ reason: 'idle' }]);
      await app.page.evaluate(() => (window as unknown as Probe).off());
      await app.emit('locked', { reason: 'manual' });
      expect(await app.page.evaluate(() => (window as unknown as Probe).got)).toHaveLength(1);
    } finally {
      await app.close();
    }
  });

  it('blocks and records every request that leaves the app origin', async () => {
    // The app's CSP would refuse these before they reach routing (next test); bypassing it
    // here proves the routing net itself holds.
    const app = await openApp(browser(), { bypassCSP: true });
    try {
      const outcome = await app.page.evaluate(async () => {
        try {
          await fetch('https://example.com/ping');
          return 'reached';
        } catch {
          return 'blocked';
        }
      });
      expect(outcome).toBe('blocked');
      await app.page.evaluate(() => {
        new WebSocket('wss://example.org/socket');
      });
      await expect.poll(() => app.externalRequests).toContain('WEBSOCKET wss://example.org/socket');
      // Seen by both the route and the request listener, recorded once.
      expect(app.externalRequests.filter((r) => r.includes('example.com/ping'))).toEqual([
        'GET https://example.com/ping',
      ]);
    } finally {
      await app.close();
    }
  });

  it('makes an external attempt visible where the CSP stops it first', async () => {
    const app = await openApp(browser());
    try {
      // Only what the attempt adds: the rig checks itself here, not the app's console.
      const before = app.pageErrors.length;
      await app.page.evaluate(async () => {
        await fetch('https://example.com/ping').catch(() => undefined);
      });
      await expect.poll(() => app.pageErrors.slice(before).join('\n')).toContain('https://example.com/ping');
    } finally {
      await app.close();
    }
  });

  it('collects console errors and uncaught exceptions', async () => {
    const app = await openApp(browser());
    try {
      await app.page.evaluate(() => {
        console.error('rig-check console');
        setTimeout(() => {
          throw new Error('rig-check uncaught');
        });
      });
      await expect.poll(() => app.pageErrors.join('\n')).toContain('rig-check uncaught');
      expect(app.pageErrors.join('\n')).toContain('rig-check console');
    } finally {
      await app.close();
    }
  });

  it('serves the build as the shell does: types, CSP header, 404s', async () => {
    const app = await openApp(browser());
    try {
      const probe = await app.context.newPage();
      const index = await probe.goto(`${APP_ORIGIN}/`);
      expect(index?.status()).toBe(200);
      expect(index?.headers()['content-type']).toBe('text/html; charset=utf-8');
      expect(index?.headers()['content-security-policy']).toContain("default-src 'self'");
      const missing = await probe.goto(`${APP_ORIGIN}/no-such-file.js`);
      expect(missing?.status()).toBe(404);
      await probe.close();

      const root = makeDataDir('static');
      writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
      expect((await loadStatic(root, '/')).status).toBe(200);
      expect((await loadStatic(root, '/..%2f..%2fetc%2fpasswd')).status).toBe(404);
      expect((await loadStatic(root, '/%2e%2e/%2e%2e/etc/hostname')).status).toBe(404);
    } finally {
      await app.close();
    }
  });

  it('gives each app its own data folder and removes it on close', async () => {
    const a = await openApp(browser());
    const b = await openApp(browser());
    expect(a.dataDir).not.toBe(b.dataDir);
    expect(existsSync(a.dataDir)).toBe(true);
    await a.close();
    await b.close();
    if (process.env.KEEP_TEST_DATA !== '1') {
      expect(existsSync(a.dataDir)).toBe(false);
      expect(existsSync(b.dataDir)).toBe(false);
    }
  });

  it('saves a full-page screenshot under test-results/screens', async () => {
    const app = await openApp(browser());
    try {
      const file = await shot(app.page, 'harness-self-test');
      expect(file).toMatch(/test-results[\\/]screens[\\/]harness-self-test\.png$/);
      expect(readFileSync(file).subarray(1, 4).toString()).toBe('PNG');
    } finally {
      await app.close();
    }
  });
});
