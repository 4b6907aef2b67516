// The Electron main process: wiring only. Policies live in small electron-free modules
// beside this file (tested under plain Node); the data core lives in db/.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, type BrowserWindow, dialog, Menu, session } from 'electron';
import { type Core, createCore } from '../db/api/core';
import { bundledWorkerPath } from '../db/backup/runner';
import { t } from '../db/i18n';
import { APP_INDEX_URL } from './app-url';
import { startAutoLock } from './auto-lock';
import { createBackupShell, holdQuitForBackup } from './backup';
import { resolveDataDir } from './data-dir';
import { debugSwitches, lockWhenPageGoes } from './guard';
import { hardenAllWebContents, hardenSession } from './harden';
import { wireIpc } from './ipc';
import { createFileLogger } from './log';
import { menuTemplate } from './menu';
import { createPrintService } from './print';
import { devRendererUrl } from './security';
import { registerAppScheme, serveAppScheme } from './serve';
import { createMainWindow } from './window';

// out/main/main.js → out/preload, out/renderer (inside app.asar when packaged).
const outDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const devUrl = devRendererUrl(process.env, app.isPackaged);

// A packaged app never starts with a debugger attached: anyone at the keyboard could read the
// unlocked session through it. Checked before anything else runs.
const refusedSwitches = app.isPackaged ? debugSwitches(process.argv) : [];
if (refusedSwitches.length > 0) {
  console.error(`向阳 refuses to start with debugging switches: ${refusedSwitches.join(' ')}`);
  app.exit(1);
} else {
  registerAppScheme();
  app.enableSandbox();
  // A second copy would open the same database file; it hands over to the first and quits.
  if (app.requestSingleInstanceLock()) start();
  else app.quit();
}

function start(): void {
  const userData = app.getPath('userData');
  const logFile = path.join(userData, 'logs', 'main.log');
  const log = createFileLogger(logFile, { echo: !app.isPackaged });
  log(
    'info',
    `start ${app.getVersion()} electron ${process.versions.electron} ${process.platform}-${process.arch}`,
  );
  process.on('uncaughtException', (err) => log('error', 'uncaught exception', err));
  process.on('unhandledRejection', (err) => log('error', 'unhandled rejection', err));

  let win: BrowserWindow | null = null;
  let core: Core | null = null;
  let stop: Array<() => void> = [];

  hardenAllWebContents(app, log);
  if (process.platform === 'win32') app.setAppUserModelId('cn.jiyang.sunward');

  app.on('second-instance', () => {
    if (!win || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', (event) => {
    // The quit backup needs the open session; everything else stops after it.
    if (core && holdQuitForBackup(app, core, event, log)) return;
    for (const fn of stop) fn();
    stop = [];
    core?.close();
    core = null;
  });

  app
    .whenReady()
    .then(() => {
      hardenSession(session.defaultSession, devUrl, log);
      serveAppScheme(path.join(outDir, 'renderer'), log);

      const liveCore = createCore({
        dataDir: resolveDataDir({
          argv: process.argv,
          env: process.env,
          userDataDir: userData,
          cwd: process.cwd(),
        }),
        // Inside app.asar when packaged (build/electron-builder.config.cjs), the folder itself in development.
        migrationsDir: path.join(app.getAppPath(), 'db/migrations'),
        log,
        appVersion: app.getVersion(),
        automaticBackups: true,
        backupWorker: bundledWorkerPath(path.join(outDir, 'main')),
      });
      core = liveCore;
      const preload = path.join(outDir, 'preload', 'preload.cjs');
      const printer = createPrintService({
        core: liveCore,
        preload,
        appUrl: devUrl ?? APP_INDEX_URL,
        getMainWindow: () => win,
        log,
      });
      stop.push(
        wireIpc(
          liveCore,
          () => win,
          devUrl,
          log,
          printer,
          createBackupShell(() => win),
        ),
        startAutoLock(liveCore),
        () => printer.dispose(),
      );

      const showAbout = () =>
        dialog.showMessageBox({
          type: 'info',
          title: t('shell.about.title'),
          message: t('app.name'),
          detail: [
            t('shell.about.version', { version: app.getVersion() }),
            t('app.studio'),
            t('app.org'),
          ].join('\n'),
          buttons: [t('shell.about.ok')],
          noLink: true,
        });
      Menu.setApplicationMenu(
        Menu.buildFromTemplate(
          menuTemplate(app.isPackaged, { lock: () => liveCore.lock('manual'), about: showAbout }),
        ),
      );

      win = createMainWindow({
        title: t('app.name'),
        preload,
        stateFile: path.join(userData, 'window-state.json'),
        devTools: !app.isPackaged,
        log,
      });
      lockWhenPageGoes(win.webContents, (reason) => liveCore.lock(reason));
      win.on('closed', () => {
        win = null;
      });
      return win.loadURL(devUrl ?? APP_INDEX_URL);
    })
    .catch((err: unknown) => {
      log('error', 'startup failed', err);
      dialog.showErrorBox(t('shell.startup.failedTitle'), t('shell.startup.failedDetail', { log: logFile }));
      app.exit(1);
    });
}
