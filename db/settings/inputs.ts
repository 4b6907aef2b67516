import { z } from 'zod';
import { t } from '../../renderer/src/i18n';

export const DEFAULT_IDLE_MINUTES = 10;

export const settingsUpdateInput = z.object({
  idleMinutes: z
    .number({ error: t('validation.settings.idleMinutes') })
    .int()
    .min(1, t('validation.settings.idleMinutes'))
    .max(120, t('validation.settings.idleMinutes')),
});
