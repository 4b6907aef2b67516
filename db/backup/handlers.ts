import { emptyInput } from '../accounts/inputs';
import { type Host, hostMethod, type SessionUser } from '../api/define';
import { ApiError } from '../api/errors';
import { t } from '../i18n';
import type { BackupManifest } from './format';
import { backupFileInput, backupListInput, backupRestoreInput } from './inputs';
import type { BackupListItem, BackupStatus, RunOutcome } from './service';

/** Before anyone signs in, backups may be looked at only on a first run (a new PC). */
function assertSetupOrSignedIn(host: Host): void {
  if (host.state() === 'locked') throw new ApiError('LOCKED', t('errors.locked'));
}

export const backupMethods = {
  'backup.status': hostMethod({
    input: emptyInput,
    access: 'user',
    kind: 'host',
    handler: async (host): Promise<BackupStatus> => host.backups.status(host.ctx()),
  }),

  'backup.list': hostMethod({
    input: backupListInput,
    access: 'public',
    kind: 'host',
    handler: async (host, input): Promise<BackupListItem[]> => {
      assertSetupOrSignedIn(host);
      return host.backups.list(host.state() === 'unlocked' ? host.ctx() : null, input.folder || undefined);
    },
  }),

  /** 立即备份. Resolves when the backup is written, checked and copied. */
  'backup.run': hostMethod({
    input: emptyInput,
    access: 'user',
    kind: 'host',
    handler: async (host): Promise<RunOutcome> => host.backups.run('manual'),
  }),

  'backup.check': hostMethod({
    input: backupFileInput,
    access: 'user',
    kind: 'host',
    handler: async (host, input) => host.backups.check(input.file),
  }),

  /** What a backup holds, shown before a restore; readable without a key. */
  'backup.manifest': hostMethod({
    input: backupFileInput,
    access: 'public',
    kind: 'host',
    handler: async (host, input): Promise<BackupManifest> => {
      assertSetupOrSignedIn(host);
      return host.backups.manifest(input.file);
    },
  }),

  /** Signed in as an administrator, or on a first run; signs the restoring administrator in. */
  'backup.restore': hostMethod({
    input: backupRestoreInput,
    access: 'public',
    kind: 'host',
    handler: async (host, input): Promise<SessionUser> =>
      host.backups.restore(input.file, input.username, input.passphrase),
  }),

  /** A database without its keyslots.json: puts a backup's key slots back. */
  'backup.restoreKeySlots': hostMethod({
    input: backupRestoreInput,
    access: 'public',
    kind: 'host',
    handler: async (host, input): Promise<null> => {
      await host.backups.restoreKeySlots(input.file, input.username, input.passphrase);
      return null;
    },
  }),
};
