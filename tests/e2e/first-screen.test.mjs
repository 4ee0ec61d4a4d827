// The first screen of a browser where tekigo has not run yet is in the page itself (the build
// renders it from the app's components): it shows with no wasm fetched, and the one action a
// person takes on it — a click, a file chosen — is carried out by the app once it has started.
// A browser that holds an assessment starts the app at once.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { newContext, openApp, pointAtPage, useBrowser } from './harness.mjs';

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

test('the first screen shows the catalogs with no wasm, and a start clicked twice at once opens the 253 items once', async () => {
  const context = await newContext({ serviceWorkers: 'block' });
  const release = await holdWasm(context);
  const { page, requests, problems } = await openApp({ context });
  const start = page.getByRole('button', { name: /新しい評価を開始: クラウドサービス事業者/ });
  await start.waitFor();
  assert.equal(await page.locator('li.catalog').count(), 3);
  assert.match(await page.locator('.start').innerText(), /保存された評価はまだありません/);
  assert.deepEqual(wasmAsked(requests), [], 'the first screen needs no wasm');
  await start.dblclick();
  await page.getByText('読み込み中… / Loading…').waitFor();
  release();
  await page.locator('li.item').first().waitFor();
  assert.match(await page.locator('.shown-count').innerText(), /^253$/);
  assert.equal(wasmAsked(requests).length, 1);
  assert.equal(await page.locator('.first-screen').count(), 0, 'the first screen is gone');
  await page.getByRole('button', { name: '評価の一覧' }).click();
  await page.locator('.saved').first().waitFor();
  await page.waitForTimeout(500);
  assert.equal(await page.locator('.saved').count(), 1, 'one assessment, not one per click');
  assert.deepEqual(problems, []);
  await context.close();
});

test('on a slow line the first screen says how much has arrived, and never that the server is not answering', async () => {
  const context = await newContext({ serviceWorkers: 'block' });
  const { page, problems } = await openApp({ context });
  // About 2 Mbps: the uncompressed wasm of this test server takes some five seconds.
  const devtools = await context.newCDPSession(page);
  await devtools.send('Network.emulateNetworkConditions', { offline: false, latency: 50, downloadThroughput: 250_000, uploadThroughput: 250_000 });
  await pointAtPage(page);
  await page.getByRole('button', { name: /新しい評価を開始: クラウドサービス事業者/ }).click();
  const busy = page.locator('.first-screen .loading');
  const shares = [];
  const deadline = Date.now() + 60_000;
  while (!(await page.locator('li.item').count())) {
    assert.ok(Date.now() < deadline, `no item within a minute; shown: ${shares}`);
    assert.equal(await page.getByRole('heading', { name: '読み込みに時間がかかっています' }).count(), 0, 'a line that is still delivering is not a server that does not answer');
    const share = /^読み込み中… (\d+)% \/ Loading… \d+%$/.exec((await busy.innerText({ timeout: 500 }).catch(() => '')).trim());
    if (share) shares.push(Number(share[1]));
    await page.waitForTimeout(250);
  }
  assert.ok(shares.some((share) => share > 0 && share < 100), `a share on its way was shown: ${shares}`);
  assert.deepEqual(shares, [...shares].sort((a, b) => a - b), 'what has arrived only grows');
  assert.match(await page.locator('.shown-count').innerText(), /^253$/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a file chosen on the first screen is opened by the app', async () => {
  const context = await newContext({ serviceWorkers: 'block' });
  const release = await holdWasm(context);
  const { page, problems } = await openApp({ context });
  await page.locator('input[type=file]').first().setInputFiles({
    name: 'kirin.json',
    mimeType: 'application/json',
    buffer: readFileSync(new URL('../../crates/core/data/sample-kirin-karte-meti-2012.json', import.meta.url)),
  });
  release();
  await page.locator('li.item').first().waitFor();
  assert.match(await page.locator('.shown-count').innerText(), /^182$/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('by keyboard: English chosen on the first screen is carried out, the focus on the language switch', async () => {
  const context = await newContext({ serviceWorkers: 'block' });
  const { page, problems } = await openApp({ context });
  await page.locator('.first-screen').waitFor();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'English');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: /Start a new assessment: クラウド/ }).waitFor();
  assert.equal(await page.locator('.tekigo').getAttribute('lang'), 'en');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), '日本語');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a browser that holds an assessment starts the app at once, never showing the empty first screen', async () => {
  const context = await newContext({ serviceWorkers: 'block' });
  const { page } = await openApp({ context });
  await page.getByRole('button', { name: /新しい評価を開始: 医療情報システムの安全管理/ }).click();
  await page.locator('li.item').first().waitFor();
  // A new visit in the same browser, its settings gone: the stored assessment alone decides.
  const again = await context.newPage();
  await again.addInitScript(() => {
    if (!sessionStorage.getItem('cleared')) {
      localStorage.clear();
      sessionStorage.setItem('cleared', '1');
    }
    new MutationObserver(() => {
      if (document.querySelector('.first-screen')) window.__firstScreenShown = true;
    }).observe(document, { childList: true, subtree: true });
  });
  await again.goto(page.url());
  await again.locator('.saved-list li').first().waitFor();
  assert.equal(await again.evaluate(() => window.__firstScreenShown ?? false), false);
  await context.close();
});

test('a first screen left open while the app starts in another tab gives way to the app', async () => {
  const context = await newContext({ serviceWorkers: 'block' });
  const { page: waiting } = await openApp({ context });
  await waiting.locator('.first-screen').waitFor();
  const { page } = await openApp({ context });
  await page.getByRole('button', { name: /新しい評価を開始: 医療情報システムの安全管理/ }).click();
  await page.locator('li.item').first().waitFor();
  await waiting.locator('.first-screen').waitFor({ state: 'detached' });
  assert.equal(await waiting.locator('#app .tekigo').count(), 1);
  await context.close();
});
