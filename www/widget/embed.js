// embed.html: the widget in an iframe, for host pages whose CSP cannot allow wasm. The host
// lists the origins it may be embedded by in the address (embed.html?origins=https://a.example,
// https://b.example) and talks to it with postMessage; messages from any other origin are
// ignored, and nothing is ever sent to one.
//
// Messages in:  {type: 'tekigo-load', published: <object or JSON text>, catalog?: <URL>}
//               {type: 'tekigo-get'}  → answered with {type: 'tekigo-assessment', assessment}
//               {type: 'tekigo-ping'} → answered with {type: 'tekigo-ready'} (for a host whose
//                                       script ran after this page said it was ready)
// Messages out: {type: 'tekigo-ready'} once listening, {type: 'tekigo-resize', height},
//               {type: 'tekigo-event', name: 'load' | 'error' | 'start-own-check', detail}
// Address parameters: origins, src (answers next to this page), catalog, lang, app.
const params = new URLSearchParams(location.search);
const allowed = (params.get('origins') ?? '')
  .split(',')
  .map((origin) => origin.trim())
  .filter((origin) => origin && origin !== '*');
const element = document.querySelector('tekigo-checker');
for (const name of ['src', 'catalog', 'lang', 'app']) {
  if (params.has(name)) element.setAttribute(name, params.get(name));
}

function tell(message) {
  if (window.parent === window) return;
  for (const origin of allowed) window.parent.postMessage(message, origin);
}

window.addEventListener('message', async (event) => {
  if (event.source !== window.parent || !allowed.includes(event.origin)) return;
  const message = event.data ?? {};
  if (message.type === 'tekigo-load') {
    await element.load(message.published, message.catalog);
  } else if (message.type === 'tekigo-ping') {
    window.parent.postMessage({ type: 'tekigo-ready' }, event.origin);
  } else if (message.type === 'tekigo-get') {
    window.parent.postMessage({ type: 'tekigo-assessment', assessment: element.assessment }, event.origin);
  }
});

for (const name of ['load', 'error', 'start-own-check']) {
  element.addEventListener(`tekigo-${name}`, (event) => tell({ type: 'tekigo-event', name, detail: event.detail }));
}
new ResizeObserver(() => tell({ type: 'tekigo-resize', height: document.documentElement.scrollHeight })).observe(document.body);
tell({ type: 'tekigo-ready' });
