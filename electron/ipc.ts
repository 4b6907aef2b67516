import { type BrowserWindow, type IpcMainInvokeEvent, ipcMain } from 'electron';
import type { Core } from '../db/api/core';
import type { ApiResult } from '../db/api/errors';
import { t } from '../renderer/src/i18n';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './channels';
import type { Log } from './log';
import { isTrustedRendererUrl } from './security';

/**
 * Only the main window's top frame, showing our own page, may call the API: not an iframe,
 * not a page the window was somehow navigated to, not any other web contents.
 */
function isFromMainWindow(event: IpcMainInvokeEvent, win: BrowserWindow | null, devUrl?: string): boolean {
  const frame = event.senderFrame;
  return (
    win !== null &&
    !win.isDestroyed() &&
    event.sender.id === win.webContents.id &&
    frame !== null &&
    frame.parent === null &&
    isTrustedRendererUrl(frame.url, devUrl)
  );
}

/** The one IPC channel in, and the one event channel out. Returns the function that unwires both. */
export function wireIpc(
  core: Core,
  getWindow: () => BrowserWindow | null,
  devUrl: string | undefined,
  log: Log,
) {
  ipcMain.handle(
    INVOKE_CHANNEL,
    async (event, method: unknown, input: unknown): Promise<ApiResult<unknown>> => {
      if (!isFromMainWindow(event, getWindow(), devUrl)) {
        log('warn', 'IPC from an untrusted sender refused', { method: String(method).slice(0, 100) });
        return { ok: false, error: { code: 'FORBIDDEN', message: t('errors.forbidden') } };
      }
      if (typeof method !== 'string') {
        return { ok: false, error: { code: 'VALIDATION', message: t('errors.unknownMethod') } };
      }
      try {
        return await core.invoke(method, input);
      } catch (err) {
        // core.invoke promises never to throw; if it ever does, the renderer still gets a result.
        log('error', `core.invoke threw for ${method}`, err);
        return { ok: false, error: { code: 'INTERNAL', message: t('errors.internal') } };
      }
    },
  );

  const offLocked = core.on('locked', (payload) => {
    const win = getWindow();
    if (win && !win.isDestroyed()) win.webContents.send(EVENT_CHANNEL, 'locked', payload);
  });

  return () => {
    ipcMain.removeHandler(INVOKE_CHANNEL);
    offLocked();
  };
}
