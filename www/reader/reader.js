// The reader: where the bookmarklet sends an article whose own page does not allow the
// highlighter to run. It takes the article (title, URL, text) by postMessage from the page that
// opened it, shows it as plain text (never as HTML), and highlights it with the reader's actors.
import { highlight } from '../article-highlighter.js';

const STORAGE_KEY = 'article-highlighter-config';
/** More text than any article; a bigger message is refused rather than frozen on. */
const MAX_TEXT = 10 * 1024 * 1024;

const article = document.getElementById('article');
const why = document.getElementById('why');
let session = null;

async function readerConfig() {
  const saved = localStorage.getItem(STORAGE_KEY);
  return saved ? JSON.parse(saved) : (await fetch(new URL('../demo/actors.json', import.meta.url))).json();
}

function element(tag, text) {
  const el = document.createElement(tag);
  el.textContent = text;
  return el;
}

/** Shows the article: its title, a link to where it came from (http and https only), its paragraphs. */
function show({ title, url, text }) {
  const source = element('p', '');
  source.className = 'source';
  const href = URL.canParse(url) ? new URL(url) : null;
  if (href && (href.protocol === 'https:' || href.protocol === 'http:')) {
    const link = element('a', href.href);
    link.href = href.href;
    link.rel = 'noreferrer noopener';
    source.append('From ', link);
  }
  const paragraphs = text.split(/\n+/).map((line) => line.trim()).filter(Boolean).map((line) => element('p', line));
  article.replaceChildren(element('h1', title || 'Untitled article'), source, ...paragraphs);
  document.title = `${title} — Article Highlighter reader`;
}

window.addEventListener('message', async (event) => {
  const data = event.data;
  const valid = data?.type === 'article-highlighter-article' && typeof data.text === 'string'
    && typeof data.title === 'string' && typeof data.url === 'string' && data.text.length <= MAX_TEXT;
  if (!valid || event.source !== window.opener) return;
  session?.remove();
  show(data);
  why.textContent = '· the article’s own page does not allow scripts from other sites, so it is shown here.';
  session = await highlight(await readerConfig(), { root: article });
  document.documentElement.dataset.ready = 'true';
});

window.opener?.postMessage('article-highlighter-ready', '*');
