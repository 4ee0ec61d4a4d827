// The first screen of a browser that holds nothing of tekigo yet is in the page itself (the
// build renders it from the app's components): it shows with no wasm fetched, and what a
// person does on it — a click, a file chosen — is carried out by the app once it has started.
// A browser that holds an assessment starts the app at once.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newContext, openApp, useBrowser } from './harness.mjs';

useBrowser();

const wasmAsked = (requests) => requests.filter((url) => url.endsWith('.wasm'));

/** Holds back the app's wasm until `release()` is called. */
async function holdWasm(context) {
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  await context.route('**/tekigo-web_bg.wasm', async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

test('the first screen shows the catalogs with no wasm, and a start clicked at once opens the 253 items', async () => {
  const context = await newContext({ serviceWorkers: 'block' });
  const release = await holdWasm(context);
  const { page, requests, problems } = await openApp({ context });
  const start = page.getByRole('button', { name: /新しい評価を開始: クラウドサービス事業者/ });
  await start.waitFor();
  assert.equal(await page.locator('li.catalog').count(), 3);
  assert.match(await page.locator('.start').innerText(), /保存された評価はまだありません/);
  assert.deepEqual(wasmAsked(requests), [], 'the first screen needs no wasm');
  await start.click();
  await page.getByText('読み込み中…').waitFor();
  release();
  await page.locator('li.item').first().waitFor();
  assert.match(await page.locator('.shown-count').innerText(), /^253$/);
  assert.equal(wasmAsked(requests).length, 1);
  assert.equal(await page.locator('.first-screen').count(), 0, 'the first screen is gone');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a file chosen on the first screen is opened by the app, and English chosen there stays', async () => {
  const context = await newContext({ serviceWorkers: 'block' });
  const release = await holdWasm(context);
  const { page, problems } = await openApp({ context });
  await page.getByRole('button', { name: 'English' }).click();
  const assessment = {
    schemaVersion: 1,
  };
  await page.locator('input[type=file]').first().setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(assessment)),
  });
  release();
  // The app says, in English as chosen first, why the file does not open.
  const notice = page.locator('.notice');
  await notice.waitFor();
  assert.match(await notice.innerText(), /broken\.json/);
  assert.equal(await page.locator('.tekigo').getAttribute('lang'), 'en');
  assert.deepEqual(problems.filter((problem) => !/broken\.json/.test(problem)), []);
  await context.close();
});

test('a browser that holds an assessment starts the app at once, never showing the empty first screen', async () => {
  const context = await newContext({ serviceWorkers: 'block' });
  await context.addInitScript(() => {
    new MutationObserver(() => {
      if (document.querySelector('.first-screen')) window.__firstScreenShown = true;
    }).observe(document, { childList: true, subtree: true });
  });
  const { page } = await openApp({ context });
  await page.getByRole('button', { name: /新しい評価を開始: 医療情報システムの安全管理/ }).click();
  await page.locator('li.item').first().waitFor();
  // A new visit in the same browser: no tab state, the stored assessment only.
  const again = await context.newPage();
  await again.goto(page.url());
  await again.locator('.saved-list li').first().waitFor();
  assert.equal(await again.evaluate(() => window.__firstScreenShown ?? false), false);
  await context.close();
});
