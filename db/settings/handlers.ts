import { eq } from 'drizzle-orm';
import { emptyInput } from '../accounts/inputs';
import { type Ctx, method } from '../api/define';
import { DEFAULT_IDLE_MINUTES, settingsUpdateInput } from './inputs';
import { settings } from './schema';

export interface Settings {
  idleMinutes: number;
}

const DEFAULTS: Settings = { idleMinutes: DEFAULT_IDLE_MINUTES };

function readSetting<K extends keyof Settings>(ctx: Ctx, key: K): Settings[K] {
  const row = ctx.db.select().from(settings).where(eq(settings.key, key)).get();
  return row ? (JSON.parse(row.value) as Settings[K]) : DEFAULTS[key];
}

export function readIdleMinutes(ctx: Ctx): number {
  return readSetting(ctx, 'idleMinutes');
}

function readAll(ctx: Ctx): Settings {
  return { idleMinutes: readSetting(ctx, 'idleMinutes') };
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
      for (const [key, value] of Object.entries(input)) {
        ctx.db
          .insert(settings)
          .values({ key, value: JSON.stringify(value), updatedAt: now, updatedBy: ctx.user.id })
          .onConflictDoUpdate({
            target: settings.key,
            set: { value: JSON.stringify(value), updatedAt: now, updatedBy: ctx.user.id },
          })
          .run();
      }
      ctx.audit.write({ action: 'settings.update', detail: { keys: Object.keys(input) } });
      return readAll(ctx);
    },
  }),
};
