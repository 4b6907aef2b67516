import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// electron/print.ts drives windows and dialogs that only exist in Electron; they are replaced by
// recorders, so the sequence (dialog → hidden window → marker → PDF → record → file) and the
// IPC trust rules are checked here, on every commit, without an Electron binary.
const electron = vi.hoisted(() => {
  const state = {
    saveResult: { canceled: false, filePath: '' } as { canceled: boolean; filePath?: string },
    openResult: { canceled: false, filePaths: [] as string[] },
    windows: [] as { options: unknown; destroyed: boolean }[],
    /** What the print page's marker says, per route. */
    marker: (_route: string): { ready: string; error: string } | null => ({ ready: '1', error: '' }),
    onRender: (_route: string) => {},
    handlers: new Map<string, (...args: unknown[]) => unknown>(),
  };
  let nextId = 100;
  class FakeWindow {
    destroyed = false;
    route = '';
    listeners = new Map<string, () => void>();
    webContents = {
      id: nextId++,
      send: () => undefined,
      executeJavaScript: async (code: string) => {
        const assign = /^location\.hash = (".*")$/.exec(code);
        if (assign) {
          this.route = JSON.parse(assign[1]);
          state.onRender(this.route);
          return undefined;
        }
        const m = state.marker(this.route);
        return m ? { ...m } : null;
      },
      printToPDF: async () => Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Page >>\n% ${this.route}\n`),
    };
    constructor(public options: unknown) {
      state.windows.push(this);
    }
    loadURL = async (url: string) => {
      this.route = url.slice(url.indexOf('#') + 1);
      state.onRender(this.route);
    };
    isDestroyed = () => this.destroyed;
    destroy = () => {
      this.destroyed = true;
      this.listeners.get('closed')?.();
    };
    on = (event: string, fn: () => void) => this.listeners.set(event, fn);
  }
  return {
    state,
    module: {
      app: { getPath: () => tmpdir() },
      BrowserWindow: FakeWindow,
      dialog: {
        showSaveDialog: async () => state.saveResult,
        showOpenDialog: async () => state.openResult,
      },
      ipcMain: {
        handle: (channel: string, fn: (...args: unknown[]) => unknown) => state.handlers.set(channel, fn),
        removeHandler: (channel: string) => state.handlers.delete(channel),
      },
    },
  };
});
vi.mock('electron', () => electron.module);

import type { BrowserWindow } from 'electron';
import type { Core } from '../../../db/api/core';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../../electron/channels';
import { wireIpc } from '../../../electron/ipc';
import type { Log } from '../../../electron/log';
import { BATCH_WINDOWS, createPrintService, IDLE_ROUTE, PDF_OPTIONS, WARM_MS } from '../../../electron/print';
import {
  countPdfPages,
  isPrintWindowMethod,
  PRINT_ROUTE,
  type PRINT_WINDOW_METHOD_NAMES,
  printUrl,
  safeFileName,
  shellInputs,
} from '../../../electron/print-contract';

const { state } = electron;
/** An order's print job, as the order page sends it. */
const ORDER_JOB = {
  route: '/print/order/o1',
  suggestedName: 'x.pdf',
  export: { kind: 'orderPdf', entityId: 'o1', childId: 'c1' },
};

/** What the core answers when it refuses a call. */
const refusal = (code: string, message: string) => ({ ok: false, error: { code, message } }) as never;

const EXPORT = { kind: 'childSummary', entityId: 'c1', childId: 'c1', sections: ['basic'], partner: '民政' };

function fakeCore() {
  const lockedListeners = new Set<(p: unknown) => void>();
  let unlocked = true;
  const core = {
    invoke: vi.fn(async (method: string, input: unknown) => ({
      ok: true as const,
      value: { method, input },
    })),
    invokeFromShell: vi.fn(async (method: string, input: unknown) => ({
      ok: true as const,
      // A summary that asked for no attachments comes back as printed (db/documents).
      value:
        method === 'documents.appendAttachments'
          ? { pdf: (input as { pdf: Uint8Array }).pdf, appended: 0 }
          : { method, input },
    })),
    on: (_e: string, l: (p: unknown) => void) => {
      lockedListeners.add(l);
      return () => lockedListeners.delete(l);
    },
    lock: () => {
      unlocked = false;
      for (const l of lockedListeners) l({ reason: 'idle' });
    },
    isUnlocked: () => unlocked,
    idleMinutes: () => 10,
    close: () => undefined,
  };
  return core;
}

describe('print-contract helpers', () => {
  it('lets a print window call its reads and nothing else, by contract method name', () => {
    expect(isPrintWindowMethod('orders.get')).toBe(true);
    expect(isPrintWindowMethod('children.delete')).toBe(false);
    expect(isPrintWindowMethod('shell.printToPdf')).toBe(false);
    // A misspelt name is a compile error, not a method the window silently cannot call.
    // @ts-expect-error: 'orders.gte' is not a contract method
    const typo: (typeof PRINT_WINDOW_METHOD_NAMES)[number] = 'orders.gte';
    expect(isPrintWindowMethod(typo)).toBe(false);
  });

  it('makes safe PDF file names', () => {
    expect(safeFileName('转介摘要-张某-20261127')).toBe('转介摘要-张某-20261127.pdf');
    expect(safeFileName('../../etc/x:y?.pdf')).toBe('_.._etc_x_y_.pdf');
    expect(safeFileName('...')).toBe('document.pdf');
  });

  it('accepts only the print routes', () => {
    expect(PRINT_ROUTE.test('/print/order/0197a-b')).toBe(true);
    expect(PRINT_ROUTE.test('/print/child/abc?sections=basic&partner=%E6%B0%91')).toBe(true);
    expect(PRINT_ROUTE.test('/print/relief/0197a-b')).toBe(true);
    expect(PRINT_ROUTE.test('/print/suit/0197a-b')).toBe(true);
    expect(PRINT_ROUTE.test('/children/abc')).toBe(false);
    expect(PRINT_ROUTE.test('/print/child/../../x')).toBe(false);
    expect(PRINT_ROUTE.test('/print/order/x#/other')).toBe(false);
  });

  it('builds the print window URL from the app page, whatever it carried', () => {
    expect(printUrl('app://sunward/index.html', '/print/order/1')).toBe(
      'app://sunward/index.html?print=1#/print/order/1',
    );
    expect(printUrl('http://localhost:5173/?x=1#/children', '/print/order/1')).toBe(
      'http://localhost:5173/?print=1#/print/order/1',
    );
  });

  it('counts pages, not the page tree', () => {
    const pdf = Buffer.from('<< /Type /Pages /Kids [] >> << /Type /Page >> << /Type/Page/Parent 2 0 R >>');
    expect(countPdfPages(pdf)).toBe(2);
  });
});

describe('the shell print service', () => {
  let dir: string;
  let core: ReturnType<typeof fakeCore>;
  let main: { isDestroyed: () => boolean; webContents: { id: number; send: ReturnType<typeof vi.fn> } };
  const log = vi.fn<Log>();

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'sunward-print-'));
    core = fakeCore();
    main = { isDestroyed: () => false, webContents: { id: 7, send: vi.fn() } };
    state.windows.length = 0;
    state.marker = () => ({ ready: '1', error: '' });
    state.onRender = () => {};
    state.saveResult = { canceled: false, filePath: path.join(dir, 'out.pdf') };
    state.openResult = { canceled: false, filePaths: [dir] };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const service = () =>
    createPrintService({
      core: core as unknown as Core,
      preload: '/app/out/preload/preload.cjs',
      appUrl: 'app://sunward/index.html',
      getMainWindow: () => main as unknown as BrowserWindow,
      log,
    });

  it('prints in a hidden, sandboxed window, records the export with the hash, then writes the file', async () => {
    const printer = service();
    const res = await printer.handle('shell.printToPdf', {
      route: '/print/child/c1?sections=basic',
      suggestedName: '转介摘要-张某-20261127.pdf',
      export: EXPORT,
    });
    expect(res.ok).toBe(true);
    const file = path.join(dir, 'out.pdf');
    const bytes = readFileSync(file);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    expect(res).toEqual({ ok: true, value: { fileName: 'out.pdf', sha256, pages: 1 } });
    // Recorded through the shell's own entry, with the hash of the bytes on disk.
    expect(core.invoke).not.toHaveBeenCalled();
    expect(core.invokeFromShell).toHaveBeenCalledWith('documents.recordExport', {
      ...EXPORT,
      sha256,
      fileName: 'out.pdf',
      pages: 1,
    });
    const [win] = state.windows;
    expect(win.options).toMatchObject({
      show: false,
      webPreferences: {
        preload: '/app/out/preload/preload.cjs',
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        devTools: false,
      },
    });
    // Kept loaded for the next print, resting on a route with no document (no child's data).
    expect(win.destroyed).toBe(false);
    expect((win as unknown as { route: string }).route).toBe(IDLE_ROUTE);
    expect(PDF_OPTIONS).toEqual({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
  });

  it('writes a summary with its attachments appended by the core, and records the hash of the merged file', async () => {
    const merged = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Page >>\n2 0 obj << /Type /Page >>\n% merged\n');
    core.invokeFromShell.mockImplementation(async (method: string, input: unknown) =>
      method === 'documents.appendAttachments'
        ? { ok: true as const, value: { pdf: merged, appended: 1 } as never }
        : { ok: true as const, value: { method, input } },
    );
    const res = await service().handle('shell.printToPdf', {
      route: '/print/child/c1?sections=attachments&append=1',
      suggestedName: 'x.pdf',
      export: EXPORT,
    });
    const sha256 = createHash('sha256').update(merged).digest('hex');
    expect(res).toEqual({ ok: true, value: { fileName: 'out.pdf', sha256, pages: 2 } });
    expect(readFileSync(path.join(dir, 'out.pdf')).equals(merged)).toBe(true);
    expect(core.invokeFromShell.mock.calls.map((c) => c[0])).toEqual([
      'documents.appendAttachments',
      'documents.recordExport',
    ]);
    expect(core.invokeFromShell.mock.calls[0]![1]).toMatchObject({ childId: 'c1' });
  });

  it('writes and records nothing when an attachment cannot be appended', async () => {
    core.invokeFromShell.mockResolvedValueOnce(refusal('VALIDATION', '附件“损坏的扫描件”无法附在摘要之后'));
    const res = await service().handle('shell.printToPdf', {
      route: '/print/child/c1?sections=attachments&append=1',
      suggestedName: 'x.pdf',
      export: EXPORT,
    });
    expect(res).toMatchObject({ ok: false, error: { message: expect.stringContaining('损坏的扫描件') } });
    expect(readdirSync(dir)).toEqual([]);
    expect(core.invokeFromShell).toHaveBeenCalledTimes(1);
  });

  it('prints the next document in the warm window by its hash, and ends it when idle or locked', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const printer = service();
      const loads: string[] = [];
      state.onRender = (route) => loads.push(route);
      const job = (id: string) =>
        printer.handle('shell.printToPdf', {
          route: `/print/child/${id}?sections=basic`,
          suggestedName: 'x.pdf',
          export: { ...EXPORT, entityId: id, childId: id },
        });
      expect((await job('c1')).ok).toBe(true);
      // The same document again is rendered again (the window rested on the idle route between).
      expect((await job('c1')).ok).toBe(true);
      expect((await job('c2')).ok).toBe(true);
      expect(state.windows).toHaveLength(1);
      expect(loads).toEqual([
        '/print/child/c1?sections=basic',
        IDLE_ROUTE,
        '/print/child/c1?sections=basic',
        IDLE_ROUTE,
        '/print/child/c2?sections=basic',
        IDLE_ROUTE,
      ]);
      const [first] = state.windows;
      vi.advanceTimersByTime(WARM_MS + 1);
      expect(first.destroyed).toBe(true);

      expect((await job('c3')).ok).toBe(true);
      expect(state.windows).toHaveLength(2);
      expect(state.windows[1].destroyed).toBe(false);
      core.lock();
      expect(state.windows[1].destroyed).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not keep a window whose print failed', async () => {
    state.marker = () => ({ ready: 'error', error: '未找到相关记录' });
    const res = await service().handle('shell.printToPdf', ORDER_JOB);
    expect(res.ok).toBe(false);
    expect(state.windows.every((w) => w.destroyed)).toBe(true);
  });

  it('writes and records nothing when the save dialog is cancelled', async () => {
    state.saveResult = { canceled: true };
    const res = await service().handle('shell.printToPdf', ORDER_JOB);
    expect(res).toEqual({ ok: true, value: null });
    expect(core.invokeFromShell).not.toHaveBeenCalled();
    expect(state.windows).toHaveLength(0);
  });

  it('leaves no file behind when the export cannot be recorded', async () => {
    core.invokeFromShell.mockResolvedValueOnce(refusal('LOCKED', '系统已锁定'));
    const res = await service().handle('shell.printToPdf', ORDER_JOB);
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', message: expect.stringContaining('系统已锁定') },
    });
    expect(readdirSync(dir)).toEqual([]);
  });

  it("passes the print page's own error on", async () => {
    state.marker = () => ({ ready: 'error', error: '未找到相关记录' });
    const res = await service().handle('shell.printToPdf', ORDER_JOB);
    expect(res).toMatchObject({ ok: false, error: { message: expect.stringContaining('未找到相关记录') } });
  });

  it('refuses routes that are not print routes', async () => {
    const res = await service().handle('shell.printToPdf', {
      route: '/settings',
      suggestedName: 'x.pdf',
      export: { kind: 'orderPdf', entityId: 'o1', childId: 'c1' },
    });
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('prints a batch into one folder with progress, two windows at once, and no overwritten file', async () => {
    writeFileSync(path.join(dir, 'a.pdf'), 'already here');
    const items = ['a', 'b', 'a'].map((n, i) => ({
      route: `/print/child/c${i}?sections=basic`,
      fileName: `${n}.pdf`,
      export: { ...EXPORT, entityId: `c${i}`, childId: `c${i}` },
    }));
    const res = await service().handle('shell.printBatch', { items });
    expect(res).toMatchObject({ ok: true, value: { total: 3, cancelled: false, failed: [] } });
    expect(readdirSync(dir).sort()).toEqual(['a-2.pdf', 'a-3.pdf', 'a.pdf', 'b.pdf']);
    expect(readFileSync(path.join(dir, 'a.pdf'), 'utf8')).toBe('already here');
    // Each file holds the document it is named for, whichever window printed it.
    const value = (res as { value: { done: { fileName: string }[] } }).value;
    expect(value.done.map((d) => readFileSync(path.join(dir, d.fileName), 'utf8').match(/c\d/)?.[0])).toEqual(
      ['c0', 'c1', 'c2'],
    );
    // Two windows at once; the first stays warm for the next print, the other is gone.
    expect(state.windows).toHaveLength(BATCH_WINDOWS);
    expect(state.windows.map((w) => w.destroyed)).toEqual([false, true]);
    const progress = main.webContents.send.mock.calls.map((c) => c[2]);
    expect(
      main.webContents.send.mock.calls.every((c) => c[0] === EVENT_CHANNEL && c[1] === 'print-progress'),
    ).toBe(true);
    expect(progress).toEqual([
      { done: 0, total: 3 },
      { done: 1, total: 3 },
      { done: 2, total: 3 },
      { done: 3, total: 3 },
    ]);
  });

  it('stops a batch when cancelled, and when the session locks', async () => {
    const printer = service();
    const items = Array.from({ length: 5 }, (_, i) => ({
      route: `/print/child/c${i}?sections=basic`,
      fileName: `s${i}.pdf`,
      export: { ...EXPORT, entityId: `c${i}`, childId: `c${i}` },
    }));
    state.onRender = (route) => {
      if (route.startsWith('/print/child/c1')) void printer.handle('shell.cancelPrint', {});
    };
    const cancelled = await printer.handle('shell.printBatch', { items });
    expect(cancelled).toMatchObject({ ok: true, value: { cancelled: true } });
    expect((cancelled as { value: { done: unknown[] } }).value.done).toHaveLength(2);

    state.onRender = (route) => {
      if (route.startsWith('/print/child/c2')) core.lock();
    };
    const locked = await printer.handle('shell.printBatch', { items });
    expect(locked).toMatchObject({ ok: true, value: { cancelled: true } });
    expect(state.windows.every((w) => w.destroyed)).toBe(true);
  });

  it('refuses a second print while one runs', async () => {
    const printer = service();
    state.marker = () => null;
    const first = printer.handle('shell.printToPdf', {
      route: '/print/order/o1',
      suggestedName: 'x.pdf',
      export: { kind: 'orderPdf', entityId: 'o1', childId: 'c1' },
    });
    await new Promise((r) => setTimeout(r, 10));
    const second = await printer.handle('shell.printToPdf', {
      route: '/print/order/o2',
      suggestedName: 'y.pdf',
      export: { kind: 'orderPdf', entityId: 'o2', childId: 'c1' },
    });
    expect(second).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    state.marker = () => ({ ready: '1', error: '' });
    expect(await first).toMatchObject({ ok: true });
  });
});

describe('IPC trust for print windows', () => {
  const topFrame = (url = 'app://sunward/index.html?print=1#/print/order/o1') => ({ parent: null, url });
  const ev = (senderId: number, frame: { parent: unknown; url: string } | null) => ({
    sender: { id: senderId },
    senderFrame: frame,
  });

  function wire() {
    state.handlers.clear();
    const core = fakeCore();
    const main = { isDestroyed: () => false, webContents: { id: 7, send: vi.fn() } };
    const printer = {
      handle: vi.fn(async () => ({ ok: true as const, value: 'printed' })),
      isPrintContents: (id: number) => id === 101,
      dispose: () => undefined,
    };
    wireIpc(
      core as unknown as Core,
      () => main as unknown as BrowserWindow,
      undefined,
      vi.fn<Log>(),
      printer,
    );
    const call = (...args: unknown[]) => state.handlers.get(INVOKE_CHANNEL)!(...args);
    return { core, printer, call };
  }

  it("lets a print window read its document's data, and nothing else", async () => {
    const { core, call } = wire();
    expect(await call(ev(101, topFrame()), 'orders.get', { id: 'o1' })).toMatchObject({ ok: true });
    expect(await call(ev(101, topFrame()), 'documents.childSummary', {})).toMatchObject({ ok: true });
    for (const method of ['session.lock', 'children.update', 'documents.recordExport', 'shell.printToPdf']) {
      expect(await call(ev(101, topFrame()), method, {})).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    }
    expect(core.invoke).toHaveBeenCalledTimes(2);
  });

  it('refuses unknown windows and foreign pages even in a print window', async () => {
    const { core, call } = wire();
    expect(await call(ev(102, topFrame()), 'orders.get', {})).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(await call(ev(101, topFrame('https://example.com/')), 'orders.get', {})).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    expect(
      await call(ev(101, { parent: {}, url: 'app://sunward/index.html' }), 'orders.get', {}),
    ).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    expect(core.invoke).not.toHaveBeenCalled();
  });

  it('sends shell.* from the app window to the shell, never to the core', async () => {
    const { core, printer, call } = wire();
    expect(
      await call(ev(7, topFrame('app://sunward/index.html#/children')), 'shell.printBatch', { items: [] }),
    ).toEqual({
      ok: true,
      value: 'printed',
    });
    expect(printer.handle).toHaveBeenCalledWith('shell.printBatch', { items: [] });
    expect(core.invoke).not.toHaveBeenCalled();
  });
});

describe('shell.saveFile', () => {
  it('keeps the extension of the file it saves: an attachment may be a PDF, a photo or a Word file', () => {
    const parse = (fileName: string) =>
      shellInputs['shell.saveFile'].parse({ fileName, mime: 'application/pdf', bytes: new Uint8Array(1) })
        .fileName;
    expect(parse('送达回证（刘翠兰签收）.pdf')).toBe('送达回证（刘翠兰签收）.pdf');
    expect(parse('家访照片.jpg')).toBe('家访照片.jpg');
    expect(parse('台账-20261127.xlsx')).toBe('台账-20261127.xlsx');
    expect(parse('a/b:c.docx')).toBe('a_b_c.docx');
  });
});
