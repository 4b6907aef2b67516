import { beforeEach, describe, expect, it, type Mock, vi } from 'vitest';

// ipc.ts is the one door from the renderer into the API; electron is replaced by a recorder
// so the sender check can be exercised without an Electron binary.
const handlers = vi.hoisted(() => new Map<string, (...args: unknown[]) => unknown>());
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, fn: (...args: unknown[]) => unknown) => handlers.set(channel, fn),
    removeHandler: (channel: string) => handlers.delete(channel),
  },
}));

import type { BrowserWindow } from 'electron';
import type { Core } from '../../../db/api/core';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../../electron/channels';
import { wireIpc } from '../../../electron/ipc';
import type { Log } from '../../../electron/log';

function fakeCore() {
  const listeners = new Set<(payload: unknown) => void>();
  const core = {
    invoke: vi.fn(async (method: string, input: unknown) => ({
      ok: true as const,
      value: { method, input },
    })),
    on: vi.fn((_event: string, listener: (payload: unknown) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    }),
    lock: vi.fn(),
    isUnlocked: () => true,
    idleMinutes: () => 10,
    close: vi.fn(),
  };
  const emitLocked = (payload: unknown) => {
    for (const l of listeners) l(payload);
  };
  return { core, listeners, emitLocked };
}

function fakeWindow(id = 7) {
  return { isDestroyed: () => false, webContents: { id, send: vi.fn() } };
}

type Frame = { parent: unknown; url: string } | null;
const event = (senderId: number, frame: Frame) => ({ sender: { id: senderId }, senderFrame: frame });
const topFrame = { parent: null, url: 'app://sunward/index.html#/children' };

describe('wireIpc', () => {
  let f: ReturnType<typeof fakeCore>;
  let win: ReturnType<typeof fakeWindow> | null;
  let log: Mock<Log>;
  let unwire: () => void;
  const call = (...args: unknown[]) => handlers.get(INVOKE_CHANNEL)!(...args);

  beforeEach(() => {
    handlers.clear();
    f = fakeCore();
    win = fakeWindow();
    log = vi.fn<Log>();
    unwire = wireIpc(f.core as unknown as Core, () => win as unknown as BrowserWindow, undefined, log);
  });

  it('registers exactly one channel', () => {
    expect([...handlers.keys()]).toEqual([INVOKE_CHANNEL]);
  });

  it('passes a call from the main window top frame to the core', async () => {
    const result = await call(event(7, topFrame), 'children.list', { page: 1 });
    expect(result).toEqual({ ok: true, value: { method: 'children.list', input: { page: 1 } } });
    expect(f.core.invoke).toHaveBeenCalledWith('children.list', { page: 1 });
  });

  it.each([
    ['another web contents', event(8, topFrame)],
    ['a subframe', event(7, { parent: {}, url: 'app://sunward/index.html' })],
    ['a foreign page', event(7, { parent: null, url: 'https://example.com/' })],
    ['a file:// page', event(7, { parent: null, url: 'file:///tmp/x.html' })],
    ['a destroyed frame', event(7, null)],
  ])('refuses %s without touching the core', async (_name, ev) => {
    const result = await call(ev, 'children.list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(f.core.invoke).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith('warn', expect.any(String), { method: 'children.list' });
  });

  it('refuses everything once the window is gone', async () => {
    win = null;
    expect(await call(event(7, topFrame), 'x', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('trusts the dev server origin only when wired with it', async () => {
    unwire();
    wireIpc(f.core as unknown as Core, () => win as unknown as BrowserWindow, 'http://localhost:5173', log);
    const devFrame = { parent: null, url: 'http://localhost:5173/#/' };
    expect(await call(event(7, devFrame), 'x', {})).toMatchObject({ ok: true });
  });

  it('answers a non-string method with an error result', async () => {
    expect(await call(event(7, topFrame), 42, {})).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(f.core.invoke).not.toHaveBeenCalled();
  });

  it('turns an unexpected throw into INTERNAL and logs it', async () => {
    f.core.invoke.mockRejectedValueOnce(new Error('bug'));
    expect(await call(event(7, topFrame), 'x', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(log).toHaveBeenCalledWith('error', expect.stringContaining('x'), expect.any(Error));
  });

  it('forwards the locked event to the window and stops after unwiring', () => {
    f.emitLocked({ reason: 'idle' });
    expect(win!.webContents.send).toHaveBeenCalledWith(EVENT_CHANNEL, 'locked', { reason: 'idle' });
    unwire();
    expect(handlers.size).toBe(0);
    expect(f.listeners.size).toBe(0);
  });
});
