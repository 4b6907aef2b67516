import { eq } from 'drizzle-orm';
import { emptyInput } from '../accounts/inputs';
import { type Ctx, method } from '../api/define';
import { SETTINGS_DEFAULTS, type Settings, settingsUpdateInput } from './inputs';
import { settings } from './schema';

export type { Settings };

export function readSetting<K extends keyof Settings>(ctx: Ctx, key: K): Settings[K] {
  const row = ctx.db.select().from(settings).where(eq(settings.key, key)).get();
  return row ? (JSON.parse(row.value) as Settings[K]) : SETTINGS_DEFAULTS[key];
}

export function readIdleMinutes(ctx: Ctx): number {
  return readSetting(ctx, 'idleMinutes');
}

function readAll(ctx: Ctx): Settings {
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

export const settingsMethods = {
  'settings.get': method({
    input: emptyInput,
    access: 'user',
    kind: 'read',
    handler: (ctx): Settings => readAll(ctx),
  }),

  'settings.update': method({
    input: settingsUpdateInput,
    access: ['admin'],
    kind: 'write',
    handler: (ctx, input): Settings => {
      const now = ctx.clock.now();
      const keys = Object.keys(input).filter((k) => input[k as keyof Settings] !== undefined);
      for (const key of keys) {
        const value = JSON.stringify(input[key as keyof Settings]);
        ctx.db
          .insert(settings)
          .values({ key, value, updatedAt: now, updatedBy: ctx.user.id })
          .onConflictDoUpdate({
            target: settings.key,
            set: { value, updatedAt: now, updatedBy: ctx.user.id },
          })
          .run();
      }
      ctx.audit.write({ action: 'settings.update', detail: { keys } });
      return readAll(ctx);
    },
  }),
};
