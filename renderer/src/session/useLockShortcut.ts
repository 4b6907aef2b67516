import { useEffect } from 'react';
import { useSession } from './store';

export const isMac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.userAgent);
export const LOCK_SHORTCUT = isMac ? '⌘L' : 'Ctrl+L';

/**
 * Ctrl+L or ⌘L locks, as the app menu does; the renderer listens too so the shortcut works
 * wherever the renderer runs (tests, a browser). Either modifier on every platform.
 */
export function useLockShortcut(): void {
  const lock = useSession((s) => s.lock);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.key.toLowerCase() !== 'l') return;
      e.preventDefault();
      void lock('manual');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [lock]);
}
