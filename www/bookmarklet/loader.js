// The bookmarklet: a small loader that runs in the reader's page when they click it.
//
// It imports the highlighter from the site hosting it and highlights the article; a second
// click removes everything. A page whose Content-Security-Policy blocks the foreign module, its
// .wasm, or WebAssembly itself cannot run the highlighter at all, so the loader falls back: it
// opens this project's reader page and hands it the article's title, URL and text by
// postMessage (to that origin only), where it is shown highlighted, with a sentence saying why.
// Where the browser blocks that pop-up, the loader puts a button at the top right of the page
// that opens the reader, and goes away when clicked: WebKit (Safari) lets a click open a window
// only until the click's code waits for something, and here it has waited for the import to fail.
//
// `loader` is never called here: its source text becomes the bookmarklet, so it must stand
// alone (no imports, no closures over this module) and stay small.

export function loader(base, config) {
  const key = '__articleHighlighter';
  if (window[key]) {
    window[key].then((session) => session && session.remove());
    delete window[key];
    return;
  }
  const fallback = (why) => {
    const root = document.querySelector('[itemprop=articleBody],article,main') || document.body;
    const article = { type: 'article-highlighter-article', title: document.title, url: location.href, text: root.innerText, why };
    const open = () => {
      const reader = window.open(`${base}reader/`, '_blank');
      const send = (event) => {
        if (event.source !== reader || event.data !== 'article-highlighter-ready') return;
        reader.postMessage(article, new URL(base).origin);
        window.removeEventListener('message', send);
      };
      if (reader) window.addEventListener('message', send);
      return reader;
    };
    document.querySelector('[data-article-highlighter=open-reader]')?.remove();
    if (open()) return;
    const button = document.createElement('button');
    button.setAttribute('data-article-highlighter', 'open-reader');
    button.textContent = `Article Highlighter cannot run on this page (${why}). Open it in the reader`;
    button.style.cssText = 'position:fixed;z-index:2147483647;top:12px;right:12px;max-width:360px;padding:10px 14px;border:0;border-radius:8px;background:#1f2328;color:#fff;font:14px/1.4 system-ui,sans-serif;text-align:left;cursor:pointer';
    button.onclick = () => {
      button.remove();
      open();
    };
    document.body.append(button);
  };
  window[key] = import(`${base}article-highlighter.js`)
    .then((module) => module.highlight(config, { lists: true }))
    .catch((error) => {
      delete window[key];
      fallback(error.message);
      return null;
    });
}

/** The bookmarklet's URL for a highlighter hosted at `base` (ending in /) and a config. */
export function bookmarkletHref(base, config) {
  // The source has no comments inside and ends every statement with a semicolon or a brace, so
  // folding its lines keeps it valid.
  const code = loader.toString().replace(/\n\s*/g, ' ');
  return `javascript:(${encodeURI(code).replace(/#/g, '%23')})(${encodeURIComponent(JSON.stringify(base))},${encodeURIComponent(JSON.stringify(config))});void 0`;
}

/** The loader's own size in bytes, without the config (which the reader chooses). */
export function loaderSize() {
  return new TextEncoder().encode(loader.toString().replace(/\n\s*/g, ' ')).length;
}
