// What the duties' integration tests (强制报告, 法治宣讲) share.
import path from 'node:path';
import { type Core, makeContext } from '../../db/api/core';
import type { Ctx } from '../../db/api/define';
import { openEncrypted } from '../../db/core/open';
import { Vault } from '../../db/core/vault';
import { ADMIN, FAST_KDF } from './support';

/** A read context on the closed core's file, as db/stats will call the figures. */
export async function statsCtx(core: Core & { dataDir: string }): Promise<Ctx> {
  core.close();
  const opened = await new Vault(core.dataDir, FAST_KDF).openDatabaseKey(ADMIN.username, ADMIN.passphrase);
  if (!opened) throw new Error('could not open the vault');
  const raw = openEncrypted(path.join(core.dataDir, 'sunward.db'), opened.key, { create: false });
  return makeContext(raw, {
    id: opened.accountId,
    username: ADMIN.username,
    displayName: ADMIN.displayName,
    role: 'admin',
  });
}
