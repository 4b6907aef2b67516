// Input schemas of the backup area.
import { z } from 'zod';
import { t } from '../i18n';

const filePath = z
  .string({ error: t('validation.backup.fileRequired') })
  .trim()
  .min(1, t('validation.backup.fileRequired'))
  .max(1000);

export const backupListInput = z.object({
  /** Another folder to look in (a USB drive on a new PC); absolute. */
  folder: z.string().trim().max(1000).optional(),
});

export const backupFileInput = z.object({ file: filePath });

export const backupRestoreInput = z.object({
  file: filePath,
  username: z.string().trim().toLowerCase().min(1, t('backup.validation.usernameRequired')).max(64),
  passphrase: z.string().min(1, t('backup.validation.passphraseRequired')).max(256),
});
