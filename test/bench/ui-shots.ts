// Screenshots of the screens the screen bench times (sign-in, 首页, 儿童档案 and its filter open),
// to compare a change by eye: npx tsx test/bench/ui-shots.ts OUT_PREFIX [DATA_DIR]
import path from 'node:path';
import { t } from '../../db/i18n';
import { launchBrowser, openApp } from '../e2e/harness';
import { ADMIN_USERNAME, DEFAULT_PASSPHRASE } from '../fixtures/seeder';

async function main(): Promise<void> {
  const prefix = process.argv[2] ?? '/tmp/ui-shot';
  const dataDir = path.resolve(process.argv[3] ?? '.data/bench-100000/data');
  const browser = await launchBrowser();
  const app = await openApp(browser, { dataDir, path: '/' });
  const { page } = app;
  const snap = async (name: string) => {
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `${prefix}-${name}.png`, animations: 'disabled', caret: 'hide' });
  };
  try {
    const username = page.getByLabel(t('accounts.fields.username'), { exact: true });
    await username.waitFor();
    if ((await username.inputValue()) === '') await username.fill(ADMIN_USERNAME);
    await page.getByLabel(t('accounts.fields.passphrase'), { exact: true }).fill(DEFAULT_PASSPHRASE);
    await snap('signin');
    await page.getByRole('button', { name: t('accounts.signIn.submit'), exact: true }).click();
    await page.locator('[data-testid="home-todo"]').waitFor();
    await snap('home');
    await page.getByRole('menuitem', { name: t('app.nav.children') }).click();
    await page.locator('[data-testid="children-results"] tbody tr[data-index]').first().waitFor();
    await snap('list');
    await page
      .getByLabel(t('children.list.filterBy', { field: t('children.list.filter.riskLevel') }))
      .click();
    await snap('list-filter');
  } finally {
    await app.close();
    await browser.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
