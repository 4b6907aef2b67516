// npm run bench:ui -- [--children N] [--sessions S] [--keystrokes K] [--json FILE] [--trace FILE] …
//   (usage in ui-report.ts; run `npm run build` first: this times the built renderer)
//
// The real screen (issue 19 #6): the built renderer in Chromium, in the browser-test rig
// (test/e2e/harness.ts: the page's bridge calls the real API core in this process, on the
// bench's data folder, .data/bench-N, seeded or reused as `npm run bench` does). Each session
// loads the page and signs in as the administrator with the app's own KDF, as a user would:
//   - sign-in screen: first contentful paint, and the form painted, from navigation start;
//   - 首页 painted after clicking 登录 (KDF, unlock, the shell's chunk, home.summary, render);
//   - the 儿童档案 list painted after clicking it in the menu, the first time (its chunk
//     loads) and again;
//   - keystroke to results painted in its search box, one keystroke at a time.
// "Painted": the page's own clock (performance.now) from the input event's timeStamp until the
// awaited DOM is there, then a requestAnimationFrame and one more, so the frame that shows it
// has been drawn. A measurement is never a test: nothing here asserts a time.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { openPlain } from '../../db/core/open';
import { t } from '../../db/i18n';
import { browserAvailable, launchBrowser, openApp, RENDERER_DIR, shot } from '../e2e/harness';
import { Rng } from '../fixtures/random';
import { ADMIN_USERNAME, DEFAULT_PASSPHRASE } from '../fixtures/seeder';
import { prepareDataset } from './dataset';
import { formatUiTable, parseUiArgs, type UiRow, uiJson } from './ui-report';
import { formatSplit, splitTrace } from './ui-trace';
import { type SampledChild, sampleChildren, searchQuery, splitName } from './workload';

/** The bounds (ms). The sign-in screen has none: it is reported to see what loads first. */
const TARGETS = { home: 1000, list: 100, keystroke: 50 } as const;
const KEY_PAUSE_MS = 150;
/** Bridge round trips timed per session, on the idle page after its typing. */
const BRIDGE_CALLS = 200;

/**
 * Runs in the page before the app. A string, not a function: tsx may add helpers (`__name`)
 * to function bodies that would not exist in the page (see test/e2e/support/bridge.ts).
 */
const PAGE_PROBE = `(() => {
  const visible = (el) => !!el && el.getClientRects().length > 0;
  // Found in a task: the next frame draws it, and the one after that starts once it is painted.
  // Found in a frame's callback (inFrame): that frame draws it, so one more frame.
  const afterPaint = (inFrame) => new Promise((r) =>
    inFrame
      ? requestAnimationFrame(() => r(performance.now()))
      : requestAnimationFrame(() => requestAnimationFrame(() => r(performance.now()))));
  // A mutation only looks the selector up; whether it is visible (which makes the browser lay the
  // page out) is asked in the next animation frame, just before that frame's own layout, so the
  // probe adds no layout of its own between the page's commits. It resolves in the frame that
  // shows the element, as a check on every mutation would.
  const whenThere = (selector) => new Promise((resolve) => {
    if (visible(document.querySelector(selector))) return resolve(false);
    let frame = 0;
    const inFrame = () => {
      frame = 0;
      if (visible(document.querySelector(selector))) { mo.disconnect(); resolve(true); }
    };
    const mo = new MutationObserver(() => {
      if (frame === 0 && document.querySelector(selector)) frame = requestAnimationFrame(inFrame);
    });
    mo.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  let started = null;
  let watching = null;
  let label = 'window';
  // The API's share: time spent in bridge calls that began after the input event (the core
  // runs in the bench's process, so this is the call as the page waits for it).
  let apiMs = 0;
  let calls = [];
  // Each call's send and answer on the wall clock (epoch ms), to set beside the core's own
  // entry and exit in the bench's process: which leg of the trip the wait is on.
  let legs = [];
  // The page's latest input per method, so the bridge can be timed on a real answer's size.
  const lastInput = {};
  const wrapBridge = () => {
    const orig = window.__sunwardInvoke;
    if (typeof orig !== 'function' || orig.__timed) return;
    const timed = async (method, input) => {
      lastInput[method] = input;
      const t0 = performance.now();
      try {
        return await orig(method, input);
      } finally {
        if (started !== null && t0 >= started) {
          const ms = performance.now() - t0;
          apiMs += ms;
          calls.push(method + ' ' + ms.toFixed(0));
          legs.push({ method, sent: performance.timeOrigin + t0, answered: performance.timeOrigin + t0 + ms });
        }
      }
    };
    timed.__timed = true;
    window.__sunwardInvoke = timed;
  };
  for (const type of ['pointerdown', 'keydown', 'beforeinput']) {
    addEventListener(type, (e) => { if (started === null) started = e.timeStamp; }, true);
  }
  const signInForm = whenThere('form input[type=password]').then(afterPaint);
  window.__uiBench = {
    /** Ms from navigation start: first contentful paint, and the sign-in form painted. */
    async firstScreen() {
      const form = await signInForm;
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      return { fcp: fcp ? fcp.startTime : null, form };
    },
    /** Call before the input: the next input event starts the clock, \`selector\` stops it. */
    watch(selector, name) {
      wrapBridge();
      started = null;
      label = name;
      apiMs = 0;
      calls = [];
      legs = [];
      watching = whenThere(selector).then(afterPaint);
    },
    async result() {
      const end = await watching;
      if (started === null) return null;
      // The window as a user-timing entry, so a trace (--trace) can be split by it (ui-trace.ts).
      performance.measure('uibench:' + label, { start: started, end });
      return { ms: end - started, apiMs, calls, legs, endEpoch: performance.timeOrigin + end };
    },
    /**
     * The bridge alone: n calls one after another on an idle page, each from the page's call
     * to its answer back in the page; with a method, the page's own latest input to it again.
     */
    async bridge(n, method) {
      const input = method ? lastInput[method] : {};
      const out = [];
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        await window.__sunwardInvoke(method || 'session.status', input);
        out.push({ ms: performance.now() - t0, sent: performance.timeOrigin + t0 });
      }
      return out;
    },
  };
})();`;

interface Probe {
  firstScreen(): Promise<{ fcp: number | null; form: number }>;
}

/**
 * The core's own time (its handler, in this process) for the calls made since the last watch,
 * beside what the page waited: the difference is the bridge (structured clone, the binding's trip).
 */
const coreTime = { calls: [] as { at: number; method: string; ms: number }[] };

function timeCore(core: { invoke(method: string, input: unknown): Promise<unknown> }): void {
  const invoke = core.invoke.bind(core);
  core.invoke = async (method: string, input: unknown) => {
    const t0 = performance.now();
    try {
      return await invoke(method, input);
    } finally {
      coreTime.calls.push({ at: performance.timeOrigin + t0, method, ms: performance.now() - t0 });
    }
  };
}

async function watch(page: Page, selector: string, label: string): Promise<void> {
  coreTime.calls = [];
  await page.evaluate(`window.__uiBench.watch(${JSON.stringify(selector)}, ${JSON.stringify(label)})`);
}

/** A screen that never shows is a failed run, said with what it waited for and a screenshot. */
const WAIT_LIMIT_MS = 30_000;

/** What was awaited, for the error; a function is asked only then, so it costs the page nothing while timed. */
type What = string | (() => Promise<string>);
const say = async (what: What) => (typeof what === 'string' ? what : await what());

async function pageCall<T>(page: Page, expression: string, what: What): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), WAIT_LIMIT_MS);
  });
  try {
    const out = await Promise.race([page.evaluate(expression) as Promise<T>, limit]);
    if (out === 'timeout') {
      const file = await shot(page, 'bench-ui-timeout');
      throw new Error(
        `${await say(what)}: not painted after ${WAIT_LIMIT_MS / 1000} s (screenshot ${file}; url ${page.url()})`,
      );
    }
    return out;
  } finally {
    clearTimeout(timer);
  }
}

/** Time to painted, how much of it the page spent waiting for API calls, and which calls (method ms). */
interface Timed {
  ms: number;
  apiMs: number;
  calls: string[];
  /** The same calls' time in the core itself (this process). */
  coreMs: number;
  coreCalls: string[];
  /** The rest of the wait, split: from the page's call to the core starting it, and from the core's answer to the page's. */
  toCoreMs: number;
  backMs: number;
}

interface Leg {
  method: string;
  sent: number;
  answered: number;
}

type CoreCall = (typeof coreTime.calls)[number];

/**
 * Pairs each of the page's calls with the core's (same method, in order, started after it was
 * sent) and splits the bridge's share of the wait into the trip there and the trip back. Both
 * sides read the wall clock (performance.timeOrigin + now), so a leg is good to about a ms.
 */
function splitLegs(legs: readonly Leg[], core: readonly CoreCall[]): { toCoreMs: number; backMs: number } {
  const used = new Set<CoreCall>();
  let toCoreMs = 0;
  let backMs = 0;
  for (const leg of legs) {
    const c = core.find((x) => !used.has(x) && x.method === leg.method && x.at >= leg.sent - 1);
    if (!c) continue;
    used.add(c);
    toCoreMs += c.at - leg.sent;
    backMs += leg.answered - (c.at + c.ms);
  }
  return { toCoreMs, backMs };
}

async function result(page: Page, what: What): Promise<Timed> {
  const out = await pageCall<
    (Omit<Timed, 'coreMs' | 'coreCalls' | 'toCoreMs' | 'backMs'> & { legs: Leg[]; endEpoch: number }) | null
  >(page, 'window.__uiBench.result()', what);
  if (out === null) throw new Error(`${await say(what)}: no input event reached the page`);
  // Only calls begun before the screen was painted (a read sent after it is not waited for).
  const before = coreTime.calls.filter((c) => c.at < out.endEpoch);
  const { endEpoch: _, legs, ...timed } = out;
  return {
    ...timed,
    ...splitLegs(legs, coreTime.calls),
    coreMs: before.reduce((sum, c) => sum + c.ms, 0),
    coreCalls: before.map((c) => `${c.method} ${c.ms.toFixed(0)}`),
  };
}

const attr = (v: string) => JSON.stringify(v);
/** The children list showing the answer to `query` (ChildrenPage marks which query its rows answer). */
const listFor = (query: string) => `[data-testid="children-results"][data-query=${attr(query)}]`;

/** One timed keystroke: what is sent, and the query the box then holds. */
interface Keystroke {
  /** Untimed, before the clock starts (selecting the text a Backspace then clears). */
  prepare?: (page: Page) => Promise<void>;
  send: (page: Page) => Promise<void>;
  /** What the box must hold before it (null: anything, it is selected and cleared). */
  before: string | null;
  query: string;
}

/** A caseworker's typing: a name character by character, cleared, its initials letter by letter, cleared. */
function keystrokesFor(children: readonly SampledChild[], count: number, rng: Rng): Keystroke[] {
  const out: Keystroke[] = [];
  const clear: Keystroke = {
    prepare: (page) => page.getByLabel(t('children.list.searchLabel'), { exact: true }).selectText(),
    send: async (page) => {
      await page.keyboard.press('Backspace');
    },
    before: null,
    query: '',
  };
  for (const c of children) {
    const chars = Array.from(c.name);
    for (let i = 0; i < chars.length; i++) {
      // A Chinese character arrives as an IME commits it: text input, no key code.
      out.push({
        send: (page) => page.keyboard.insertText(chars[i]),
        before: chars.slice(0, i).join(''),
        query: chars.slice(0, i + 1).join(''),
      });
    }
    out.push(clear);
    const initials = searchQuery('initials', c, rng) ?? splitName(c.name).surname;
    for (let i = 0; i < initials.length; i++) {
      out.push({
        send: (page) => page.keyboard.press(initials[i]),
        before: initials.slice(0, i),
        query: initials.slice(0, i + 1),
      });
    }
    out.push(clear);
    if (out.length >= count) break;
  }
  return out;
}

/** Round trips over the bridge on the idle page, each beside its time in the core. */
async function bridgeTrips(
  page: Page,
  n: number,
  method: string | null,
  row: UiRow,
  core: UiRow,
): Promise<void> {
  coreTime.calls = [];
  const trips = await pageCall<{ ms: number; sent: number }[]>(
    page,
    `window.__uiBench.bridge(${n}, ${JSON.stringify(method)})`,
    'the bridge round trips',
  );
  for (const trip of trips) {
    row.times.push(trip.ms);
    const c = coreTime.calls.find((x) => x.at >= trip.sent - 1);
    if (c) core.times.push(c.ms);
  }
}

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** The heaviest functions of a CPU profile by self time, to see where a screen's time goes. */
function topSelfTime(profile: {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples?: number[];
  timeDeltas?: number[];
}): string {
  const self = new Map<number, number>();
  const deltas = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, i) => {
    self.set(id, (self.get(id) ?? 0) + (deltas[i] ?? 0) / 1000);
  });
  const byFrame = new Map<string, number>();
  for (const node of profile.nodes) {
    const f = node.callFrame;
    const where = f.url ? `${path.basename(f.url)}:${f.lineNumber + 1}` : '';
    const key = `${f.functionName || '(anonymous)'} ${where}`.trim();
    byFrame.set(key, (byFrame.get(key) ?? 0) + (self.get(node.id) ?? 0));
  }
  return [...byFrame.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 25)
    .map(([k, v]) => `  ${v.toFixed(1).padStart(8)} ms  ${k}`)
    .join('\n');
}

async function main(): Promise<void> {
  const opts = parseUiArgs(process.argv.slice(2));
  // A person does not click the instant a screen appears; let late chunks (charts) settle.
  // Longer than 2 s, 儿童档案's first page asked for after 首页 is asked again (prefetchApi).
  const SETTLE_MS = opts.settle;
  const available = browserAvailable();
  if (!available.ok) throw new Error(available.reason);
  const passphrase = process.env.SUNWARD_SEED_PASSPHRASE || DEFAULT_PASSPHRASE;
  const dir = path.resolve(opts.dataDir ?? path.join('.data', `bench-${opts.children}`));
  const ds = await prepareDataset({
    dir,
    children: opts.children,
    seed: opts.seed,
    passphrase,
    fresh: opts.fresh,
    log,
  });

  // The typing is chosen on the decrypted copy, so the app's own connection starts as cold as the user's.
  const rng = new Rng(opts.seed ^ 0x5c4ee7);
  const plain = openPlain(ds.plainFile);
  let keystrokes: Keystroke[];
  try {
    const sample = sampleChildren(plain, rng, Math.ceil(opts.keystrokes / 4), ds.seeded.children);
    keystrokes = keystrokesFor(sample, opts.keystrokes, rng);
  } finally {
    plain.close();
  }
  log(`renderer: ${RENDERER_DIR}`);
  log(
    `${opts.sessions} sessions, ${keystrokes.length} keystrokes on ${opts.children.toLocaleString('en')} children`,
  );

  const browser = await launchBrowser();
  const app = await openApp(browser, { dataDir: ds.dataDir, path: '/' });
  const { page } = app;
  timeCore(app.core);
  const rows = {
    fcp: { op: 'sign-in screen: first contentful paint', times: [] as number[] },
    form: { op: 'sign-in screen: form painted (from load)', times: [] as number[] },
    home: { op: '首页 painted after 登录 (KDF included)', times: [] as number[], target: TARGETS.home },
    list: { op: '儿童档案 list painted, first open', times: [] as number[], target: TARGETS.list },
    listAgain: { op: '儿童档案 list painted, opened again', times: [] as number[], target: TARGETS.list },
    key: { op: 'keystroke to results painted', times: [] as number[], target: TARGETS.keystroke },
    // No targets: where the time above goes (waiting for the core against the page's own work).
    homeApi: { op: '  首页: of which API calls', times: [] as number[] },
    listApi: { op: '  儿童档案 list (both): of which API calls', times: [] as number[] },
    keyApi: { op: '  keystroke: of which API calls', times: [] as number[] },
    homeCore: { op: '  首页: of which in the core', times: [] as number[] },
    listCore: { op: '  儿童档案 list (both): in the core', times: [] as number[] },
    keyCore: { op: '  keystroke: of which in the core', times: [] as number[] },
    keyToCore: { op: '  keystroke: the call on its way, page → core', times: [] as number[] },
    keyBack: { op: '  keystroke: the answer on its way, core → page', times: [] as number[] },
    // The rig's bridge on its own (Electron's IPC takes well under 1 ms for such a call).
    bridge: { op: "the rig's bridge, round trip (session.status, idle page)", times: [] as number[] },
    bridgeCore: { op: '  the bridge: of which in the core', times: [] as number[] },
    bridgeList: { op: "the rig's bridge, round trip (the last children.list again)", times: [] as number[] },
    bridgeListCore: { op: '  children.list again: of which in the core', times: [] as number[] },
  } satisfies Record<string, UiRow>;
  const calls: Record<'home' | 'list' | 'listAgain', string[]> = { home: [], list: [], listAgain: [] };
  const inCore: Record<'home' | 'list' | 'listAgain', string[]> = { home: [], list: [], listAgain: [] };
  const record = (row: UiRow, api: UiRow, core: UiRow, r: Timed, which?: keyof typeof calls) => {
    row.times.push(r.ms);
    api.times.push(r.apiMs);
    core.times.push(r.coreMs);
    if (which) {
      calls[which] = r.calls;
      inCore[which] = r.coreCalls;
    }
  };
  const shown: string[] = [];

  try {
    await page.context().addInitScript({ content: PAGE_PROBE });
    const perSession = Math.ceil(keystrokes.length / opts.sessions);
    // The menu item's name starts with its icon's label ("team 儿童档案").
    const nav = (label: string) => page.getByRole('menuitem', { name: label });
    let cdp: CDPSession | null = null;

    for (let s = 0; s < opts.sessions; s++) {
      const last = s === opts.sessions - 1;
      if (last && opts.trace) await browser.startTracing(page, { path: opts.trace, screenshots: true });
      // A fresh load each session, as when the app starts: the probe is in before the app's scripts.
      await page.goto(new URL('/', 'https://sunward.test').href);
      if (last && opts.cpuProfile) {
        cdp = await page.context().newCDPSession(page);
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
        await cdp.send('Profiler.start');
      }
      const first = await pageCall<Awaited<ReturnType<Probe['firstScreen']>>>(
        page,
        'window.__uiBench.firstScreen()',
        'the sign-in screen',
      );
      if (first.fcp !== null) rows.fcp.times.push(first.fcp);
      rows.form.times.push(first.form);

      const username = page.getByLabel(t('accounts.fields.username'), { exact: true });
      if ((await username.inputValue()) === '') await username.fill(ADMIN_USERNAME);
      await page.getByLabel(t('accounts.fields.passphrase'), { exact: true }).fill(passphrase);
      await page.waitForTimeout(SETTLE_MS);
      await watch(page, '[data-testid="home-todo"]', 'home');
      await page.getByRole('button', { name: t('accounts.signIn.submit'), exact: true }).click();
      record(rows.home, rows.homeApi, rows.homeCore, await result(page, '首页'), 'home');

      await page.waitForTimeout(SETTLE_MS);
      await watch(page, `${listFor('')} tbody tr[data-index]`, 'list');
      await nav(t('app.nav.children')).click();
      record(rows.list, rows.listApi, rows.listCore, await result(page, '儿童档案'), 'list');

      await nav(t('app.nav.home')).click();
      await page.locator('[data-testid="home-todo"]').waitFor();
      await page.waitForTimeout(SETTLE_MS);
      await watch(page, `${listFor('')} tbody tr[data-index]`, 'listAgain');
      await nav(t('app.nav.children')).click();
      record(rows.listAgain, rows.listApi, rows.listCore, await result(page, '儿童档案 again'), 'listAgain');

      const box = page.getByLabel(t('children.list.searchLabel'), { exact: true });
      await box.click();
      let lastKey: Timed | undefined;
      for (const k of keystrokes.slice(s * perSession, (s + 1) * perSession)) {
        // A keystroke lost on the way (focus, a late re-render) would make every later one wait
        // for a query never typed: put the expected text back, untimed, and say so.
        if (k.before !== null && (await box.inputValue()) !== k.before) {
          log(
            `  the box held ${JSON.stringify(await box.inputValue())}, expected ${JSON.stringify(k.before)}: refilled`,
          );
          await box.fill(k.before);
          await page.locator(listFor(k.before.trim())).waitFor();
        }
        await k.prepare?.(page);
        await page.waitForTimeout(KEY_PAUSE_MS);
        await watch(page, listFor(k.query), 'keystroke');
        await k.send(page);
        // The box is read only if the results never come: reading it is a script in the page.
        lastKey = await result(
          page,
          async () => `typing ${k.query || '(cleared)'} (the box holds ${await box.inputValue()})`,
        );
        record(rows.key, rows.keyApi, rows.keyCore, lastKey);
        rows.keyToCore.times.push(lastKey!.toCoreMs);
        rows.keyBack.times.push(lastKey!.backMs);
        shown.push(`${k.query || '(cleared)'} → ${await page.getByTestId('children-total').textContent()}`);
      }
      await page.waitForTimeout(SETTLE_MS);
      await bridgeTrips(page, BRIDGE_CALLS, null, rows.bridge, rows.bridgeCore);
      await bridgeTrips(page, BRIDGE_CALLS / 10, 'children.list', rows.bridgeList, rows.bridgeListCore);
      if (cdp) {
        const { profile } = await cdp.send('Profiler.stop');
        writeFileSync(opts.cpuProfile!, JSON.stringify(profile));
        log(`CPU profile of the last session: ${opts.cpuProfile}; heaviest by self time:`);
        log(topSelfTime(profile));
        await cdp.detach();
        cdp = null;
      }
      if (last && opts.trace) {
        await browser.stopTracing();
        log(
          `Chromium trace of the last session: ${opts.trace}; the page's main thread in each window (ms, mean):`,
        );
        log(formatSplit(splitTrace(JSON.parse(readFileSync(opts.trace, 'utf8')))));
      }
      log(
        `session ${s + 1}: form ${first.form.toFixed(0)} ms, 首页 ${rows.home.times.at(-1)!.toFixed(0)} ms, list ${rows.list.times.at(-1)!.toFixed(0)}/${rows.listAgain.times.at(-1)!.toFixed(0)} ms`,
      );
      log(
        `  API calls (method ms): 首页 ${calls.home.join(', ')}; list ${calls.list.join(', ')}; again ${calls.listAgain.join(', ')}`,
      );
      log(
        `  in the core (method ms): 首页 ${inCore.home.join(', ')}; list ${inCore.list.join(', ')}; again ${inCore.listAgain.join(', ')}`,
      );
    }
    if (app.pageErrors.length) log(`page errors:\n  ${app.pageErrors.join('\n  ')}`);
    log(`what the box showed: ${shown.slice(0, 12).join('; ')}…`);
  } finally {
    await app.close();
    await browser.close();
  }

  const table = Object.values(rows) as UiRow[];
  console.log(
    `\nnpm run bench:ui — ${opts.children.toLocaleString('en')} children, ${opts.sessions} sessions (ms)\n`,
  );
  console.log(formatUiTable(table));
  if (opts.json) {
    writeFileSync(opts.json, `${JSON.stringify(uiJson(table, opts.children), null, 2)}\n`);
    log(`\nwrote ${opts.json}`);
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
