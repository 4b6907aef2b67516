import { powerMonitor } from 'electron';
import type { Core } from '../db/api/core';
import { shouldIdleLock } from './idle';

const CHECK_EVERY_MS = 30_000;

/**
 * A backstop to the renderer's own idle timer, which a hung or hidden page could miss:
 * lock after the configured idle minutes by the OS's idle clock, and at once when the
 * screen locks or the machine sleeps. Returns the function that stops it.
 */
export function startAutoLock(core: Core): () => void {
  const timer = setInterval(() => {
    if (shouldIdleLock(powerMonitor.getSystemIdleTime(), core.idleMinutes())) core.lock('idle');
  }, CHECK_EVERY_MS);
  const lockNow = () => core.lock('system');
  powerMonitor.on('lock-screen', lockNow);
  powerMonitor.on('suspend', lockNow);
  return () => {
    clearInterval(timer);
    powerMonitor.off('lock-screen', lockNow);
    powerMonitor.off('suspend', lockNow);
  };
}
