// Shared set-up for the browser tests: Debian's Chromium driven by playwright-core, a fresh
// profile per test, every request and console error recorded, screenshots on demand, and
// the entries of a downloaded zip (the widget kit, a workbook).
import { chromium } from 'playwright-core';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { inflateRawSync } from 'node:zlib';

export const BASE_URL = process.env.TEKIGO_URL ?? 'http://127.0.0.1:8080/';
const ARTIFACTS = new URL('./artifacts/', import.meta.url);

const LAUNCH = {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

let browser;

/** Starts one browser for the test file and closes it at the end. */
export function useBrowser() {
  before(async () => {
    browser = await chromium.launch(LAUNCH);
  });
  after(async () => {
    await browser?.close();
  });
}

/**
 * A page in a fresh profile, with `requests` (every URL asked for) and `problems`
 * (console errors, page errors, CSP violations) recorded.
 */
export async function openApp({ path = '', context } = {}) {
  const ctx = context ?? (await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' }));
  const page = await ctx.newPage();
  const { requests, problems } = record(page);
  await page.goto(new URL(path, BASE_URL).href);
  await page.locator('.tekigo').waitFor();
  return { page, context: ctx, requests, problems };
}

/**
 * A person's pointer over the page, as when they read the first screen of a browser that holds
 * nothing yet: the app then starts behind it (see www/boot.js).
 */
export async function pointAtPage(page) {
  await page.locator('.first-screen').waitFor();
  await page.mouse.move(200, 200);
  await page.mouse.move(240, 260);
}

/**
 * Waits until the app runs in the page: pointed at when the page shows the first screen of a
 * browser that holds nothing yet, then the app's own element (beside that screen or alone).
 */
export async function appStarted(page) {
  await page.locator('.tekigo').first().waitFor();
  if (await page.locator('.first-screen').count()) await pointAtPage(page);
  await page.locator('#app .tekigo:not(.first-screen .tekigo)').waitFor({ state: 'attached' });
}

/** Records what `page` asks for (`requests`) and its console errors, page errors and CSP violations (`problems`). */
export function record(page) {
  const requests = [];
  const problems = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(String(error)));
  return { requests, problems };
}

/** Browsers on a profile folder still open, and the folders made by `profileFolder`. */
const openProfiles = new Set();
const profileFolders = [];

// When the test file ends, browsers a failed test left open are closed first (a browser left
// running would keep the test file from ending), then the folders are removed: a browser still
// writing its cache into a folder being removed is what makes the removal fail.
after(async () => {
  await Promise.all([...openProfiles].map((context) => context.close().catch(() => {})));
  for (const folder of profileFolders) rmSync(folder, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
});

/** A new, empty profile folder, removed when the test file ends. */
export function profileFolder() {
  const folder = mkdtempSync(join(tmpdir(), 'tekigo-profile-'));
  profileFolders.push(folder);
  return folder;
}

/**
 * A browser with a profile kept in `userDataDir`, so closing it and launching it again on the
 * same folder is a restart: what the app stored is there again.
 */
export async function launchProfile(userDataDir, options = {}) {
  const context = await chromium.launchPersistentContext(userDataDir, {
    ...LAUNCH,
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    ...options,
  });
  openProfiles.add(context);
  context.on('close', () => openProfiles.delete(context));
  return context;
}

export async function newContext(options = {}) {
  return browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo', ...options });
}

/** Saves a screenshot under tests/e2e/artifacts/ for a person to look at. */
export async function screenshot(page, name, { fullPage = false } = {}) {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: new URL(`${name}.png`, ARTIFACTS).pathname, fullPage });
}

/** Waits until the locator's whole text is `text` (rendering follows a key press a moment later). */
export async function expectText(locator, text) {
  const exact = new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
  await locator.filter({ hasText: exact }).first().waitFor();
}

/** The shipped catalog with this id, as committed. */
/** Waits until the item list has drawn every item it shows: it draws the first rows at once, the rest after a paint. */
export async function allItemsDrawn(page) {
  await page.waitForFunction(() => document.querySelectorAll('li.item').length === Number(document.querySelector('.shown-count')?.textContent));
}

export function shippedCatalog(id) {
  return JSON.parse(readFileSync(new URL(`../../crates/core/data/${id}.json`, import.meta.url), 'utf8'));
}

/** Text folded the way the engine's search folds it (NFKC, lower case). */
export const fold = (text) => text.normalize('NFKC').toLowerCase();

/** The entries of a zip file (stored or deflated), by name. */
export function unzip(bytes) {
  const files = new Map();
  let end = bytes.length - 22;
  while (bytes.readUInt32LE(end) !== 0x06054b50) end--;
  let at = bytes.readUInt32LE(end + 16);
  for (let n = bytes.readUInt16LE(end + 10); n > 0; n--) {
    const method = bytes.readUInt16LE(at + 10);
    const size = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extra = bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(start, start + size);
    files.set(name, method === 8 ? inflateRawSync(data) : data);
    at += 46 + nameLength + extra;
  }
  return files;
}
