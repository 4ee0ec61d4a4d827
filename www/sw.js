// tekigo's service worker: keeps the app's own files so the page opens without a network.
// Network first, cache as fallback: online, every load gets what the server has now (one
// build, all files together); offline, the files of the last load. Other origins are never
// touched, and no data of an assessment passes through here (it lives in IndexedDB).
const CACHE = 'tekigo-app';
const FILES = [
  './',
  './index.html',
  './boot.js',
  './tekigo-web.js',
  './tekigo-web_bg.wasm',
  './style.css',
  './icon.svg',
  './manifest.webmanifest',
];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
        }
        return response;
      })
      .catch(() =>
        caches
          .match(request, { ignoreSearch: true })
          .then((cached) => cached ?? caches.match('./index.html')),
      ),
  );
});
