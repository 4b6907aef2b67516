import { create } from 'zustand';
import type { SessionUser } from '../../../db/api/define';
import { api, bridge, type LockReason, setLockedListener, toApiCallError } from '../api/client';
import { resetAllStores } from '../common/resetRegistry';
import { prefetchApi } from '../common/useApiQuery';

/**
 * starting: asking the core; unavailable: no core behind the bridge; setup: no account yet;
 * locked: sign-in needed; unlocked: the shell is shown.
 */
export type Phase = 'starting' | 'unavailable' | 'setup' | 'locked' | 'unlocked';

/** Why the last lock happened; `other` when the core reported LOCKED without an event. */
export type LockCause = LockReason | 'other';

interface SessionState {
  phase: Phase;
  user: SessionUser | null;
  idleMinutes: number;
  lockCause: LockCause | null;
  /** Why the core could not be reached or opened (e.g. a data file from a newer version). */
  startError: string | null;
  /** A first run over a data folder that has a database but no key slots (setup is refused). */
  databaseWithoutKeys: boolean;
  /** Pre-fills the sign-in form after a lock; a username is not case data. */
  lastUsername: string | null;
  start(): Promise<void>;
  signedIn(user: SessionUser): void;
  lock(reason: 'manual' | 'idle'): Promise<void>;
  locked(cause: LockCause): void;
  setIdleMinutes(minutes: number): void;
}

const DEFAULT_IDLE_MINUTES = 10;
let unsubscribeLocked: (() => void) | null = null;

export const useSession = create<SessionState>()((set, get) => ({
  phase: 'starting',
  user: null,
  idleMinutes: DEFAULT_IDLE_MINUTES,
  lockCause: null,
  startError: null,
  databaseWithoutKeys: false,
  lastUsername: null,

  async start() {
    const b = bridge();
    if (!b) {
      set({ phase: 'unavailable', startError: null });
      return;
    }
    if (!unsubscribeLocked) {
      unsubscribeLocked = b.on('locked', (payload) => {
        const reason = (payload as { reason?: unknown } | null)?.reason;
        get().locked(
          reason === 'manual' || reason === 'idle' || reason === 'system' || reason === 'reload'
            ? reason
            : 'other',
        );
      });
    }
    set({ phase: 'starting', startError: null });
    try {
      const status = await api('session.status', {});
      if (status.state === 'unlocked') {
        // A renderer that starts (a reload, a new window) never inherits a signed-in
        // session: whoever sits here signs in again.
        await api('session.lock', { reason: 'reload' });
        set({
          phase: 'locked',
          user: null,
          lockCause: 'reload',
          lastUsername: status.user?.username ?? null,
        });
        return;
      }
      set({ phase: status.state, user: null, databaseWithoutKeys: status.databaseWithoutKeys });
    } catch (err) {
      set({ phase: 'unavailable', startError: toApiCallError(err).message });
    }
  },

  signedIn(user) {
    // 首页's own read first in the core's queue, answered while the shell mounts (HomePage's
    // useApiQuery takes it up); the status and the backup alert's read come after it.
    prefetchApi('home.summary', {});
    set({ phase: 'unlocked', user, lockCause: null, lastUsername: user.username });
    // Sign-in returns only the user; the idle limit comes with the status.
    api('session.status', {})
      .then((status) => {
        if (status.idleMinutes > 0) set({ idleMinutes: status.idleMinutes });
      })
      .catch(() => undefined);
  },

  async lock(reason) {
    try {
      await api('session.lock', { reason });
    } catch {
      // Lock the screen even if the core call failed: hiding the data must not depend on IPC.
    }
    get().locked(reason);
  },

  locked(cause) {
    const { phase, lockCause } = get();
    if (phase === 'setup' || phase === 'starting' || phase === 'unavailable') return;
    // The core's event and our own call both arrive for one lock; keep the first, more
    // specific cause.
    if (phase === 'locked') {
      if (lockCause === null || lockCause === 'other') set({ lockCause: cause });
      return;
    }
    resetAllStores();
    // The next person to sign in starts on the home page, not on whatever was open.
    if (window.location.hash && window.location.hash !== '#/') window.location.hash = '#/';
    set({ phase: 'locked', user: null, lockCause: cause });
  },

  setIdleMinutes(minutes) {
    set({ idleMinutes: minutes });
  },
}));

setLockedListener(() => useSession.getState().locked('other'));
