import type { ApiResult } from '../../../db/api/errors';
import type { SunwardBridge } from '../../../electron/bridge-types';

export type { SunwardBridge };

/** The globals the harness adds beside `window.sunward`; the preload has no such names. */
export interface HarnessWindow {
  sunward: SunwardBridge;
  __sunwardInvoke(method: string, input: unknown): Promise<ApiResult<unknown>>;
  __sunwardEmit?(event: string, payload: unknown): void;
}

export const INVOKE_BINDING = '__sunwardInvoke';

/**
 * Runs in every frame before the app's own scripts, like a preload. It is a string rather
 * than a function because the test transpiler may inject helpers (e.g. `__name`) into
 * function bodies, which would not exist once the source is shipped into the page.
 *
 * contextBridge hands the page a frozen copy with exactly `invoke` and `on`; the object here
 * is frozen and non-writable for the same reason: the app must not be able to lean on
 * anything the real preload would not give it.
 */
export const BRIDGE_INIT_SCRIPT = `(() => {
  if (window.sunward) return;
  const listeners = new Map();
  // Looked up per call: Playwright installs the binding with its own init script, whose
  // order relative to this one is not promised.
  const invoke = (method, input) => window.${INVOKE_BINDING}(method, input);
  const on = (event, cb) => {
    if (typeof cb !== 'function') throw new TypeError('sunward.on: callback must be a function');
    let set = listeners.get(event);
    if (!set) {
      set = new Set();
      listeners.set(event, set);
    }
    set.add(cb);
    return () => {
      set.delete(cb);
    };
  };
  Object.defineProperty(window, 'sunward', {
    value: Object.freeze({ invoke, on }),
    enumerable: true,
  });
  Object.defineProperty(window, '__sunwardEmit', {
    value: (event, payload) => {
      for (const cb of [...(listeners.get(event) || [])]) {
        try {
          cb(payload);
        } catch (err) {
          // Surface as an uncaught page error, as a throwing listener would in Electron.
          setTimeout(() => {
            throw err;
          });
        }
      }
    },
  });
})();`;
