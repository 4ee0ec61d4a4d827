// Starts the app without an inline script, so the page's CSP can forbid them.
import init, { mount } from './tekigo-web.js';

await init({ module_or_path: new URL('./tekigo-web_bg.wasm', import.meta.url) });
const root = document.getElementById('app');
root.replaceChildren();
mount(root);
