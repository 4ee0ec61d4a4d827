// tekigo's service worker: one complete, verified set of the app's files per build.
//
// `cargo xtask dist` stamps MANIFEST with the build's version, its id and the SHA-256 of every
// file. Installing fetches every file past the HTTP cache and keeps the set, in a cache named
// after the build, only if each answer is `ok` and has the stamped hash: a deploy caught half
// way, a 404 or a dropped connection fails the install, and the old build goes on serving.
// The app's files are served from the controlling build's set, never from the network first,
// so JS and wasm always come from one build and a silent network cannot hold the start.
// A new build waits until the page asks for it (the user's click, see updates.js); once
// active, it drops the other builds' caches and takes every open page of the app, a first
// visit's too, so that from then on each page's next build is offered. Other origins are never touched, and no data of an
// assessment passes through here (it lives in IndexedDB, which updates leave alone).
const MANIFEST = /* stamped by cargo xtask dist */ null;
const PREFIX = 'tekigo-';
const CACHE = `${PREFIX}${MANIFEST?.build}`;

self.addEventListener('install', (event) => {
  event.waitUntil(keepCompleteSet());
});

self.addEventListener('activate', (event) => {
  event.waitUntil(dropOtherBuilds().then(() => self.clients.claim()));
});

self.addEventListener('message', (event) => {
  if (event.data === 'skipWaiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const file = appFile(event.request);
  if (file) event.respondWith(serve(file, event.request));
});

async function keepCompleteSet() {
  if (!MANIFEST) throw new Error('sw.js was not stamped by cargo xtask dist');
  const files = await Promise.all(Object.entries(MANIFEST.files).map(fetchVerified));
  const cache = await caches.open(CACHE);
  try {
    await Promise.all(files.map(({ url, response }) => cache.put(url, response)));
    // Another build's activation may have dropped this cache meanwhile: then fail, and retry later.
    const kept = await caches.open(CACHE).then((named) => named.keys());
    if (kept.length !== files.length) throw new Error(`build ${MANIFEST.build}: cache incomplete`);
  } catch (error) {
    await caches.delete(CACHE);
    throw error;
  }
}

/** One file of the manifest, fetched from the server and checked against its stamped hash. */
async function fetchVerified([path, hash]) {
  const url = scoped(path);
  const response = await fetch(url, { cache: 'reload' });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  const body = await response.arrayBuffer();
  if ((await sha256(body)) !== hash) throw new Error(`${path} is not the file of build ${MANIFEST.build}`);
  const type = response.headers.get('Content-Type');
  return { url, response: new Response(body, { headers: type ? { 'Content-Type': type } : {} }) };
}

async function dropOtherBuilds() {
  const names = await caches.keys();
  await Promise.all(
    names.filter((name) => name.startsWith(PREFIX) && name !== CACHE).map((name) => caches.delete(name)),
  );
}

/** The manifest path a request asks for (the scope itself is index.html), or null. */
function appFile(request) {
  if (!MANIFEST || request.method !== 'GET') return null;
  const url = new URL(request.url);
  const scope = new URL(self.registration.scope);
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return null;
  const path = url.pathname.slice(scope.pathname.length) || 'index.html';
  return Object.hasOwn(MANIFEST.files, path) ? path : null;
}

async function serve(path, request) {
  const cached = await caches.open(CACHE).then((cache) => cache.match(scoped(path)));
  // Only if the browser dropped the set: the network, as a page without a worker would.
  return cached ?? fetch(request);
}

function scoped(path) {
  return new URL(path, self.registration.scope).href;
}

async function sha256(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
