// Files the app refuses, and says why in words: a key given twice (one answer would be lost)
// is named, a file over 50 MB is refused before it is read, a value of the wrong kind is
// described without the deserializer's phrasing. Nothing in the list changes. A file of an
// assessment already stored opens the stored one, or a copy when it differs.
import assert from 'node:assert/strict';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { newContext, openApp, screenshot, useBrowser } from './harness.mjs';

useBrowser();

const scratch = mkdtempSync(join(tmpdir(), 'tekigo-files-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
const SAMPLE = readFileSync(new URL('../../crates/core/data/sample-kirin-karte-meti-2012.json', import.meta.url), 'utf8');

/** Programmers' words that must never reach a person. */
const CODE_WORDS = /invalid type|expected [a-z`]|JsValue|Error\(|Object \{|DomException|\{:\?\}/;

/** Opens `body` as the file `name` and returns the alert's text once it shows. */
async function refusal(page, name, body) {
  const path = join(scratch, name);
  if (typeof body === 'number') {
    // A file of `body` bytes, made without writing them (sparse).
    const handle = openSync(path, 'w');
    ftruncateSync(handle, body);
    closeSync(handle);
  } else {
    writeFileSync(path, body);
  }
  await page.locator('input[type=file]').setInputFiles(path);
  const alert = page.locator('.notice-error');
  await alert.waitFor();
  const text = await alert.innerText();
  await page.getByRole('button', { name: '閉じる' }).click();
  assert.match(text, /ファイルを開けませんでした。入力済みの内容は変わっていません。/);
  assert.match(text, /The file could not be opened\. Nothing you entered has changed\./);
  assert.doesNotMatch(text, CODE_WORDS, text);
  return text;
}

test('a refused file is named with its reason in words, and the list does not change', async () => {
  const { page, context, problems } = await openApp();
  await page.getByRole('button', { name: /サンプルを開く/ }).click();
  await page.locator('li.item').first().waitFor();
  await page.getByRole('button', { name: '評価の一覧' }).click();
  const list = page.locator('li.saved');
  await list.first().waitFor();
  const before = await list.allInnerTexts();

  // The answer to item 1 given twice: whichever was kept, the other would be lost.
  const twice = SAMPLE.replace('"answers": {', '"answers": {\n    "1": { "status": "not-met" },');
  assert.notEqual(twice, SAMPLE);
  const duplicate = await refusal(page, 'twice.json', twice);
  assert.match(duplicate, /同じ名前「1」が一つのまとまりの中に二度あります \(\d+ 行 \d+ 列\)。どちらかの内容が失われるため開きません。/);
  assert.match(duplicate, /The key "1" appears twice in one object/);

  const large = await refusal(page, 'large.json', 51 * 1024 * 1024);
  assert.match(large, /ファイルが大きすぎます \(51 MB\)。50 MB を超えるファイルは読み込みません。/);
  assert.match(large, /The file is too large \(51 MB\); files over 50 MB are not read\./);

  const wrong = JSON.parse(SAMPLE);
  wrong.answers['1'].parties = 'vendor';
  const wrongKind = await refusal(page, 'wrong-kind.json', JSON.stringify(wrong, null, 2));
  assert.match(wrongKind, /\d+ 行 \d+ 列 \(「parties」\): 値の種類が違います \(リスト \(\[…\]\)が必要です\)。/);
  assert.match(wrongKind, /Line \d+, column \d+ \("parties"\): the value is of the wrong kind \(a list \(\[…\]\) is needed\)\./);

  assert.deepEqual(await list.allInnerTexts(), before);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a file opened twice opens the stored assessment; a changed one is kept as a copy, and the app says which and where it differs', async () => {
  const { page, context, problems } = await openApp();
  const path = join(scratch, 'sample.json');
  writeFileSync(path, SAMPLE);
  await page.locator('input[type=file]').first().setInputFiles(path);
  await page.locator('li.item').first().waitFor();
  assert.equal(await page.locator('.notice').count(), 0, 'the first time is no copy');
  await page.getByRole('button', { name: '評価の一覧' }).click();
  await page.locator('input[type=file]').first().setInputFiles(path);
  await page.locator('li.item').first().waitFor();
  assert.match(await page.locator('.notice').innerText(), /保存されているものと同じです。保存されている評価を開きました[\s\S]*no copy was made/);
  await page.getByRole('button', { name: '評価の一覧' }).click();
  await page.locator('li.saved').first().waitFor();
  assert.equal(await page.locator('li.saved').count(), 1);
  // The same assessment, changed elsewhere since: both are kept, and that is said.
  const changed = JSON.parse(SAMPLE);
  changed.subject.product = `${changed.subject.product} (改訂)`;
  const [revised] = Object.entries(changed.answers).find(([, answer]) => answer.statement);
  changed.answers[revised].statement += ' 年次で見直す。';
  const changedPath = join(scratch, 'sample-changed.json');
  writeFileSync(changedPath, JSON.stringify(changed));
  await page.locator('input[type=file]').first().setInputFiles(changedPath);
  await page.locator('li.item').first().waitFor();
  const copied = await page.locator('.notice').innerText();
  assert.match(copied, /すでにこのブラウザに保存されていて、内容が違うため、別の評価 \(コピー\) として取り込みました[\s\S]*imported as a separate copy/);
  // … and where it differs, so that a person can tell the two apart.
  assert.ok(copied.includes(`保存済みの評価と違うところ: 評価の概要、項目 ${revised}。`), copied);
  assert.ok(copied.includes(`Where it differs from the stored one: Subject, item ${revised}.`), copied);
  await screenshot(page, 'opened-as-copy');
  await page.getByRole('button', { name: '評価の一覧' }).click();
  // The list is read again on the way back: wait for it before counting.
  await page.locator('li.saved').nth(1).waitFor();
  assert.equal(await page.locator('li.saved').count(), 2);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a misspelt field in an answer is named when the file opens, in view on a phone, not dropped in silence', async () => {
  const { page, context, problems } = await openApp({ context: await newContext({ viewport: { width: 360, height: 740 } }) });
  const misspelt = JSON.parse(SAMPLE);
  const [item, answer] = Object.entries(misspelt.answers).find(([, answer]) => answer.statement);
  answer.statment = answer.statement;
  delete answer.statement;
  const path = join(scratch, 'misspelt.json');
  writeFileSync(path, JSON.stringify(misspelt));
  await page.locator('input[type=file]').first().setInputFiles(path);
  await page.locator('li.item').first().waitFor();
  assert.match(await page.locator('.notice').innerText(), new RegExp(`項目 ${item} \\(answers\\.${item}\\.statment\\): 欄「statment」はこの版の tekigo では読みません[\\s\\S]*does not read the field "statment"`));
  // Opening puts the focus on the first item without scrolling the notice away.
  await page.waitForFunction(() => document.activeElement?.classList.contains('item-select'));
  const notice = await page.locator('.notice').boundingBox();
  assert.ok(notice.y >= 0 && notice.y < 740, `the notice is on screen (${Math.round(notice.y)})`);
  assert.deepEqual(problems, []);
  await context.close();
});
