// The bookmarklet: a small loader that runs in the reader's page when they click it.
//
// It imports the highlighter from the site hosting it and highlights the article; a second
// click removes everything. A page whose Content-Security-Policy blocks the foreign module, its
// .wasm, or WebAssembly itself cannot run the highlighter at all, so the loader falls back: it
// opens this project's reader page and hands it the article's title, URL and text by
// postMessage (to that origin only), where it is shown highlighted, with a sentence saying why.
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
    const reader = window.open(`${base}reader/`, '_blank');
    if (!reader) {
      alert(`Article Highlighter cannot run on this page (${why}); allow pop-ups here to read it in its reader.`);
      return;
    }
    const send = (event) => {
      if (event.source !== reader || event.data !== 'article-highlighter-ready') return;
      reader.postMessage(article, new URL(base).origin);
      window.removeEventListener('message', send);
    };
    window.addEventListener('message', send);
  };
  window[key] = import(`${base}article-highlighter.js`)
    .then((module) => module.highlight(config))
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
