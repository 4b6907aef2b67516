// The shell's own methods (shell.*), which main answers itself instead of passing them to the
// core: printing needs a window and a save dialog. Neither electron nor Node imports here, so
// the renderer's typed wrapper, the browser-test helper and unit tests share these.
import { z } from 'zod';
import type { MethodName } from '../db/api/contract';
import { exportInfoInput } from '../db/documents/inputs';

/** The hash routes the shell may print. Nothing else is ever loaded into a print window. */
export const PRINT_ROUTE =
  /^\/print\/(order|child|stats|relief|suit)\/[0-9A-Za-z-]{1,64}(\?[^#\s]{0,2000})?$/;

/**
 * What a print window may ask the core: the reads its documents are made of. A print window
 * is our own page, but it needs nothing else, so it gets nothing else (no lock, no writes).
 * documents.childSummary is a write only because revealing an ID number is audited.
 */
export const PRINT_WINDOW_METHOD_NAMES = [
  'session.status',
  'orders.get',
  'documents.childSummary',
  'stats.ledger',
  'relief.get',
  'suits.get',
] as const satisfies readonly MethodName[];
export type PrintWindowMethod = (typeof PRINT_WINDOW_METHOD_NAMES)[number];

const PRINT_WINDOW_METHODS: ReadonlySet<string> = new Set(PRINT_WINDOW_METHOD_NAMES);

/** Whether a print window may call `name` (a contract method's name, checked by the compiler above). */
export function isPrintWindowMethod(name: string): name is PrintWindowMethod {
  return PRINT_WINDOW_METHODS.has(name);
}

/**
 * A batch prints in two hidden windows at once: each is its own renderer process, and most of a
 * summary's time is Chromium writing the PDF in it, so two use two cores.
 */
export const BATCH_WINDOWS = 2;

/** The query (before the hash) that tells the renderer it is a print window, not the app. */
export const PRINT_WINDOW_QUERY = 'print=1';

/** Characters Windows, macOS or Linux refuse in a file name, and control characters. */
const UNSAFE_FILE_CHARS = /[\\/:*?"<>|]/g;

export function safeFileName(name: string, ext = '.pdf'): string {
  const cleaned = Array.from(name, (c) => (c.charCodeAt(0) < 0x20 ? '_' : c))
    .join('')
    .replace(UNSAFE_FILE_CHARS, '_')
    .replace(/^\.+/, '')
    .trim()
    .slice(0, 120);
  const base = cleaned || 'document';
  return !ext || base.toLowerCase().endsWith(ext) ? base : `${base}${ext}`;
}

const fileName = z
  .string()
  .min(1)
  .max(200)
  .transform((v) => safeFileName(v));

export const printJob = z.object({
  route: z.string().regex(PRINT_ROUTE),
  fileName,
  export: exportInfoInput,
});

export const shellInputs = {
  'shell.printToPdf': z.object({
    route: z.string().regex(PRINT_ROUTE),
    suggestedName: fileName,
    export: exportInfoInput,
  }),
  'shell.printBatch': z.object({ items: z.array(printJob).min(1).max(1000) }),
  'shell.cancelPrint': z.object({}).strict(),
  /** A file the core already made and audited (an Excel export): only where to put it is asked. */
  'shell.saveFile': z.object({
    fileName: z
      .string()
      .min(1)
      .max(200)
      // Its own extension kept (an attachment may be a .pdf, .jpg, .docx), none added.
      .transform((v) => safeFileName(v, '')),
    mime: z.string().max(120),
    bytes: z.instanceof(Uint8Array),
  }),
};

export type ShellMethod = keyof typeof shellInputs;
export type ShellInput<M extends ShellMethod> = z.input<(typeof shellInputs)[M]>;

export interface PrintedFile {
  fileName: string;
  sha256: string;
  pages: number;
}

export interface ShellOutputs {
  /** null when the caseworker cancelled the save dialog: nothing was written or recorded. */
  'shell.printToPdf': PrintedFile | null;
  /** null when the folder dialog was cancelled. */
  'shell.printBatch': {
    total: number;
    done: PrintedFile[];
    failed: { fileName: string; message: string }[];
    cancelled: boolean;
  } | null;
  'shell.cancelPrint': { cancelled: boolean };
  /** false when the caseworker cancelled the save dialog. */
  'shell.saveFile': { saved: boolean };
}
export type ShellOutput<M extends ShellMethod> = ShellOutputs[M];

/** The event main sends to the app window while a batch runs. */
export const PRINT_PROGRESS_EVENT = 'print-progress';
export interface PrintProgress {
  done: number;
  total: number;
}

/**
 * Pages in a PDF written by Chromium: one `/Type /Page` object per page (the tree's root is
 * `/Type /Pages`). Chromium writes the page objects uncompressed, so a scan finds them.
 */
export function countPdfPages(pdf: Uint8Array): number {
  const text = new TextDecoder('latin1').decode(pdf);
  return (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

/** The URL a print window loads: the app's page, marked as a print window, at the route. */
export function printUrl(appIndexUrl: string, route: string): string {
  const base = appIndexUrl.split('#')[0].split('?')[0];
  return `${base}?${PRINT_WINDOW_QUERY}#${route}`;
}

/**
 * Polled in the print window until the route has rendered with its data and fonts: the
 * page sets `data-print-ready` ('1', or 'error' with `data-print-error`) and the hash it
 * rendered, so a marker left by the previous document of a batch never counts.
 */
export const READY_PROBE = `(() => {
  const b = document.body;
  if (!b || b.dataset.printRoute !== location.hash) return null;
  return { ready: b.dataset.printReady || '', error: b.dataset.printError || '' };
})()`;
