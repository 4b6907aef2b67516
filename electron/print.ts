// Printing (ARCHITECTURE §7): a print route of our own renderer, loaded in a hidden window,
// printed by Chromium, saved where the caseworker says, and recorded in the audit log with the
// file's SHA-256. The browser tests do the same steps with Playwright (test/e2e/print-support.ts).
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import type { Core } from '../db/api/core';
import type { ApiResult } from '../db/api/errors';
import { t } from '../db/i18n';
import { EVENT_CHANNEL } from './channels';
import type { Log } from './log';
import {
  BATCH_WINDOWS,
  countPdfPages,
  PRINT_PROGRESS_EVENT,
  type PrintedFile,
  type PrintProgress,
  printUrl,
  READY_PROBE,
  type ShellMethod,
  type ShellOutputs,
  shellInputs,
} from './print-contract';

const READY_TIMEOUT_MS = 30_000;
const READY_POLL_MS = 25;
/**
 * How long the print window stays loaded after a print: the next document only changes its
 * hash instead of loading the whole app and its fonts again. A lock ends it at once.
 */
export const WARM_MS = 60_000;
/** Where a warm window rests between prints: no document, so no child's data stays in it. */
export const IDLE_ROUTE = '/print/idle';

export { BATCH_WINDOWS } from './print-contract';

export const PDF_OPTIONS = { pageSize: 'A4', printBackground: true, preferCSSPageSize: true } as const;

export interface PrintServiceOptions {
  core: Core;
  /** The same preload as the app window: the print page reaches the core the same way. */
  preload: string;
  /** The app's page (app://sunward/index.html, or the dev server in development). */
  appUrl: string;
  getMainWindow: () => BrowserWindow | null;
  log: Log;
}

export interface PrintService {
  /** Answers one `shell.*` call from the app window. Never throws. */
  handle(method: string, input: unknown): Promise<ApiResult<unknown>>;
  /** Whether these web contents belong to a window opened here for printing. */
  isPrintContents(webContentsId: number): boolean;
  dispose(): void;
}

type ExportInfo = ReturnType<(typeof shellInputs)['shell.printToPdf']['parse']>['export'];

class PrintError extends Error {}

function ok<T>(value: T): ApiResult<T> {
  return { ok: true, value };
}

/**
 * `name.pdf`, or `name-2.pdf`, `name-3.pdf`… when a batch meets a file already there, or one
 * another window of the same batch is about to write (`taken`).
 */
function freePath(folder: string, fileName: string, taken: ReadonlySet<string> = new Set()): string {
  const ext = path.extname(fileName);
  const stem = fileName.slice(0, fileName.length - ext.length);
  let candidate = path.join(folder, fileName);
  for (let n = 2; existsSync(candidate) || existsSync(`${candidate}.part`) || taken.has(candidate); n++) {
    candidate = path.join(folder, `${stem}-${n}${ext}`);
  }
  return candidate;
}

export function createPrintService(opts: PrintServiceOptions): PrintService {
  const { core, log } = opts;
  const windows = new Set<BrowserWindow>();
  const contentsIds = new Set<number>();
  let busy = false;
  let cancelRequested = false;
  /** The print window kept loaded between prints (WARM_MS), and its idle timer. */
  let warm: BrowserWindow | null = null;
  let warmTimer: ReturnType<typeof setTimeout> | null = null;

  // A lock ends any print in progress: the rendered pages hold the data the lock hides.
  const offLocked = core.on('locked', () => {
    cancelRequested = true;
    for (const win of windows) if (!win.isDestroyed()) win.destroy();
  });

  function openWindow(): BrowserWindow {
    const win = new BrowserWindow({
      show: false,
      width: 900,
      height: 1200,
      webPreferences: {
        preload: opts.preload,
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        webSecurity: true,
        spellcheck: false,
        devTools: false,
        // Hidden windows are throttled by default; this one has to lay out and print.
        backgroundThrottling: false,
      },
    });
    const id = win.webContents.id;
    windows.add(win);
    contentsIds.add(id);
    win.on('closed', () => {
      windows.delete(win);
      contentsIds.delete(id);
    });
    return win;
  }

  async function waitReady(win: BrowserWindow): Promise<void> {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      if (win.isDestroyed()) throw new PrintError(t('errors.locked'));
      const state = (await win.webContents.executeJavaScript(READY_PROBE, true)) as {
        ready: string;
        error: string;
      } | null;
      if (state?.ready === '1') return;
      if (state?.ready === 'error') throw new PrintError(state.error);
      if (Date.now() > deadline) throw new PrintError(t('documents.print.timeout'));
      await new Promise((r) => setTimeout(r, READY_POLL_MS));
    }
  }

  /** The warm window when there is one (fresh: false), else a new one to load the page in. */
  function takeWindow(): { win: BrowserWindow; fresh: boolean } {
    if (warmTimer) clearTimeout(warmTimer);
    warmTimer = null;
    const kept = warm && !warm.isDestroyed() ? warm : null;
    warm = null;
    return kept ? { win: kept, fresh: false } : { win: openWindow(), fresh: true };
  }

  /**
   * After a print that went well the window rests on an empty route, loaded, for WARM_MS; after
   * one that failed (its page may be in any state) it is destroyed.
   */
  async function release(win: BrowserWindow, ok: boolean): Promise<void> {
    if (win.isDestroyed()) return;
    if (!ok || !core.isUnlocked()) {
      win.destroy();
      return;
    }
    try {
      await win.webContents.executeJavaScript(`location.hash = ${JSON.stringify(IDLE_ROUTE)}`, true);
    } catch {
      if (!win.isDestroyed()) win.destroy();
      return;
    }
    if (win.isDestroyed()) return;
    warm = win;
    warmTimer = setTimeout(() => {
      warmTimer = null;
      if (warm && !warm.isDestroyed()) warm.destroy();
      warm = null;
    }, WARM_MS);
    warmTimer.unref?.();
  }

  /** The first document loads the page; the next ones (of a batch, or a warm window) only change its hash. */
  async function render(win: BrowserWindow, route: string, fresh: boolean): Promise<Buffer> {
    if (fresh) await win.loadURL(printUrl(opts.appUrl, route));
    else await win.webContents.executeJavaScript(`location.hash = ${JSON.stringify(route)}`, true);
    await waitReady(win);
    return win.webContents.printToPDF(PDF_OPTIONS);
  }

  /**
   * A summary whose 附件目录 asked for the files themselves gets them after its pages, merged
   * by the core in memory (documents.appendAttachments): only the merged file is ever written.
   */
  async function withAppendix(pdf: Buffer, info: ExportInfo): Promise<Uint8Array> {
    if (info.kind !== 'childSummary' || !info.childId) return pdf;
    const merged = await core.invokeFromShell('documents.appendAttachments', { childId: info.childId, pdf });
    if (!merged.ok) throw new PrintError(merged.error.message);
    return (merged.value as { pdf: Uint8Array }).pdf;
  }

  /**
   * Written beside its final name first and renamed once the export is recorded: a file that
   * left the app without its audit row must never exist.
   */
  async function save(printed: Buffer, target: string, info: ExportInfo): Promise<PrintedFile> {
    const fileName = path.basename(target);
    const part = `${target}.part`;
    const pdf = await withAppendix(printed, info);
    await writeFile(part, pdf);
    // The hash of the bytes on disk, read back: the row must match the file that left the app.
    const written = await readFile(part);
    const sha256 = createHash('sha256').update(written).digest('hex');
    const pages = countPdfPages(written);
    const recorded = await core.invokeFromShell('documents.recordExport', {
      ...info,
      sha256,
      fileName,
      pages,
    });
    if (!recorded.ok) {
      await unlink(part).catch(() => undefined);
      throw new PrintError(recorded.error.message);
    }
    await rename(part, target);
    return { fileName, sha256, pages };
  }

  function progress(p: PrintProgress): void {
    const main = opts.getMainWindow();
    if (main && !main.isDestroyed()) main.webContents.send(EVENT_CHANNEL, PRINT_PROGRESS_EVENT, p);
  }

  function failure(err: unknown, win: BrowserWindow): string {
    if (err instanceof PrintError) return err.message;
    // A lock destroys the window under a running print; that is no bug to log.
    if (win.isDestroyed() || !core.isUnlocked()) return t('errors.locked');
    log('error', 'printing failed', err);
    return t('errors.internal');
  }

  async function printToPdf(input: unknown): Promise<ApiResult<ShellOutputs['shell.printToPdf']>> {
    const job = shellInputs['shell.printToPdf'].parse(input);
    const parent = opts.getMainWindow();
    const options: Electron.SaveDialogOptions = {
      title: t('documents.print.saveTitle'),
      defaultPath: path.join(app.getPath('documents'), job.suggestedName),
      filters: [{ name: t('documents.print.pdfFilter'), extensions: ['pdf'] }],
      properties: ['showOverwriteConfirmation', 'createDirectory'],
    };
    const choice = parent
      ? await dialog.showSaveDialog(parent, options)
      : await dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return ok(null);
    const target = choice.filePath.toLowerCase().endsWith('.pdf')
      ? choice.filePath
      : `${choice.filePath}.pdf`;
    const { win, fresh } = takeWindow();
    let printed = false;
    try {
      const pdf = await render(win, job.route, fresh);
      printed = true;
      return ok(await save(pdf, target, job.export));
    } catch (err) {
      return {
        ok: false,
        error: { code: 'INTERNAL', message: t('documents.print.failed', { message: failure(err, win) }) },
      };
    } finally {
      await release(win, printed);
    }
  }

  async function saveFile(input: unknown): Promise<ApiResult<ShellOutputs['shell.saveFile']>> {
    const file = shellInputs['shell.saveFile'].parse(input);
    const ext = path.extname(file.fileName).slice(1) || 'xlsx';
    const parent = opts.getMainWindow();
    const options: Electron.SaveDialogOptions = {
      defaultPath: path.join(app.getPath('documents'), file.fileName),
      filters: [{ name: ext.toUpperCase(), extensions: [ext] }],
      properties: ['showOverwriteConfirmation', 'createDirectory'],
    };
    const choice = parent
      ? await dialog.showSaveDialog(parent, options)
      : await dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return ok({ saved: false });
    await writeFile(choice.filePath, file.bytes);
    return ok({ saved: true });
  }

  async function printBatch(input: unknown): Promise<ApiResult<ShellOutputs['shell.printBatch']>> {
    const { items } = shellInputs['shell.printBatch'].parse(input);
    const parent = opts.getMainWindow();
    const options: Electron.OpenDialogOptions = {
      title: t('documents.print.folderTitle'),
      defaultPath: app.getPath('documents'),
      properties: ['openDirectory', 'createDirectory'],
    };
    const choice = parent
      ? await dialog.showOpenDialog(parent, options)
      : await dialog.showOpenDialog(options);
    if (choice.canceled || !choice.filePaths[0]) return ok(null);
    const folder = choice.filePaths[0];
    const printed: (PrintedFile | undefined)[] = [];
    const failed: { fileName: string; message: string }[] = [];
    const taken = new Set<string>();
    let next = 0;
    let finished = 0;
    cancelRequested = false;
    progress({ done: 0, total: items.length });
    // The first window is the warm one (kept after the batch); the others end with it.
    const worker = async (first: boolean) => {
      const opened = first ? takeWindow() : { win: openWindow(), fresh: true };
      const win = opened.win;
      let fresh = opened.fresh;
      let healthy = false;
      try {
        for (;;) {
          if (cancelRequested || !core.isUnlocked() || win.isDestroyed()) break;
          const i = next++;
          if (i >= items.length) break;
          const item = items[i];
          try {
            const pdf = await render(win, item.route, fresh);
            fresh = false;
            const target = freePath(folder, item.fileName, taken);
            taken.add(target);
            printed[i] = await save(pdf, target, item.export);
          } catch (err) {
            // A page that failed may be left in any state; the next document starts afresh.
            fresh = true;
            failed.push({ fileName: item.fileName, message: failure(err, win) });
          }
          finished++;
          progress({ done: finished, total: items.length });
        }
        healthy = !fresh;
      } finally {
        if (first) await release(win, healthy && !cancelRequested);
        else if (!win.isDestroyed()) win.destroy();
      }
    };
    const windows = Math.min(BATCH_WINDOWS, items.length);
    await Promise.all(Array.from({ length: windows }, (_, w) => worker(w === 0)));
    // In the order asked for, whichever window printed each.
    const done = printed.filter((p): p is PrintedFile => p !== undefined);
    const cancelled = done.length + failed.length < items.length;
    return ok({ total: items.length, done, failed, cancelled });
  }

  const handlers: Record<ShellMethod, (input: unknown) => Promise<ApiResult<unknown>>> = {
    'shell.saveFile': saveFile,
    'shell.printToPdf': printToPdf,
    'shell.printBatch': printBatch,
    'shell.cancelPrint': async () => {
      const was = busy;
      cancelRequested = true;
      return ok({ cancelled: was });
    },
  };

  return {
    async handle(method, input) {
      const handler = Object.hasOwn(handlers, method) ? handlers[method as ShellMethod] : undefined;
      if (!handler) return { ok: false, error: { code: 'NOT_FOUND', message: t('errors.unknownMethod') } };
      if (method !== 'shell.cancelPrint') {
        const parsed = shellInputs[method as ShellMethod].safeParse(input);
        if (!parsed.success)
          return { ok: false, error: { code: 'VALIDATION', message: t('errors.validation') } };
        if (!core.isUnlocked()) return { ok: false, error: { code: 'LOCKED', message: t('errors.locked') } };
        // One print at a time: two hidden windows would only compete for the same two cores.
        if (busy) return { ok: false, error: { code: 'CONFLICT', message: t('documents.print.busy') } };
        busy = true;
        try {
          return await handler(parsed.data);
        } catch (err) {
          log('error', `${method} failed`, err);
          return { ok: false, error: { code: 'INTERNAL', message: t('errors.internal') } };
        } finally {
          busy = false;
        }
      }
      return handler(input);
    },
    isPrintContents: (id) => contentsIds.has(id),
    dispose() {
      offLocked();
      if (warmTimer) clearTimeout(warmTimer);
      warm = null;
      cancelRequested = true;
      for (const win of windows) if (!win.isDestroyed()) win.destroy();
    },
  };
}
