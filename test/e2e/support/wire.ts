/**
 * The Node end of the rig's wire (support/bridge.ts has the page's end, WIRE_CODEC_SOURCE):
 * a structured-cloned value as one JSON string, with tags for what JSON would lose.
 *
 * Why a string: Playwright's binding turns an answer into its own object-by-object protocol,
 * through its client, its server and CDP, and that walk cost a children.list answer about
 * 20 ms in bench:ui against well under 1 ms for a trivial one. One string crosses all of it in
 * a single piece. What crosses is still a structured clone on both sides, so a value IPC could
 * not carry fails here too; the tags only put back what the clone kept and JSON would not.
 */

/** A tagged value: an object whose only key is this one (no API value has it). */
const TAG = '\u0000';

type Tagged = { [TAG]: string; v?: unknown };

const TYPED = {
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
  BigInt64Array,
  BigUint64Array,
} as const;

function bytesOf(view: ArrayBufferView): string {
  return Buffer.from(view.buffer, view.byteOffset, view.byteLength).toString('base64');
}

function tag(value: unknown): unknown {
  if (value === undefined) return { [TAG]: 'u' };
  if (typeof value === 'number') {
    return Number.isFinite(value) && !Object.is(value, -0)
      ? value
      : { [TAG]: 'n', v: Object.is(value, -0) ? '-0' : String(value) };
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
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = tag(v);
  // An object that happens to carry the tag's key is wrapped, so it is never read as a tag.
  return TAG in out ? { [TAG]: 'o', v: out } : out;
}

function untag(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(untag);
  const obj = value as Record<string, unknown>;
  if (!(TAG in obj)) {
    for (const k of Object.keys(obj)) obj[k] = untag(obj[k]);
    return obj;
  }
  const { [TAG]: kind, v } = obj as Tagged;
  switch (kind) {
    case 'u':
      return undefined;
    case 'n':
      return Number(v);
    case 'b':
      return BigInt(v as string);
    case 'd':
      return new Date(v as number);
    case 'r':
      return new RegExp(...(v as [string, string]));
    case 'm':
      return new Map((v as [unknown, unknown][]).map(([k, x]) => [untag(k), untag(x)]));
    case 's':
      return new Set((v as unknown[]).map(untag));
    case 'ab': {
      const b = Buffer.from(v as string, 'base64');
      return new Uint8Array(b).buffer;
    }
    case 'e': {
      const [name, message, stack] = v as [string, string, string | undefined];
      const err = new Error(message);
      err.name = name;
      if (stack !== undefined) err.stack = stack;
      return err;
    }
    case 'o': {
      const out = v as Record<string, unknown>;
      for (const k of Object.keys(out)) out[k] = untag(out[k]);
      return out;
    }
    case 'DataView':
      return new DataView(new Uint8Array(Buffer.from(v as string, 'base64')).buffer);
    default: {
      const Ctor = TYPED[kind as keyof typeof TYPED];
      if (!Ctor) throw new TypeError(`the rig's wire: unknown tag ${JSON.stringify(kind)}`);
      const b = new Uint8Array(Buffer.from(v as string, 'base64'));
      return new Ctor(b.buffer, 0, b.byteLength / Ctor.BYTES_PER_ELEMENT);
    }
  }
}

/** Structured-clones the value (throwing where IPC would) and writes the clone as one string. */
export function toWire(value: unknown): string {
  return JSON.stringify(tag(structuredClone(value)));
}

/** The value a wire string carries (the page cloned it before writing it). */
export function fromWire(text: unknown): unknown {
  if (typeof text !== 'string') throw new TypeError("the rig's wire carries strings only");
  return untag(JSON.parse(text));
}
