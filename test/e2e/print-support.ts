/**
 * What electron/print.ts does, minus Electron: open a print route, wait for the page to say
 * it is ready, print it with Chromium's PDF engine, hash the bytes and record the export
 * through the core. So the templates and the export audit are exercised on every commit by
 * the same engine that prints in the app.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import type { Browser, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ApiResult } from '../../db/api/errors';
import type { ExportKind, SummarySection } from '../../db/documents/inputs';
import {
  countPdfPages,
  PRINT_PROGRESS_EVENT,
  PRINT_WINDOW_QUERY,
  READY_PROBE,
  safeFileName,
  shellInputs,
} from '../../electron/print-contract';
import { FATHER_SENTENCE } from '../fixtures/records';
import { call, type Input, signInAs } from '../helpers/core';
import { approveAndDeliver } from '../helpers/orders';
import { APP_ORIGIN, type App, openApp, ROOT } from './harness';
import { assertClean, KDF, signIn } from './support/studio';
import { go } from './support/ui';

export const PRINT_DIR = path.join(ROOT, 'test-results/print');

export interface ExportInfo {
  kind: ExportKind;
  entityId: string;
  childId?: string;
  period?: { kind: 'year' | 'quarter' | 'month' | 'custom'; from: string; to: string };
  sections?: SummarySection[];
  partner?: string;
}

export interface Printed {
  file: string;
  fileName: string;
  pdf: Buffer;
  sha256: string;
  pages: number;
  /** Navigation to a written, recorded file. */
  ms: number;
}

/** Same options as the shell's printToPDF call. */
export const PDF_OPTIONS = { format: 'A4', printBackground: true, preferCSSPageSize: true } as const;

/**
 * Waits for the print page's marker by evaluating the shell's own probe, as the shell does with
 * executeJavaScript. Polled from here: Playwright's waitForFunction would eval the string inside
 * the page, which the page's CSP (no 'unsafe-eval') rightly refuses.
 */
export async function waitForPrintReady(page: Page, timeoutMs = 30_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const state = (await page.evaluate(READY_PROBE).catch(() => null)) as {
      ready: string;
      error: string;
    } | null;
    if (state?.ready === '1') return;
    if (state?.ready === 'error') throw new Error(`print page failed: ${state.error}`);
    if (performance.now() > deadline) throw new Error(`print page not ready after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 15));
  }
}

/**
 * Opens `route` (e.g. `/print/order/<id>`) in the app's page: a full load the first time, a
 * hash change when the page is already a print window (as a batch in the shell does).
 */
export async function openPrintRoute(page: Page, route: string): Promise<void> {
  const current = new URL(page.url());
  if (current.origin === APP_ORIGIN && current.search === `?${PRINT_WINDOW_QUERY}`) {
    await page.evaluate((hash) => {
      window.location.hash = hash;
    }, route);
  } else {
    await page.goto(`${APP_ORIGIN}/index.html?${PRINT_WINDOW_QUERY}#${route}`);
  }
  await waitForPrintReady(page);
}

/** Prints `route` to test-results/print/<fileName> and records the export in the signed-in session. */
export async function printRoute(
  app: App,
  route: string,
  opts: { fileName: string; export: ExportInfo; page?: Page; dir?: string },
): Promise<Printed> {
  const started = performance.now();
  const page = opts.page ?? app.page;
  await openPrintRoute(page, route);
  let printed: Uint8Array = await page.pdf(PDF_OPTIONS);
  // As the shell does: a summary whose 附件目录 asked for the files gets them appended in memory.
  if (opts.export.kind === 'childSummary' && opts.export.childId) {
    const merged = (await app.core.invokeFromShell('documents.appendAttachments', {
      childId: opts.export.childId,
      pdf: printed,
    })) as ApiResult<{ pdf: Uint8Array }>;
    if (!merged.ok) throw new Error(`documents.appendAttachments failed: ${JSON.stringify(merged.error)}`);
    printed = merged.value.pdf;
  }
  const dir = opts.dir ?? PRINT_DIR;
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, opts.fileName);
  writeFileSync(file, printed);
  // As the shell does (electron/print.ts): hash the bytes on disk and record through the
  // shell-only entry, which the page's bridge cannot reach.
  const pdf = readFileSync(file);
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  const pages = countPdfPages(pdf);
  const res = (await app.core.invokeFromShell('documents.recordExport', {
    ...opts.export,
    sha256,
    fileName: opts.fileName,
    pages,
  })) as ApiResult<unknown>;
  if (!res.ok) throw new Error(`documents.recordExport failed: ${JSON.stringify(res.error)}`);
  return { file, fileName: opts.fileName, pdf, sha256, pages, ms: performance.now() - started };
}

/** pdftotext of the whole file or of one page (1-based), in reading order. */
export function pdfText(file: string, opts: { page?: number; layout?: boolean } = {}): string {
  const args = [opts.layout ? '-layout' : '-raw', '-enc', 'UTF-8'];
  if (opts.page) args.push('-f', String(opts.page), '-l', String(opts.page));
  return execFileSync('pdftotext', [...args, file, '-'], { encoding: 'utf8' });
}

/**
 * Each of `phrases` stands in the PDF's text, white space left out (pdftotext breaks lines and
 * spaces out table cells where the layout does, not where the sentence does).
 */
export function expectPdfToSay(file: string, phrases: string[]): void {
  const text = pdfText(file).replace(/\s+/g, '');
  for (const s of phrases) expect(text).toContain(s);
}

/** Renders every page to PNG beside the PDF (`<name>-<n>.png`) and returns their paths. */
export function pdfPngs(file: string, dpi = 60): string[] {
  const prefix = file.replace(/\.pdf$/, '');
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), file, prefix]);
  const pages = Number(
    /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1] ?? 0,
  );
  const width = String(pages).length;
  return Array.from({ length: pages }, (_, i) => `${prefix}-${String(i + 1).padStart(width, '0')}.png`);
}

/**
 * The characters a PDF draws with Type 3 fonts: what Chromium could not embed as a font subset
 * (a CFF face in a system collection) and drew glyph by glyph, carrying the collection's whole
 * file into the print. Read from each Type 3 font's ToUnicode map.
 */
export function type3Text(file: string): string {
  const bytes = readFileSync(file);
  const pdf = bytes.toString('latin1');
  const objects = new Map<number, { body: string; at: number }>();
  for (const m of pdf.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    objects.set(Number(m[1]), { body: m[2], at: (m.index ?? 0) + m[0].indexOf(m[2]) });
  }
  const stream = (n: number): string => {
    const o = objects.get(n);
    if (!o) return '';
    let start = o.at + o.body.indexOf('stream') + 'stream'.length;
    if (pdf[start] === '\r') start++;
    if (pdf[start] === '\n') start++;
    return inflateSync(bytes.subarray(start, pdf.indexOf('endstream', start))).toString('latin1');
  };
  const chars = new Set<string>();
  for (const { body } of objects.values()) {
    if (!/\/Subtype\s*\/Type3/.test(body)) continue;
    const ref = /\/ToUnicode (\d+) 0 R/.exec(body);
    if (!ref) continue;
    const cmap = stream(Number(ref[1]));
    for (const m of cmap.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]{4,8})>/g)) {
      for (let c = Number.parseInt(m[1], 16); c <= Number.parseInt(m[2], 16); c++)
        chars.add(String.fromCodePoint(Number.parseInt(m[3], 16) + c - Number.parseInt(m[1], 16)));
    }
    for (const m of cmap.matchAll(/<([0-9A-Fa-f]{2,4})>\s*<([0-9A-Fa-f]{4,8})>(?!\s*<)/g)) {
      chars.add(String.fromCodePoint(Number.parseInt(m[2], 16)));
    }
  }
  return [...chars].join('');
}

export function pdfInfo(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Object.fromEntries(
    out
      .split('\n')
      .map((l) => /^([^:]+):\s*(.*)$/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1].trim(), m[2].trim()]),
  );
}

// ---------- seeding through the real core ----------

/** 2026-11-27 10:00 in Shanghai: the documents' dates do not move with the day the tests run. */
export const PRINT_NOW = Date.UTC(2026, 10, 27, 2, 0, 0);
export const fixedClock = { now: () => PRINT_NOW };

export const PEOPLE = {
  admin: { displayName: '王检察官', username: 'wangjc', passphrase: 'Xiangyang-2026! violet-harbor' },
  supervisor: {
    displayName: '陈主任',
    username: 'chenzr',
    passphrase: 'Supervisor-2026! violet-harbor',
    role: 'supervisor',
  },
  caseworker: {
    displayName: '李社工',
    username: 'lisg',
    passphrase: 'Caseworker-2026! violet-harbor',
    role: 'caseworker',
  },
} as const;

export const CHILD_ID_NUMBER = '370115201503070014';

type Core = App['core'];

export { call, signInAs };

/** The studio's three accounts; the admin stays signed in. */
export async function seedAccounts(core: Core): Promise<void> {
  await call(core, 'session.setup', PEOPLE.admin);
  await call(core, 'accounts.create', PEOPLE.supervisor);
  await call(core, 'accounts.create', PEOPLE.caseworker);
}

export interface SeededChild {
  childId: string;
  motherId: string;
  fatherId: string;
  grandmotherId: string;
}

/** 张小明, his mother (guardian), his detained father (with a charge) and the grandmother who cares for him. */
export async function seedChild(
  core: Core,
  over: Partial<Input<'children.create'>> = {},
): Promise<SeededChild> {
  const child = await call(core, 'children.create', {
    name: '张小明',
    gender: 'male',
    birthDate: '2015-03-07',
    idNumber: CHILD_ID_NUMBER,
    ethnicity: '汉族',
    householdAddress: '山东省济南市济阳区济阳街道城关村',
    currentAddress: '济阳街道城关村32号',
    township: '济阳街道',
    village: '城关村',
    school: '济阳区实验小学',
    grade: '五年级',
    boarding: false,
    categories: ['prisonerChild', 'leftBehind'],
    riskLevel: 'orange',
    riskReason: '父亲服刑，母亲长期外出务工，由年迈祖母照料',
    needs: {
      living: { note: '家庭收入低，需生活救助', met: false },
      education: { note: '学习跟不上，需课业辅导', met: false },
      psychological: { note: '情绪低落，需心理疏导', met: true },
    },
    ...over,
  });
  const link = async (relation: string, person: Record<string, unknown>, roles: Record<string, boolean>) => {
    const links = await call(core, 'relations.add', {
      childId: child.id,
      relation: relation as Input<'relations.add'>['relation'],
      person: person as Input<'relations.add'>['person'],
      ...roles,
    });
    return links.find((l) => l.person.name === person.name)!.person.id;
  };
  const motherId = await link(
    'mother',
    { name: '刘翠兰', gender: 'female', phone: '13905310001', address: '济阳街道城关村32号' },
    { isGuardian: true },
  );
  const fatherId = await link('father', { name: '张大山', gender: 'male' }, { isGuardian: true });
  await call(core, 'custody.add', {
    personId: fatherId,
    ...FATHER_SENTENCE,
  });
  const grandmotherId = await link(
    'grandparent',
    { name: '王桂英', gender: 'female', phone: '13905310002' },
    { isCaregiver: true },
  );
  return { childId: child.id, motherId, fatherId, grandmotherId };
}

/**
 * The app opened as a print window: the app window would lock a session it finds unlocked when
 * it starts (a reload never inherits a sign-in), racing the seeding through the core.
 */
export function openPrintWindow(
  browser: Browser,
  viewport?: { width: number; height: number },
): Promise<App> {
  return openApp(browser, {
    kdf: KDF,
    clock: fixedClock,
    path: `/index.html?${PRINT_WINDOW_QUERY}#/print/`,
    viewport,
  });
}

/**
 * A story on the seeded studio (seedAccounts, seedChild) in a print window; the page must ask
 * nothing outside the app and throw nothing. The app is closed however the story ends.
 */
export async function inSeededStudio(
  browser: Browser,
  story: (app: App, child: SeededChild) => Promise<void>,
  viewport?: { width: number; height: number },
): Promise<void> {
  const app = await openPrintWindow(browser, viewport);
  try {
    await seedAccounts(app.core);
    await story(app, await seedChild(app.core));
    assertClean(app);
  } finally {
    await app.close();
  }
}

/** Turns the print window into the app window, where `who` signs in (its start locks the session), then goes to `hash`. */
export async function signInToApp(page: Page, who: { username: string; passphrase: string }, hash?: string) {
  await page.goto(`${APP_ORIGIN}/`);
  await signIn(page, who);
  if (hash) await go(page, hash);
}

/** A guardianship order drafted by the admin, approved by the supervisor and delivered. */
export async function seedOrder(core: Core, child: SeededChild): Promise<{ id: string; number: string }> {
  let o = await call(core, 'orders.createDraft', {
    childId: child.childId,
    guardians: [{ personId: child.motherId, relation: 'mother' }],
    caseNumber: '济阳检刑诉〔2025〕12号',
    facts:
      '经查，张小明之父张大山因犯盗窃罪于2025年6月被判处有期徒刑三年，现在山东省济南监狱服刑。刘翠兰长期在外务工，将张小明交由年迈的祖母王桂英照看，对其学习、生活疏于关心，张小明多次旷课，独自在外游荡至深夜。',
    problems: ['16-1', '16-2', '16-5'],
    problemsOther: '长期不与学校沟通，对张小明旷课情况不知情。',
    requirements: [
      { text: '每周至少与张小明电话联系两次，了解其学习、生活和思想情况', dueDate: '2026-04-30' },
      { text: '每月至少回家一次，与张小明共同生活不少于两日', dueDate: '2026-05-31' },
      { text: '与学校班主任建立联系，配合学校保障张小明完成义务教育', dueDate: '2026-03-31' },
      { text: '参加本院组织的家庭教育指导，时长不少于8课时', dueDate: '2026-06-30' },
    ],
  });
  o = await approveAndDeliver(core, o, {
    approver: PEOPLE.supervisor,
    issueDate: '2026-03-02',
    deliveredBy: PEOPLE.admin,
    delivery: { method: 'onSite', date: '2026-03-03', guardianSigned: true },
  });
  return { id: o.id, number: o.number ?? '' };
}

function dayOf(base: string, offset: number): string {
  const d = new Date(`${base}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
}

/**
 * A long history for one child: referrals with actions and replies, an education plan with
 * sessions, counselling sessions and doorstep visits, spread over 2024-01 … 2026-11.
 */
export async function seedHistory(
  core: Core,
  child: SeededChild,
  n: { referrals: number; visits: number; counselling: number; guidance: number },
): Promise<void> {
  const agencies = ['民政', '教体', '团委', '妇联', '关工委', '司法所'];
  for (let i = 0; i < n.referrals; i++) {
    const received = dayOf('2024-01-08', i * 20);
    const r = await call(core, 'referrals.create', {
      sourceDepartment: '第一检察部',
      sourceCaseNumber: `济阳检刑诉〔${received.slice(0, 4)}〕${i + 1}号`,
      receivedDate: received,
      summary: `第${i + 1}次移交：在押人员张大山的未成年子女张小明需要${agencies[i % 6]}协助落实生活与就学保障。`,
      children: [{ childId: child.childId }],
    });
    let v = await call(core, 'referrals.addAction', {
      referralId: r.id,
      agency: agencies[i % 6],
      carrier: i % 2 ? 'letter' : 'procuratorialAdvice',
      sentDate: dayOf(received, 2),
      followUpNote: `跟进第${i + 1}号线索：电话确认${agencies[i % 6]}已收到材料。`,
    });
    v = await call(core, 'referrals.addAction', {
      referralId: r.id,
      agency: agencies[(i + 1) % 6],
      carrier: 'phone',
      sentDate: dayOf(received, 3),
    });
    const a = v.actions[0];
    await call(core, 'referrals.recordReply', {
      id: a.id,
      version: a.version,
      replyDate: dayOf(received, 12),
      result: `${agencies[i % 6]}回复：已将张小明纳入帮扶台账，按月发放生活补助，并安排专人定期走访（第${i + 1}次）。`,
    });
  }
  if (n.guidance) {
    const plan = await call(core, 'education.createPlan', {
      childId: child.childId,
      kind: 'voluntary',
      guardianPersonIds: [child.motherId],
      assessmentDate: '2025-01-05',
      provider: '济阳区家庭教育指导站',
      startDate: '2025-01-10',
      endDate: '2025-06-30',
      goals: [
        { text: '建立每周固定的亲子沟通时间', dueDate: '2025-03-31' },
        { text: '掌握与青春期孩子沟通的基本方法', dueDate: '2025-06-30' },
      ],
    });
    let p = await call(core, 'education.startPlan', { id: plan.id, version: plan.version });
    for (let i = 0; i < n.guidance; i++) {
      p = await call(core, 'education.addSession', {
        planId: p.id,
        date: dayOf('2025-01-12', i * 7),
        mode: i % 3 === 0 ? 'family' : 'individual',
        minutes: 45 + (i % 4) * 5,
        attendees: '刘翠兰、张小明',
        instructor: '赵指导师',
        content: `第${i + 1}次指导：围绕亲子沟通、作息安排与学业督促开展指导，布置亲子共读任务。`,
      });
    }
  }
  for (let i = 0; i < n.counselling; i++) {
    await call(core, 'counselling.addSession', {
      childId: child.childId,
      date: dayOf('2025-02-03', i * 14),
      institution: '济阳区心理健康服务中心',
      counsellor: '孙咨询师',
      minutes: 50,
      summary: `疏导记录${i + 1}：孩子谈到对父亲的思念和在校被同学议论的困扰，情绪较上次平稳。`,
    });
  }
  for (let i = 0; i < n.visits; i++) {
    const date = dayOf('2024-02-01', i * 16);
    const draft = await call(core, 'visits.saveDraft', { childId: child.childId, date });
    await call(core, 'visits.finalize', {
      id: draft.id,
      date,
      kind: i % 4 === 0 ? 'school' : 'home',
      place: i % 4 === 0 ? '济阳区实验小学' : '济阳街道城关村32号',
      visitors: '王检察官、李社工',
      personsMet: i % 4 === 0 ? '班主任' : '王桂英',
      findings: {
        living: `第${i + 1}次走访：居住条件简陋但整洁，祖母身体尚可，生活补助已按月到账。`,
        schooling: i % 2 ? '按时到校，成绩有所提高。' : null,
        psychological: '情绪稳定，愿意与走访人员交流。',
      },
      needsFound: [],
      actionsAgreed: `继续每月走访，协调学校安排课后辅导（第${i + 1}次约定）。`,
    });
  }
}

// ---------- the shell's print methods, simulated ----------

/**
 * Answers `shell.*` calls the way electron/print.ts does, minus Electron: no dialog (files go
 * to `dir`), a second page of the same browser context as the hidden print window, and the
 * same steps (route, marker, PDF, hash, record). Everything else still reaches the real core.
 * It works because the harness's bridge calls `app.core.invoke` per call.
 */
export function simulateShell(app: App, dir = PRINT_DIR): { calls: string[] } {
  const calls: string[] = [];
  const core = app.core;
  const coreInvoke = core.invoke.bind(core);
  let cancel = false;
  const printOne = async (page: Page, route: string, fileName: string, info: ExportInfo) => {
    const printed = await printRoute(app, route, {
      fileName: safeFileName(fileName),
      export: info,
      page,
      dir,
    });
    return { fileName: printed.fileName, sha256: printed.sha256, pages: printed.pages };
  };
  const invoke = async (method: string, input: unknown): Promise<ApiResult<unknown>> => {
    if (!method.startsWith('shell.')) return coreInvoke(method, input);
    calls.push(method);
    if (method === 'shell.cancelPrint') {
      cancel = true;
      return { ok: true, value: { cancelled: true } };
    }
    if (method !== 'shell.printToPdf' && method !== 'shell.printBatch')
      return { ok: false, error: { code: 'NOT_FOUND', message: 'unknown shell method' } };
    // The hidden print window: another page of the same context, so the same bridge and core.
    const page = await app.context.newPage();
    try {
      if (method === 'shell.printToPdf') {
        const job = shellInputs['shell.printToPdf'].parse(input);
        return { ok: true, value: await printOne(page, job.route, job.suggestedName, job.export) };
      }
      const { items } = shellInputs['shell.printBatch'].parse(input);
      cancel = false;
      const done: unknown[] = [];
      await app.emit(PRINT_PROGRESS_EVENT, { done: 0, total: items.length });
      for (const [i, item] of items.entries()) {
        if (cancel) break;
        done.push(await printOne(page, item.route, item.fileName, item.export));
        await app.emit(PRINT_PROGRESS_EVENT, { done: i + 1, total: items.length });
      }
      return {
        ok: true,
        value: { total: items.length, done, failed: [], cancelled: done.length < items.length },
      };
    } finally {
      await page.close();
    }
  };
  Object.assign(core, { invoke });
  return { calls };
}

/**
 * Clicks a screen's print or export `button` with the shell simulated (writing into `dir`), waits
 * for the 已导出 toast and checks the screen asked the shell for one print. The file the toast
 * names, with the page count it states when it states one.
 */
export async function exportFromScreen(
  app: App,
  button: Locator,
  dir = PRINT_DIR,
): Promise<{ fileName: string; file: string; pages: number | undefined }> {
  const shell = simulateShell(app, dir);
  await button.click();
  const toast = app.page.locator('.ant-message-notice', { hasText: '已导出' });
  await toast.waitFor({ timeout: 30_000 });
  expect(shell.calls).toEqual(['shell.printToPdf']);
  const [, fileName = '', pages] =
    /已导出：(\S+\.pdf)(?:（(\d+)页）)?/.exec((await toast.textContent()) ?? '') ?? [];
  return { fileName, file: path.join(dir, fileName), pages: pages === undefined ? undefined : Number(pages) };
}

export interface WordBox {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word on one page with its box in PDF points (pdftotext -bbox), top-left origin. */
export function pdfWords(file: string, page: number): WordBox[] {
  const html = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), file, '-'], {
    encoding: 'utf8',
  });
  return [
    ...html.matchAll(
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
    ),
  ].map((m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
    text: m[5],
  }));
}
