// Starts tekigo without an inline script, so the page's CSP can forbid them.
//
// A start that fails (a file missing or from another build, the wasm refused) or that is not
// done after PATIENCE_MS replaces 「読み込み中…」 with a message and a way out: reload, or run
// the complete set of files the service worker keeps. This file imports nothing statically,
// so that it runs, and can explain, whatever else fails to load. Updates and the version
// shown are updates.js's; it is loaded once the start has settled.
const PATIENCE_MS = 3000;
const root = document.getElementById('app');
let started = false;
let explained = 0; // explanations begun; only the newest is shown

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

const patience = setTimeout(() => explain(SLOW), PATIENCE_MS);
try {
  const { default: init, mount } = await import('./tekigo-web.js');
  await init({ module_or_path: new URL('./tekigo-web_bg.wasm', import.meta.url) });
  root.replaceChildren();
  mount(root);
  started = true;
} catch (error) {
  console.error('tekigo could not start:', error);
  explain(FAILED, String(error));
} finally {
  clearTimeout(patience);
}
import('./updates.js')
  .then((updates) => updates.watch())
  .catch(() => {
    // The app runs without it; only updates and the shown version are missing.
  });

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
