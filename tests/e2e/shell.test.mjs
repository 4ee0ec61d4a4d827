// The app shell: it loads from the build, speaks Japanese, lists the shipped catalogs, and
// asks nothing of any host but the one serving it; once loaded, its data files come from the
// service worker's copy of the build.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { appStarted, BASE_URL, openApp, screenshot, useBrowser } from './harness.mjs';

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

test('the page asks only its own origin, and once loaded nothing of the network', async () => {
  const { page, context, requests } = await openApp();
  await appStarted(page);
  const fromWorker = [];
  page.on('response', (response) => response.fromServiceWorker() && fromWorker.push(response.url()));
  // The worker has installed the build and taken the page.
  await page.evaluate(
    () => navigator.serviceWorker.controller ?? new Promise((taken) => navigator.serviceWorker.addEventListener('controllerchange', taken, { once: true })),
  );
  const origin = new URL(BASE_URL).origin;
  const foreign = requests.filter((url) => new URL(url).origin !== origin && !url.startsWith('data:'));
  assert.deepEqual(foreign, [], `requests to other hosts: ${foreign.join(', ')}`);
  // Loaded again, the page is the worker's from its start. Once its start screen has settled,
  // the catalogs' data files are read ahead, from the build's set; starting an assessment
  // (which stores it) then asks for nothing more.
  const beforeReload = requests.length;
  await page.reload();
  await appStarted(page);
  const seen = (names) => page.waitForFunction((names) => names.every((name) => performance.getEntriesByType('resource').some((e) => e.name.endsWith(name))), names);
  await seen(['/version.json', '/data/cloud-checklist-253.json', '/data/meti-2012.json']);
  const loaded = requests.length;
  await page.locator('.catalog button').first().click();
  await page.locator('li.item').first().waitFor();
  await page.getByLabel('評価対象プロダクト名').fill('通信の確認');
  await page.locator('.save-state[data-pending="false"]').waitFor();
  const after = requests.slice(loaded);
  assert.ok(after.every((url) => new URL(url, origin).pathname.startsWith('/data/')), `requests after load: ${after.join(', ')}`);
  const dataFiles = requests.slice(beforeReload).filter((url) => new URL(url, origin).pathname.startsWith('/data/'));
  assert.ok(dataFiles.length >= 3, dataFiles.join(', '));
  assert.deepEqual(dataFiles.filter((url) => !fromWorker.includes(url)), [], 'every data file came from the worker');
  await context.close();
});

test('after one visit the app opens offline, with its saved work', async () => {
  const { page, context } = await openApp();
  await appStarted(page);
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
