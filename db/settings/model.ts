// What other areas read of the settings (the handlers only add the two methods).
import type { ReadCtx } from '../api/define';
import { cached } from '../core/statements';
import { SETTINGS_DEFAULTS, type Settings } from './inputs';
import { settings } from './schema';

export type { Settings };

/** On the bare connection: the stored reminders (reminders/due.ts) read one inside a write's commit. */
export function readSetting<K extends keyof Settings>(ctx: Pick<ReadCtx, 'raw'>, key: K): Settings[K] {
  const row = cached(ctx.raw, 'SELECT value FROM settings WHERE key = ?').get(key) as
    | { value: string }
    | undefined;
  return row ? (JSON.parse(row.value) as Settings[K]) : SETTINGS_DEFAULTS[key];
}

export function readIdleMinutes(ctx: ReadCtx): number {
  return readSetting(ctx, 'idleMinutes');
}

export function readAll(ctx: ReadCtx): Settings {
  const stored = new Map(
    ctx.db
      .select()
      .from(settings)
      .all()
      .map((r) => [r.key, JSON.parse(r.value)]),
  );
  const out = { ...SETTINGS_DEFAULTS };
  for (const key of Object.keys(out) as (keyof Settings)[]) {
    if (stored.has(key)) (out as Record<string, unknown>)[key] = stored.get(key);
  }
  return out;
}
