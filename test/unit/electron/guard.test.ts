import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { LockReason } from '../../../db/api/define';
import { debugSwitches, lockWhenPageGoes, type PageEvents } from '../../../electron/guard';

describe('debugging switches a packaged app refuses', () => {
  it('finds Chromium and Node debugger switches, with or without a value', () => {
    const argv = [
      '/opt/向阳/sunward',
      '--remote-debugging-port=9222',
      '--inspect',
      '--INSPECT-BRK=0',
      '--data-dir=/x',
    ];
    expect(debugSwitches(argv)).toEqual(['--remote-debugging-port=9222', '--inspect', '--INSPECT-BRK=0']);
  });

  it('lets an ordinary start through', () => {
    expect(
      debugSwitches(['/opt/向阳/sunward', '--data-dir=D:\\向阳', '--no-sandbox-not-a-debugger']),
    ).toEqual([]);
  });
});

describe('locking the core when the page that unlocked it goes', () => {
  function page() {
    const emitter = new EventEmitter();
    const locks: LockReason[] = [];
    lockWhenPageGoes(emitter as unknown as PageEvents, (reason) => locks.push(reason));
    return { emitter, locks };
  }

  it('locks when the renderer crashes or is killed', () => {
    const { emitter, locks } = page();
    emitter.emit('render-process-gone', {}, { reason: 'killed' });
    expect(locks).toEqual(['system']);
  });

  it('locks when the page reloads or navigates, not when only the hash changes', () => {
    const { emitter, locks } = page();
    emitter.emit('did-start-navigation', {
      isMainFrame: true,
      isSameDocument: true,
      url: 'app://sunward/index.html#/children',
    });
    emitter.emit('did-start-navigation', {
      isMainFrame: false,
      isSameDocument: false,
      url: 'app://sunward/frame',
    });
    expect(locks).toEqual([]);
    emitter.emit('did-start-navigation', {
      isMainFrame: true,
      isSameDocument: false,
      url: 'app://sunward/index.html',
    });
    expect(locks).toEqual(['reload']);
  });

  it('locks when the window’s contents are destroyed', () => {
    const { emitter, locks } = page();
    emitter.emit('destroyed');
    expect(locks).toEqual(['system']);
  });
});

describe('the session the app window uses', () => {
  it('turns the spellchecker off and points its dictionary download at nothing', async () => {
    const { hardenSession } = await import('../../../electron/harden');
    const calls: string[] = [];
    const fake = {
      setPermissionRequestHandler: () => calls.push('permissions'),
      setPermissionCheckHandler: () => calls.push('permission checks'),
      setDevicePermissionHandler: () => calls.push('devices'),
      setSpellCheckerEnabled: (on: boolean) => calls.push(`spellchecker ${on}`),
      setSpellCheckerDictionaryDownloadURL: (url: string) => calls.push(`dictionaries from ${url}`),
      webRequest: { onBeforeRequest: () => calls.push('requests') },
      on: (event: string, fn: (e: { preventDefault: () => void }) => void) => {
        calls.push(`on ${event}`);
        if (event === 'will-download') fn({ preventDefault: () => calls.push('download prevented') });
      },
    };
    hardenSession(fake as unknown as Electron.Session, undefined, () => undefined);
    expect(calls).toContain('spellchecker false');
    expect(calls).toContain('dictionaries from http://127.0.0.1:9/');
    // An attachment leaves only through the audited 另存为, never as a download (PDF viewer, Ctrl+S).
    expect(calls).toContain('download prevented');
  });
});
