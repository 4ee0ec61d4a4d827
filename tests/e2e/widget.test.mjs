// The widget as a hospital meets it on a vendor's site: the demo vendor page (hostile CSS)
// shows the vendor's published answers; search and the hospital's to-do list work inside the
// shadow root; bad input is said in the widget in both languages while the page keeps working;
// the iframe page speaks postMessage only with the origins it lists; and "start our own check"
// opens the hospital's own tekigo, which asks, then holds every answer as the vendor's until
// confirmed; the widget kit saved from the publish dialog runs on a vendor's own site; on a
// phone the widget keeps inside its frame. No request goes anywhere but the origins serving
// the files.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, normalize } from 'node:path';
import { test } from 'node:test';
import { BASE_URL, newContext, record, screenshot, unzip, useBrowser } from './harness.mjs';

useBrowser();

const DEMO_URL = process.env.TEKIGO_DEMO_URL ?? 'http://127.0.0.1:8081/';
const origins = [new URL(BASE_URL).origin, new URL(DEMO_URL).origin];
const widget = (page) => page.locator('tekigo-checker');
const foreign = (requests) => requests.filter((url) => !url.startsWith('data:') && !url.startsWith('blob:') && !origins.includes(new URL(url).origin));

async function vendorPage(context, path = 'vendor.html') {
  const page = await context.newPage();
  const seen = record(page);
  await page.goto(new URL(path, DEMO_URL).href);
  return { page, ...seen };
}

test('the vendor page shows the published answers despite its hostile CSS, searchable, with the to-do list', async () => {
  const context = await newContext({ viewport: { width: 1280, height: 900 } });
  const { page, problems, requests } = await vendorPage(context);
  const w = widget(page);
  await w.locator('.tk-item').first().waitFor();
  assert.match(await w.locator('.tk-product').innerText(), /きりんカルテ/);
  // The headline counts what the vendor wrote: the sample states and rates almost nothing.
  assert.match(await w.locator('.tk-progress').innerText(), /^記入のある項目 1[0-9]{2}\/182$/);
  assert.match(await w.locator('.tk-count').innerText(), /^182 \/ 182/);
  // The host hides every button and input; the widget's own are still there and usable.
  const button = w.getByRole('button', { name: 'この回答をもとに自院のチェックを始める' });
  assert.ok(await button.isVisible());
  const box = await w.locator('.tk-root').boundingBox();
  assert.ok(box.width > 600, `the widget keeps its width (${box.width})`);
  assert.equal(await w.locator('.tk-root').evaluate((root) => getComputedStyle(root).fontFamily.includes('Comic')), false);
  await screenshot(page, 'widget-vendor-page');

  // Search folds half-width katakana inside the shadow root.
  await w.getByRole('searchbox').fill('ﾌﾟﾗｲﾊﾞｼｰﾏｰｸ');
  await w.locator('.tk-count', { hasText: /^1 \/ 182/ }).waitFor();
  assert.equal(await w.locator('.tk-item .tk-id').allTextContents().then((ids) => ids.join(',')), '1');
  await w.getByRole('searchbox').fill('');
  // The hospital's to-do list collects what the answers leave to the hospital: the sample
  // leaves nothing to it, which is said, with no empty list to unfold.
  const summary = w.locator('details.tk-todo summary');
  const count = (await summary.count()) ? Number((await summary.innerText()).match(/\((\d+)/)[1]) : 0;
  if (count === 0) assert.ok(await w.getByText('医療機関で必要な対応はありません。').isVisible());
  await w.getByLabel('要対応あり').check();
  await w.locator('.tk-count', { hasText: new RegExp(`^${count} / 182`) }).waitFor();
  // The element's API: the answers as a plain object.
  const id = await page.evaluate(() => document.querySelector('tekigo-checker').assessment.id);
  assert.equal(id, 'kirin-karte-meti-2012');
  assert.deepEqual(foreign(requests), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('on a phone the widget stays inside its frame, long addresses wrap, and its own button reads white on blue', async () => {
  const context = await newContext({ viewport: { width: 360, height: 740 } });
  const { page, problems } = await vendorPage(context);
  const w = widget(page);
  await w.locator('.tk-item').first().waitFor();
  const root = await w.locator('.tk-root').boundingBox();
  const search = await w.getByRole('searchbox').boundingBox();
  assert.ok(search.x + search.width <= root.x + root.width, `the search box ends inside the widget (${search.x + search.width} > ${root.x + root.width})`);
  const spilling = await w.locator('.tk-item').evaluateAll((items) => items.filter((item) => item.scrollWidth > item.clientWidth + 1).length);
  assert.equal(spilling, 0, 'no item is wider than the widget');
  const button = w.getByRole('button', { name: 'この回答をもとに自院のチェックを始める' });
  assert.equal(await button.evaluate((b) => getComputedStyle(b).color), 'rgb(255, 255, 255)');
  await screenshot(page, 'widget-vendor-page-phone');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a missing, broken, private or unknown-catalog file is said in the widget, and the page keeps working', async () => {
  const context = await newContext();
  const { page } = await vendorPage(context);
  await widget(page).locator('.tk-item').first().waitFor();
  const cases = [
    [null, /回答ファイルが指定されていません/, /No answers file/],
    ['missing.json', /回答ファイルを読み込めませんでした[\s\S]*404/, /could not be loaded/],
    ['widget/widget.css', /JSON として読めません/, /not valid JSON/],
  ];
  for (const [src, ja, en] of cases) {
    await page.evaluate((src) => {
      const element = document.querySelector('tekigo-checker');
      if (src) element.setAttribute('src', `tekigo/${src}`);
      else element.removeAttribute('src');
    }, src);
    const message = widget(page).locator('.tk-message');
    await message.filter({ hasText: ja }).waitFor();
    if (src) assert.match(await message.innerText(), en);
  }
  // A private (not published) assessment and one of a catalog not shipped.
  const published = await (await page.request.get(new URL('tekigo/kirin-karte_public.json', DEMO_URL).href)).json();
  const { publication, ...unpublished } = published;
  assert.ok(publication);
  for (const [answers, ja] of [
    [unpublished, /公開用に書き出された回答ではありません/],
    [{ ...published, catalog: { id: 'no-such-catalog', hash: '' } }, /カタログを読み込めませんでした[\s\S]*no-such-catalog/],
  ]) {
    await page.evaluate((answers) => document.querySelector('tekigo-checker').load(answers), answers);
    await widget(page).locator('.tk-message', { hasText: ja }).waitFor();
  }
  // The host page still works.
  assert.equal(await page.evaluate(() => document.querySelector('.lead').textContent.length > 0), true);
  await context.close();
});

test('the iframe page loads answers by postMessage from a listed origin and ignores any other', async () => {
  const context = await newContext();
  const { page, problems, requests } = await vendorPage(context, 'iframe.html');
  const frame = page.frameLocator('#tekigo-frame');
  await frame.locator('tekigo-checker .tk-item').first().waitFor();
  await page.locator('#iframe-status', { hasText: 'tekigo-load: kirin-karte-meti-2012' }).waitFor();
  // The API answers with the answers shown.
  const product = await page.evaluate(() => new Promise((resolve) => {
    const frame = document.getElementById('tekigo-frame');
    window.addEventListener('message', (event) => {
      if (event.data?.type === 'tekigo-assessment') resolve(event.data.assessment.subject.product);
    });
    frame.contentWindow.postMessage({ type: 'tekigo-get' }, frame.dataset.appOrigin);
  }));
  assert.match(product, /きりんカルテ/);
  assert.deepEqual(foreign(requests), []);
  assert.deepEqual(problems, []);

  // The same page embedding embed.html with another origin listed: its messages are ignored.
  const embedUrl = new URL('widget/embed.html?origins=https://other.example&lang=ja', BASE_URL).href;
  await page.evaluate((src) => {
    const frame = document.getElementById('tekigo-frame');
    frame.removeAttribute('data-app-origin');
    frame.src = src;
  }, embedUrl);
  const unlisted = page.frameLocator('#tekigo-frame');
  await unlisted.locator('tekigo-checker .tk-message').waitFor();
  const answered = await page.evaluate(async (origin) => {
    const frame = document.getElementById('tekigo-frame');
    const published = await (await fetch('tekigo/kirin-karte_public.json')).text();
    let heard = false;
    window.addEventListener('message', (event) => { if (event.origin === origin) heard = true; });
    frame.contentWindow.postMessage({ type: 'tekigo-load', published }, origin);
    frame.contentWindow.postMessage({ type: 'tekigo-get' }, origin);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    return heard;
  }, new URL(BASE_URL).origin);
  assert.equal(answered, false, 'embed.html says nothing to an origin it does not list');
  assert.equal(await unlisted.locator('tekigo-checker .tk-item').count(), 0, 'and shows nothing it sent');
  await context.close();
});

test("starting our own check hands the answers to the hospital's tekigo, which holds them as the vendor's until confirmed", async () => {
  const context = await newContext();
  const { page, requests } = await vendorPage(context);
  await widget(page).locator('.tk-item').first().waitFor();
  const [app, download] = await Promise.all([
    context.waitForEvent('page'),
    page.waitForEvent('download'),
    widget(page).getByRole('button', { name: 'この回答をもとに自院のチェックを始める' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /きりんカルテ.*_public\.json$/);
  const appRequests = record(app).requests;
  await app.locator('.offer').waitFor();
  const offer = await app.locator('.offer').innerText();
  assert.match(offer, new RegExp(new URL(DEMO_URL).origin.replace(/[.]/g, '\\.')));
  assert.match(offer, /きりんカルテ/);
  // What the count is: items with an answer written, not the catalog's items.
  assert.match(offer, /\(記入のある項目 \d+\)/);
  await screenshot(app, 'widget-handover-offer');
  await app.getByRole('button', { name: '自院のチェックを始める' }).click();
  await app.locator('li.item').first().waitFor();
  assert.match(app.url(), /^[^#]*$/, 'the receiving address is gone after the handover');
  // Every answer is the vendor's, not yet confirmed; confirming them one by one counts down.
  const published = await (await page.request.get(new URL('tekigo/kirin-karte_public.json', DEMO_URL).href)).json();
  const answers = Object.keys(published.answers).length;
  await app.getByRole('button', { name: /その他の条件/ }).click();
  await app.getByLabel('未確認のみ').check();
  await app.locator('.shown-count', { hasText: new RegExp(`^${answers}$`) }).waitFor();
  await app.locator('li.item .item-select').first().click();
  await app.getByRole('button', { name: 'この回答を確認した' }).click();
  await app.getByRole('tab', { name: 'ダッシュボード' }).click();
  assert.match(await app.locator('.rates').innerText(), new RegExp(`未確認の回答\\s*${answers - 1}`));
  // Changing another answer confirms it too.
  await app.getByRole('tab', { name: '項目' }).click();
  await app.locator('li.item .item-select').nth(1).click();
  await app.getByLabel('対応策・見解').fill('自院でも確認した。');
  await app.getByRole('tab', { name: 'ダッシュボード' }).click();
  assert.match(await app.locator('.rates').innerText(), new RegExp(`未確認の回答\\s*${answers - 2}`));
  assert.deepEqual(foreign([...requests, ...appRequests]), []);
  await context.close();
});

test('publishing from the app: the public file, the code to copy and a preview of the widget', async () => {
  const context = await newContext();
  const page = await context.newPage();
  const { requests, problems } = record(page);
  await page.goto(BASE_URL);
  await page.getByRole('button', { name: /サンプルを開く/ }).click();
  await page.locator('li.item').first().waitFor();
  // Something private, to see it stay behind.
  await page.locator('li.item .item-select').first().click();
  await page.getByLabel('ヒアリングで確認').fill('面談メモ: 来期に是正予定');
  await page.locator('.save-state[data-pending="false"]').waitFor();
  await page.getByRole('button', { name: '公開用に書き出す' }).click();
  const dialog = page.locator('.publish');
  assert.match(await dialog.innerText(), /公開されない欄[\s\S]*ヒアリングで確認/);
  const code = await dialog.locator('.embed-code').inputValue();
  assert.match(code, /<script type="module" src="\/tekigo\/widget\/tekigo-widget\.js"><\/script>/);
  assert.match(code, /<tekigo-checker src="\/tekigo\/tekigo_『きりんカルテ』_2019-08-26_public\.json" lang="ja">/);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: /公開用ファイルを保存/ }).click(),
  ]);
  const path = await download.path();
  const text = (await import('node:fs')).readFileSync(path, 'utf8');
  const file = JSON.parse(text);
  assert.ok(file.publication?.publishedAt, 'marked as published');
  assert.doesNotMatch(text, /来期に是正予定/);
  // The preview: the widget from this same app, fed by postMessage.
  const preview = page.frameLocator('.widget-preview');
  await preview.locator('tekigo-checker .tk-product', { hasText: 'きりんカルテ' }).waitFor();
  await dialog.scrollIntoViewIfNeeded();
  await dialog.screenshot({ path: new URL('./artifacts/publish-dialog.png', import.meta.url).pathname });
  assert.deepEqual(foreign(requests), []);
  assert.deepEqual(problems, []);
  await context.close();
});

/** Serves `folder` as a site's root on a free port; returns its URL and a way to stop. */
async function serveFolder(folder) {
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.wasm': 'application/wasm' };
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname));
    try {
      const body = readFileSync(join(folder, path));
      response.writeHead(200, { 'content-type': types[path.slice(path.lastIndexOf('.'))] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

test("the widget kit saved from the publish dialog runs on a vendor's own site as the embed code says", async () => {
  const context = await newContext();
  const page = await context.newPage();
  await page.goto(BASE_URL);
  await page.getByRole('button', { name: /サンプルを開く/ }).click();
  await page.locator('li.item').first().waitFor();
  await page.getByRole('button', { name: '公開用に書き出す' }).click();
  const dialog = page.locator('.publish');
  const code = await dialog.locator('.embed-code').inputValue();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'ウィジェット一式を保存 (zip)' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'tekigo_『きりんカルテ』_2019-08-26_public_widget.zip');
  await dialog.getByText('ウィジェット一式を保存しました。').waitFor();
  const files = unzip(readFileSync(await download.path()));
  assert.ok(files.has('tekigo/widget/tekigo-widget.js'));
  assert.ok(files.has('tekigo/widget/tekigo_widget_bg.wasm'));
  assert.ok(files.has('tekigo/widget/catalogs/meti-2012.json'));
  assert.ok(files.has('tekigo/tekigo_『きりんカルテ』_2019-08-26_public.json'));
  assert.ok(files.get('tekigo/example.html').toString('utf8').includes(code), 'the page to try holds the code shown');
  await context.close();

  // The vendor's site: the kit's tekigo folder at its root, nothing else.
  const site = mkdtempSync(join(tmpdir(), 'tekigo-e2e-kit-'));
  for (const [name, bytes] of files) {
    mkdirSync(dirname(join(site, name)), { recursive: true });
    writeFileSync(join(site, name), bytes);
  }
  const server = await serveFolder(site);
  const visitor = await newContext();
  const vendor = await visitor.newPage();
  const { problems, requests } = record(vendor);
  await vendor.goto(new URL('tekigo/example.html', server.url).href);
  const w = widget(vendor);
  await w.locator('.tk-item').first().waitFor();
  assert.match(await w.locator('.tk-product').innerText(), /きりんカルテ/);
  assert.match(await w.locator('.tk-progress').innerText(), /^記入のある項目 1[0-9]{2}\/182$/);
  assert.deepEqual(requests.filter((url) => !url.startsWith(server.url) && !url.startsWith('data:') && !url.startsWith('blob:')), []);
  assert.deepEqual(problems, []);
  await visitor.close();
  server.close();
});
