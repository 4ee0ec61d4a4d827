// The report a person hands over: opened from an assessment of the 253-item checklist, it
// prints as A4 pages with a cover, the figures, what is still open, a table per group and page
// numbers, and nothing of the app (no buttons, no header, no save state); a manager's copy
// holds only the answered items.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { expectText, openApp, screenshot, useBrowser } from './harness.mjs';

useBrowser();

test('the 253-item report prints as A4 pages without the app around it', async () => {
  const { page, context, problems } = await openApp();
  await page.getByRole('button', { name: /新しい評価を開始: クラウドサービス事業者/ }).click();
  await page.locator('li.item').first().waitFor();
  await page.getByLabel('評価対象プロダクト名').fill('さくらクラウド 電子カルテ');
  await page.getByLabel('評価者').fill('山田 花子');
  await page.locator('li.item .item-select').first().focus();
  for (let n = 0; n < 12; n++) {
    await page.keyboard.press(String((n % 4) + 1));
    await page.keyboard.press('j');
  }
  await page.locator('.save-state[data-pending="false"]').waitFor();
  await page.getByRole('button', { name: 'レポート (印刷)' }).click();
  const report = page.locator('.report');
  await report.waitFor();
  assert.match(await report.locator('.report-cover').innerText(), /さくらクラウド 電子カルテ[\s\S]*山田 花子[\s\S]*SHA-256 [0-9a-f]{64}/);
  assert.equal(await report.locator('.report-items tbody tr').count(), 253);
  // The bar's caption counts by outcome and says which choices each one holds, so its figures
  // match the table's columns: 適合 3 and 適合可能 3 above make 適合 (適合・適合可能) 6 here.
  assert.match(await report.locator('.report-bar figcaption').innerText(), /^適合 \(適合・適合可能\) 6 ・ 一部適合 3 ・ 未対応 3 ・ 対象外 0 ・ 未回答 241$/);
  await screenshot(page, 'report-screen');
  await page.emulateMedia({ media: 'print' });
  for (const hidden of ['.app-header', '.report-tools', '.save-state']) {
    const shown = await page.locator(hidden).evaluateAll((nodes) => nodes.some((n) => getComputedStyle(n).display !== 'none'));
    assert.equal(shown, false, `${hidden} is not printed`);
  }
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  writeFileSync(new URL('./artifacts/report-253.pdf', import.meta.url), pdf);
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  assert.ok(pages >= 20 && pages <= 80, `${pages} pages`);
  await page.emulateMedia({ media: 'screen' });
  // What is still open comes before the details.
  const order = await report.locator('h2').allInnerTexts();
  assert.ok(order.findIndex((title) => title.startsWith('残っている対応')) < order.findIndex((title) => title.includes('ユーザとの契約')), order.join(' / '));
  // A manager's copy: only the 12 answered items, and the cover says so.
  await page.getByLabel('記入のある項目だけを載せる').check();
  await expectText(report.locator('.report-items tbody tr').first().locator('td').first(), '1');
  assert.equal(await report.locator('.report-items tbody tr').count(), 12);
  assert.match(await report.locator('.report-cover').innerText(), /12 \/ 253 項目 ・ 記入のある項目のみ/);
  await page.emulateMedia({ media: 'print' });
  const short = await page.pdf({ format: 'A4', printBackground: true });
  const shortPages = (short.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  assert.ok(shortPages < pages / 3, `${shortPages} of ${pages} pages`);
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('button', { name: '← 評価に戻る' }).click();
  await page.locator('li.item').first().waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});
