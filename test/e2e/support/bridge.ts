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
/** The binding itself: one string there (method and input), one string back (support/wire.ts). */
export const WIRE_BINDING = '__sunwardWire';

/**
 * The page's end of support/wire.ts, the same tags: defines toWire and fromWire in the
 * init script's scope.
 */
const WIRE_CODEC_SOURCE = `
  const TAG = '\\u0000';
  const TYPED = { Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array,
    Uint32Array, Float32Array, Float64Array, BigInt64Array, BigUint64Array };
  const bytesOf = (view) => {
    const b = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
    let bin = '';
    for (let i = 0; i < b.length; i += 0x8000) bin += String.fromCharCode.apply(null, b.subarray(i, i + 0x8000));
    return btoa(bin);
  };
  const bytesFrom = (text) => {
    const bin = atob(text);
    const b = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) b[i] = bin.charCodeAt(i);
    return b;
  };
  const tag = (value) => {
    if (value === undefined) return { [TAG]: 'u' };
    if (typeof value === 'number') {
      return Number.isFinite(value) && !Object.is(value, -0) ? value : { [TAG]: 'n', v: Object.is(value, -0) ? '-0' : String(value) };
    }
    if (typeof value === 'bigint') return { [TAG]: 'b', v: value.toString() };
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map(tag);
    if (value instanceof Date) return { [TAG]: 'd', v: value.getTime() };
    if (value instanceof RegExp) return { [TAG]: 'r', v: [value.source, value.flags] };
    if (value instanceof Map) return { [TAG]: 'm', v: [...value].map(([k, v]) => [tag(k), tag(v)]) };
    if (value instanceof Set) return { [TAG]: 's', v: [...value].map(tag) };
    if (value instanceof ArrayBuffer) return { [TAG]: 'ab', v: bytesOf(new Uint8Array(value)) };
    if (ArrayBuffer.isView(value)) return { [TAG]: value.constructor.name, v: bytesOf(value) };
    if (value instanceof Error) return { [TAG]: 'e', v: [value.name, value.message, value.stack] };
    if (value instanceof Blob) throw new DOMException('a Blob cannot cross the bridge', 'DataCloneError');
    const out = {};
    for (const [k, v] of Object.entries(value)) out[k] = tag(v);
    return TAG in out ? { [TAG]: 'o', v: out } : out;
  };
  const untag = (value) => {
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map(untag);
    if (!(TAG in value)) {
      for (const k of Object.keys(value)) value[k] = untag(value[k]);
      return value;
    }
    const kind = value[TAG];
    const v = value.v;
    switch (kind) {
      case 'u': return undefined;
      case 'n': return Number(v);
      case 'b': return BigInt(v);
      case 'd': return new Date(v);
      case 'r': return new RegExp(v[0], v[1]);
      case 'm': return new Map(v.map(([k, x]) => [untag(k), untag(x)]));
      case 's': return new Set(v.map(untag));
      case 'ab': return bytesFrom(v).buffer;
      case 'e': { const err = new Error(v[1]); err.name = v[0]; if (v[2] !== undefined) err.stack = v[2]; return err; }
      case 'o': { for (const k of Object.keys(v)) v[k] = untag(v[k]); return v; }
      case 'DataView': return new DataView(bytesFrom(v).buffer);
      default: {
        const Ctor = TYPED[kind];
        if (!Ctor) throw new TypeError("the rig's wire: unknown tag " + JSON.stringify(kind));
        const b = bytesFrom(v);
        return new Ctor(b.buffer, 0, b.byteLength / Ctor.BYTES_PER_ELEMENT);
      }
    }
  };
  // The clone first, as ipcRenderer.invoke makes it: what it cannot carry throws here as there.
  const toWire = (value) => JSON.stringify(tag(structuredClone(value)));
  const fromWire = (text) => untag(JSON.parse(text));
`;

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
${WIRE_CODEC_SOURCE}
  // Not the app's to see (the preload has no such name), but writable, so bench:ui can time
  // every call where the page makes it. The binding is looked up per call: Playwright installs
  // it with its own init script, whose order relative to this one is not promised.
  Object.defineProperty(window, '${INVOKE_BINDING}', {
    value: async (method, input) => fromWire(await window.${WIRE_BINDING}(String(method), toWire(input))),
    writable: true,
  });
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
