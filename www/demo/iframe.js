// The host side of the iframe API: when embed.html says it is ready, send it the published
// answers (fetched from this site), follow its height, and show what it reports. It asks once
// whether embed.html is ready, in case that was said before this script ran.
const frame = document.getElementById('tekigo-frame');
const appOrigin = frame.dataset.appOrigin;
const status = document.getElementById('iframe-status');

window.addEventListener('message', async (event) => {
  if (event.origin !== appOrigin || event.source !== frame.contentWindow) return;
  const message = event.data ?? {};
  if (message.type === 'tekigo-ready') {
    const published = await (await fetch('tekigo/kirin-karte_public.json')).text();
    frame.contentWindow.postMessage({ type: 'tekigo-load', published }, appOrigin);
  } else if (message.type === 'tekigo-resize') {
    frame.style.height = `${Math.ceil(message.height) + 4}px`;
  } else if (message.type === 'tekigo-event') {
    status.textContent = `tekigo-${message.name}: ${message.detail}`;
  }
});
frame.contentWindow?.postMessage({ type: 'tekigo-ping' }, appOrigin);
