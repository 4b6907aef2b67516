// Shell rules against an insider at the keyboard (issue 16), free of Electron imports so they
// are tested under plain Node: switches that would open the running app to a debugger, and the
// events after which the page that held the session is no longer the page that unlocked it.
import type { LockReason } from '../db/api/define';

/**
 * Chromium's and Node's debugging switches. In a packaged build the fuses already refuse
 * --inspect for Node; Chromium's remote debugging port is not a fuse, so the shell refuses
 * to start with any of these at all.
 */
const DEBUG_SWITCHES = [
  '--remote-debugging-port',
  '--remote-debugging-pipe',
  '--remote-debugging-address',
  '--remote-allow-origins',
  '--inspect',
  '--inspect-brk',
  '--inspect-port',
  '--inspect-publish-uid',
  '--debug',
  '--debug-brk',
  '--js-flags',
];

/** The debugging switches on a command line, as given (`--inspect=9229` counts as `--inspect`). */
export function debugSwitches(argv: readonly string[]): string[] {
  return argv.filter((arg) => {
    const name = arg.split('=')[0].toLowerCase();
    return DEBUG_SWITCHES.includes(name);
  });
}

/** What the main window's web contents say when its page goes away. */
export interface PageEvents {
  on(event: 'render-process-gone', listener: (...args: unknown[]) => void): unknown;
  on(event: 'destroyed', listener: () => void): unknown;
  on(
    event: 'did-start-navigation',
    listener: (details: { isMainFrame: boolean; isSameDocument: boolean; url: string }) => void,
  ): unknown;
}

/**
 * Locks the core when the page that unlocked it is gone: its renderer crashed or was killed, it
 * is reloading or navigating, or the window closed. The new page signs in again; without this
 * the core stayed unlocked behind a fresh page (only the renderer re-locked itself).
 */
export function lockWhenPageGoes(contents: PageEvents, lock: (reason: LockReason) => void): void {
  contents.on('render-process-gone', () => lock('system'));
  contents.on('destroyed', () => lock('system'));
  contents.on('did-start-navigation', (details) => {
    if (details.isMainFrame && !details.isSameDocument) lock('reload');
  });
}

/** Where Chromium would fetch spellchecker dictionaries from: nowhere (electron/electron#22995). */
export const NO_DICTIONARY_URL = 'http://127.0.0.1:9/';
