// Everyday use, as a new user meets it: each test reproduces a defect found by trying the
// checker as a vendor and as a hospital IT person, and shows it fixed on screen.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { newContext, openApp, screenshot, useBrowser } from './harness.mjs';

useBrowser();

const scratch = mkdtempSync(join(tmpdir(), 'tekigo-everyday-'));
const row = (page, id) => page.locator('li.item').filter({ has: page.locator('.item-id', { hasText: new RegExp(`^${id}$`) }) });
const saved = (page) => page.locator('.save-state[data-pending="false"]').waitFor();
const focusedPosition = (page) => page.evaluate(() => document.activeElement?.dataset?.position ?? null);

async function startChecklist(page) {
  await page.getByRole('button', { name: /新しい評価を開始: クラウドサービス事業者/ }).click();
  await page.locator('li.item').first().waitFor();
}

// Regression: 評価の概要 was open only while the product name was empty, so the first
// keystroke closed it: typing "Sakura Cloud" kept "S" and the focus was lost.
test('typing the product name keeps the subject open and the focus in the field', async () => {
  const { page, context, problems } = await openApp();
  await startChecklist(page);
  const name = page.getByLabel('評価対象プロダクト名');
  await name.click();
  await page.keyboard.type('Sakura Cloud');
  assert.equal(await name.inputValue(), 'Sakura Cloud');
  assert.ok(await page.locator('details.subject').evaluate((d) => d.open), 'the subject stays open');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.labels?.[0]?.textContent), '評価対象プロダクト名');
  await page.keyboard.press('Tab');
  await page.keyboard.type('さくら');
  assert.equal(await page.getByLabel('評価申請元').inputValue(), 'さくら');
  await saved(page);
  assert.deepEqual(problems, []);
  await context.close();
});

// Regression: every item's five choices were Tab stops, so Tab crossed 253 items in 1,500
// presses. Now Tab takes the current item's choices, then leaves the list.
test('Tab goes through the current item and its choices, then out of the list', async () => {
  const { page, context, problems } = await openApp();
  await startChecklist(page);
  await row(page, '2').locator('.item-select').click();
  await page.keyboard.press('Escape');
  const focused = () => page.evaluate(() => {
    const element = document.activeElement;
    return { text: element?.textContent?.trim().slice(0, 20), inItem: element?.closest('li.item')?.querySelector('.item-id')?.textContent ?? null };
  });
  assert.equal((await focused()).inItem, '2');
  const choices = [];
  for (let press = 0; press < 5; press++) {
    await page.keyboard.press('Tab');
    choices.push(await focused());
  }
  assert.deepEqual(choices.map((c) => c.inItem), ['2', '2', '2', '2', '2']);
  assert.deepEqual(choices.map((c) => c.text), ['適合', '適合可能', '一部適合', '未対応', '対象外']);
  await page.keyboard.press('Tab');
  assert.equal((await focused()).inItem, null, 'the next Tab leaves the list');
  // Moving to another item moves the stops with it.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('ArrowDown');
  assert.equal((await focused()).inItem, '3');
  await page.keyboard.press('Tab');
  assert.deepEqual(await focused(), { text: '適合', inItem: '3' });
  assert.deepEqual(problems, []);
  await context.close();
});

// Regression: renaming document 01 or deleting 03 left evidence pointing nowhere, and the
// item then showed its evidence as another document.
test('a renamed document carries into the evidence; a cited one is deleted only when confirmed, then shown as missing', async () => {
  const { page, context, problems } = await openApp();
  await startChecklist(page);
  await row(page, '60').locator('.item-select').click();
  const details = page.locator('.details');
  assert.match(await details.innerText(), /文書一覧はまだ空です/);
  await details.getByRole('button', { name: '文書一覧へ' }).click();
  for (let n = 0; n < 3; n++) await page.getByRole('button', { name: '文書を追加' }).click();
  await page.getByLabel('文書名 1').fill('ホワイトペーパー');
  await page.getByLabel('文書名 3').fill('SOC2 報告書');
  // Back on the items, item 60 is still open.
  await page.getByRole('tab', { name: '項目' }).click();
  for (const [index, label] of [[0, '01 ホワイトペーパー (公開文書)'], [1, '03 SOC2 報告書 (公開文書)']]) {
    await page.getByRole('button', { name: 'エビデンスを追加' }).click();
    await page.locator('.evidence-row').nth(index).getByLabel('文書', { exact: true }).selectOption({ label });
  }
  await page.getByRole('button', { name: 'エビデンスを追加' }).click(); // left blank

  await page.getByRole('tab', { name: '文書一覧' }).click();
  await page.getByLabel('ID 1').fill('WP-01');
  await page.getByLabel('ID 1').press('Tab');
  await page.getByRole('button', { name: '削除 03' }).click();
  const ask = page.getByRole('alert');
  assert.match(await ask.innerText(), /次の項目のエビデンスで使われています[\s\S]*60/);
  await page.getByRole('button', { name: '削除を確定' }).click();
  assert.equal(await page.getByLabel('ID 3').count(), 0);

  await page.getByRole('tab', { name: '項目' }).click();
  const shown = await page.locator('.evidence-row select').evaluateAll((selects) =>
    selects.map((s) => s.options[s.selectedIndex].textContent));
  assert.deepEqual(shown, ['WP-01 ホワイトペーパー (公開文書)', '03 — 文書一覧にありません', '—']);
  assert.match(await page.locator('.evidence-row.dangling').innerText(), /削除されています/);
  await saved(page);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'ファイルに保存' }).first().click(),
  ]);
  const path = join(scratch, download.suggestedFilename());
  await download.saveAs(path);
  const evidence = JSON.parse(readFileSync(path, 'utf8')).answers['60'].evidence;
  assert.deepEqual(evidence.map((e) => e.document), ['WP-01', '03'], 'the blank row is not exported');
  await screenshot(page, 'evidence-dangling');
  assert.deepEqual(problems, []);
  await context.close();
});

// Regression: with 「未回答のみ」 on, answering an item removed it at once, closing a
// half-written statement, and the focus fell to the page.
test('with 未回答のみ on, an answered item stays until the user moves on, and the keys keep working', async () => {
  const { page, context, problems } = await openApp();
  await startChecklist(page);
  await page.getByLabel('未回答のみ').check();
  await row(page, '1').locator('.item-select').focus();
  await page.keyboard.press('1');
  assert.equal(await row(page, '1').locator('.status-badge').innerText(), '適合');
  assert.equal(await focusedPosition(page), '0', 'the focus stays on the answered row');
  await page.keyboard.press('Enter');
  await page.getByLabel('対応策・見解').fill('書きかけの見解');
  await page.getByRole('button', { name: '一部適合' }).first().click();
  assert.equal(await page.getByLabel('対応策・見解').inputValue(), '書きかけの見解');
  await row(page, '1').locator('.item-select').focus();
  await page.keyboard.press('ArrowDown');
  assert.equal(await focusedPosition(page), '1', 'the next item has the focus');
  await row(page, '1').waitFor({ state: 'detached' });
  assert.equal(await page.locator('.shown-count').innerText(), '252');
  assert.deepEqual(problems, []);
  await context.close();
});

// Regression: 「適合率 4%」 counted unanswered items as not met and 適合可能 as met without
// saying so, and 「未設定」 mixed unanswered items with items no party was named for.
test('the dashboard says what each figure counts', async () => {
  const { page, context } = await openApp();
  await startChecklist(page);
  // 適合, 適合 and 適合可能 (met), 未対応, 対象外 (left out): 3 met of 252 applicable items,
  // and of the 4 applicable answered ones.
  await row(page, '1').locator('.item-select').focus();
  for (const key of ['1', '1', '2', '4', '5']) {
    await page.keyboard.press(key);
    await page.keyboard.press('j');
  }
  // Item 4 (未対応) is the hospital's to do.
  await row(page, '4').locator('.item-select').click();
  await page.getByLabel('医療機関・SI事業者で必要な対応').fill('利用者 ID の棚卸を医療機関で行う');
  await saved(page);
  await page.getByRole('tab', { name: 'ダッシュボード' }).click();
  const overall = await page.locator('.rates').innerText();
  assert.match(overall, /適合率 \(全項目\)\s*1%/);
  assert.match(overall, /未回答は未対応として数えます/);
  assert.match(overall, /適合率 \(回答済みのみ\)\s*75%/);
  assert.match(await page.locator('.legend').innerText(), /適合可能 1 — 利用者の設定やオプションの追加で満たせる/);
  assert.match(await page.locator('.dashboard').innerText(), /記入のある項目を、担当する関係者ごとに数えます \(状態を選んだ数 \/ 記入のある数\)/);
  // The to-do entry leads to its item.
  const entry = page.locator('.todo-item');
  assert.equal(await entry.count(), 1);
  await entry.click();
  await page.locator('.details').waitFor();
  assert.equal(await page.locator('li.item.selected .item-id').innerText(), '4');
  await context.close();
});

// Regression: an item whose disclosure was 「—」 while it cited a 要NDA document gave no
// warning.
test('evidence from an NDA document in an answer not marked 要NDA is warned about', async () => {
  const { page, context } = await openApp();
  await startChecklist(page);
  await page.getByRole('tab', { name: '文書一覧' }).click();
  await page.getByRole('button', { name: '文書を追加' }).click();
  await page.getByLabel('文書名 1').fill('SOC2 報告書');
  await page.getByLabel('開示レベル 1').selectOption({ label: '要NDA' });
  await page.getByRole('tab', { name: '項目' }).click();
  await row(page, '5').locator('.item-select').click();
  await page.getByRole('button', { name: 'エビデンスを追加' }).click();
  await page.getByLabel('文書', { exact: true }).selectOption({ label: '01 SOC2 報告書 (要NDA)' });
  const warning = page.locator('.item-problems');
  assert.match(await warning.innerText(), /要NDA の文書 01 を根拠にしていますが、開示レベルが要NDA になっていません/);
  // Publishing names the item too: published, it would still say 公開文書.
  await page.getByRole('button', { name: '公開用に書き出す' }).click();
  assert.match(await page.locator('.publish .caution').innerText(), /開示レベルが要NDA になっていない項目があります[\s\S]*項目: 5$/);
  await page.locator('.publish').getByRole('button', { name: '閉じる' }).click();
  await page.locator('.details').getByLabel('開示レベル').selectOption({ label: '要NDA' });
  await warning.waitFor({ state: 'detached' });
  await page.getByRole('button', { name: '公開用に書き出す' }).click();
  await page.locator('.publish').waitFor();
  assert.equal(await page.locator('.publish .caution').count(), 0);
  await context.close();
});

test('notes on how an answer was read are removed once dealt with, the focus kept near, and stay removed', async () => {
  const { page, context } = await openApp();
  await page.getByRole('button', { name: /サンプルを開く/ }).click();
  await row(page, '10').locator('.item-select').click();
  const notes = page.locator('.details .notes li');
  assert.equal(await notes.count(), 2);
  const note = notes.filter({ hasText: 'この行の回答欄は空' });
  await note.getByRole('button', { name: '対応済みにして消す' }).click();
  await note.waitFor({ state: 'detached' });
  // The focus stays on the notes' button, now the remaining note's; removing that one too
  // takes the focus back to the item.
  assert.equal(await page.evaluate(() => document.activeElement.closest('li')?.textContent.includes('No 9 の行にある')), true);
  await page.keyboard.press('Enter');
  await notes.first().waitFor({ state: 'detached' });
  assert.equal(await focusedPosition(page), '9');
  await saved(page);
  await page.reload();
  await row(page, '10').locator('.item-select').click();
  await page.locator('.details').waitFor();
  assert.equal(await notes.count(), 0);
  // The answer itself stays.
  assert.notEqual(await page.getByLabel('対応策・見解').inputValue(), '');
  await context.close();
});

// Regression: opening an .xlsx advised to 「UTF-8 で保存し直して」, wrong for Excel.
test('an Excel file picked by mistake is named as such', async () => {
  const { page, context } = await openApp();
  const path = join(scratch, 'checklist.xlsx');
  writeFileSync(path, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(64)]));
  await page.locator('input[type=file]').setInputFiles(path);
  const alert = await page.getByRole('alert').innerText();
  assert.match(alert, /Excel \(\.xlsx\)/);
  assert.doesNotMatch(alert, /UTF-8 で保存し直して/);
  await context.close();
});

// Regression: the served index.html opened from file:// stayed at 「読み込み中…」 forever.
test('the served page opened from a file says what to do instead', async () => {
  const context = await newContext();
  const page = await context.newPage();
  const dist = fileURLToPath(new URL('../../dist/index.html', import.meta.url));
  await page.goto(`file://${dist}`);
  const app = page.locator('#app');
  await app.getByText('このファイルはサーバーから開くためのものです').waitFor();
  assert.match(await app.innerText(), /tekigo\.html/);
  assert.doesNotMatch(await app.innerText(), /読み込み中/);
  await context.close();
});

test('after substantial work not saved to a file, the editor suggests it quietly', async () => {
  const { page, context } = await openApp();
  await startChecklist(page);
  const hint = page.locator('.backup-hint');
  await row(page, '1').locator('.item-select').focus();
  for (let n = 0; n < 30; n++) {
    assert.equal(await hint.count(), 0, `after ${n} changes`);
    await page.keyboard.press('1');
    await page.keyboard.press('j');
  }
  assert.match(await hint.innerText(), /ファイルに保存/);
  await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'ファイルに保存' }).first().click()]);
  await hint.waitFor({ state: 'detached' });
  await context.close();
});
