// 台账导入: a ledger read, previewed and committed. The file's bytes come with every call
// (the wizard holds them), so nothing of a file the caseworker cancels is ever kept.
import { createHash } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { type Ctx, type Host, hostMethod, method, type ReadCtx } from '../api/define';
import { ApiError } from '../api/errors';
import { maskIdNumber } from '../children/idNumber';
import { today } from '../children/model';
import { newId } from '../common/ids';
import { created } from '../common/records';
import { phaseAsync } from '../core/phases';
import { writeXlsx, type XlsxFile } from '../exports/xlsx';
import { t } from '../i18n';
import type { LedgerField } from './codes';
import {
  ledgerCommitInput,
  ledgerFile,
  ledgerPreviewInput,
  ledgerReadInput,
  mappingSaveInput,
} from './inputs';
import { applyPlan, type Plan, type PreviewRow, planImport, previewRow, type Step } from './model';
import { readLedger, type SourceSheet } from './parse';
import { detectHeaderRow, headerKey, type SourceCell, suggestMapping } from './rules';
import { type ImportCounts, ledgerImports, ledgerMappings } from './schema';

const progressInput = z.object({});

const cancelInput = z.object({});

const skippedReportInput = z.object({ ...ledgerFile, importId: z.string().min(1) });

const forgetInput = z.object({});

export const ledgerMethods = {
  'ledger.read': hostMethod({
    input: ledgerReadInput,
    access: 'user',
    kind: 'host',
    handler: read,
  }),

  'ledger.preview': hostMethod({
    input: ledgerPreviewInput,
    access: 'user',
    kind: 'host',
    handler: preview,
  }),

  /**
   * Applies the preview's plan (or plans again when the database changed since) in ONE
   * transaction spread over steps of a few hundred rows (Host.exclusive): the wizard shows the
   * rows written so far, and a cancel or a lock before the end rolls everything back.
   */
  'ledger.commit': hostMethod({
    input: ledgerCommitInput,
    access: 'user',
    kind: 'host',
    handler: commit,
  }),

  /** What the running read, preview or commit has done so far; null when none runs. */
  'ledger.progress': method({
    input: progressInput,
    access: 'user',
    kind: 'read',
    concurrent: true,
    handler: progress,
  }),

  /**
   * Stops the running read, preview or commit at its next step; a commit rolls back whole.
   * False when nothing was running (it had finished).
   */
  'ledger.cancel': method({
    input: cancelInput,
    access: 'user',
    kind: 'read',
    concurrent: true,
    handler: cancel,
  }),

  /** The skipped rows with their original cells and a reason column, for fixing and re-importing. */
  'ledger.skippedReport': hostMethod({
    input: skippedReportInput,
    access: 'user',
    kind: 'host',
    handler: skippedReport,
  }),

  /** The wizard was cancelled or finished: the file read and its plan leave memory now. */
  'ledger.forget': method({
    input: forgetInput,
    access: 'user',
    kind: 'read',
    handler: forget,
  }),

  'ledger.saveMapping': method({
    input: mappingSaveInput,
    access: 'user',
    kind: 'write',
    handler: saveMapping,
  }),
};

export interface PriorImport {
  id: string;
  fileName: string;
  at: number;
  counts: ImportCounts;
}

export interface LedgerSheetView {
  fileHash: string;
  sheets: { name: string; rows: number }[];
  sheet: string;
  /** 0-based; null when no row looks like a header. */
  headerRow: number | null;
  detectedHeaderRow: number | null;
  /** The first rows as text, for confirming the header row. */
  top: string[][];
  headers: string[];
  suggested: (LedgerField | null)[];
  mappings: { id: string; name: string; headers: Record<string, LedgerField> }[];
  prior: PriorImport | null;
}

export interface LedgerPreview {
  fileHash: string;
  sheet: string;
  headers: string[];
  counts: Plan['counts'];
  rows: PreviewRow[];
  prior: PriorImport | null;
}

export interface LedgerReport {
  importId: string | null;
  fileName: string;
  sheet: string;
  /** Set when this file's sheet was imported before: nothing was added this time. */
  repeatOf: PriorImport | null;
  counts: ImportCounts;
  skipped: { row: number; reason: string }[];
  /** The first imported or merged files, to open from the report. */
  children: { id: string; name: string }[];
}

/** What a long call (a read, a preview, a commit) has done so far, for the wizard's progress bar. */
export interface LedgerProgress {
  /**
   * read: the file is being read (no count); plan: rows judged; write: rows written; save: the
   * last stretch of an import (its record, the stored reminders, the commit), which no poll
   * can interrupt.
   */
  phase: 'read' | 'plan' | 'write' | 'save';
  done: number;
  total: number;
}

/**
 * The long call running on a connection, if any: its progress (polled by `ledger.progress`)
 * and whether the caseworker asked to stop it (`ledger.cancel`). Memory only.
 */
interface Job extends LedgerProgress {
  cancelled: boolean;
}
const jobs = new WeakMap<object, Job>();

/**
 * Runs one long call as the connection's job, so ledger.progress and ledger.cancel reach it;
 * the job ends with the call however it ends (unless the app locked meanwhile: no connection).
 */
async function asJob<T>(host: Host, phase: Job['phase'], run: (job: Job) => Promise<T>): Promise<T> {
  const job: Job = { phase, done: 0, total: 0, cancelled: false };
  jobs.set(host.ctx().raw, job);
  try {
    return await run(job);
  } finally {
    if (host.state() === 'unlocked') {
      const conn = host.ctx().raw;
      if (jobs.get(conn) === job) jobs.delete(conn);
    }
  }
}

/** Stops the call at its next step when the caseworker cancelled it. */
function checkCancelled(job: Job): void {
  if (job.cancelled) throw ApiError.conflict('cancelled', t('ledger.progress.cancelled'));
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A preview's pause: a turn of the event loop, and if an exclusive write (an import) began
 * meanwhile, its end, so the preview never reads inside another call's open transaction.
 */
function previewPause(host: Host): () => Promise<void> {
  return async () => {
    await nextTurn();
    for (let held = host.busy(); held; held = host.busy()) await held;
  };
}

/**
 * The step between chunks: record the count, let the event loop answer the progress poll and a
 * cancel (after `pause`, which is the exclusive write's own step in a commit), then stop if asked.
 */
function stepper(job: Job, phase: Job['phase'], pause: () => Promise<void>): Step {
  return async (done, total) => {
    job.phase = phase;
    job.done = done;
    job.total = total;
    await pause();
    checkCancelled(job);
  };
}

const TOP_ROWS = 12;
const decode = (data: string) => Buffer.from(data, 'base64');
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * The last file read, per open database: the wizard sends the same bytes at every step, and
 * reading a large workbook costs more than planning it. Memory only, and gone with the
 * connection when the app locks.
 */
const lastRead = new WeakMap<object, { hash: string; fileName: string; sheets: SourceSheet[] }>();

async function load(host: Host, input: { fileName: string; data: string }, job?: Job) {
  const bytes = decode(input.data);
  if (bytes.length === 0) throw new ApiError('VALIDATION', t('ledger.error.noFile'));
  const hash = sha256(bytes);
  const conn = host.ctx().raw;
  const cached = lastRead.get(conn);
  if (cached && cached.hash === hash && cached.fileName === input.fileName) return cached;
  if (job) job.phase = 'read';
  const read = { hash, fileName: input.fileName, sheets: await readLedger(input.fileName, bytes) };
  if (job) checkCancelled(job);
  // Locked while reading: the file read belongs to no session now.
  if (host.ctx().raw !== conn) throw new ApiError('LOCKED', t('errors.locked'));
  lastRead.set(conn, read);
  return read;
}

function pickSheet(sheets: SourceSheet[], name: string | null | undefined): SourceSheet {
  if (!sheets.length) throw new ApiError('VALIDATION', t('ledger.error.noSheet'));
  if (name) {
    const found = sheets.find((s) => s.name === name);
    if (!found) throw new ApiError('VALIDATION', t('ledger.error.noSheet'));
    return found;
  }
  return sheets.find((s) => detectHeaderRow(s.rows) !== null) ?? sheets[0];
}

/** A cell as the wizard shows it: an ID number masked, as everywhere else in the app. */
const cellShown = (c: SourceCell) => {
  const compact = c.text.normalize('NFKC').replace(/\s/g, '');
  return /^\d{17}[\dXx]$/.test(compact) ? (maskIdNumber(compact.toUpperCase()) ?? '') : c.text;
};

/**
 * The last preview's plan, per open database, kept while nothing has been written since:
 * every write leaves an audit row in its own transaction, so an unchanged audit head means an
 * unchanged database, and the commit can apply what the caseworker saw without planning again.
 */
const lastPlan = new WeakMap<object, { key: string; seq: number; plan: Plan }>();

function auditSeq(ctx: Ctx): number {
  const row = ctx.raw.prepare('SELECT seq FROM audit_head WHERE id = 1').get() as { seq: number } | undefined;
  return row?.seq ?? 0;
}

function planKey(hash: string, input: { sheet: string; headerRow: number; columns: unknown[] }, day: string) {
  return JSON.stringify([hash, input.sheet, input.headerRow, input.columns, day]);
}

function priorImport(ctx: Ctx, hash: string, sheet: string): PriorImport | null {
  const row = ctx.db
    .select()
    .from(ledgerImports)
    .where(
      and(eq(ledgerImports.fileHash, hash), eq(ledgerImports.sheet, sheet), isNull(ledgerImports.deletedAt)),
    )
    .get();
  return row ? { id: row.id, fileName: row.fileName, at: row.createdAt, counts: row.counts } : null;
}

/** The sheets, the chosen sheet's top rows and header, the suggested mapping and any prior import. */
async function readView(
  host: Host,
  input: z.output<typeof ledgerReadInput>,
  job: Job,
): Promise<LedgerSheetView> {
  const { hash, sheets } = await load(host, input, job);
  const sheet = pickSheet(sheets, input.sheet);
  const detected = detectHeaderRow(sheet.rows);
  const headerRow = input.headerRow ?? detected;
  if (headerRow !== null && headerRow >= sheet.rows.length)
    throw new ApiError('VALIDATION', t('ledger.error.headerRow'));
  const header = headerRow === null ? [] : sheet.rows[headerRow];
  const ctx = host.ctx();
  const from = Math.max(0, (headerRow ?? 0) - 3);
  return {
    fileHash: hash,
    sheets: sheets.map((s) => ({ name: s.name, rows: s.rows.length })),
    sheet: sheet.name,
    headerRow,
    detectedHeaderRow: detected,
    top: sheet.rows.slice(0, Math.max(TOP_ROWS, from + TOP_ROWS)).map((r) => r.map(cellShown)),
    headers: header.map(cellShown),
    suggested: suggestMapping(header),
    mappings: ctx.db
      .select({ id: ledgerMappings.id, name: ledgerMappings.name, headers: ledgerMappings.headers })
      .from(ledgerMappings)
      .where(isNull(ledgerMappings.deletedAt))
      .orderBy(asc(ledgerMappings.name))
      .all(),
    prior: priorImport(ctx, hash, sheet.name),
  };
}

/** The commit inside its exclusive transaction: plan (again if need be), write in steps, record. */
async function commitImport(
  ctx: Ctx,
  input: z.output<typeof ledgerCommitInput>,
  hash: string,
  sheet: SourceSheet,
  job: Job,
  step: () => Promise<void>,
): Promise<LedgerReport> {
  const kept = lastPlan.get(ctx.raw);
  lastPlan.delete(ctx.raw);
  checkCancelled(job);
  const plan =
    kept && kept.key === planKey(hash, input, today(ctx)) && kept.seq === auditSeq(ctx)
      ? kept.plan
      : await phaseAsync('plan again', () =>
          planImport(ctx, sheet, input.headerRow, input.columns, stepper(job, 'plan', step)),
        );
  const prior = priorImport(ctx, hash, sheet.name);
  if (prior) {
    return {
      importId: null,
      fileName: input.fileName,
      sheet: sheet.name,
      repeatOf: prior,
      counts: { rows: plan.rows.length, imported: 0, merged: 0, skipped: plan.rows.length },
      skipped: [],
      children: [],
    };
  }
  const outcome = await applyPlan(ctx, plan, input.decisions, stepper(job, 'write', step));
  // One more turn so the wizard shows the last stretch as such; a cancel still stops it here.
  await stepper(job, 'save', step)(plan.rows.length, plan.rows.length);
  const counts: ImportCounts = {
    rows: plan.rows.length,
    imported: outcome.imported,
    merged: outcome.merged,
    skipped: outcome.skipped.length,
  };
  if (counts.imported + counts.merged + counts.skipped !== counts.rows)
    throw new ApiError('INTERNAL', t('errors.internal'));
  const id = newId();
  ctx.db
    .insert(ledgerImports)
    .values({
      id,
      fileName: input.fileName,
      fileHash: hash,
      sheet: sheet.name,
      headerRow: input.headerRow,
      counts,
      skipped: outcome.skipped,
      ...created(ctx),
    })
    .run();
  ctx.audit.write({
    action: 'ledger.import',
    entity: 'ledgerImport',
    entityId: id,
    detail: { fileName: input.fileName, sha256: hash, sheet: sheet.name, ...counts },
  });
  const names = new Map(
    plan.rows.filter((r) => r.match).map((r) => [r.match?.childId as string, r.match?.name as string]),
  );
  const firstIds = outcome.childIds.slice(0, 50);
  const nameOf = (cid: string) =>
    names.get(cid) ??
    (ctx.raw.prepare('SELECT name FROM children WHERE id = ?').get(cid) as { name: string } | undefined)
      ?.name ??
    '';
  return {
    importId: id,
    fileName: input.fileName,
    sheet: sheet.name,
    repeatOf: null,
    counts,
    skipped: outcome.skipped,
    children: firstIds.map((cid) => ({ id: cid, name: nameOf(cid) })),
  };
}

async function read(host: Host, input: z.output<typeof ledgerReadInput>): Promise<LedgerSheetView> {
  return asJob(host, 'read', (job) => readView(host, input, job));
}

async function preview(host: Host, input: z.output<typeof ledgerPreviewInput>): Promise<LedgerPreview> {
  return asJob(host, 'plan', async (job) => {
    const { hash, sheets } = await load(host, input, job);
    const sheet = pickSheet(sheets, input.sheet);
    const ctx = host.ctx();
    // The audit head before planning: a write between two chunks moves it, and the commit
    // then plans again rather than apply a plan read across two states of the database.
    const seq = auditSeq(ctx);
    const plan = await planImport(
      ctx,
      sheet,
      input.headerRow,
      input.columns,
      stepper(job, 'plan', previewPause(host)),
    );
    checkCancelled(job);
    if (host.ctx() !== ctx) throw new ApiError('LOCKED', t('errors.locked'));
    lastPlan.set(ctx.raw, { key: planKey(hash, input, today(ctx)), seq, plan });
    return {
      fileHash: hash,
      sheet: sheet.name,
      headers: plan.headers,
      counts: plan.counts,
      rows: plan.rows.map(previewRow),
      prior: priorImport(ctx, hash, sheet.name),
    };
  });
}

async function commit(host: Host, input: z.output<typeof ledgerCommitInput>): Promise<LedgerReport> {
  return asJob(host, 'plan', async (job) => {
    const { hash, sheets } = await load(host, input, job);
    const sheet = pickSheet(sheets, input.sheet);
    return host.exclusive((ctx, step) => commitImport(ctx, input, hash, sheet, job, step));
  });
}

function progress(ctx: ReadCtx): LedgerProgress | null {
  const job = jobs.get(ctx.raw);
  return job ? { phase: job.phase, done: job.done, total: job.total } : null;
}

function cancel(ctx: ReadCtx): { cancelling: boolean } {
  const job = jobs.get(ctx.raw);
  if (job) job.cancelled = true;
  return { cancelling: job !== undefined };
}

async function skippedReport(host: Host, input: z.output<typeof skippedReportInput>): Promise<XlsxFile> {
  const { hash, sheets } = await load(host, input);
  const record = host
    .ctx()
    .db.select()
    .from(ledgerImports)
    .where(and(eq(ledgerImports.id, input.importId), isNull(ledgerImports.deletedAt)))
    .get();
  if (!record) throw new ApiError('NOT_FOUND', t('errors.notFound'));
  if (record.fileHash !== hash) throw new ApiError('VALIDATION', t('ledger.error.otherFile'));
  const sheet = pickSheet(sheets, record.sheet);
  const header = sheet.rows[record.headerRow] ?? [];
  const columns = [
    { header: t('ledger.report.rowNumber') },
    ...header.map((c, i) => ({ header: c.text || t('ledger.report.column', { n: i + 1 }) })),
    { header: t('ledger.report.reason') },
  ];
  const rows = record.skipped.map((s) => [
    s.row,
    ...header.map((_, i) => sheet.rows[s.row - 1]?.[i]?.text || null),
    s.reason,
  ]);
  const base = record.fileName.replace(/\.[^.]+$/, '');
  const file = await writeXlsx(`${base}-未导入行.xlsx`, t('ledger.report.sheet'), columns, rows);
  host.transaction((ctx) =>
    ctx.audit.write({
      action: 'ledger.skippedReport',
      entity: 'ledgerImport',
      entityId: record.id,
      detail: { fileName: file.fileName, sha256: file.sha256, rows: file.rows },
    }),
  );
  return file;
}

function forget(ctx: ReadCtx): null {
  lastRead.delete(ctx.raw);
  lastPlan.delete(ctx.raw);
  return null;
}

function saveMapping(ctx: Ctx, input: z.output<typeof mappingSaveInput>): { id: string } {
  const headers = Object.fromEntries(Object.entries(input.headers).map(([h, f]) => [headerKey(h), f]));
  const same = ctx.db
    .select({ id: ledgerMappings.id, version: ledgerMappings.version })
    .from(ledgerMappings)
    .where(and(eq(ledgerMappings.name, input.name), isNull(ledgerMappings.deletedAt)))
    .get();
  const id = same?.id ?? newId();
  if (same) {
    ctx.db
      .update(ledgerMappings)
      .set({ headers, version: same.version + 1, updatedAt: ctx.clock.now(), updatedBy: ctx.user.id })
      .where(eq(ledgerMappings.id, id))
      .run();
  } else {
    ctx.db
      .insert(ledgerMappings)
      .values({ id, name: input.name, headers, ...created(ctx) })
      .run();
  }
  ctx.audit.write({ action: 'ledger.saveMapping', entity: 'ledgerMapping', entityId: id });
  return { id };
}
