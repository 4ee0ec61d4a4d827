// The browser half of `cargo xtask bench`: alternating runs of tekigo and of a plain page
// served the same way, in fresh contexts of headless Chromium. Writes the raw times (ms) to
// the JSON file named on the command line; xtask prints the medians and ratios.
import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { timeKeystrokes } from './keystrokes.mjs';

const APP = process.env.TEKIGO_URL;
const PAGES = process.env.BENCH_URL;
const RUNS = 9;
const [, , out] = process.argv;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

// When the first item appears, measured from the start of navigation; for the app, the start
// button of the checklist is pressed the moment it is there, as a person's first click.
const FIRST_ITEM = () => {
  new MutationObserver((_, observer) => {
    const start = [...document.querySelectorAll('button')].find((b) => /新しい評価を開始: クラウドサービス事業者/.test(b.getAttribute('aria-label') ?? ''));
    if (start && !window.__clicked) {
      window.__clicked = true;
      window.__startShown = performance.now();
      start.click();
    }
    if (document.querySelector('li.item, tr.item')) {
      window.__firstItem = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
};

/** A page in a fresh context (nothing cached or stored) running `initScript`, its CPU slowed `throttle` times. */
async function freshPage(initScript, throttle) {
  const context = await browser.newContext({ locale: 'ja-JP' });
  await context.addInitScript(initScript);
  const page = await context.newPage();
  if (throttle) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  }
  return { context, page };
}

/** The times of `RUNS` alternating runs of the app and of the plain page. */
async function alternating(appRun, plainRun) {
  const app = [], plain = [];
  for (let run = 0; run < RUNS; run++) {
    app.push(await appRun());
    plain.push(await plainRun());
  }
  return { app, static: plain };
}

/** When the first item showed, and when the screen a person first reads did (the plain table's first row). */
async function firstItemTime(url, throttle) {
  const { context, page } = await freshPage(FIRST_ITEM, throttle);
  await page.goto(url);
  await page.waitForFunction(() => window.__firstItem !== undefined, null, { timeout: 60_000 });
  const times = await page.evaluate(() => ({ item: window.__firstItem, shown: window.__startShown ?? window.__firstItem }));
  await context.close();
  return times;
}

async function loads(throttle) {
  const runs = await alternating(
    () => firstItemTime(APP, throttle),
    () => firstItemTime(new URL('static-table.html', PAGES).href, throttle),
  );
  return {
    app: runs.app.map((run) => run.item),
    static: runs.static.map((run) => run.item),
    appShown: runs.app.map((run) => run.shown),
    staticShown: runs.static.map((run) => run.shown),
  };
}

// A person's second step: the start screen has been on view for SETTLE_MS (the time to read its
// three catalogs, the pointer over the page), then the checklist is chosen. Timed from the click
// to the first item, by the wall clock, as the plain side's link loads another page.
const SETTLE_MS = 3000;
const CHOSEN_ITEM = () => {
  new MutationObserver((_, observer) => {
    if (document.querySelector('li.item, tr.item')) {
      window.__itemAt = performance.timeOrigin + performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
};

async function choiceTime(url, choose, throttle) {
  const { context, page } = await freshPage(CHOSEN_ITEM, throttle);
  await page.goto(url);
  await page.locator(choose).waitFor();
  await page.mouse.move(200, 200);
  await page.waitForTimeout(SETTLE_MS);
  const clickedAt = await page.evaluate((choose) => {
    const at = performance.timeOrigin + performance.now();
    document.querySelector(choose).click();
    return at;
  }, choose);
  await page.waitForFunction(() => window.__itemAt !== undefined, null, { timeout: 60_000 });
  const time = (await page.evaluate(() => window.__itemAt)) - clickedAt;
  await context.close();
  return time;
}

const choices = (throttle) =>
  alternating(
    () => choiceTime(APP, 'button[aria-label^="新しい評価を開始: クラウドサービス事業者"]', throttle),
    () => choiceTime(new URL('start.html', PAGES).href, '#start', throttle),
  );

const QUERY = 'ｱｸｾｽ管理 規程';

async function keystrokes() {
  const context = await browser.newContext({ locale: 'ja-JP' });
  const page = await context.newPage();
  await page.goto(APP);
  const catalog = await (await page.request.get(new URL('catalog-1000.json', PAGES).href)).body();
  await page.locator('input[type=file]').first().setInputFiles({ name: 'catalog-1000.json', mimeType: 'application/json', buffer: catalog });
  await page.getByRole('button', { name: /新しい評価を開始: クラウドサービス事業者/ }).last().click();
  await page.locator('li.item').first().waitFor();
  const app = await page.evaluate(timeKeystrokes, { selector: '.search-field input', query: QUERY, rounds: 6 });
  const vanillaPage = await context.newPage();
  await vanillaPage.goto(new URL('vanilla-search.html', PAGES).href);
  const vanilla = await vanillaPage.evaluate(timeKeystrokes, { selector: '#q', query: QUERY, rounds: 6 });
  await context.close();
  const p95 = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.95)];
  return { app, vanilla, appP95: [p95(app)], vanillaP95: [p95(vanilla)] };
}

async function engine() {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(new URL('engine.html', PAGES).href);
  await page.waitForFunction(() => Array.isArray(window.engineTimes), null, { timeout: 300_000 });
  const times = await page.evaluate(() => window.engineTimes);
  await context.close();
  return times;
}

const result = {
  load: await loads(0),
  loadThrottled: await loads(4),
  choice: await choices(0),
  choiceThrottled: await choices(4),
  keystroke: await keystrokes(),
  engine: await engine(),
};
writeFileSync(out, JSON.stringify(result, null, 2));
await browser.close();
