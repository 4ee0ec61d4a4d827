// The app shell: it loads from the build, speaks Japanese, lists the engine's catalogs, and
// asks nothing of any host but the one serving it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BASE_URL, openApp, screenshot, useBrowser } from './harness.mjs';

useBrowser();

test('the start page is in Japanese and lists the catalogs with their item counts', async () => {
  const { page, context, problems } = await openApp();
  assert.equal(await page.locator('html').getAttribute('lang'), 'ja');
  assert.match(await page.title(), /tekigo/);
  const catalogs = page.locator('.catalog');
  await catalogs.first().waitFor();
  const texts = await catalogs.allInnerTexts();
  assert.equal(texts.length, 3);
  assert.ok(texts.some((text) => text.includes('評価チェックリスト') && text.includes('253 項目')), texts.join('\n'));
  assert.ok(texts.some((text) => text.includes('経済産業省') && text.includes('182 項目')), texts.join('\n'));
  assert.ok(texts.some((text) => text.includes('厚生労働省')), texts.join('\n'));
  await screenshot(page, 'start');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the page asks only its own origin, and nothing once loaded', async () => {
  const { page, context, requests } = await openApp();
  await page.evaluate(() => navigator.serviceWorker.ready);
  const origin = new URL(BASE_URL).origin;
  const foreign = requests.filter((url) => new URL(url).origin !== origin && !url.startsWith('data:'));
  assert.deepEqual(foreign, [], `requests to other hosts: ${foreign.join(', ')}`);
  const loaded = requests.length;
  // Start an assessment (which stores it) and wait until it is stored: nothing is asked of
  // the network meanwhile.
  await page.locator('.catalog button').first().click();
  await page.locator('li.item').first().waitFor();
  await page.getByLabel('評価対象プロダクト名').fill('通信の確認');
  await page.locator('.save-state[data-pending="false"]').waitFor();
  assert.equal(requests.length, loaded, `requests after load: ${requests.slice(loaded).join(', ')}`);
  await context.close();
});

test('after one visit the app opens offline, with its saved work', async () => {
  const { page, context } = await openApp();
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.getByRole('button', { name: /新しい評価を開始: 医療情報を受託管理する/ }).click();
  await page.getByLabel('評価対象プロダクト名').fill('オフライン確認');
  await page.locator('.save-state[data-pending="false"]').waitFor();
  await page.getByRole('button', { name: '評価の一覧' }).click();
  await context.setOffline(true);
  await page.reload();
  await page.locator('.saved').first().waitFor();
  assert.match(await page.locator('.saved').first().innerText(), /オフライン確認/);
  assert.equal((await page.locator('.catalog').allInnerTexts()).length, 3);
  await screenshot(page, 'offline');
  await context.close();
});
