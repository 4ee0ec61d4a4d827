// The single-file edition as a hospital on a closed network uses it: dist/tekigo.html opened
// from file://, with no server and no request but the file itself. An assessment is answered,
// survives a reload (saved in the browser), and is saved to a file.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { newContext, record, screenshot, useBrowser } from './harness.mjs';

useBrowser();

const FILE = new URL('../../dist/tekigo.html', import.meta.url);

test('the single file opens from file://, saves in the browser and exports, asking nothing of the network', async () => {
  const context = await newContext();
  const page = await context.newPage();
  const { requests, problems } = record(page);
  await page.goto(FILE.href);
  await page.getByRole('button', { name: /新しい評価を開始: 医療情報を受託管理する/ }).click();
  await page.locator('li.item').first().waitFor();
  await page.getByLabel('評価対象プロダクト名').fill('閉域網の確認');
  await page.locator('li.item').first().getByRole('button', { name: '適合', exact: true }).click();
  await page.locator('.save-state[data-pending="false"]').waitFor();
  await page.reload();
  await page.locator('li.item').first().waitFor();
  assert.equal(await page.getByLabel('評価対象プロダクト名').inputValue(), '閉域網の確認');
  assert.equal(await page.locator('li.item').first().locator('.status-badge').innerText(), '適合');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'ファイルに保存' }).first().click(),
  ]);
  const saved = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(saved.subject.product, '閉域網の確認');
  await screenshot(page, 'single-file');
  // The exchange formats are not in the file: the menu says so instead of trying.
  await page.getByRole('button', { name: '書き出し・署名' }).click();
  await page.getByText('1ファイル版では Excel・CSV・OSCAL の読み書きと署名は使えません', { exact: false }).waitFor();
  const elsewhere = requests.filter((url) => url !== FILE.href && !url.startsWith('blob:') && !url.startsWith('data:'));
  assert.deepEqual(elsewhere, [], 'no request but the file itself');
  assert.deepEqual(problems, []);
  assert.ok(fileURLToPath(FILE).endsWith('tekigo.html'));
  await context.close();
});
