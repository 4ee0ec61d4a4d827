// Updates that never break a page. A build deployed under a running page is offered, not
// forced, and mixes no files (the two builds' JS and wasm cannot run together, so a mix would
// not start); a deploy caught with a failed wasm request is not installed; a server that never
// answers does not hold the start; a start that fails says so, with a way out. Each test runs
// its own server (deploys.mjs) and deploys under the page.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, test } from 'node:test';
import { buildId, copyBuild, nextBuild, startServer } from './deploys.mjs';
import { appStarted, newContext, record, screenshot, useBrowser } from './harness.mjs';

useBrowser();

const first = copyBuild();
const second = nextBuild(first, 'b2');
after(() => [first, second].forEach((folder) => rmSync(folder, { recursive: true, force: true })));
const FIRST = buildId(first);
const SECOND = buildId(second);
const OFFER = '新しい版があります';

/**
 * A fresh profile on `server`'s page, recording problems. `visited` waits until the app runs
 * (pointed at, on the first screen of a browser that holds nothing yet) and the service worker,
 * its files kept, has taken the page.
 */
async function open(server, t, { visited = true } = {}) {
  const context = await newContext();
  t.after(() => context.close());
  const page = await context.newPage();
  const { problems } = record(page);
  await page.goto(server.url);
  if (visited) {
    await appStarted(page);
    await page.evaluate(
      () =>
        navigator.serviceWorker.controller ??
        new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true })),
    );
  }
  return { context, page, problems };
}

async function serve(folder, t) {
  const server = await startServer(folder);
  t.after(() => server.close());
  return server;
}

/** Waits until the page runs the app and names `build` as the one running. */
async function runs(page, build) {
  await appStarted(page);
  await page.locator('.build-info', { hasText: `build ${build}` }).waitFor();
}

/**
 * The check for a new build that the browser makes when the page opens, made now: resolves with what
 * became of the new build, 'installed' (complete, waiting) or 'redundant' (not installed).
 */
function checkForUpdate(page) {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    const outcome = new Promise((resolve) => {
      registration.addEventListener(
        'updatefound',
        () => {
          const worker = registration.installing;
          const settled = () => ['installed', 'redundant'].includes(worker.state) && resolve(worker.state);
          worker.addEventListener('statechange', settled);
          settled();
        },
        { once: true },
      );
    });
    await registration.update();
    return outcome;
  });
}

/** The names of the caches the service worker keeps: one per complete build. */
const keptBuilds = (page) => page.evaluate(() => caches.keys());

/**
 * A person's first action on the first screen of a browser that holds nothing yet: the app is
 * fetched then, so this is when a start fails or stalls.
 */
async function startChecking(page) {
  await page.getByRole('button', { name: /新しい評価を開始: 医療情報を受託管理する/ }).click();
}

async function saveAssessment(page, name) {
  await page.getByRole('button', { name: /新しい評価を開始: 医療情報を受託管理する/ }).click();
  await page.getByLabel('評価対象プロダクト名').fill(name);
  await page.locator('.save-state[data-pending="false"]').waitFor();
  await page.getByRole('button', { name: '評価の一覧' }).click();
}

test('a new build deployed under a running page is offered, not forced, and mixes no files', async (t) => {
  const server = await serve(first, t);
  const { context, page, problems } = await open(server, t);
  await runs(page, FIRST);
  await saveAssessment(page, '更新前の評価');

  server.deploy(second);
  assert.equal(await checkForUpdate(page), 'installed');
  const banner = page.locator('.update-banner');
  await banner.getByText(OFFER).waitFor();
  await screenshot(page, 'update-offered');

  // Not forced: reloaded, the page still runs the build it had, and offers the new one again.
  await page.reload();
  await runs(page, FIRST);
  await banner.getByText(OFFER).waitFor();

  // On the user's click, the new build runs, whole, with the saved work.
  await banner.getByRole('button', { name: /更新する/ }).click();
  await runs(page, SECOND);
  await page.locator('.saved', { hasText: '更新前の評価' }).waitFor();
  assert.equal(await page.getByText(OFFER).count(), 0);

  // And it starts offline from its own set of files.
  await context.setOffline(true);
  await page.reload();
  await runs(page, SECOND);
  await page.locator('.saved', { hasText: '更新前の評価' }).waitFor();
  assert.deepEqual(await keptBuilds(page), [`tekigo-${SECOND}`]);
  assert.deepEqual(problems, []);
});

test('a deploy whose wasm request fails is not installed: the old build keeps running, also offline', async (t) => {
  const server = await serve(first, t);
  const { context, page, problems } = await open(server, t);
  server.deploy(second);
  for (const failure of ['404', 'reset']) {
    server.fail('tekigo-web_bg.wasm', failure);
    assert.equal(await checkForUpdate(page), 'redundant', `wasm ${failure}`);
    await page.reload();
    await runs(page, FIRST);
    assert.equal(await page.getByText(OFFER).count(), 0, `wasm ${failure}`);
    assert.deepEqual(await keptBuilds(page), [`tekigo-${FIRST}`], `wasm ${failure}`);
  }
  await context.setOffline(true);
  await page.reload();
  await runs(page, FIRST);
  await context.setOffline(false);

  // Once the deploy is whole, it is offered and runs.
  server.heal();
  assert.equal(await checkForUpdate(page), 'installed');
  await page.locator('.update-banner').getByRole('button', { name: /更新する/ }).click();
  await runs(page, SECOND);
  assert.deepEqual(problems, []);
});

test('a server that accepts connections but never answers does not hold the start', async (t) => {
  const server = await serve(first, t);
  const { page, problems } = await open(server, t);
  server.hang();
  await page.reload({ timeout: 3000 });
  await runs(page, FIRST);
  assert.deepEqual(problems, []);
});

test('a start that fails says so when a person acts, with a reload button, instead of 「読み込み中…」', async (t) => {
  const server = await serve(first, t);
  server.fail('tekigo-web_bg.wasm', '404');
  const { page, problems } = await open(server, t, { visited: false });
  await startChecking(page);
  await page.getByRole('heading', { name: 'tekigo を起動できませんでした' }).waitFor();
  await screenshot(page, 'start-failed');
  assert.equal(await page.getByText('読み込み中…').count(), 0);
  assert.equal(await page.getByRole('button', { name: /キャッシュ済みの版を使う/ }).count(), 0, 'nothing is kept yet');

  server.heal();
  await page.getByRole('button', { name: '再読み込み / Reload' }).click();
  await runs(page, FIRST);
  assert.ok(
    problems.every((problem) => /404|tekigo could not start/.test(problem)),
    problems.join('\n'),
  );
});

test('a start that stalls says so 3 s after a person acts, with a reload button', async (t) => {
  const server = await serve(first, t);
  server.fail('tekigo-web_bg.wasm', 'hang');
  const { page, problems } = await open(server, t, { visited: false });
  await startChecking(page);
  await page.getByRole('heading', { name: '読み込みに時間がかかっています' }).waitFor({ timeout: 5000 });
  await page.getByRole('button', { name: '再読み込み / Reload' }).waitFor();
  await screenshot(page, 'start-slow');
  assert.deepEqual(problems, []);
});

test('a hard reload during a broken deploy offers the cached version, which starts', async (t) => {
  const server = await serve(first, t);
  const { context, page, problems } = await open(server, t);
  server.deploy(second);
  server.fail('tekigo-web_bg.wasm', '404');
  // Ctrl+Shift+R: the page bypasses the service worker and gets the broken deploy.
  const devtools = await context.newCDPSession(page);
  await devtools.send('Page.reload', { ignoreCache: true });
  await page.getByRole('heading', { name: 'tekigo を起動できませんでした' }).waitFor();
  await screenshot(page, 'start-failed-cached');
  await page.getByRole('button', { name: /キャッシュ済みの版を使う/ }).click();
  await runs(page, FIRST);
  assert.ok(
    problems.every((problem) => /404|tekigo could not start/.test(problem)),
    problems.join('\n'),
  );
});
