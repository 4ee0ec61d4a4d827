// Storage that runs out: a save the browser refuses is said in words, marked 未保存 where the
// person is looking, offered as a file at once, kept aside and stored after a restart; the
// start screen says what the browser stores and whether it keeps it. A browser with a small
// quota is made with the DevTools protocol (Storage.overrideQuotaForOrigin), set before the
// origin's first write, in a profile kept on disk so that closing and launching it again is a
// restart.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { BASE_URL, launchProfile, profileFolder, record, screenshot } from './harness.mjs';

const ORIGIN = new URL(BASE_URL).origin;
/** How long the app waits before trying a refused save again (autosave.rs RETRY_MS). */
const RETRY_MS = 4_000;

const row = (page, id) => page.locator('li.item').filter({ has: page.locator('.item-id', { hasText: new RegExp(`^${id}$`) }) });
const unsaved = (page) => page.locator('.save-state[data-unsaved="true"]');
/** Waits until the editor says every change is stored. */
const stored = (page) => page.locator('.save-state[data-pending="false"]').waitFor();

/**
 * The browser on `folder`, its page on the app's origin. Service workers are blocked: their
 * cache of the app's files would take the small quota before the app writes anything.
 */
async function start(folder, { quota } = {}) {
  const context = await launchProfile(folder, { serviceWorkers: 'block', acceptDownloads: true });
  const page = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(page);
  if (quota) await cdp.send('Storage.overrideQuotaForOrigin', { origin: ORIGIN, quotaSize: quota });
  const { problems } = record(page);
  await page.goto(BASE_URL);
  await page.locator('.tekigo').waitFor();
  return { context, page, cdp, problems };
}

/** Text that compresses to nothing would fit any quota: this does not. */
function incompressible(length) {
  let seed = 12345;
  return Array.from({ length }, () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return String.fromCharCode(0x4e00 + (seed % 20000));
  }).join('');
}

async function downloadFrom(page, button) {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return readFileSync(await download.path(), 'utf8');
}

test('storage full while editing: said in words, marked 未保存, offered as a file, kept, and stored after a restart', async () => {
  const folder = profileFolder();
  const statement = incompressible(60_000);
  let browser = await start(folder, { quota: 100 * 1024 });
  let { page } = browser;
  await page.getByRole('button', { name: /新しい評価を開始: クラウドサービス事業者/ }).click();
  await page.getByLabel('評価対象プロダクト名').fill('容量テスト');
  await stored(page);

  await row(page, '1').locator('.item-select').click();
  await page.getByLabel('対応策・見解').fill(statement);
  const warning = unsaved(page);
  await warning.waitFor();
  const text = await warning.innerText();
  assert.match(text, /未保存/);
  assert.match(text, /ブラウザの保存領域がいっぱいです/);
  assert.match(text, /保存は自動で再試行します/);
  assert.match(text, /一時的に控えてあります/);
  // Seen where the person is typing, far down the page, not only at its top.
  const box = await warning.boundingBox();
  const viewport = page.viewportSize();
  assert.ok(box && box.y >= 0 && box.y + box.height <= viewport.height, `未保存 is out of sight: ${JSON.stringify(box)}`);
  assert.equal(await page.locator('.save-state[data-pending="false"]').count(), 0, '保存済み is never shown meanwhile');
  await screenshot(page, 'reliability-storage-full');

  // 「ファイルに保存」 is right there, and the file holds the edits storage refused.
  const file = JSON.parse(await downloadFrom(page, warning.getByRole('button', { name: 'ファイルに保存' })));
  assert.equal(file.answers['1'].statement, statement);

  // Edits made while storage refuses them are kept aside too.
  await row(page, '2').getByRole('button', { name: '適合', exact: true }).click();
  await page.getByRole('button', { name: 'English' }).click();
  assert.match(await warning.innerText(), /Unsaved: the browser did not store your changes\. The browser's storage is full/);
  await page.getByRole('button', { name: '日本語' }).click();

  // Leaving the editor stops the retries (the edits wait, kept aside, for the next opening),
  // and the list says they are not stored.
  await page.getByRole('button', { name: '評価の一覧' }).click();
  const entry = page.locator('li.saved', { hasText: '容量テスト' });
  assert.equal(await entry.getAttribute('data-unsaved'), 'true');
  assert.match(await entry.innerText(), /未保存の変更があります/);
  await browser.cdp.send('Storage.overrideQuotaForOrigin', { origin: ORIGIN });
  const storedRecord = () =>
    page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const open = indexedDB.open('tekigo');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const all = open.result.transaction('assessments').objectStore('assessments').getAll();
            all.onsuccess = () => {
              open.result.close();
              resolve(all.result.map((record) => ({ revision: record.revision, length: record.json.length })));
            };
          };
        }),
    );
  const before = await storedRecord();
  // Nothing can be awaited to show that no retry happens: wait longer than one retry.
  await page.waitForTimeout(RETRY_MS + 1_000);
  assert.deepEqual(await storedRecord(), before, 'a closed editor does not write behind the list');
  await browser.context.close();

  // A restart with room again: the list still says what was not stored, and opening the
  // assessment brings the edits back and stores them.
  browser = await start(folder);
  page = browser.page;
  const again = page.locator('li.saved', { hasText: '容量テスト' });
  await again.waitFor();
  assert.equal(await again.getAttribute('data-unsaved'), 'true');
  await screenshot(page, 'reliability-unsaved-after-restart');
  await again.getByRole('button', { name: '開く' }).click();
  assert.equal(await row(page, '2').locator('.status-badge').innerText(), '適合');
  await row(page, '1').locator('.item-select').click();
  assert.equal(await page.getByLabel('対応策・見解').inputValue(), statement);
  await stored(page);
  assert.equal(await unsaved(page).count(), 0);
  await page.reload();
  await page.locator('li.item').first().waitFor();
  await row(page, '1').locator('.item-select').click();
  assert.equal(await page.getByLabel('対応策・見解').inputValue(), statement);
  await page.getByRole('button', { name: '評価の一覧' }).click();
  assert.equal(await page.locator('li.saved', { hasText: '容量テスト' }).getAttribute('data-unsaved'), 'false');
  assert.deepEqual(browser.problems.filter((problem) => !/Failed to load resource/.test(problem)), []);
  await browser.context.close();
});

test('the start screen says what this browser stores and whether it keeps it', async () => {
  const browser = await start(profileFolder());
  const { page } = browser;
  await page.getByRole('button', { name: /新しい評価を開始: クラウドサービス事業者/ }).click();
  await page.getByLabel('評価対象プロダクト名').fill('永続化テスト');
  await stored(page);
  await page.getByRole('button', { name: '評価の一覧' }).click();
  const line = page.locator('.storage-use');
  await line.waitFor();
  // Headless Chromium refuses to persist a site it has no engagement with: said in plain words.
  assert.match(await line.innerText(), /^このブラウザで使用中: [\d.]+ (B|KB|MB) \/ 保存は永続化されていません: 空き容量が少なくなると、ブラウザがこのデータを消すことがあります/);
  assert.equal(await line.getAttribute('data-persisted'), 'false');

  // Where the browser grants it (an installed app, a bookmarked site), the line says so.
  const cdp = await browser.context.browser().newBrowserCDPSession();
  await cdp.send('Browser.grantPermissions', { origin: ORIGIN, permissions: ['durableStorage'] });
  await page.locator('li.saved', { hasText: '永続化テスト' }).getByRole('button', { name: '開く' }).click();
  await page.locator('li.item').first().waitFor();
  await page.getByRole('button', { name: '評価の一覧' }).click();
  await page.locator('.storage-use[data-persisted="true"]').waitFor();
  assert.match(await line.innerText(), /\/ 保存は永続化されています/);
  await page.getByRole('button', { name: 'English' }).click();
  assert.match(await line.innerText(), /^In use in this browser: [\d.]+ (B|KB|MB) \/ Storage is persistent/);
  await screenshot(page, 'reliability-storage-line');
  await browser.context.close();
});

test('a tab that takes over from a closed one stores the edits that tab could not', async (t) => {
  const context = await launchProfile(profileFolder(), { serviceWorkers: 'block' });
  t.after(() => context.close());
  // The first page only holds the DevTools session, so the small quota outlives the tabs.
  const cdp = await context.newCDPSession(context.pages()[0]);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: ORIGIN, quotaSize: 100 * 1024 });
  const first = await context.newPage();
  await first.goto(BASE_URL);
  await first.getByRole('button', { name: /新しい評価を開始: クラウドサービス事業者/ }).click();
  await first.getByLabel('評価対象プロダクト名').fill('引き継ぐ評価');
  await stored(first);
  const second = await context.newPage();
  await second.goto(BASE_URL);
  await second.locator('li.saved', { hasText: '引き継ぐ評価' }).getByRole('button', { name: '開く' }).click();
  const readOnly = second.locator('.save-state', { hasText: 'この評価は別のタブで編集中です' });
  await readOnly.waitFor();

  const statement = incompressible(60_000);
  await row(first, '1').locator('.item-select').click();
  await first.getByLabel('対応策・見解').fill(statement);
  await unsaved(first).waitFor();
  await first.close();

  // The second tab edits now, from the first tab's edits kept aside, and says they are not
  // stored yet; once storage has room, they are.
  await readOnly.waitFor({ state: 'detached' });
  await unsaved(second).waitFor();
  await row(second, '1').locator('.item-select').click();
  assert.equal(await second.getByLabel('対応策・見解').inputValue(), statement);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: ORIGIN });
  await stored(second);
  await second.reload();
  await row(second, '1').locator('.item-select').click();
  assert.equal(await second.getByLabel('対応策・見解').inputValue(), statement);
});
