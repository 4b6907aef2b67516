// What other areas read of the settings (the handlers only add the two methods).
import { eq } from 'drizzle-orm';
import type { ReadCtx } from '../api/define';
import { SETTINGS_DEFAULTS, type Settings } from './inputs';
import { settings } from './schema';

export type { Settings };

export function readSetting<K extends keyof Settings>(ctx: ReadCtx, key: K): Settings[K] {
  const row = ctx.db.select().from(settings).where(eq(settings.key, key)).get();
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
