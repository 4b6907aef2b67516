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
// The kill comes the moment the service records the phase: the copy and the check run side
// by side and their last messages can arrive in one turn, too quick for a look between turns.
const backups = (core as unknown as { backups: Record<string, unknown> }).backups;
const reached = (p: string) => ORDER.indexOf(p) >= ORDER.indexOf(phase);
let current: unknown = null;
Object.defineProperty(backups, 'progress', {
  configurable: true,
  get: () => current,
  set: (value: { phase: string } | null) => {
    if (value && reached(value.phase)) process.kill(process.pid, 'SIGKILL');
    current = value
      ? new Proxy(value, {
          set(target, key, v) {
            if (key === 'phase' && reached(String(v))) process.kill(process.pid, 'SIGKILL');
            return Reflect.set(target, key, v);
          },
        })
      : null;
  },
});
await core.invoke('backup.run', {});
// Reaching here means the phase was never seen: say so, the test fails on it.
console.log('finished without being killed');
process.exit(3);
