// Nothing lost when a tab dies: the browser process is killed (SIGKILL) 200 ms after an edit,
// and the edit is there when the browser starts again on the same profile.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import { chromium } from 'playwright-core';
import { BASE_URL, profileFolder } from './harness.mjs';

/** Chromium on `profile`, its own process group (so it can be killed whole), driven over CDP. */
async function startChromium(profile) {
  const child = spawn(process.env.CHROMIUM ?? '/usr/bin/chromium', [
    '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank',
  ], { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  const endpoint = await new Promise((resolve, reject) => {
    let seen = '';
    child.stderr.on('data', (chunk) => {
      seen += chunk;
      const found = seen.match(/DevTools listening on (ws:\/\/\S+)/);
      if (found) resolve(found[1]);
    });
    child.on('exit', () => reject(new Error(`chromium exited: ${seen}`)));
  });
  const browser = await chromium.connectOverCDP(endpoint);
  return { child, browser, page: browser.contexts()[0].pages()[0] ?? (await browser.contexts()[0].newPage()) };
}

/** SIGKILL to the browser and every helper process it started, as a crash or power cut does. */
async function killAll(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
  await exited;
}

test('an edit made 200 ms before the browser is killed is there after a restart', async () => {
  const profile = profileFolder();
  let child;
  try {
    let browser, page;
    ({ child, browser, page } = await startChromium(profile));
    await page.goto(BASE_URL);
    await page.getByRole('button', { name: /新しい評価を開始: 医療情報を受託管理する/ }).click();
    await page.locator('li.item').first().waitFor();
    await page.getByLabel('評価対象プロダクト名').fill('強制終了の確認');
    await page.locator('.save-state[data-pending="false"]').waitFor();
    await page.locator('li.item').first().getByRole('button', { name: '未対応' }).click();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await killAll(child);
    await browser.close().catch(() => {});

    ({ child, browser, page } = await startChromium(profile));
    await page.goto(BASE_URL);
    const saved = page.locator('.saved', { hasText: '強制終了の確認' });
    await saved.waitFor();
    await saved.getByRole('button', { name: '開く' }).click();
    await page.locator('li.item').first().waitFor();
    assert.equal(await page.locator('li.item').first().locator('.status-badge').innerText(), '未対応');
    await browser.close();
    await killAll(child);
  } finally {
    // A browser still writing into its profile would make removing it fail and hide why; the
    // harness removes the folder when the file ends.
    if (child) await killAll(child);
  }
});
