// Run by test/integration/backup.test.ts in a child process: signs in, starts a backup and
// kills its own process (SIGKILL, no cleanup) as soon as the backup reaches the given phase.
import { createCore } from '../../../db/api/core';
import { ADMIN, FAST_KDF, MIGRATIONS_DIR } from '../support';

const [dataDir, phase] = process.argv.slice(2) as [string, string];
const ORDER = ['copy', 'write', 'verify'];
const core = createCore({ dataDir, migrationsDir: MIGRATIONS_DIR, kdf: FAST_KDF, log: () => {} });
const signIn = await core.invoke('session.signIn', {
  username: ADMIN.username,
  passphrase: ADMIN.passphrase,
});
if (!signIn.ok) throw new Error(signIn.error.message);
const watch = () => {
  const status = (core as unknown as { backups: { running(): { phase: string } | null } }).backups.running();
  // A phase that flew by between two looks counts as reached once a later one shows.
  if (status && ORDER.indexOf(status.phase) >= ORDER.indexOf(phase)) process.kill(process.pid, 'SIGKILL');
  else setImmediate(watch);
};
setImmediate(watch);
await core.invoke('backup.run', {});
// Reaching here means the phase was never seen: say so, the test fails on it.
console.log('finished without being killed');
process.exit(3);
