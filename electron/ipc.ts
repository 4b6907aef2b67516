import { type BrowserWindow, type IpcMainInvokeEvent, ipcMain } from 'electron';
import type { Core } from '../db/api/core';
import type { ApiResult } from '../db/api/errors';
import { t } from '../db/i18n';
import type { BackupShell } from './backup';
import { BACKUP_SHELL_METHODS } from './backup-contract';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './channels';
import type { Log } from './log';
import type { PrintService } from './print';
import { isPrintWindowMethod } from './print-contract';
import { isTrustedRendererUrl } from './security';

/**
 * Only the top frame of our own page may call the API: not an iframe, not a page a window
 * was somehow navigated to, not any other web contents. The main window may call everything;
 * a hidden window the shell opened for printing may call only the reads its documents need.
 */
function senderKind(
  event: IpcMainInvokeEvent,
  win: BrowserWindow | null,
  printer: PrintService | undefined,
  devUrl?: string,
): 'main' | 'print' | null {
  const frame = event.senderFrame;
  if (frame === null || frame.parent !== null || !isTrustedRendererUrl(frame.url, devUrl)) return null;
  if (win !== null && !win.isDestroyed() && event.sender.id === win.webContents.id) return 'main';
  return printer?.isPrintContents(event.sender.id) ? 'print' : null;
}

/**
 * The one IPC channel in, and the one event channel out. `shell.*` methods are the shell's own
 * (printing) and never reach the core; without a printer there are none. Returns the function
 * that unwires both.
 */
export function wireIpc(
  core: Core,
  getWindow: () => BrowserWindow | null,
  devUrl: string | undefined,
  log: Log,
  printer?: PrintService,
  backupShell?: BackupShell,
) {
  ipcMain.handle(
    INVOKE_CHANNEL,
    async (event, method: unknown, input: unknown): Promise<ApiResult<unknown>> => {
      const kind = senderKind(event, getWindow(), printer, devUrl);
      const forbidden = (why: string): ApiResult<unknown> => {
        log('warn', why, { method: String(method).slice(0, 100) });
        return { ok: false, error: { code: 'FORBIDDEN', message: t('errors.forbidden') } };
      };
      if (!kind) return forbidden('IPC from an untrusted sender refused');
      if (typeof method !== 'string') {
        return { ok: false, error: { code: 'VALIDATION', message: t('errors.unknownMethod') } };
      }
      if (kind === 'print' && !isPrintWindowMethod(method)) {
        return forbidden('IPC from a print window outside its methods refused');
      }
      if (backupShell && BACKUP_SHELL_METHODS.has(method)) return backupShell.handle(method, input);
      if (method.startsWith('shell.')) {
        if (!printer) return { ok: false, error: { code: 'NOT_FOUND', message: t('errors.unknownMethod') } };
        return printer.handle(method, input);
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
