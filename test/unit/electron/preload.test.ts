import { describe, expect, it, vi } from 'vitest';

// The preload is what crosses into the page; electron is replaced by a recorder so what it
// exposes can be checked without an Electron binary.
const mock = vi.hoisted(() => {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  return {
    exposed: new Map<string, unknown>(),
    listeners,
    invoke: (..._args: unknown[]): Promise<unknown> => Promise.resolve({ ok: true, value: null }),
    emit(channel: string, ...args: unknown[]) {
      for (const l of listeners.get(channel) ?? []) l({ sender: 'secret' }, ...args);
    },
  };
});
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => mock.exposed.set(key, api) },
  ipcRenderer: {
    invoke: (...args: unknown[]) => mock.invoke(...args),
    on: (channel: string, l: (...args: unknown[]) => void) => {
      const set = mock.listeners.get(channel) ?? new Set();
      mock.listeners.set(channel, set.add(l));
    },
    removeListener: (channel: string, l: (...args: unknown[]) => void) =>
      mock.listeners.get(channel)?.delete(l),
  },
}));

import type { SunwardBridge } from '../../../electron/bridge-types';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../../electron/channels';
import '../../../electron/preload';

const bridge = () => mock.exposed.get('sunward') as SunwardBridge;

describe('preload', () => {
  it('exposes window.sunward with exactly invoke and on, and nothing else', () => {
    expect([...mock.exposed.keys()]).toEqual(['sunward']);
    expect(Object.keys(bridge()).sort()).toEqual(['invoke', 'on']);
  });

  it('sends invoke over the one channel', async () => {
    const spy = vi.spyOn(mock, 'invoke');
    await expect(bridge().invoke('children.get', { id: 'a' })).resolves.toEqual({ ok: true, value: null });
    expect(spy).toHaveBeenCalledWith(INVOKE_CHANNEL, 'children.get', { id: 'a' });
  });

  it('delivers only the named event, without the IPC event object, until unsubscribed', () => {
    const got: unknown[] = [];
    const off = bridge().on('locked', (p) => got.push(p));
    mock.emit(EVENT_CHANNEL, 'locked', { reason: 'manual' });
    mock.emit(EVENT_CHANNEL, 'backupDone', { file: 'x' });
    expect(got).toEqual([{ reason: 'manual' }]);
    off();
    mock.emit(EVENT_CHANNEL, 'locked', { reason: 'idle' });
    expect(got).toHaveLength(1);
    expect(mock.listeners.get(EVENT_CHANNEL)?.size).toBe(0);
  });
});
