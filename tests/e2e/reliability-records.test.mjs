// Records in IndexedDB that do not load — garbage or truncated JSON, JSON of the wrong shape, a
// revision that is text, no JSON at all, an assessment of a catalog this browser lacks — stay
// in the list with their reason, can be saved to a file as they are and removed on purpose;
// the one that was open when it broke is said, not skipped.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { openApp, screenshot, useBrowser } from './harness.mjs';

useBrowser();

const SAMPLE = readFileSync(new URL('../../crates/core/data/sample-kirin-karte-meti-2012.json', import.meta.url), 'utf8');

/** Writes `values` into the app's store as they are, cuts the record `openId` short, and returns it. */
function damage(page, openId, values) {
  return page.evaluate(
    async ({ openId, values }) => {
      const database = await new Promise((resolve, reject) => {
        const request = indexedDB.open('tekigo');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const transaction = database.transaction('assessments', 'readwrite');
      const store = transaction.objectStore('assessments');
      const open = await new Promise((resolve) => {
        store.get(openId).onsuccess = (event) => resolve(event.target.result);
      });
      // The open assessment, cut off half way through its JSON.
      const truncated = { ...open, json: open.json.slice(0, Math.floor(open.json.length / 2)) };
      store.put(truncated);
      for (const value of values) store.put(value);
      await new Promise((resolve, reject) => {
        transaction.oncomplete = resolve;
        transaction.onabort = () => reject(transaction.error);
      });
      database.close();
      return truncated;
    },
    { openId, values },
  );
}

async function downloadFrom(page, button) {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
}

test('damaged records stay listed with why, save as they are, and go only when removed', async () => {
  const { page, context, problems } = await openApp();
  await page.getByRole('button', { name: /サンプルを開く/ }).click();
  await page.locator('li.item').first().waitFor();
  await page.getByRole('button', { name: '評価の一覧' }).click();
  await page.getByRole('button', { name: /新しい評価を開始: クラウドサービス事業者/ }).click();
  await page.getByLabel('評価対象プロダクト名').fill('開いていた評価');
  await page.locator('.save-state[data-pending="false"]').waitFor();
  const openId = await page.evaluate(() => sessionStorage.getItem('tekigo.open'));
  assert.ok(openId);

  const sample = JSON.parse(SAMPLE);
  const like = (id, change) => JSON.stringify({ ...sample, id, ...change });
  const values = [
    { id: 'damaged-garbage', revision: 1, json: '保存中に電源が落ちた }{ \u0000' },
    { id: 'damaged-shape', revision: 1, json: like('damaged-shape', { answers: ['1', '2'] }) },
    { id: 'damaged-revision', revision: '3', json: like('damaged-revision', {}) },
    { id: 'damaged-no-json', revision: 2, text: 'json の代わりに text' },
    { id: 'damaged-catalog', revision: 1, json: like('damaged-catalog', { catalog: { id: 'hospital-own-2031', hash: 'x' } }) },
  ];
  const truncated = await damage(page, openId, values);
  // What each shows, and what 「そのままファイルに保存」 gives: the stored JSON text where the
  // record holds one, else the whole stored value.
  const cases = [
    { key: 'damaged-garbage', reason: /JSON として読めません/, file: values[0].json },
    { key: openId, reason: /JSON として読めません/, file: truncated.json },
    { key: 'damaged-shape', reason: /\d+ 行 \d+ 列 \(「answers」\): 値の種類が違います \(オブジェクト \(\{…\}\)が必要です\)/, file: values[1].json },
    { key: 'damaged-revision', reason: /保存データが壊れています: 記録の版番号 \(revision\) が整数ではありません/, value: values[2] },
    { key: 'damaged-no-json', reason: /保存データが壊れています: 記録に評価の内容 \(json\) がありません/, value: values[3] },
    { key: 'damaged-catalog', reason: /この評価のカタログ \(hospital-own-2031\) がありません/, file: values[4].json },
  ];

  await page.reload();
  await page.locator('.saved').first().waitFor();
  // The assessment that was open is not opened, and the person is told why.
  const notice = page.locator('.notice-error');
  await notice.waitFor();
  const told = await notice.innerText();
  assert.match(told, new RegExp(`評価を開けませんでした \\(${openId}\\): JSON として読めません.*一覧に残してあります`));
  assert.match(told, /The assessment could not be opened/);
  assert.equal(await page.locator('li.item').count(), 0);

  const unreadable = page.locator('li.saved.unreadable');
  assert.equal(await unreadable.count(), cases.length);
  const entry = (key) => unreadable.filter({ has: page.locator('.saved-name', { hasText: `(${key})` }) });
  for (const { key, reason } of cases) {
    const text = await entry(key).innerText();
    assert.match(text, new RegExp(`開けない評価 \\(${key}\\)`));
    assert.match(text, reason, text);
    assert.doesNotMatch(text, /invalid type|expected|not an object|revision is not/, 'no English or deserializer text in Japanese');
  }
  assert.match(await page.locator('li.saved:not(.unreadable)').innerText(), /『きりんカルテ』/, 'the readable one is listed as before');
  await screenshot(page, 'reliability-damaged-records', { fullPage: true });

  await page.getByRole('button', { name: 'English' }).click();
  assert.match(await entry('damaged-shape').innerText(), /Line \d+, column \d+ \("answers"\): the value is of the wrong kind \(an object \(\{…\}\) is needed\)/);
  assert.match(await entry('damaged-revision').innerText(), /The stored record is damaged: the record's revision is not a whole number/);
  await page.getByRole('button', { name: '日本語' }).click();

  for (const { key, file, value } of cases) {
    const saved = await downloadFrom(page, entry(key).getByRole('button', { name: 'そのままファイルに保存' }));
    assert.equal(saved.name, `tekigo_record_${key}.json`);
    if (file !== undefined) assert.equal(saved.text, file);
    else assert.deepEqual(JSON.parse(saved.text), value);
  }

  for (const { key } of cases) {
    await entry(key).getByRole('button', { name: '削除' }).click();
    await entry(key).getByRole('button', { name: '削除を確定' }).click();
    await entry(key).waitFor({ state: 'detached' });
  }
  await page.reload();
  await page.locator('.saved').first().waitFor();
  assert.equal(await page.locator('li.saved').count(), 1);
  assert.equal(await unreadable.count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});
