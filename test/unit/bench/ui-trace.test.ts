import { describe, expect, it } from 'vitest';
import { splitTrace } from '../../bench/ui-trace';

// A renderer main thread (pid 1, tid 10) and another thread (tid 11), in µs.
const meta = [
  { name: 'thread_name', ph: 'M', ts: 0, pid: 1, tid: 10, args: { name: 'CrRendererMain' } },
  { name: 'thread_name', ph: 'M', ts: 0, pid: 1, tid: 11, args: { name: 'Compositor' } },
];
const measure = (name: string, from: number, to: number) => [
  { name: `uibench:${name}`, cat: 'blink.user_timing', ph: 'b', ts: from, pid: 1, tid: 10, id: '0x1' },
  { name: `uibench:${name}`, cat: 'blink.user_timing', ph: 'e', ts: to, pid: 1, tid: 10, id: '0x1' },
];
const task = (name: string, ts: number, dur: number, tdur?: number, tid = 10) => ({
  name,
  ph: 'X',
  ts,
  dur,
  tdur,
  pid: 1,
  tid,
});

describe('bench:ui trace split', () => {
  it('splits a window into the main thread’s shares by self time, the rest idle, and its CPU time', () => {
    const [w] = splitTrace({
      traceEvents: [
        ...meta,
        ...measure('list', 0, 100_000),
        // A task of 40 ms: 25 ms of script, of which 5 ms a nested style recalc; 10 ms layout.
        task('RunTask', 10_000, 40_000, 20_000),
        task('FunctionCall', 10_000, 25_000),
        task('UpdateLayoutTree', 15_000, 5_000),
        task('Layout', 35_000, 10_000),
        // Half of it inside the window: half its time and half its CPU count.
        task('RunTask', 90_000, 20_000, 10_000),
        task('Paint', 90_000, 20_000),
        // Another thread's work is not the page's.
        task('FunctionCall', 0, 100_000, 100_000, 11),
      ],
    });
    expect(w.name).toBe('list');
    expect(w.ms).toBe(100);
    expect(w.shares).toEqual({ scripting: 20, style: 5, layout: 10, paint: 10, other: 5, idle: 50 });
    expect(w.cpu).toBe(25);
  });

  it('finds no windows in a trace without the bench’s measures', () => {
    expect(splitTrace({ traceEvents: [...meta, task('RunTask', 0, 10_000)] })).toEqual([]);
  });
});
