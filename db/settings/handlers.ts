import { emptyInput } from '../accounts/inputs';
import { method } from '../api/define';
import { type Settings, settingsUpdateInput } from './inputs';
import { readAll } from './model';
import { settings } from './schema';

export type { Settings };

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
