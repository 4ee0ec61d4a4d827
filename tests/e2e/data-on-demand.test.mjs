// The shipped data is not in the wasm: the start screen lists the catalogs from a small index (a
// first visit's first screen is in the page and needs none; the app starts behind it when a
// person points at it), and the catalogs are read once it has settled, ahead of the user's choice, or
// when an assessment of one opens before that; the sample when the user opens it. A file that
// does not arrive is said, naming it, when the user's own action needs it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newContext, openApp, pointAtPage, useBrowser } from './harness.mjs';

useBrowser();

const dataFiles = (requests) =>
  requests.map((url) => new URL(url).pathname).filter((path) => path.includes('/data/')).map((path) => path.split('/data/')[1]);

// Without the service worker, so that every file the page asks for is a request seen here.
const withoutWorker = () => newContext({ serviceWorkers: 'block' });

// When the start screen first showed a catalog's start button, by the page's clock.
const START_SHOWN = () => {
  new MutationObserver((_, observer) => {
    if (document.querySelector('li.catalog button')) {
      window.__startShown = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
};

// When each data file was asked for, by the page's clock.
const dataRequestTimes = (page) =>
  page.evaluate(() =>
    performance.getEntriesByType('resource')
      .filter((entry) => entry.name.includes('/data/'))
      .map((entry) => [entry.name.split('/data/')[1], entry.startTime]));

test('the first screen shows with no wasm and no data; once the app has started behind it, the catalogs are read, the sample when opened', async () => {
  const context = await withoutWorker();
  await context.addInitScript(START_SHOWN);
  const { page, requests, problems } = await openApp({ context });
  await page.getByRole('button', { name: /新しい評価を開始: 医療情報を受託管理する情報処理事業者/ }).waitFor();
  assert.equal(await page.locator('li.catalog').count(), 3);
  assert.match(await page.locator('.catalog-list').innerText(), /182 項目/);
  // The first screen of a browser that holds nothing yet is in the page: no wasm, no data.
  assert.deepEqual(requests.filter((url) => url.endsWith('.wasm') || url.includes('/data/')), []);
  await pointAtPage(page);
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('.wasm')));
  const wasm = requests.filter((url) => url.endsWith('.wasm'));
  assert.equal(wasm.length, 1, 'one wasm once a person points at the page');
  // Once the start screen has settled, the catalogs are read ahead of the user's choice.
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/data/cloud-checklist-253.json')));
  const shown = await page.evaluate(() => window.__startShown);
  for (const [file, time] of await dataRequestTimes(page)) {
    if (file !== 'index.json') assert.ok(time > shown, `${file} was asked for at ${time} ms, before the start screen showed at ${shown} ms`);
  }
  assert.ok(!dataFiles(requests).includes('sample-kirin-karte-meti-2012.json'), 'the sample waits until it is opened');

  await page.getByRole('button', { name: /サンプルを開く/ }).click();
  await page.locator('li.item').first().waitFor();
  assert.ok(dataFiles(requests).includes('sample-kirin-karte-meti-2012.json'));
  for (const file of ['cloud-checklist-253.json', 'crosswalk-checklist-meti-2012.json', 'meti-2012.json']) {
    assert.ok(dataFiles(requests).includes(file), `${file}, which the sample needs, was read`);
  }
  assert.equal(await page.getByText('読み込み中…').count(), 0, 'the loading line is gone once loaded');
  assert.deepEqual(problems, []);
  await context.close();
});

test('once the start screen has settled, starting a checklist waits for no file and never says 読み込み中', async () => {
  const context = await withoutWorker();
  await context.addInitScript(() => {
    new MutationObserver(() => {
      if ([...document.querySelectorAll('.loading')].some((line) => line.textContent.includes('読み込み中'))) window.__saidLoading = true;
    }).observe(document, { childList: true, subtree: true });
  });
  const { page, requests, problems } = await openApp({ context });
  await pointAtPage(page);
  const everyFile = ['cloud-checklist-253.json', 'crosswalk-checklist-meti-2012.json', 'meti-2012.json', 'mhlw-skeleton.json', 'profile-cloud-checklist-253.json'];
  await page.waitForFunction((files) => files.every((file) => performance.getEntriesByType('resource').some((e) => e.name.endsWith(`/data/${file}`))), everyFile);
  // A person reads the screen before choosing; by then the files read ahead are parsed.
  await page.waitForTimeout(1500);
  const asked = requests.length;
  await page.evaluate(() => { window.__saidLoading = false; });
  await page.getByRole('button', { name: /新しい評価を開始: クラウドサービス事業者/ }).click();
  await page.locator('li.item').first().waitFor();
  assert.deepEqual(dataFiles(requests.slice(asked)), [], 'no data file was asked for after the click');
  assert.equal(await page.evaluate(() => window.__saidLoading), false, '読み込み中 was never shown');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a catalog that does not arrive is said in both languages when the user starts it, naming the file, and nothing is stored', async () => {
  const context = await withoutWorker();
  await context.route('**/data/mhlw-skeleton.json', (route) => route.fulfill({ status: 404, body: 'gone' }));
  const { page } = await openApp({ context });
  await pointAtPage(page);
  // Read ahead, the file fails without a word: nothing the user asked for is missing yet.
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/data/mhlw-skeleton.json')));
  await page.waitForTimeout(500);
  assert.equal(await page.locator('.notice').count(), 0, 'no notice for a file read ahead');
  await page.getByRole('button', { name: /新しい評価を開始: 医療情報システムの安全管理/ }).click();
  const notice = page.locator('.notice');
  await notice.waitFor();
  assert.match(await notice.innerText(), /データファイルを読み込めませんでした.*data\/mhlw-skeleton\.json \(HTTP 404\)/s);
  assert.match(await notice.innerText(), /Could not load a data file.*data\/mhlw-skeleton\.json/s);
  assert.equal(await page.locator('li.item').count(), 0, 'no editor opened');
  await page.reload();
  await page.locator('li.catalog').first().waitFor();
  assert.equal(await page.locator('.saved-list li').count(), 0, 'nothing was stored');
  // Once the file arrives, the same button works.
  await context.unroute('**/data/mhlw-skeleton.json');
  await page.getByRole('button', { name: /新しい評価を開始: 医療情報システムの安全管理/ }).click();
  await page.locator('li.item').first().waitFor();
  await context.close();
});
