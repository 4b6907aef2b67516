import { BrowserWindow, screen } from 'electron';
import type { Log } from './log';
import { placeWindow, readWindowState, WINDOW_SIZE, writeWindowState } from './window-state';

export interface MainWindowOptions {
  title: string;
  preload: string;
  /** `<userData>/window-state.json` */
  stateFile: string;
  devTools: boolean;
  log: Log;
}

export function createMainWindow({
  title,
  preload,
  stateFile,
  devTools,
  log,
}: MainWindowOptions): BrowserWindow {
  const workAreas = [screen.getPrimaryDisplay().workArea, ...screen.getAllDisplays().map((d) => d.workArea)];
  const placement = placeWindow(readWindowState(stateFile), workAreas);

  const win = new BrowserWindow({
    title,
    x: placement.x,
    y: placement.y,
    width: placement.width,
    height: placement.height,
    minWidth: WINDOW_SIZE.minWidth,
    minHeight: WINDOW_SIZE.minHeight,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      // Chromium's built-in PDF viewer, for attachments shown from blob: URLs (electron/csp.ts
      // frames nothing else). No other plugin exists in Electron to be enabled by this.
      plugins: true,
      devTools,
    },
  });

  // The name in the title bar and taskbar stays 向阳 whatever <title> the current screen sets.
  win.on('page-title-updated', (event) => event.preventDefault());
  win.once('ready-to-show', () => {
    if (placement.maximized) win.maximize();
    win.show();
  });
  win.on('close', () => {
    try {
      writeWindowState(stateFile, { ...win.getNormalBounds(), maximized: win.isMaximized() });
    } catch (err) {
      log('warn', 'window state not saved', err);
    }
  });
  return win;
}
