// More of the analysis tab as a person uses it: carry the answers of a stored METI 2012
// assessment to a checklist assessment and confirm one, or those of a file (a catalog file is
// refused); attach a vendor's published file as the vendor's layer, marked on its items, after
// a file of another catalog is refused with nothing changed; keep a version, edit, compare it
// with now, find it again after a reload, download it and delete it; the latest 50 are kept
// and go with their assessment; an assessment stored before versions existed keeps its place.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { allItemsDrawn, BASE_URL, newContext, openApp, screenshot, useBrowser } from './harness.mjs';

useBrowser();

const row = (page, id) => page.locator('li.item').filter({ has: page.locator('.item-id', { hasText: new RegExp(`^${id}$`) }) });
const saved = (page) => page.locator('.save-state[data-pending="false"]').waitFor();
const analysis = (page) => page.getByRole('tab', { name: '分析' }).click();
const back = async (page) => {
  await page.getByRole('button', { name: '評価の一覧' }).click();
  await page.getByRole('button', { name: /新しい評価を開始/ }).first().waitFor();
};

async function start(page, catalog) {
  await page.getByRole('button', { name: new RegExp(`新しい評価を開始: ${catalog}`) }).click();
  await page.locator('li.item').first().waitFor();
}

/** How many versions of the assessment `id` IndexedDB holds. */
const versionsStored = (page, id) =>
  page.evaluate(
    (id) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('tekigo-versions');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const count = open.result.transaction('versions').objectStore('versions').index('assessment').count(id);
          count.onsuccess = () => {
            open.result.close();
            resolve(count.result);
          };
        };
      }),
    id,
  );

async function download(page, click) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return { path: await file.path(), name: file.suggestedFilename() };
}

test('answers of a stored METI 2012 assessment are carried to the checklist, unconfirmed, and one is confirmed', async () => {
  const { page, context, problems } = await openApp();
  await page.getByRole('button', { name: /サンプルを開く/ }).click();
  await page.locator('li.item').first().waitFor();
  await saved(page);
  await back(page);
  await start(page, 'クラウドサービス事業者');
  await row(page, '1').getByRole('button', { name: '未対応' }).click();
  await saved(page);
  await analysis(page);
  const carry = page.locator('.carry');
  const stored = carry.getByLabel('この端末に保存した評価');
  const value = await stored.locator('option', { hasText: 'きりんカルテ' }).getAttribute('value');
  await stored.selectOption(value);
  const offer = carry.locator('.carry-count');
  const [, count] = (await offer.innerText()).match(/(\d+) 件の回答を引き継げます/);
  // How strong each link is, counted: confirmed by the texts, or by clause number only.
  const [, verified, byNumber] = (await offer.innerText()).match(/本文でも確かめたつながり: (\d+)、条項番号だけのつながり \(特によく確認してください\): (\d+)/);
  assert.equal(Number(verified) + Number(byNumber), Number(count));
  assert.ok(Number(verified) > 0 && Number(byNumber) > 0, `${verified} + ${byNumber}`);
  const n = Number(count);
  assert.ok(n > 20, `${n} answers offered`);
  // Nothing changes before the user says so.
  assert.equal(await carry.locator('.carried').count(), 0);
  await screenshot(page, 'analysis-more-carry-offer');
  await offer.getByRole('button', { name: '引き継ぐ' }).click();
  await carry.locator('.carried', { hasText: `引き継いだ回答: ${n} (未確認 ${n})` }).waitFor();
  await page.getByRole('tab', { name: '項目' }).click();
  // An answer given here is never replaced.
  assert.equal(await row(page, '1').locator('.status-badge').innerText(), '未対応');
  const carried = page.locator('li.item').filter({ has: page.locator('.chip-unconfirmed', { hasText: '引き継ぎ・未確認' }) });
  await allItemsDrawn(page);
  assert.equal(await carried.count(), n);
  const first = carried.first();
  const id = await first.locator('.item-id').innerText();
  await first.locator('.item-select').click();
  const details = page.locator('.details');
  assert.match(await details.locator('.provenance').innerText(), /継承[\s\S]*きりんカルテ/);
  await details.getByRole('button', { name: 'この回答を確認した' }).click();
  await details.getByText('この評価で確認済み').waitFor();
  assert.equal(await row(page, id).locator('.chip-unconfirmed').count(), 0);
  await saved(page);
  await analysis(page);
  await carry.locator('.carried', { hasText: `引き継いだ回答: ${n} (未確認 ${n - 1})` }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('answers to carry can come from a file; a catalog file is refused and nothing is offered', async () => {
  const { page, context, problems } = await openApp();
  await start(page, 'クラウドサービス事業者');
  await analysis(page);
  const carry = page.locator('.carry');
  // Nothing is stored here, so the file is the only source: no 「または」 before it.
  const input = carry.getByLabel('評価のファイルを選ぶ', { exact: true });
  await input.setInputFiles(new URL('../../crates/core/data/meti-2012.json', import.meta.url).pathname);
  const refusal = carry.locator('[role=alert]');
  assert.match(await refusal.innerText(), /このファイルはカタログで、評価の回答ではありません[\s\S]*This file is a catalog/);
  assert.equal(await carry.getByRole('button', { name: '引き継ぐ' }).count(), 0);
  await input.setInputFiles(new URL('../../crates/core/data/sample-kirin-karte-meti-2012.json', import.meta.url).pathname);
  await carry.locator('.carry-count', { hasText: /^sample-kirin-karte-meti-2012\.json: \d+ 件の回答を引き継げます/ }).waitFor();
  await carry.getByRole('button', { name: '引き継ぐ' }).click();
  await carry.locator('.carried', { hasText: /引き継いだ回答: \d+/ }).waitFor();
  await saved(page);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a vendor's published file attaches as a layer; a file of another catalog is refused and changes nothing", async () => {
  const { page, context, problems } = await openApp();
  // The vendor: three items met, published through the app's own export.
  await start(page, '医療情報を受託管理する');
  await page.getByLabel('評価申請元').fill('東雲クラウド株式会社');
  for (const id of ['1', '2', '3']) {
    await row(page, id).getByRole('button', { name: '適合', exact: true }).click();
  }
  await saved(page);
  await page.getByRole('button', { name: '公開用に書き出す' }).click();
  const published = await download(page, () => page.getByRole('button', { name: /公開用ファイルを保存/ }).click());
  assert.ok(JSON.parse(readFileSync(published.path, 'utf8')).publication, 'a published version');
  await back(page);
  // A file of another catalog: a checklist assessment.
  await start(page, 'クラウドサービス事業者');
  await row(page, '1').getByRole('button', { name: '適合', exact: true }).click();
  await saved(page);
  const checklist = await download(page, () => page.getByRole('button', { name: 'ファイルに保存' }).first().click());
  await back(page);
  // The hospital's own METI 2012 assessment, with one answer of its own.
  await start(page, '医療情報を受託管理する');
  await row(page, '5').getByRole('button', { name: '一部適合' }).click();
  await saved(page);
  await analysis(page);
  const claims = page.locator('.claims');
  const before = await claims.innerText();
  assert.match(before, /下層から継承: 0/);
  const input = page.getByLabel('公開された回答を層として取り込む');
  await input.setInputFiles(checklist.path);
  const refusal = page.locator('.layer-file [role=alert]');
  await refusal.waitFor();
  const said = await refusal.innerText();
  assert.match(said, /別のカタログ「クラウドサービス事業者 評価チェックリスト（医療情報の取扱い）」の評価なので使えません/);
  assert.match(said, /この評価は何も変わっていません/);
  assert.match(said, /assesses another catalog[\s\S]*Nothing here has changed/);
  await refusal.scrollIntoViewIfNeeded();
  await screenshot(page, 'analysis-more-refused');
  assert.equal(await claims.innerText(), before);
  assert.equal(await page.locator('.layer').count(), 0);
  // The vendor's published answers under the hospital's own check: the vendor's layer.
  await page.getByLabel('取り込む層の立場').selectOption('vendor');
  await input.setInputFiles(published.path);
  await page.locator('.layer-file [role=status]', { hasText: /層として取り込みました[\s\S]*東雲クラウド株式会社 — 3 項目/ }).waitFor();
  await claims.filter({ hasText: /下層から継承: 3/ }).waitFor();
  assert.match(await page.locator('.layer').innerText(), /下層: 東雲クラウド株式会社 \(事業者\): 3 項目/);
  await page.getByRole('tab', { name: '項目' }).click();
  await page.waitForFunction(() => document.querySelectorAll('li.item .chip-layer').length === 3);
  assert.equal(await page.locator('li.item .chip-layer').first().innerText(), '下層から継承: 東雲クラウド株式会社 (事業者)');
  assert.equal(await row(page, '5').locator('.status-badge').innerText(), '一部適合');
  await saved(page);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a layer whose file rates nothing as met says why it covers no item', async () => {
  const { page, context, problems } = await openApp();
  await start(page, '医療情報を受託管理する');
  await analysis(page);
  // The vendor sample states how it meets each requirement but rates none.
  await page.getByLabel('取り込む層の立場').selectOption('vendor');
  const sample = new URL('../../crates/core/data/sample-kirin-karte-meti-2012.json', import.meta.url).pathname;
  await page.getByLabel('公開された回答を層として取り込む').setInputFiles(sample);
  const said = page.locator('.layer-file [role=status]');
  await said.waitFor();
  assert.match(await said.innerText(), /— 0 項目。継承するのは、この層が「適合」と答えた項目だけです。[^]*記入のある項目: \d{3}/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a kept version is listed after a reload, compares with now, downloads and is deleted', async () => {
  const { page, context, problems } = await openApp();
  await start(page, 'クラウドサービス事業者');
  await row(page, '1').getByRole('button', { name: '適合', exact: true }).click();
  await saved(page);
  await analysis(page);
  const versions = page.locator('.versions');
  await versions.getByText('保存した版はまだありません').waitFor();
  await versions.getByLabel('版の名前 (任意)').fill('監査前');
  await versions.getByRole('button', { name: 'この版を保存' }).click();
  await versions.locator('li.version', { hasText: '監査前' }).waitFor();
  assert.equal(await versions.getByLabel('版の名前 (任意)').inputValue(), '');
  await page.getByRole('tab', { name: '項目' }).click();
  await row(page, '1').getByRole('button', { name: '未対応' }).click();
  await row(page, '5').getByRole('button', { name: '一部適合' }).click();
  await saved(page);
  await page.reload();
  await page.locator('li.item').first().waitFor();
  await analysis(page);
  const kept = versions.locator('li.version', { hasText: '監査前' });
  await kept.waitFor();
  assert.match(await kept.innerText(), /^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2} 監査前/);
  await kept.getByRole('button', { name: '今と比べる' }).click();
  const table = page.locator('table.changes');
  await table.waitFor();
  assert.match(await page.locator('.compared-with').innerText(), /監査前/);
  const rows = await table.locator('tbody tr').allInnerTexts();
  assert.equal(rows.length, 2, rows.join('\n'));
  assert.match(rows[0], /^1\s+状態\s+適合\s+未対応(\s|$)/);
  assert.match(rows[1], /^5\s+状態\s+一部適合(\s|$)/);
  await screenshot(page, 'analysis-more-versions', { fullPage: true });
  const file = await download(page, () => kept.getByRole('button', { name: 'JSON をダウンロード' }).click());
  assert.match(file.name, /\.json$/);
  assert.equal(JSON.parse(readFileSync(file.path, 'utf8')).answers['1'].status, 'compliant');
  // Saving to a file keeps a version too.
  await download(page, () => page.getByRole('button', { name: 'ファイルに保存' }).first().click());
  await versions.locator('li.version', { hasText: 'ファイルに保存した時' }).waitFor();
  assert.equal(await versions.locator('li.version').count(), 2);

  await kept.getByRole('button', { name: '削除' }).click();
  await kept.waitFor({ state: 'detached' });
  assert.equal(await versions.locator('li.version').count(), 1);
  await page.reload();
  await page.locator('li.item').first().waitFor();
  await analysis(page);
  await versions.locator('li.version', { hasText: 'ファイルに保存した時' }).waitFor();
  assert.equal(await versions.locator('li.version', { hasText: '監査前' }).count(), 0);
  // The same state saved to a file again (in another format, say) keeps no second copy: the
  // version named after it makes two, not three.
  await download(page, () => page.getByRole('button', { name: 'ファイルに保存' }).first().click());
  await versions.getByLabel('版の名前 (任意)').fill('書き出し後');
  await versions.getByRole('button', { name: 'この版を保存' }).click();
  await versions.locator('li.version', { hasText: '書き出し後' }).waitFor();
  assert.equal(await versions.locator('li.version').count(), 2);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the latest 50 versions are kept, and they go when the assessment is deleted', async () => {
  const { page, context, problems } = await openApp();
  await start(page, 'クラウドサービス事業者');
  await page.getByLabel('評価対象プロダクト名').fill('版の上限');
  await saved(page);
  const id = await page.evaluate(() => sessionStorage.getItem('tekigo.open'));
  await analysis(page);
  const versions = page.locator('.versions');
  for (let n = 1; n <= 51; n += 1) {
    await versions.getByLabel('版の名前 (任意)').fill(`v${n}`);
    await versions.getByRole('button', { name: 'この版を保存' }).click();
    await versions.locator('.version-name', { hasText: new RegExp(` v${n}$`) }).waitFor();
  }
  assert.equal(await versions.locator('li.version').count(), 50);
  assert.match(await versions.locator('li.version .version-name').first().innerText(), / v51$/);
  assert.match(await versions.locator('li.version .version-name').last().innerText(), / v2$/);
  assert.equal(await versionsStored(page, id), 50);
  await back(page);
  const entry = page.locator('li.saved', { hasText: '版の上限' });
  await entry.getByRole('button', { name: '削除', exact: true }).click();
  await entry.getByRole('button', { name: '削除を確定' }).click();
  await entry.waitFor({ state: 'detached' });
  assert.equal(await versionsStored(page, id), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('an assessment stored before versions existed is still listed, opens, and keeps versions', async () => {
  const context = await newContext();
  const page = await context.newPage();
  // A page of the same origin that runs no app: the database as the previous build left it.
  await page.goto(new URL('version.json', BASE_URL).href);
  const sample = JSON.parse(readFileSync(new URL('../../crates/core/data/sample-kirin-karte-meti-2012.json', import.meta.url), 'utf8'));
  await page.evaluate(
    (json) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('tekigo', 1);
        open.onupgradeneeded = () => {
          for (const store of ['assessments', 'catalogs']) open.result.createObjectStore(store, { keyPath: 'id' });
        };
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const transaction = open.result.transaction('assessments', 'readwrite');
          transaction.objectStore('assessments').put({ id: 'stored-by-v1', revision: 4, json });
          transaction.oncomplete = () => {
            open.result.close();
            resolve();
          };
        };
      }),
    JSON.stringify({ ...sample, id: 'stored-by-v1' }),
  );
  await page.goto(BASE_URL);
  const entry = page.locator('li.saved', { hasText: 'きりんカルテ' });
  await entry.getByRole('button', { name: '開く' }).click();
  await page.locator('li.item').first().waitFor();
  await analysis(page);
  const versions = page.locator('.versions');
  await versions.getByRole('button', { name: 'この版を保存' }).click();
  await versions.locator('li.version').waitFor();
  assert.equal(await versionsStored(page, 'stored-by-v1'), 1);
  // The assessments' database keeps its version, so the build before this one still opens it.
  const version = await page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('tekigo', 1);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          open.result.close();
          resolve(open.result.version);
        };
      }),
  );
  assert.equal(version, 1);
  await context.close();
});
