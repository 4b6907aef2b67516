import { useEffect } from 'react';
import { api } from '../api/client';
import { useSession } from './store';

const INPUT_EVENTS = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart'] as const;
const ACTIVITY_EVERY_MS = 60_000;

/**
 * Locks after `idleMinutes` without keyboard, mouse or touch input, and tells the core the
 * user is active at most once a minute. Plain setTimeout and Date.now, so a test clock can
 * fast-forward it.
 */
export function useIdleLock(idleMinutes: number): void {
  const lock = useSession((s) => s.lock);

  useEffect(() => {
    const limit = Math.max(1, idleMinutes) * 60_000;
    let lastInput = Date.now();
    let lastReport = lastInput;
    let idleTimer: ReturnType<typeof setTimeout> | undefined;
    let reportTimer: ReturnType<typeof setTimeout> | undefined;

    const report = () => {
      reportTimer = undefined;
      lastReport = Date.now();
      api('session.activity', {}).catch(() => undefined);
    };

    // Checking the elapsed time when the timer fires, instead of re-arming on every
    // mousemove, keeps input handling cheap.
    const check = () => {
      const idle = Date.now() - lastInput;
      if (idle >= limit) {
        idleTimer = undefined;
        void lock('idle');
        return;
      }
      idleTimer = setTimeout(check, limit - idle);
    };

    const onInput = () => {
      lastInput = Date.now();
      if (reportTimer !== undefined) return;
      const since = lastInput - lastReport;
      // Input inside the quiet minute is reported when the minute ends, so the core never
      // thinks the user idle for longer than the renderer does.
      if (since >= ACTIVITY_EVERY_MS) report();
      else reportTimer = setTimeout(report, ACTIVITY_EVERY_MS - since);
    };

    for (const name of INPUT_EVENTS) window.addEventListener(name, onInput, { capture: true, passive: true });
    idleTimer = setTimeout(check, limit);
    return () => {
      for (const name of INPUT_EVENTS) window.removeEventListener(name, onInput, { capture: true });
      if (idleTimer !== undefined) clearTimeout(idleTimer);
      if (reportTimer !== undefined) clearTimeout(reportTimer);
    };
  }, [idleMinutes, lock]);
}
