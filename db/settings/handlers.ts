import type { z } from 'zod';
import { emptyInput } from '../accounts/inputs';
import { type Ctx, method, type ReadCtx } from '../api/define';
import { type Settings, settingsUpdateInput } from './inputs';
import { readAll } from './model';
import { settings } from './schema';

export const settingsMethods = {
  'settings.get': method({
    input: emptyInput,
    access: 'user',
    kind: 'read',
    handler: getSetting,
  }),

  'settings.update': method({
    input: settingsUpdateInput,
    access: ['admin'],
    kind: 'write',
    handler: updateSetting,
  }),
};

export type { Settings };

function getSetting(ctx: ReadCtx): Settings {
  return readAll(ctx);
}

function updateSetting(ctx: Ctx, input: z.output<typeof settingsUpdateInput>): Settings {
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
}
