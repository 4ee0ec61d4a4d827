// Analysis as a person uses it: see how far the checklist reaches into the METI guideline;
// answer an applicability question and see items become 対象外
// and come back; rate a risk and find it in the matrix and the open actions; attach the vendor
// sample's Microsoft Azure share as a layer and see the inherited items; compare with an
// earlier file and see what changed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openApp, screenshot, useBrowser } from './harness.mjs';

useBrowser();

const row = (page, id) => page.locator('li.item').filter({ has: page.locator('.item-id', { hasText: new RegExp(`^${id}$`) }) });
const saved = (page) => page.locator('.save-state[data-pending="false"]').waitFor();

async function startChecklist(page) {
  await page.getByRole('button', { name: /新しい評価を開始: クラウドサービス事業者/ }).click();
  await page.locator('li.item').first().waitFor();
}

test('a no to a question excludes its items with the reason, a yes gives them back', async () => {
  const { page, context, problems } = await openApp();
  await startChecklist(page);
  await page.getByRole('tab', { name: '分析' }).click();
  // How far the checklist reaches into the METI guideline, and how strongly: of the 167
  // requirements its items link to, 133 through a link the texts confirm.
  assert.match(await page.locator('.linked-coverage').innerText(),
    /医療情報を受託管理する情報処理事業者.*: この評価の項目と対応づく要求事項 167\/182 \(本文で確認済み 133・番号のみで対応 34\)/);
  const question = page.locator('.profile li', { hasText: 'リモートメンテナンス' });
  await question.getByLabel('いいえ').check();
  await question.locator('.item-links', { hasText: '245' }).waitFor();
  assert.deepEqual(await question.locator('.item-links button').allInnerTexts(), ['245', '246', '247']);
  await screenshot(page, 'analysis-profile');
  // The clause table accounts for every item of a clause, 対象外 ones included.
  const coverage = page.locator('table.coverage');
  assert.deepEqual((await coverage.locator('thead th').allInnerTexts()).slice(3), ['適合', '一部適合', '未対応', '対象外', '未回答']);
  const rows = await coverage.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => ({
    items: tr.querySelectorAll('button').length,
    counts: [...tr.querySelectorAll('td.number')].map((td) => Number(td.textContent)),
  })));
  assert.ok(rows.some((row) => row.counts[3] > 0), 'an excluded item is counted as 対象外');
  for (const row of rows) assert.equal(row.counts.reduce((a, b) => a + b, 0), row.items);
  await question.getByRole('button', { name: '246' }).click();
  await page.locator('.details').waitFor();
  assert.equal(await row(page, '246').locator('.status-badge').innerText(), '対象外');
  assert.match(await page.locator('.details').innerText(), /リモートメンテナンス[\s\S]*いいえ/);
  await page.getByRole('tab', { name: '分析' }).click();
  await question.getByLabel('はい').check();
  await question.locator('.item-links').waitFor({ state: 'detached' });
  await page.getByRole('tab', { name: '項目' }).click();
  assert.equal(await row(page, '246').locator('.status-badge').innerText(), '未回答');
  await saved(page);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a rated risk shows in the matrix and leads the open actions', async () => {
  const { page, context } = await openApp();
  await startChecklist(page);
  await row(page, '2').locator('.item-select').click();
  await row(page, '2').getByRole('button', { name: '未対応' }).click();
  await page.locator('.details').getByLabel('発生可能性').selectOption({ label: 'High (高)' });
  // One level alone is not a rating: nothing is guessed for the other.
  await page.locator('.details').getByText('発生可能性と影響度の両方を選ぶと記録されます。').waitFor();
  assert.equal(await page.locator('.details .risk-level').count(), 0);
  assert.equal(await page.locator('.details').getByLabel('影響度').inputValue(), '');
  await page.locator('.details').getByLabel('影響度').selectOption({ label: 'Middle (中)' });
  assert.match(await page.locator('.risk-level').innerText(), /High/);
  await row(page, '3').getByRole('button', { name: '一部適合' }).click();
  await page.getByRole('tab', { name: '分析' }).click();
  const highMiddle = page.locator('.risk-matrix tbody tr').first().locator('td').nth(1);
  assert.equal(await highMiddle.innerText(), '1');
  assert.deepEqual(await page.locator('.open-actions li button').allInnerTexts(), ['2', '3']);
  // Each part of an action says what it is.
  assert.match(await page.locator('.open-actions li').first().innerText(), /^2 未対応 ・ リスク\S* High \(高\) ・ 責任 \S+ ・ 対応の目標日 \S+$/);
  await context.close();
});

test("the vendor sample's Microsoft Azure share attached as a layer is inherited", async () => {
  const { page, context } = await openApp();
  await page.getByRole('button', { name: /サンプルを開く/ }).click();
  await page.locator('li.item').first().waitFor();
  await page.getByRole('tab', { name: '分析' }).click();
  const claims = page.locator('.claims');
  assert.match(await claims.innerText(), /下層から継承: 0/);
  await page.getByRole('button', { name: /分担を下層として取り込む: Microsoft Azure/ }).click();
  await claims.filter({ hasText: /下層から継承: 175/ }).waitFor();
  assert.match(await page.locator('.layer').innerText(), /下層: Microsoft Azure \(IaaS・再委託先\): 175 項目/);
  await screenshot(page, 'analysis-layer');
  // The item list marks each item the layer covers.
  await page.getByRole('tab', { name: '項目' }).click();
  await page.waitForFunction(() => document.querySelectorAll('li.item .chip-layer').length === 175);
  assert.equal(await page.locator('li.item .chip-layer').first().innerText(), '下層から継承: Microsoft Azure (IaaS・再委託先)');
  assert.equal(await page.locator('li.item').first().locator('.chip-party', { hasText: 'Microsoft Azure' }).count(), 0, 'Azure is named once, by its layer');
  await page.getByRole('tab', { name: '分析' }).click();
  await page.locator('.layer').getByRole('button', { name: '削除' }).click();
  await claims.filter({ hasText: /下層から継承: 0/ }).waitFor();
  await context.close();
});

test('what changed since an earlier file is listed per item and field', async () => {
  const { page, context } = await openApp();
  await startChecklist(page);
  await row(page, '1').getByRole('button', { name: '適合', exact: true }).click();
  await saved(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'ファイルに保存' }).first().click(),
  ]);
  const earlier = await download.path();
  await row(page, '1').getByRole('button', { name: '未対応' }).click();
  await row(page, '5').getByRole('button', { name: '一部適合' }).click();
  await page.getByRole('tab', { name: '分析' }).click();
  await page.getByLabel('比べる評価のファイル (以前に保存したもの)').setInputFiles(earlier);
  const table = page.locator('table.changes');
  await table.waitFor();
  const rows = await table.locator('tbody tr').allInnerTexts();
  assert.equal(rows.length, 2, rows.join('\n'));
  assert.match(rows[0], /^1\s+状態\s+適合\s+未対応(\s|$)/);
  assert.match(rows[1], /^5\s+状態\s+一部適合(\s|$)/);
  // Both ends are said to the minute: two versions of one day are told apart.
  assert.match(await page.locator('.comparison').innerText(), /2 件の変更 \(\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2} → \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}\)/);
  await context.close();
});
