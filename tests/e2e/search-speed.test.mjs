// Benchmark, not a timed test: the time of one search keystroke over 1,000 items, printed
// next to the same over the 253-item checklist. The assertions are on what is shown: the
// match count equals an independent count made here with String.normalize('NFKC').
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { timeKeystrokes } from './bench/keystrokes.mjs';
import { openApp, useBrowser } from './harness.mjs';

useBrowser();

const checklist = JSON.parse(
  readFileSync(new URL('../../crates/core/data/cloud-checklist-253.json', import.meta.url), 'utf8'),
);
const QUERY = 'ｱｸｾｽ管理';

function thousandItemCatalog() {
  const items = [];
  for (let round = 0; items.length < 1000; round++) {
    for (const item of checklist.items) {
      if (items.length === 1000) break;
      items.push({ ...item, id: `${round + 1}-${item.id}` });
    }
  }
  return { ...checklist, id: 'bench-1000', title: 'ベンチマーク 1000 項目', items };
}

function expectedMatches(catalog, query) {
  const fold = (text) => text.normalize('NFKC').toLowerCase();
  const wanted = fold(query);
  return catalog.items.filter((item) =>
    fold([item.id, item.text, item.evidenceExamples ?? '', ...(item.references ?? []).map((r) => r.raw)].join('\n')).includes(wanted),
  ).length;
}

const keystrokeTimes = (page, query) =>
  page.evaluate(timeKeystrokes, { selector: '.search-field input', query, rounds: 3 });

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

test('search keystroke over 1,000 items (benchmark)', async () => {
  const catalog = thousandItemCatalog();
  const path = join(mkdtempSync(join(tmpdir(), 'tekigo-bench-')), 'bench-1000.json');
  writeFileSync(path, JSON.stringify(catalog));
  const { page, context } = await openApp();

  await page.getByRole('button', { name: /新しい評価を開始: クラウドサービス事業者/ }).click();
  await page.locator('li.item').first().waitFor();
  const small = await keystrokeTimes(page, QUERY);
  await page.getByLabel('検索', { exact: true }).fill(QUERY);
  assert.equal(Number(await page.locator('.shown-count').innerText()), expectedMatches(checklist, QUERY));

  await page.getByRole('button', { name: '評価の一覧' }).click();
  await page.locator('input[type=file]').setInputFiles(path);
  await page.getByRole('status').waitFor();
  await page.getByRole('button', { name: /新しい評価を開始: ベンチマーク 1000 項目/ }).click();
  await page.locator('li.item').first().waitFor();
  assert.equal(await page.locator('.shown-count').innerText(), '1000');
  const large = await keystrokeTimes(page, QUERY);
  await page.getByLabel('検索', { exact: true }).fill(QUERY);
  const shown = Number(await page.locator('.shown-count').innerText());
  assert.equal(shown, expectedMatches(catalog, QUERY));
  assert.ok(shown > 0);

  const [m253, m1000] = [median(small), median(large)];
  console.log(
    `benchmark: search keystroke (input → rendered frame), median of ${large.length}: ` +
      `253 items ${m253.toFixed(1)} ms, 1000 items ${m1000.toFixed(1)} ms (max ${Math.max(...large).toFixed(1)} ms), ` +
      `ratio 1000/253 = ${(m1000 / m253).toFixed(2)}`,
  );
  await context.close();
});
