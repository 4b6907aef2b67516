import { useEffect } from 'react';
import { useSession } from './store';

const INPUT_EVENTS = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart'] as const;

/**
 * Locks after `idleMinutes` without keyboard, mouse or touch input. Plain setTimeout and
 * Date.now, so a test clock can fast-forward it. (In the app, the shell also locks by the
 * system's idle clock, in case a hung page misses its timer.)
 */
export function useIdleLock(idleMinutes: number): void {
  const lock = useSession((s) => s.lock);

  useEffect(() => {
    const limit = Math.max(1, idleMinutes) * 60_000;
    let lastInput = Date.now();
    let idleTimer: ReturnType<typeof setTimeout> | undefined;

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
    };

    for (const name of INPUT_EVENTS) window.addEventListener(name, onInput, { capture: true, passive: true });
    idleTimer = setTimeout(check, limit);
    return () => {
      for (const name of INPUT_EVENTS) window.removeEventListener(name, onInput, { capture: true });
      if (idleTimer !== undefined) clearTimeout(idleTimer);
    };
  }, [idleMinutes, lock]);
}
