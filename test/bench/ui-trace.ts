// Where a timed screen's milliseconds go, from a Chromium trace (npm run bench:ui -- --trace F):
// the page's main thread split into scripting, style, layout, paint and other work, the rest of
// the window being the thread idle (waiting for the core's answer, a timer or the next frame).
// The windows are the bench's own measurements, written into the page as performance.measure
// entries named `uibench:<row>` (blink.user_timing events in the trace).

export type Share = 'scripting' | 'style' | 'layout' | 'paint' | 'other';
export const SHARES: readonly Share[] = ['scripting', 'style', 'layout', 'paint', 'other'];

// DevTools' own grouping of the main thread's trace events (its timeline model), by name.
const BY_NAME: Record<string, Share> = {
  EvaluateScript: 'scripting',
  'v8.evaluateModule': 'scripting',
  'v8.compile': 'scripting',
  'v8.compileModule': 'scripting',
  'v8.produceCache': 'scripting',
  'v8.produceModuleCache': 'scripting',
  FunctionCall: 'scripting',
  TimerFire: 'scripting',
  EventDispatch: 'scripting',
  FireAnimationFrame: 'scripting',
  FireIdleCallback: 'scripting',
  RunMicrotasks: 'scripting',
  'v8.run': 'scripting',
  'V8.Execute': 'scripting',
  MinorGC: 'scripting',
  MajorGC: 'scripting',
  'BlinkGC.AtomicPhase': 'scripting',
  'V8.GC_SCAVENGER': 'scripting',
  'V8.GC_MARK_COMPACTOR': 'scripting',
  GCEvent: 'scripting',
  UpdateLayoutTree: 'style',
  RecalculateStyles: 'style',
  ParseAuthorStyleSheet: 'style',
  Layout: 'layout',
  HitTest: 'layout',
  'IntersectionObserverController::computeIntersections': 'layout',
  UpdateLayerTree: 'layout',
  PrePaint: 'paint',
  Paint: 'paint',
  PaintImage: 'paint',
  Layerize: 'paint',
  UpdateLayer: 'paint',
  CompositeLayers: 'paint',
  Commit: 'paint',
};

interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  /** The thread's CPU time in the event (µs), where Chromium records it. */
  tdur?: number;
  pid: number;
  tid: number;
  id?: string;
  id2?: { local?: string; global?: string };
  args?: Record<string, unknown>;
}

interface Span {
  name: string;
  start: number;
  end: number;
  cpu?: number;
  children: Span[];
}

export interface WindowSplit {
  name: string;
  /** The window, ms. */
  ms: number;
  /** Main-thread self time in the window by share, ms; `idle` is the rest of the window. */
  shares: Record<Share | 'idle', number>;
  /**
   * The main thread's CPU time in the window (its tasks' thread time, a task cut by the window
   * in proportion): what the page itself cost, less what a loaded machine adds by descheduling it.
   */
  cpu: number;
}

/** The main thread's tasks as nested spans (complete events and begin/end pairs). */
function spansOf(events: TraceEvent[]): Span[] {
  const flat: Span[] = [];
  const open: TraceEvent[] = [];
  for (const e of events) {
    if (e.ph === 'X' && e.dur !== undefined)
      flat.push({ name: e.name, start: e.ts, end: e.ts + e.dur, cpu: e.tdur, children: [] });
    else if (e.ph === 'B') open.push(e);
    else if (e.ph === 'E') {
      const b = open.pop();
      if (b) flat.push({ name: b.name, start: b.ts, end: e.ts, children: [] });
    }
  }
  // Parents first: earlier start, then the longer of two that start together.
  flat.sort((a, b) => a.start - b.start || b.end - a.end);
  const roots: Span[] = [];
  const stack: Span[] = [];
  for (const s of flat) {
    while (stack.length && stack[stack.length - 1].end <= s.start) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent && s.end <= parent.end) parent.children.push(s);
    else {
      stack.length = 0;
      roots.push(s);
    }
    stack.push(s);
  }
  return roots;
}

/** Adds each span's self time within [from, to] to its share (a child's share wins inside it). */
function addSelf(span: Span, inherited: Share, from: number, to: number, out: Record<Share, number>): void {
  const share = BY_NAME[span.name] ?? inherited;
  const clip = (a: number, b: number) => Math.max(0, Math.min(b, to) - Math.max(a, from));
  let self = clip(span.start, span.end);
  for (const c of span.children) {
    self -= clip(c.start, c.end);
    addSelf(c, share, from, to, out);
  }
  out[share] += self;
}

/**
 * Splits each `uibench:*` measurement of the trace into the main thread's work by share.
 * The renderer's main thread is the one of the process that made the measurements.
 */
export function splitTrace(trace: { traceEvents?: TraceEvent[] } | TraceEvent[]): WindowSplit[] {
  const events = Array.isArray(trace) ? trace : (trace.traceEvents ?? []);
  const begins = new Map<string, TraceEvent>();
  const windows: { name: string; pid: number; start: number; end: number }[] = [];
  for (const e of events) {
    if (!e.name.startsWith('uibench:') || !(e.cat ?? '').includes('blink.user_timing')) continue;
    const id = `${e.pid} ${e.id ?? e.id2?.local ?? e.id2?.global ?? ''} ${e.name}`;
    if (e.ph === 'b') begins.set(id, e);
    else if (e.ph === 'e') {
      const b = begins.get(id);
      if (b) windows.push({ name: e.name.slice('uibench:'.length), pid: e.pid, start: b.ts, end: e.ts });
    }
  }
  if (windows.length === 0) return [];
  const pid = windows[0].pid;
  const main = events.find(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === pid && e.args?.name === 'CrRendererMain',
  );
  if (!main) return [];
  const spans = spansOf(events.filter((e) => e.pid === pid && e.tid === main.tid && e.ph !== 'M'));
  return windows
    .sort((a, b) => a.start - b.start)
    .map((w) => {
      const shares: Record<Share, number> = { scripting: 0, style: 0, layout: 0, paint: 0, other: 0 };
      let cpu = 0;
      for (const s of spans) {
        if (s.end <= w.start || s.start >= w.end) continue;
        addSelf(s, 'other', w.start, w.end, shares);
        const inside = Math.min(s.end, w.end) - Math.max(s.start, w.start);
        cpu += (s.cpu ?? s.end - s.start) * (s.end > s.start ? inside / (s.end - s.start) : 0);
      }
      const ms = (w.end - w.start) / 1000;
      const busy = SHARES.reduce((sum, k) => sum + shares[k], 0) / 1000;
      const out = { idle: Math.max(0, ms - busy) } as Record<Share | 'idle', number>;
      for (const k of SHARES) out[k] = shares[k] / 1000;
      return { name: w.name, ms, shares: out, cpu: cpu / 1000 };
    });
}

/** The split per row (summed over its windows, then per window), as lines to print. */
export function formatSplit(splits: readonly WindowSplit[]): string {
  const rows = new Map<string, WindowSplit[]>();
  for (const s of splits) rows.set(s.name, [...(rows.get(s.name) ?? []), s]);
  const head = `${'window'.padEnd(28)}${'n'.padStart(4)}${['ms', ...SHARES, 'idle', 'cpu'].map((k) => k.padStart(11)).join('')}`;
  const lines = [head];
  for (const [name, list] of rows) {
    const mean = (f: (s: WindowSplit) => number) => list.reduce((sum, s) => sum + f(s), 0) / list.length;
    const cells = [
      mean((s) => s.ms),
      ...[...SHARES, 'idle' as const].map((k) => mean((s) => s.shares[k])),
      mean((s) => s.cpu),
    ];
    lines.push(
      `${name.padEnd(28)}${String(list.length).padStart(4)}${cells.map((v) => v.toFixed(1).padStart(11)).join('')}`,
    );
  }
  return lines.join('\n');
}
