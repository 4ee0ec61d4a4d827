// The checker as a person uses it: start an assessment on the 253-item checklist, answer with
// mouse and keyboard, filter and search, reload, export, import into a fresh profile, open a
// broken file, open the same assessment in a second tab.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { expectText, fold, newContext, openApp, screenshot, shippedCatalog, useBrowser } from './harness.mjs';

useBrowser();

const scratch = mkdtempSync(join(tmpdir(), 'tekigo-e2e-'));
const checklist = shippedCatalog('cloud-checklist-253');

const row = (page, id) => page.locator('li.item').filter({ has: page.locator('.item-id', { hasText: new RegExp(`^${id}$`) }) });
const badge = (page, id) => row(page, id).locator('.status-badge');
/** Waits until the editor says every change is stored. */
const saved = (page) => page.locator('.save-state[data-pending="false"]').waitFor();

async function startChecklist(page) {
  await page.getByRole('button', { name: /新しい評価を開始: クラウドサービス事業者/ }).click();
  await page.locator('li.item').first().waitFor();
}

async function exportJson(page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'ファイルに保存' }).first().click(),
  ]);
  const path = join(scratch, download.suggestedFilename());
  await download.saveAs(path);
  return { name: download.suggestedFilename(), json: JSON.parse(readFileSync(path, 'utf8')), path };
}

test('a whole assessment: answer, search, reload, export, import elsewhere, bad files, second tab', async (t) => {
  const { page, context, problems } = await openApp();
  await startChecklist(page);
  assert.equal(await page.locator('.shown-count').innerText(), '253');

  await t.test('answer items with the mouse and the keyboard', async () => {
    await page.getByLabel('評価対象プロダクト名').fill('テストクラウド');
    await row(page, '1').getByRole('button', { name: '適合', exact: true }).click();
    assert.equal(await badge(page, '1').innerText(), '適合');

    // Keyboard alone: the skip button leads past the group tree to the selected item.
    await page.getByRole('tab', { name: 'ダッシュボード' }).focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.position), '0');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('4');
    await expectText(badge(page, '2'), '未対応');
    await page.keyboard.press('j');
    await page.keyboard.press('3');
    await expectText(badge(page, '3'), '一部適合');
    await page.keyboard.press('Enter');
    const statement = page.getByLabel('対応策・見解');
    await statement.fill('ｱｸｾｽ管理規程を整備し、年1回見直している。');
    await page.locator('.details').getByLabel('医療機関等').check();
    await page.getByLabel('医療機関・SI事業者で必要な対応').fill('利用者IDの棚卸を医療機関で実施する');
    // The group tree counts what is answered.
    const group = page.locator('.group-tree button', { hasText: 'ユーザとの契約' });
    assert.match(await group.innerText(), /3\/9/);
    assert.match(await page.locator('.group-tree button', { hasText: 'すべて' }).innerText(), /3\/253/);
    await screenshot(page, 'editor-details');
    // Esc in a field of the details closes them, keeps what was typed, and is back on the item.
    await page.getByLabel('医療機関・SI事業者で必要な対応').press('Escape');
    await page.locator('.details').waitFor({ state: 'detached' });
    assert.equal(await page.evaluate(() => document.activeElement.dataset.position), '2');
    await page.keyboard.press('Enter');
    assert.equal(await page.getByLabel('医療機関・SI事業者で必要な対応').inputValue(), '利用者IDの棚卸を医療機関で実施する');
    await row(page, '3').locator('.item-select').focus();
    await page.keyboard.press('Escape');
    await page.locator('.details').waitFor({ state: 'detached' });
    // n jumps to the next unanswered item: from 1 that is 4, since 1–3 are answered.
    await row(page, '1').locator('.item-select').focus();
    await page.keyboard.press('n');
    await page.waitForFunction(() => document.activeElement?.closest('li')?.querySelector('.item-id')?.textContent === '4');
  });

  await t.test('filters combine and the search folds half-width katakana', async () => {
    const search = page.getByLabel('検索', { exact: true });
    await search.fill('ｱｸｾｽ管理規程');
    // Every item whose own text has the folded words, plus item 3, whose statement has them.
    const wanted = fold('ｱｸｾｽ管理規程');
    const byText = checklist.items
      .filter((item) => fold([item.id, item.text, item.evidenceExamples ?? '', ...(item.references ?? []).map((r) => r.raw)].join('\n')).includes(wanted))
      .map((item) => item.id);
    const expected = new Set([...byText, '3']).size;
    await expectText(page.locator('.shown-count'), String(expected));
    // The hits are marked a moment after the count changes.
    await page.locator('li.item mark', { hasText: /^アクセス管理規程$/ }).first().waitFor();
    assert.equal(await row(page, '3').count(), 1, 'the item whose statement matches is shown');
    await page.getByLabel('責任', { exact: true }).first().selectOption({ label: '医療機関等' });
    assert.equal(await page.locator('.shown-count').innerText(), '1');
    await page.getByRole('button', { name: '条件をクリア' }).click();
    await page.getByLabel('状態', { exact: true }).selectOption({ label: '未対応' });
    assert.deepEqual(await page.locator('li.item .item-id').allInnerTexts(), ['2']);
    await page.getByRole('button', { name: '条件をクリア' }).click();
    await page.getByLabel('未回答のみ').check();
    assert.equal(await page.locator('.shown-count').innerText(), '250');
    await page.getByRole('button', { name: '条件をクリア' }).click();
    await page.getByRole('button', { name: 'その他の条件' }).click();
    await page.getByLabel('ガイドライン').selectOption({ label: '経産省GL (2008)' });
    await page.getByLabel('条項').fill('7.6.14');
    // Exactly the items citing METI (2008) 7.6.14 or a clause under it (not 7.6.140…).
    const citing = checklist.items
      .filter((item) => (item.references ?? []).some((r) => r.guideline === 'meti2008' && /^7\.6\.14(?!\d)/.test(r.section)))
      .map((item) => item.id);
    await expectText(page.locator('.shown-count'), String(citing.length));
    assert.deepEqual(await page.locator('li.item .item-id').allTextContents(), citing);
    assert.ok(citing.includes('47'));
    await page.getByRole('button', { name: '条件をクリア' }).click();
    await page.locator('.group-tree button', { hasText: '資産管理' }).click();
    assert.equal(await page.locator('.shown-count').innerText(), '8');
    await page.locator('.group-tree button', { hasText: 'すべて' }).click();
  });

  await t.test('a reload loses nothing', async () => {
    await saved(page);
    await page.reload();
    await page.locator('li.item').first().waitFor();
    assert.equal(await page.getByLabel('評価対象プロダクト名').inputValue(), 'テストクラウド');
    assert.equal(await badge(page, '1').innerText(), '適合');
    assert.equal(await badge(page, '2').innerText(), '未対応');
    assert.equal(await badge(page, '3').innerText(), '一部適合');
    await row(page, '3').locator('.item-select').click();
    assert.equal(await page.getByLabel('対応策・見解').inputValue(), 'ｱｸｾｽ管理規程を整備し、年1回見直している。');
  });

  let exported;
  await t.test('export, then import into a fresh profile and compare', async () => {
    exported = await exportJson(page);
    assert.match(exported.name, /^tekigo_テストクラウド_\d{4}-\d{2}-\d{2}\.json$/);
    assert.equal(exported.json.format, 'tekigo-assessment');
    assert.deepEqual(exported.json.answers['3'].parties, ['hospital']);
    const fresh = await openApp({ context: await newContext() });
    await fresh.page.locator('input[type=file]').setInputFiles(exported.path);
    await fresh.page.locator('li.item').first().waitFor();
    assert.equal(await fresh.page.getByLabel('評価対象プロダクト名').inputValue(), 'テストクラウド');
    const again = await exportJson(fresh.page);
    assert.deepEqual(again.json, exported.json);
    // Answers given against another version of the catalog open, with a warning.
    const changed = join(scratch, 'changed-catalog.json');
    writeFileSync(changed, JSON.stringify({ ...exported.json, id: 'older', catalog: { ...exported.json.catalog, hash: 'older-content' } }));
    await fresh.page.getByRole('button', { name: '評価の一覧' }).click();
    await fresh.page.locator('input[type=file]').setInputFiles(changed);
    await fresh.page.locator('li.item').first().waitFor();
    assert.match(await fresh.page.getByRole('status').innerText(), /回答後にカタログの内容が変わっています/);
    await fresh.context.close();
  });

  await t.test('a broken or foreign file gets a clear message and changes nothing', async () => {
    await page.getByRole('button', { name: '評価の一覧' }).click();
    const savedList = page.locator('.saved');
    await savedList.first().waitFor();
    const before = await savedList.allInnerTexts();
    const cases = [
      ['broken.json', '{"format": "tekigo-assessment", "answers": {', /JSON として読めません/, /not valid JSON/],
      ['sjis.json', Buffer.from([0x95, 0x5d, 0x89, 0xbf]), /UTF-8 のテキストではありません/, /not UTF-8/],
      ['other-tool.json', '{"controls": [{"id": "AC-1"}]}', /tekigo の評価ファイルではありません|tekigo のカタログまたは評価ファイルではありません/, /not a tekigo/],
    ];
    for (const [name, body, ja, en] of cases) {
      const path = join(scratch, name);
      writeFileSync(path, body);
      await page.locator('input[type=file]').setInputFiles(path);
      const alert = page.getByRole('alert');
      await alert.waitFor();
      const text = await alert.innerText();
      assert.match(text, ja, text);
      assert.match(text, en, text);
      assert.match(text, /入力済みの内容は変わっていません/);
      await page.getByRole('button', { name: '閉じる' }).click();
    }
    await screenshot(page, 'start-with-saved');
    assert.deepEqual(await savedList.allInnerTexts(), before);
  });

  await t.test('a second tab on the same assessment is warned and cannot overwrite', async () => {
    await saved_open(page);
    const second = await context.newPage();
    await second.goto(page.url());
    await second.locator('.saved').first().waitFor();
    await saved_open(second);
    const warning = second.getByRole('alert');
    await warning.waitFor();
    assert.match(await warning.innerText(), /別のタブで編集中/);
    assert.ok(await row(second, '4').getByRole('button', { name: '適合', exact: true }).isDisabled());
    await screenshot(second, 'second-tab');
    // The first tab keeps editing and saving.
    await row(page, '4').getByRole('button', { name: '対象外' }).click();
    await saved(page);
    await page.reload();
    await page.locator('li.item').first().waitFor();
    // Rows off screen skip rendering (content-visibility: auto), and their innerText is empty
    // until the browser has laid them out: wait for the text rather than read it once.
    await expectText(badge(page, '4'), '対象外');
    await second.close();
  });

  assert.deepEqual(problems, []);
  await context.close();
});

async function saved_open(page) {
  await page.locator('.saved').first().getByRole('button', { name: '開く' }).click();
  await page.locator('li.item').first().waitFor();
}

test('the interface switches to English and back, and keeps the choice for the next visit', async () => {
  const { page, context } = await openApp();
  await page.getByRole('button', { name: 'English' }).click();
  const start = page.getByRole('button', { name: /Start a new assessment: クラウド/ });
  await start.waitFor();
  assert.equal(await page.locator('.tekigo').getAttribute('lang'), 'en');
  assert.equal(await page.locator('html').getAttribute('lang'), 'ja', 'the host page is left alone');
  await start.click();
  await page.locator('li.item').first().waitFor();
  assert.ok(await page.getByRole('button', { name: 'Save to a file' }).first().isVisible());
  assert.ok(await page.getByRole('tab', { name: 'Dashboard' }).isVisible());
  // The choice stays for the next visit.
  await page.reload();
  await page.getByRole('tab', { name: 'Dashboard' }).waitFor();
  assert.equal(await page.locator('.tekigo').getAttribute('lang'), 'en');
  await page.getByRole('button', { name: '日本語' }).click();
  assert.equal(await page.locator('.tekigo').getAttribute('lang'), 'ja');
  await page.reload();
  await page.getByRole('tab', { name: 'ダッシュボード' }).waitFor();
  await context.close();
});

test("the sample's notes on how its source was read are in the interface's language only", async () => {
  const { page, context } = await openApp();
  await page.getByRole('button', { name: /サンプルを開く/ }).click();
  await page.locator('li.item').first().waitFor();
  // Notes that say nothing was left out are part of 評価の概要, folded with it.
  const notes = page.locator('details.subject .reading-notes');
  assert.equal(await notes.isVisible(), false);
  await page.locator('details.subject summary').click();
  const japanese = await notes.innerText();
  assert.match(japanese, /原資料には適否の欄がないため/);
  assert.doesNotMatch(japanese, /The source has no rating column/);
  await page.getByRole('button', { name: 'English' }).click();
  await notes.getByText('Notes on how the file was read').waitFor();
  const english = await notes.innerText();
  assert.match(english, /The source has no rating column/);
  assert.doesNotMatch(english, /原資料には適否の欄がないため/);
  await context.close();
});

test('the dashboard draws progress per group and lists what the hospital must do', async () => {
  const { page, context } = await openApp();
  await page.getByRole('button', { name: /サンプルを開く/ }).click();
  await page.locator('li.item').first().waitFor();
  await page.getByRole('tab', { name: 'ダッシュボード' }).click();
  const donut = page.locator('svg.donut');
  await donut.waitFor();
  // The vendor's reference rates only the two items it calls out of scope (記述のみ otherwise).
  assert.match(await donut.getAttribute('aria-label'), /進捗 2\/182/);
  const rows = await page.locator('.bars').first().locator('li').allInnerTexts();
  assert.equal(rows.length, 10, rows.join('\n'));
  await screenshot(page, 'dashboard', { fullPage: true });
  await page.getByRole('tab', { name: '文書一覧' }).click();
  await page.getByRole('button', { name: '文書を追加' }).click();
  await page.getByRole('button', { name: '文書を追加' }).click();
  // An id another document has is refused when the field is left, with the reason.
  await page.getByLabel('ID 2').fill('01');
  await page.getByLabel('ID 2').press('Tab');
  assert.match(await page.getByRole('alert').innerText(), /文書 ID 01 はすでに使われています/);
  assert.equal(await page.getByLabel('ID 2').inputValue(), '02', 'the refused id is not kept');
  await page.getByLabel('ID 2').fill('WP-02');
  await page.getByLabel('ID 2').press('Tab');
  await page.getByRole('alert').waitFor({ state: 'detached' });
  await page.getByLabel('文書名 1').fill('セキュリティホワイトペーパー');
  await page.getByLabel('開示レベル 1').selectOption({ label: '要NDA' });
  await page.getByRole('tab', { name: '項目' }).click();
  await row(page, '2').locator('.item-select').click();
  await page.getByRole('button', { name: 'エビデンスを追加' }).click();
  const documentChoice = page.getByLabel('文書', { exact: true });
  await documentChoice.selectOption({ label: '01 セキュリティホワイトペーパー (要NDA)' });
  await page.getByLabel('ページ・章').fill('3章');
  await screenshot(page, 'evidence');
  await context.close();
});
