// Run as a separate process by referrals.test.ts: signs in to a shared data folder and
// creates referrals as fast as it can, to race another process doing the same.
import { createCore } from '../../../db/api/core';
import { ADMIN, FAST_KDF, MIGRATIONS_DIR } from '../support';

const [dataDir, count, childId] = process.argv.slice(2);
const core = createCore({ dataDir, migrationsDir: MIGRATIONS_DIR, kdf: FAST_KDF, log: () => {} });
const signIn = await core.invoke('session.signIn', {
  username: ADMIN.username,
  passphrase: ADMIN.passphrase,
});
if (!signIn.ok) throw new Error(signIn.error.message);
const numbers: string[] = [];
for (let i = 0; i < Number(count); i++) {
  const r = await core.invoke('referrals.create', {
    sourceDepartment: '第一检察部',
    receivedDate: '2026-11-20',
    children: [{ childId }],
  });
  if (!r.ok) throw new Error(r.error.message);
  numbers.push((r.value as { number: string }).number);
}
core.close();
process.stdout.write(JSON.stringify(numbers));
