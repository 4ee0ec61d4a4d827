// Starts tekigo without an inline script, so the page's CSP can forbid them.
//
// Where tekigo has not run yet (nothing stored, no setting, no hand-over), the first screen is
// shown at once: the build rendered it from the app's own components into
// <template id="first-screen">. The app's glue and wasm are fetched only when a person points at
// it or moves the focus into it; the app then starts out of sight beside it. The first click on
// a button or file chosen there shows the app in its place and is carried out on the app's own
// element. Anywhere else the app starts straight away.
//
// While the wasm arrives, 「読み込み中…」 says how much of it has (a slow hospital line takes
// seconds). A start that fails (a file missing or from another build, the wasm refused) or
// during which nothing has arrived for PATIENCE_MS replaces what is shown with a message and a
// way out: reload, or run the complete set of files the service worker keeps. This file
// imports nothing statically, so that it runs, and can explain, whatever else fails to load.
// Updates and the version shown are updates.js's; it is loaded once the app has started.
const PATIENCE_MS = 3000;
/** How long the first screen's action waits for its element in the started app before it is given up. */
const REPLAY_PATIENCE_MS = 10000;
/** How long the look into IndexedDB may take before the app is started as for a known browser. */
const CHECK_MS = 500;
const root = document.getElementById('app');
let started = false;
let loading = null; // the app's glue and wasm, once asked for
let explained = 0; // explanations begun; only the newest is shown
/** How much of the wasm has arrived (`total` 0 when the server does not say), and when the last of it did. */
const arrival = { received: 0, total: 0, at: 0 };

/** What the page says, in Japanese then English, when the start fails or stalls. */
const FAILED = {
  title: ['tekigo を起動できませんでした', 'tekigo could not start'],
  text: [
    'アプリのファイルを読み込めなかったか、異なる版のファイルが混ざっています。入力済みの評価はこのブラウザに保存されたままです。',
    'The app’s files could not be loaded, or files of different versions were mixed. Your saved assessments stay in this browser.',
  ],
};
const SLOW = {
  title: ['読み込みに時間がかかっています', 'Loading is taking longer than usual'],
  text: [
    'サーバーが応答していない可能性があります。入力済みの評価はこのブラウザに保存されたままです。',
    'The server may not be answering. Your saved assessments stay in this browser.',
  ],
};

const firstScreen = document.getElementById('first-screen')?.content;
if (firstScreen?.childElementCount && (await holdsNothing())) {
  showFirstScreen(firstScreen);
} else {
  await startHere();
  watchUpdates();
}

/** Loads updates.js: the service worker, a new build's offer and the version shown. */
function watchUpdates() {
  import('./updates.js')
    .then((updates) => updates.watch())
    .catch(() => {
      // The app runs without it; only updates and the shown version are missing.
    });
}

/** The app's glue with its wasm instantiated, fetched once (again after a failure). */
function loadApp() {
  loading ??= (async () => {
    // The wasm and the data files' index, which the app reads first, come with the glue.
    Object.assign(arrival, { received: 0, total: 0, at: 0 });
    const wasm = fetch(new URL('./tekigo-web_bg.wasm', import.meta.url)).then(countArrival);
    const index = document.createElement('link');
    Object.assign(index, { rel: 'preload', href: 'data/index.json', as: 'fetch', crossOrigin: 'anonymous' });
    document.head.append(index);
    const glue = await import('./tekigo-web.js');
    await glue.default({ module_or_path: wasm });
    return glue;
  })().catch((error) => {
    loading = null;
    throw error;
  });
  return loading;
}

/**
 * Counts `response`'s body into `arrival` as it comes, on a copy, so that the wasm is compiled
 * from the response as fetched (the browser keeps its compiled code for the next start).
 */
function countArrival(response) {
  if (!response.ok || !response.body) return response;
  // A compressed body's length is not the length of what is read.
  arrival.total = response.headers.has('content-encoding') ? 0 : Number(response.headers.get('content-length')) || 0;
  const reader = response.clone().body.getReader();
  const read = () =>
    reader.read().then(({ done, value }) => {
      if (done) return;
      arrival.received += value.byteLength;
      arrival.at = performance.now();
      showArrival();
      read();
    }, () => {
      // The fetch failed; instantiating the response says so.
    });
  read();
  return response;
}

/**
 * Writes how much of the wasm has arrived into every 「読み込み中…」 line of this file's, in
 * steps of 10% (or half a megabyte), so that a screen reader is not told every chunk.
 */
function showArrival() {
  if (!arrival.received) return;
  const amount = arrival.total
    ? `${Math.min(100, Math.floor((arrival.received * 10) / arrival.total) * 10)}%`
    : `${(Math.floor(arrival.received / 524288) / 2).toFixed(1)} MB`;
  const text = `読み込み中… ${amount} / Loading… ${amount}`;
  for (const line of root.querySelectorAll('.loading[data-arrival]')) {
    if (line.textContent !== text) line.textContent = text;
  }
}

/** Mounts the app in `element`, in place of what it holds. */
async function mountIn(element) {
  const { mount } = await loadApp();
  element.replaceChildren();
  mount(element);
  started = true;
}

/** Starts the app on the page, saying so when it fails or stalls. */
async function startHere() {
  await patiently(() => mountIn(root));
}

/**
 * Runs `starting`, explaining a failure, or PATIENCE_MS in which nothing of the wasm arrived;
 * true when it started.
 */
async function patiently(starting) {
  const since = performance.now();
  const patience = setInterval(() => {
    if (performance.now() - Math.max(since, arrival.at) < PATIENCE_MS) return;
    clearInterval(patience);
    explain(SLOW);
  }, 250);
  try {
    await starting();
    return true;
  } catch (error) {
    console.error('tekigo could not start:', error);
    explain(FAILED, String(error));
    return false;
  } finally {
    clearInterval(patience);
  }
}

/**
 * Whether tekigo has not run in this browser — no saved assessment, catalog, setting or open
 * tab — and the page was not opened for a hand-over: then the app's first screen is the one
 * the build rendered. When in doubt (no answer within CHECK_MS), no.
 */
async function holdsNothing() {
  try {
    if (location.hash) return false;
    for (const storage of [localStorage, sessionStorage]) {
      for (let i = 0; i < storage.length; i++) if (storage.key(i)?.startsWith('tekigo')) return false;
    }
    const databases = await Promise.race([
      indexedDB.databases(),
      new Promise((_, late) => setTimeout(late, CHECK_MS)),
    ]);
    return !databases.some((database) => database.name?.startsWith('tekigo'));
  } catch {
    return false;
  }
}

/**
 * Shows the built first screen. A pointer over it or the focus in it starts the app out of
 * sight beside it (it then reads its data ahead, as on its own start screen). The first click
 * on a button or file chosen is the one action the first screen takes: it shows the app in its
 * place, and carries the action out there on the app's own button or file field. Another tab
 * starting the app (it then stores a setting) shows it here too: this screen is only for a
 * browser where tekigo has not run.
 */
function showFirstScreen(screen) {
  const shown = document.createElement('div');
  shown.className = 'first-screen';
  shown.append(screen.cloneNode(true));
  root.replaceChildren(shown);
  let behind = null;
  let mounted = null; // the app, once it runs behind this screen
  const startBehind = () =>
    (behind ??= (async () => {
      const app = document.createElement('div');
      app.hidden = true;
      root.append(app);
      try {
        await mountIn(app);
      } catch (error) {
        app.remove();
        behind = null;
        throw error;
      }
      watchUpdates();
      mounted = app;
      return app;
    })());
  const reveal = (app) => {
    shown.remove();
    app.hidden = false;
    // Put back if a slow start's explanation took its place meanwhile.
    if (!app.isConnected) root.replaceChildren(app);
  };
  const interest = () => startBehind().catch(() => {
    // Said if a person acts and it still does not start.
  });
  for (const kind of ['pointerover', 'focusin', 'touchstart']) {
    shown.addEventListener(kind, interest, { once: true, passive: true });
  }
  addEventListener('storage', (event) => {
    if (shown.isConnected && event.key?.startsWith('tekigo')) startBehind().then(reveal, () => {});
  });
  const act = (find, carryOut) => {
    if (shown.inert) return;
    shown.inert = true;
    // Shows `app` here; then the action, on its element `target` when that was found.
    const perform = (app, target) => {
      reveal(app);
      if (!target) return;
      target.focus({ preventScroll: true });
      carryOut(target);
    };
    const ready = mounted && find(mounted);
    if (ready) return perform(mounted, ready);
    const busy = element('p', 'loading', '読み込み中… / Loading…');
    busy.setAttribute('role', 'status');
    busy.dataset.arrival = '';
    shown.querySelector('main')?.prepend(busy);
    showArrival();
    carryOutInApp(startBehind, reveal, find, perform);
  };
  shown.addEventListener('click', (event) => {
    const button = event.target.closest?.('button');
    if (!button) return;
    event.preventDefault();
    event.stopPropagation();
    const label = labelOf(button);
    act((app) => findButton(app, label), (target) => target.click());
  }, true);
  shown.addEventListener('change', (event) => {
    const input = event.target;
    if (input.type !== 'file' || !input.files?.length) return;
    const position = [...shown.querySelectorAll('input[type=file]')].indexOf(input);
    const files = input.files;
    act((app) => app.querySelectorAll('input[type=file]')[position], (target) => {
      target.files = files;
      target.dispatchEvent(new Event('change', { bubbles: true }));
    });
  }, true);
}

/**
 * Waits for the app `startBehind` starts and `find`s there the element of the person's action;
 * shows the app (`reveal`) after PATIENCE_MS with its own state on view if that is not found by
 * then, and hands the app and what was found within REPLAY_PATIENCE_MS, or null, to `perform`.
 */
async function carryOutInApp(startBehind, reveal, find, perform) {
  let app;
  if (!(await patiently(async () => { app = await startBehind(); }))) return;
  const showing = setTimeout(() => reveal(app), PATIENCE_MS);
  const target = await appeared(app, () => find(app));
  clearTimeout(showing);
  perform(app, target);
}

/** What tells a button from the others: its accessible label, else its text. */
function labelOf(button) {
  return button.getAttribute('aria-label') ?? button.textContent.trim();
}

/** The enabled button of `element` labelled `label`, if there is one. */
function findButton(element, label) {
  return [...element.querySelectorAll('button')].find((button) => !button.disabled && labelOf(button) === label);
}

/** What `find` finds in `element` as soon as it is there, or null after REPLAY_PATIENCE_MS. */
function appeared(element, find) {
  return new Promise((resolve) => {
    const found = find();
    if (found) return resolve(found);
    const observer = new MutationObserver(() => {
      const found = find();
      if (found) done(found);
    });
    const timer = setTimeout(() => done(null), REPLAY_PATIENCE_MS);
    const done = (result) => {
      observer.disconnect();
      clearTimeout(timer);
      resolve(result);
    };
    observer.observe(element, { childList: true, subtree: true, attributes: true });
  });
}

async function explain(what, detail) {
  const turn = ++explained;
  const useCached = await cachedVersion();
  const message = element('main', 'boot-trouble');
  message.setAttribute('role', 'alert');
  message.append(
    element('h1', '', what.title[0]),
    element('p', 'boot-en', what.title[1], 'en'),
    element('p', '', what.text[0]),
    element('p', 'boot-en', what.text[1], 'en'),
  );
  const actions = element('p', 'boot-actions');
  actions.append(button('再読み込み / Reload', 'primary', () => location.reload()));
  if (useCached) actions.append(button('キャッシュ済みの版を使う / Use the cached version', '', useCached));
  message.append(actions);
  if (detail) message.append(element('p', 'boot-detail', detail, 'en'));
  // Not if the app started meanwhile, or a newer explanation (failed, after slow) is due.
  if (!started && turn === explained) root.replaceChildren(message);
}

/**
 * How to run a complete set of files kept by the service worker instead of what this page
 * loaded, or null when there is none: a waiting build is switched to; an active one serves a
 * plain reload when this page bypassed it (a first visit, a hard reload).
 */
async function cachedVersion() {
  try {
    const registration = await navigator.serviceWorker?.getRegistration();
    const waiting = registration?.waiting;
    if (waiting) {
      return () => {
        waiting.addEventListener('statechange', () => waiting.state === 'activated' && location.reload());
        waiting.postMessage('skipWaiting');
      };
    }
    if (registration?.active && !navigator.serviceWorker.controller) return () => location.reload();
  } catch {
    // No service worker here (file://): nothing is kept.
  }
  return null;
}

function element(tag, className, text, lang) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  if (lang) node.lang = lang;
  return node;
}

function button(label, className, onClick) {
  const node = element('button', className, label);
  node.type = 'button';
  node.addEventListener('click', onClick);
  return node;
}
