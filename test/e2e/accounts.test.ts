import { describe, expect, it } from 'vitest';
import { type App, browserAvailable, openApp, shot } from './harness';
import { KDF, useBrowser } from './support/studio';

const ADMIN = { displayName: '王芳', username: 'wangfang', passphrase: 'Sunward-admin-2026 violet-harbor' };
const LEAVING = {
  displayName: '赵强',
  username: 'zhaoqiang',
  passphrase: 'Leaving-colleague-2026 violet',
  role: 'caseworker',
};
const FORGETFUL = {
  displayName: '孙丽',
  username: 'sunli',
  passphrase: 'Forgetful-colleague-2026 lake',
  role: 'counsellor',
};
const GIVEN = 'Handed-over-in-person-2026 kite';

async function call(app: App, method: string, input: unknown): Promise<unknown> {
  const result = await app.core.invoke(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
}

describe.skipIf(!browserAvailable().ok)('accounts: reset, disable, rotate the database key', () => {
  const browser = useBrowser();

  it('resets a colleague’s passphrase, disables another and rotates the key when offered', async () => {
    const app = await openApp(browser(), { kdf: KDF, viewport: { width: 1366, height: 900 } });
    const { page } = app;
    try {
      // The page locks any session it finds when it starts; seed only once it has started.
      await expect.poll(() => page.getByText('创建管理员账号').first().isVisible()).toBe(true);
      await call(app, 'session.setup', ADMIN);
      await call(app, 'accounts.create', LEAVING);
      await call(app, 'accounts.create', FORGETFUL);
      await call(app, 'session.lock', {});
      await page.reload();
      await page.getByLabel('用户名').fill(ADMIN.username);
      await page.getByLabel('密码', { exact: true }).fill(ADMIN.passphrase);
      await page.getByRole('button', { name: '登录', exact: true }).click();
      await page.getByRole('menuitem', { name: '设置' }).click();
      await page.getByText('账号管理').first().waitFor();

      // 重置密码 for the one who forgot: a weak passphrase is refused beside its field.
      const forgetfulRow = page.getByRole('row').filter({ hasText: FORGETFUL.displayName });
      await forgetfulRow.getByRole('button', { name: '重置密码' }).click();
      const dialog = page.getByRole('dialog', { name: '重置同事的密码' });
      await dialog.getByLabel('初始密码').fill('Xiangyang-2026!');
      await dialog.getByLabel('确认密码').fill('Xiangyang-2026!');
      await dialog.getByRole('button', { name: '重置' }).click();
      await expect.poll(() => dialog.getByText('密码太容易被猜到').first().isVisible()).toBe(true);
      await shot(page, 'accounts-01-reset-weak');
      await dialog.getByLabel('初始密码').fill(GIVEN);
      await dialog.getByLabel('确认密码').fill(GIVEN);
      await dialog.getByRole('button', { name: '重置' }).click();
      await expect.poll(() => page.getByText('已重置密码').isVisible()).toBe(true);

      // 停用 the one who leaves: the app offers to change the database key at once.
      const leavingRow = page.getByRole('row').filter({ hasText: LEAVING.displayName });
      await leavingRow.getByRole('button', { name: '停用' }).click();
      await page
        .getByRole('button', { name: '确 定' })
        .or(page.getByRole('button', { name: '确定' }))
        .first()
        .click();
      const offer = page.getByRole('dialog', { name: '更换数据库密钥' });
      await expect.poll(() => offer.getByText(`已停用“${LEAVING.displayName}”`).isVisible()).toBe(true);
      await shot(page, 'accounts-02-rotate-offer');
      await offer.getByRole('button', { name: '立即更换' }).click();
      await expect.poll(() => page.getByText('数据库密钥已更换（第 2 代').isVisible()).toBe(true);
      await shot(page, 'accounts-03-rotated');

      const actions = (
        (await call(app, 'audit.list', { limit: 100 })) as { rows: { action: string }[] }
      ).rows.map((r) => r.action);
      expect(actions).toEqual(
        expect.arrayContaining(['accounts.resetPassphrase', 'accounts.setDisabled', 'accounts.rotateKey']),
      );

      // After the rotation the colleague signs in with what they were handed, the old one fails.
      await call(app, 'session.lock', {});
      expect((await app.core.invoke('session.signIn', FORGETFUL)).ok).toBe(false);
      expect(
        (await app.core.invoke('session.signIn', { username: FORGETFUL.username, passphrase: GIVEN })).ok,
      ).toBe(true);
      expect(app.externalRequests).toEqual([]);
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
