// The one message catalog. Every user-visible string, in the UI and in API error messages,
// is looked up here by key, so another language is one more folder beside zh-CN/.
// Pure TypeScript with no DOM or Node imports: the renderer, the core and the shell all use it,
// so it lives in db/ beside the core's other pure modules (codes, inputs).
import { zhCN } from './zh-CN';

export type Catalog = typeof zhCN;
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
export type MessageKey = Leaves<Catalog>;

const catalog: Catalog = zhCN;

/** Looks a key up and fills `{name}` placeholders. An unknown key is a programming error. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  let node: unknown = catalog;
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  if (typeof node !== 'string') throw new Error(`missing message: ${key}`);
  if (!params) return node;
  return node.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/**
 * A label for a code read back from the database: its catalog entry, or the code itself when a
 * newer (or older) version stored one this catalog does not know. Never throws, so one odd row
 * cannot take a whole page (a child's timeline) down with it; the renderer falls back the same way.
 */
export function labelOr(key: string, fallback: string): string {
  try {
    return t(key as MessageKey);
  } catch {
    return fallback;
  }
}
