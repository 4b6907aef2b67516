import type { z } from 'zod';
import { emptyInput } from '../accounts/inputs';
import { type Host, hostMethod, type SessionUser } from '../api/define';
import { ApiError } from '../api/errors';
import { t } from '../i18n';
import type { BackupManifest } from './format';
import { backupFileInput, backupListInput, backupRestoreInput } from './inputs';
import type { BackupListItem, BackupStatus, RunOutcome } from './service';

export const backupMethods = {
  'backup.status': hostMethod({
    input: emptyInput,
    access: 'user',
    kind: 'host',
    handler: status,
  }),

  'backup.list': hostMethod({
    input: backupListInput,
    access: 'public',
    kind: 'host',
    handler: listBackup,
  }),

  /** 立即备份. Resolves when the backup is written, checked and copied. */
  'backup.run': hostMethod({
    input: emptyInput,
    access: 'user',
    kind: 'host',
    handler: run,
  }),

  'backup.check': hostMethod({
    input: backupFileInput,
    access: 'user',
    kind: 'host',
    handler: check,
  }),

  /** What a backup holds, shown before a restore; readable without a key. */
  'backup.manifest': hostMethod({
    input: backupFileInput,
    access: 'public',
    kind: 'host',
    handler: manifest,
  }),

  /** Signed in as an administrator, or on a first run; signs the restoring administrator in. */
  'backup.restore': hostMethod({
    input: backupRestoreInput,
    access: 'public',
    kind: 'host',
    handler: restoreBackup,
  }),

  /** A database without its keyslots.json: puts a backup's key slots back. */
  'backup.restoreKeySlots': hostMethod({
    input: backupRestoreInput,
    access: 'public',
    kind: 'host',
    handler: restoreKeySlots,
  }),
};

/** Before anyone signs in, backups may be looked at only on a first run (a new PC). */
function assertSetupOrSignedIn(host: Host): void {
  if (host.state() === 'locked') throw new ApiError('LOCKED', t('errors.locked'));
}

async function status(host: Host): Promise<BackupStatus> {
  return host.backups.status(host.ctx());
}

async function listBackup(host: Host, input: z.output<typeof backupListInput>): Promise<BackupListItem[]> {
  assertSetupOrSignedIn(host);
  return host.backups.list(host.state() === 'unlocked' ? host.ctx() : null, input.folder || undefined);
}

async function run(host: Host): Promise<RunOutcome> {
  return host.backups.run('manual');
}

async function check(host: Host, input: z.output<typeof backupFileInput>) {
  return host.backups.check(input.file);
}

async function manifest(host: Host, input: z.output<typeof backupFileInput>): Promise<BackupManifest> {
  assertSetupOrSignedIn(host);
  return host.backups.manifest(input.file);
}

async function restoreBackup(host: Host, input: z.output<typeof backupRestoreInput>): Promise<SessionUser> {
  return host.backups.restore(input.file, input.username, input.passphrase);
}

async function restoreKeySlots(host: Host, input: z.output<typeof backupRestoreInput>): Promise<null> {
  await host.backups.restoreKeySlots(input.file, input.username, input.passphrase);
  return null;
}
