// axe-core finds no violation on any screen: start, items with details open, documents,
// dashboard. (The axe script is injected, so this context bypasses the page's CSP.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { newContext, openApp, useBrowser } from './harness.mjs';

useBrowser();

const AXE = fileURLToPath(new URL('./node_modules/axe-core/axe.min.js', import.meta.url));

async function violations(page) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

test('axe-core reports no violations on any screen', async () => {
  const { page, context } = await openApp({ context: await newContext({ bypassCSP: true }) });
  assert.deepEqual(await violations(page), [], 'start screen');

  await page.getByRole('button', { name: /サンプルを開く/ }).click();
  await page.locator('li.item').first().waitFor();
  await page.locator('li.item .item-select').nth(1).click();
  await page.getByRole('button', { name: 'エビデンスを追加' }).click();
  assert.deepEqual(await violations(page), [], 'items with details');

  await page.getByRole('tab', { name: '文書一覧' }).click();
  await page.getByRole('button', { name: '文書を追加' }).click();
  assert.deepEqual(await violations(page), [], 'documents');

  await page.getByRole('tab', { name: 'ダッシュボード' }).click();
  await page.locator('svg.donut').waitFor();
  assert.deepEqual(await violations(page), [], 'dashboard');

  // The check can fail: an input without a label is reported.
  await page.evaluate(() => document.querySelector('main').append(document.createElement('input')));
  const found = await violations(page);
  assert.ok(found.some((v) => v.startsWith('label')), found.join('\n'));
  await context.close();
});
