// Two tabs on one assessment. Deleting it in another tab asks first, and the tab editing it is
// told at once and keeps its copy; a second tab only reads, follows the first tab's edits and
// takes over when the first closes; the editing tab never replaces what is being typed with an
// older stored version of its own.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { BASE_URL, openApp, screenshot, useBrowser } from './harness.mjs';

useBrowser();

const row = (page, id) => page.locator('li.item').filter({ has: page.locator('.item-id', { hasText: new RegExp(`^${id}$`) }) });
const badge = (page, id) => row(page, id).locator('.status-badge');
/** Waits until the editor says every change is stored. */
const stored = (page) => page.locator('.save-state[data-pending="false"]').waitFor();
const back = (page) => page.getByRole('button', { name: '評価の一覧' }).click();

/** A new checklist assessment named `product`, stored. */
async function startChecklist(page, product) {
  await page.getByRole('button', { name: /新しい評価を開始: クラウドサービス事業者/ }).click();
  await page.getByLabel('評価対象プロダクト名').fill(product);
  await stored(page);
}

/** A second tab of the same browser, on the start screen. */
async function secondTab(context) {
  const page = await context.newPage();
  await page.goto(BASE_URL);
  await page.locator('.saved').first().waitFor();
  return page;
}

test('deleted in another tab: asked there first; the editing tab is told and keeps its copy', async () => {
  const { page: editing, context, problems } = await openApp();
  await startChecklist(editing, '削除される評価');
  await row(editing, '1').getByRole('button', { name: '適合', exact: true }).click();
  await stored(editing);

  // The other tab lists it while nobody has it open; then it is opened again for editing.
  await back(editing);
  const other = await secondTab(context);
  await editing.locator('li.saved', { hasText: '削除される評価' }).getByRole('button', { name: '開く' }).click();
  await editing.locator('li.item').first().waitFor();
  const entry = other.locator('li.saved', { hasText: '削除される評価' });
  await entry.getByRole('button', { name: '削除' }).click();
  assert.match(await entry.getByRole('alert').innerText(), /この評価は別のタブで開かれています/);
  await entry.getByRole('button', { name: '削除を確定' }).click();
  await entry.waitFor({ state: 'detached' });

  // Told without having to edit first, with both ways to keep the copy.
  const warning = editing.locator('.save-state', { hasText: 'この評価は別のタブで削除されました' });
  await warning.waitFor();
  assert.equal(await warning.getAttribute('data-unsaved'), 'true');
  await screenshot(editing, 'reliability-deleted-elsewhere');
  const [download] = await Promise.all([
    editing.waitForEvent('download'),
    warning.getByRole('button', { name: 'ファイルに保存' }).click(),
  ]);
  const file = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(file.subject.product, '削除される評価');
  assert.equal(file.answers['1'].status, 'compliant');
  await warning.getByRole('button', { name: 'この内容で保存し直す' }).click();
  await stored(editing);

  await other.reload();
  const restored = other.locator('li.saved', { hasText: '削除される評価' });
  await restored.waitFor();
  assert.match(await restored.innerText(), /進捗 1\/253/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a second tab reads only, follows the editing tab, and takes over when it closes', async () => {
  const { page: first, context, problems } = await openApp();
  await startChecklist(first, '追従する評価');

  const second = await secondTab(context);
  await second.locator('li.saved', { hasText: '追従する評価' }).getByRole('button', { name: '開く' }).click();
  const readOnly = second.locator('.save-state', { hasText: 'この評価は別のタブで編集中です' });
  await readOnly.waitFor();
  assert.ok(await row(second, '1').getByRole('button', { name: '適合', exact: true }).isDisabled());

  // The first tab's edits show in the second as they are stored.
  await row(first, '1').getByRole('button', { name: '適合', exact: true }).click();
  await row(first, '3').getByRole('button', { name: '一部適合' }).click();
  await stored(first);
  await badge(second, '1').filter({ hasText: '適合' }).waitFor();
  await badge(second, '3').filter({ hasText: '一部適合' }).waitFor();
  await screenshot(second, 'reliability-read-only-follows');

  // The first tab closes: the second takes over with what was stored last, and saves.
  await first.close();
  await readOnly.waitFor({ state: 'detached' });
  const answer = row(second, '2').getByRole('button', { name: '未対応' });
  assert.ok(await answer.isEnabled());
  await answer.click();
  await stored(second);
  await second.reload();
  await second.locator('li.item').first().waitFor();
  assert.equal(await badge(second, '1').innerText(), '適合');
  assert.equal(await badge(second, '2').innerText(), '未対応');
  assert.equal(await badge(second, '3').innerText(), '一部適合');
  assert.deepEqual(problems, []);
  await context.close();
});

test('typing while saves land keeps every character, with a second tab listening', async () => {
  const { page, context } = await openApp();
  await startChecklist(page, '入力中の評価');
  const listener = await secondTab(context);
  await listener.locator('li.saved', { hasText: '入力中の評価' }).getByRole('button', { name: '開く' }).click();
  await listener.locator('.save-state', { hasText: 'この評価は別のタブで編集中です' }).waitFor();

  // Each key is an edit whose save is announced to the other tabs while the next keys come.
  await row(page, '1').locator('.item-select').click();
  const text = 'アクセス権限は四半期ごとに棚卸しし、退職者のIDは当日中に無効化する。';
  const statement = page.getByLabel('対応策・見解');
  await statement.pressSequentially(text);
  await stored(page);
  assert.equal(await statement.inputValue(), text);
  await page.reload();
  await row(page, '1').locator('.item-select').click();
  assert.equal(await page.getByLabel('対応策・見解').inputValue(), text);
  await context.close();
});
