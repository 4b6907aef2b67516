// Where a long write spends its time, wall clock and the process's CPU, for the bench's log
// line (a ledger import's rows, reminders, keys, commit…). Memory only; nothing is recorded
// unless a caller started a recording.

export interface PhaseTime {
  ms: number;
  cpuMs: number;
  count: number;
}

let recording: Map<string, PhaseTime> | null = null;

/** Starts recording phases (dropping any earlier recording). */
export function recordPhases(): void {
  recording = new Map();
}

/** The phases recorded since recordPhases, in the order first seen; recording stops. */
export function takePhases(): [string, PhaseTime][] {
  const out = recording ? [...recording] : [];
  recording = null;
  return out;
}

function add(name: string, t0: number, cpu0: NodeJS.CpuUsage): void {
  if (!recording) return;
  const cpu = process.cpuUsage(cpu0);
  const seen = recording.get(name) ?? { ms: 0, cpuMs: 0, count: 0 };
  seen.ms += performance.now() - t0;
  seen.cpuMs += (cpu.user + cpu.system) / 1000;
  seen.count++;
  recording.set(name, seen);
}

/** Runs fn as (part of) the named phase. */
export function phase<T>(name: string, fn: () => T): T {
  if (!recording) return fn();
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  try {
    return fn();
  } finally {
    add(name, t0, cpu0);
  }
}

export async function phaseAsync<T>(name: string, fn: () => Promise<T>): Promise<T> {
  if (!recording) return fn();
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  try {
    return await fn();
  } finally {
    add(name, t0, cpu0);
  }
}
