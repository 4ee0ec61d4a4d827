// The page's side of updates (the files themselves are sw.js's): shows the running version
// from version.json, registers the service worker (which, as the page loads, is when the
// browser looks for a new build — never later: after loading, the page asks nothing of the
// network), and offers a build that is installed and waiting —
// 「新しい版があります」 — switching to it only on the user's click. Tabs still running the old
// build follow by reloading. Over file:// there is no service worker and nothing to offer.
let reloading = false;

export async function watch() {
  showVersion();
  if (!('serviceWorker' in navigator) || !location.protocol.startsWith('http')) return;
  const registration = await navigator.serviceWorker.register(new URL('./sw.js', import.meta.url), {
    scope: './',
  });
  offerWaitingBuild(registration);
  registration.addEventListener('updatefound', () => {
    const worker = registration.installing;
    worker?.addEventListener('statechange', () => {
      if (worker.state === 'installed') offerWaitingBuild(registration);
    });
  });
  // Another tab switched builds: this one runs the old build's code, so it follows. (The first
  // worker taking over a page is no switch.)
  let controller = navigator.serviceWorker.controller;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (controller) reload();
    controller = navigator.serviceWorker.controller;
  });
}

/** The footer line naming the running build, e.g. "tekigo 0.1.0 · build 3f9a0c1b2d4e". */
async function showVersion() {
  try {
    const response = await fetch(new URL('./version.json', import.meta.url));
    if (!response.ok) return;
    const { version, build } = await response.json();
    footer().querySelector('.build-info').textContent = `tekigo ${version} · build ${build}`;
  } catch {
    // Without version.json (a build not stamped by xtask) there is nothing to show.
  }
}

/** Offers the waiting build, if there is one and it would replace a running one. */
function offerWaitingBuild(registration) {
  if (!registration.waiting || !registration.active) return;
  const banner = footer().querySelector('.update-banner');
  const update = button('更新する / Update', 'primary', () => {
    update.disabled = true;
    const waiting = registration.waiting;
    if (!waiting) return reload();
    waiting.addEventListener('statechange', () => waiting.state === 'activated' && reload());
    waiting.postMessage('skipWaiting');
  });
  const later = button('あとで / Later', '', () => banner.replaceChildren());
  const text = document.createElement('span');
  text.textContent = '新しい版があります / A new version is available';
  banner.replaceChildren(text, update, later);
}

/** The page's footer, outside the app's element: the update offer and the running version. */
function footer() {
  let footer = document.querySelector('body > .page-footer');
  if (!footer) {
    footer = document.createElement('footer');
    footer.className = 'page-footer';
    // A live region, present and empty until something is offered, so the offer is announced.
    const banner = document.createElement('div');
    banner.className = 'update-banner';
    banner.setAttribute('role', 'status');
    const info = document.createElement('p');
    info.className = 'build-info';
    footer.append(banner, info);
    document.body.append(footer);
  }
  return footer;
}

function button(label, className, onClick) {
  const node = document.createElement('button');
  node.type = 'button';
  node.textContent = label;
  if (className) node.className = className;
  node.addEventListener('click', onClick);
  return node;
}

function reload() {
  if (reloading) return;
  reloading = true;
  location.reload();
}
