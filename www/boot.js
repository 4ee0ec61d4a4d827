// Starts the app without an inline script, so the page's CSP can forbid them.
import init, { mount } from './tekigo-web.js';

await init({ module_or_path: new URL('./tekigo-web_bg.wasm', import.meta.url) });
const root = document.getElementById('app');
root.replaceChildren();
mount(root);

// Served over http(s), keep the app's files for offline use (see sw.js). Not from file://.
if ('serviceWorker' in navigator && location.protocol.startsWith('http')) {
  navigator.serviceWorker.register(new URL('./sw.js', import.meta.url), { scope: './' }).catch(() => {
    // Without a service worker the app still works online; nothing to tell the user.
  });
}
