import { afterAll, describe, expect, it } from 'vitest';
import { checkCharacter } from '../../db/children/idNumber';
import { type App, browserAvailable, openApp, shot } from './harness';
import { CASEWORKER_LIU as CASEWORKER } from './support/people';
import { at, invoke, KDF, StudioClock, signIn, staffStudio, useBrowser, VIEWPORT } from './support/studio';
import { go } from './support/ui';

const ID_17 = '37012520150302031';
const CHILD_ID = `${ID_17}${checkCharacter(ID_17)}`;
const MASKED = '370125************';

describe.skipIf(!browserAvailable().ok)('privacy rules on screen (issue 11)', () => {
  // Registered first, so its afterAll (hooks run as a stack) closes Chromium after the app.
  const browser = useBrowser();
  let app: App | undefined;
  afterAll(async () => {
    await app?.close();
  });

  it("masks a colleague's child on a referral and the file, offers no reveal, and scopes ID fragments", async () => {
    const day = at('2026-11-20');
    app = await openApp(browser(), { clock: new StudioClock(day), kdf: KDF, viewport: VIEWPORT });
    const { page } = app;
    await page.clock.setSystemTime(new Date(day));
    await staffStudio(app, CASEWORKER);
    const child = await invoke<{ id: string }>(app, 'children.create', {
      name: '张晓明',
      gender: 'male',
      birthDate: '2015-03-02',
      idNumber: CHILD_ID,
      township: '曲堤街道',
      village: '曲堤村',
    });
    const referral = await invoke<{ id: string }>(app, 'referrals.create', {
      sourceDepartment: '第一检察部',
      receivedDate: '2026-11-20',
      summary: '犯罪嫌疑人张建国被羁押，其子张晓明由祖母照看。',
      urgency: 'normal',
      detained: [],
      children: [{ childId: child.id }],
    });
    await page.reload();
    page.setDefaultTimeout(10_000);
    await signIn(page, CASEWORKER, '儿童档案');

    // The referral: the masked number beside the birth date, never the tail.
    await go(page, `#/referrals/${referral.id}`);
    await page.getByText(MASKED).first().waitFor();
    await page.getByText('2015-03-02').first().waitFor();
    const referralText = (await page.locator('body').textContent()) ?? '';
    expect(referralText).not.toContain(CHILD_ID);
    expect(referralText).not.toContain(CHILD_ID.slice(-4));
    await shot(page, 'access-referral-masked');

    // The file: masked, and no 显示完整号码 for someone the policy does not name.
    await go(page, `#/children/${child.id}`);
    const header = page.getByRole('region', { name: '档案概要' });
    await header.getByText(MASKED).waitFor();
    expect(await header.getByRole('button', { name: '显示完整号码' }).count()).toBe(0);
    expect((await page.locator('body').textContent()) ?? '').not.toContain(CHILD_ID.slice(-4));
    await shot(page, 'access-file-no-reveal');

    // The list: an ID fragment finds only one's own children, and says so.
    await go(page, '#/children');
    await page.getByLabel('搜索儿童').fill(CHILD_ID.slice(6, 14));
    await page.getByText('按身份证号片段只查找您负责的儿童').waitFor();
    await shot(page, 'access-list-fragment-own');
    // The whole number finds the child.
    await page.getByLabel('搜索儿童').fill(CHILD_ID);
    await page.getByRole('row', { name: /张晓明/ }).waitFor();
    expect(await page.getByRole('row', { name: /张晓明/ }).textContent()).toContain(MASKED);
    expect(app.externalRequests).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });
});
