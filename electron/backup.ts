// The Electron side of backups (db/backup holds the logic): the folder and file dialogs, and
// the backup on quit, which has to hold the quit until it is written.
import { type App, type BrowserWindow, dialog } from 'electron';
import type { Core } from '../db/api/core';
import type { ApiResult } from '../db/api/errors';
import { BACKUP_EXTENSION_NAME } from '../db/backup/format';
import { t } from '../db/i18n';
import { QUIT_BACKUP_TIMEOUT_MS } from './backup-contract';
import type { Log } from './log';

export interface BackupShell {
  handle(method: string, input: unknown): Promise<ApiResult<unknown>>;
}

export function createBackupShell(getWindow: () => BrowserWindow | null): BackupShell {
  const open = async (options: Electron.OpenDialogOptions): Promise<string | null> => {
    const win = getWindow();
    const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return r.canceled || r.filePaths.length === 0 ? null : (r.filePaths[0] ?? null);
  };
  return {
    async handle(method) {
      if (method === 'shell.chooseFolder') {
        return {
          ok: true,
          value: await open({
            title: t('backup.settings.choose'),
            properties: ['openDirectory', 'createDirectory'],
          }),
        };
      }
      if (method === 'shell.chooseBackupFile') {
        return {
          ok: true,
          value: await open({
            title: t('backup.firstRun.chooseFile'),
            properties: ['openFile'],
            filters: [{ name: t('backup.card.title'), extensions: [BACKUP_EXTENSION_NAME] }],
          }),
        };
      }
      return { ok: false, error: { code: 'NOT_FOUND', message: t('errors.unknownMethod') } };
    },
  };
}

/**
 * Holds the first quit until the quit backup is done (or has taken too long), then quits
 * again; returns whether it held this one.
 */
export function holdQuitForBackup(app: App, core: Core, event: Electron.Event, log: Log): boolean {
  const state = app as App & { sunwardQuitBackupDone?: boolean };
  if (state.sunwardQuitBackupDone) return false;
  state.sunwardQuitBackupDone = true;
  event.preventDefault();
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, QUIT_BACKUP_TIMEOUT_MS));
  Promise.race([core.beforeQuit(), timeout])
    .catch((err: unknown) => log('error', 'quit backup failed', err))
    .finally(() => app.quit());
  return true;
}
