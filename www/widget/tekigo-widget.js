// <tekigo-checker>: a vendor's published answers on any page, read-only, in a shadow root of
// its own. One module script loads it; the wasm, the stylesheet and the catalogs are found
// next to this file, so the folder can be hosted under any path.
//
//   <script type="module" src="/tekigo/widget/tekigo-widget.js"></script>
//   <tekigo-checker src="/tekigo/kirin-karte_public.json" lang="ja"></tekigo-checker>
//
// Attributes: src (the published answers), catalog (a catalog file; by default
// catalogs/<id>.json next to this file), lang (ja | en), mode (reference: read-only, the only
// mode), app (the address of a tekigo the hospital controls, which the "start our own check"
// button opens and hands the answers to). Property: assessment (the answers shown, as a plain
// object). Method: load(answers, catalogUrl?). Events: tekigo-load, tekigo-error,
// tekigo-start-own-check (bubbling, composed).
const base = new URL('./', import.meta.url);
let engine;

/** The widget's wasm, started once for every element on the page. */
function start() {
  engine ??= import(new URL('./tekigo_widget.js', base).href).then(async (module) => {
    await module.default({ module_or_path: new URL('./tekigo_widget_bg.wasm', base) });
    return module;
  });
  return engine;
}

const resolve = (value) => (value ? new URL(value, document.baseURI).href : undefined);

class TekigoChecker extends HTMLElement {
  static observedAttributes = ['src', 'catalog', 'lang', 'mode', 'app'];
  #view;
  #container;

  connectedCallback() {
    if (!this.#container) {
      const root = this.attachShadow({ mode: 'open' });
      const style = document.createElement('link');
      style.rel = 'stylesheet';
      style.href = new URL('./widget.css', base).href;
      this.#container = document.createElement('div');
      this.#container.className = 'tk-host';
      root.append(style, this.#container);
    }
    start()
      .then((module) => {
        this.#view ??= new module.ReferenceView(this.#container, this, base.href);
        this.#configure();
      })
      .catch((error) => this.#failed(error));
  }

  attributeChangedCallback() {
    this.#configure();
  }

  /** The published answers shown now, as a plain object; null before any are shown. */
  get assessment() {
    return this.#view ? this.#view.assessment() : null;
  }

  /** Shows published answers given as an object or JSON text, with their catalog's address. */
  async load(answers, catalogUrl) {
    await start();
    this.#view?.load(typeof answers === 'string' ? answers : JSON.stringify(answers), resolve(catalogUrl));
  }

  #configure() {
    this.#view?.configure(
      resolve(this.getAttribute('src')),
      resolve(this.getAttribute('catalog')),
      this.getAttribute('lang') ?? undefined,
      resolve(this.getAttribute('app')),
    );
  }

  /** Said in the widget itself when its wasm cannot start (e.g. a CSP without 'wasm-unsafe-eval'). */
  #failed(error) {
    const message = document.createElement('p');
    message.className = 'tk-message tk-error';
    message.setAttribute('role', 'alert');
    message.textContent =
      'tekigo ウィジェットを起動できませんでした。 / The tekigo widget could not start. (' + String(error) + ')';
    this.#container.replaceChildren(message);
    this.dispatchEvent(new CustomEvent('tekigo-error', { detail: String(error), bubbles: true, composed: true }));
  }
}

if (!customElements.get('tekigo-checker')) customElements.define('tekigo-checker', TekigoChecker);
