// The shipped data is not in the wasm: the start screen lists the catalogs from a small index,
// and each file is asked for only when something needs it — a catalog when an assessment of it
// opens, the sample when the user opens it. A file that does not arrive is said, naming it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newContext, openApp, useBrowser } from './harness.mjs';

useBrowser();

const dataFiles = (requests) =>
  requests.map((url) => new URL(url).pathname).filter((path) => path.includes('/data/')).map((path) => path.split('/data/')[1]);

// Without the service worker, so that every file the page asks for is a request seen here.
const withoutWorker = () => newContext({ serviceWorkers: 'block' });

test('the start screen asks for the index only; the sample and its catalogs come when the sample is opened', async () => {
  const { page, context, requests, problems } = await openApp({ context: await withoutWorker() });
  await page.getByRole('button', { name: /新しい評価を開始: 医療情報を受託管理する情報処理事業者/ }).waitFor();
  assert.equal(await page.locator('li.catalog').count(), 3);
  assert.match(await page.locator('.catalog-list').innerText(), /182 項目/);
  assert.deepEqual(dataFiles(requests), ['index.json']);
  const wasm = requests.filter((url) => url.endsWith('.wasm'));
  assert.equal(wasm.length, 1, 'one wasm at start');

  await page.getByRole('button', { name: /サンプルを開く/ }).click();
  await page.locator('li.item').first().waitFor();
  assert.deepEqual(dataFiles(requests).sort(), [
    'cloud-checklist-253.json', // the other end of the crosswalk, for the links shown beside an item
    'crosswalk-checklist-meti-2012.json',
    'index.json',
    'meti-2012.json',
    'sample-kirin-karte-meti-2012.json',
  ]);
  assert.equal(await page.getByText('読み込み中…').count(), 0, 'the loading line is gone once loaded');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a catalog that does not arrive is said in both languages, naming the file, and nothing is stored', async () => {
  const context = await withoutWorker();
  await context.route('**/data/mhlw-skeleton.json', (route) => route.fulfill({ status: 404, body: 'gone' }));
  const { page } = await openApp({ context });
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
