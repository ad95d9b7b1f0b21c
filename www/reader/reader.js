// The reader: where the bookmarklet sends an article whose own page does not allow the
// highlighter to run. It takes the article (title, URL, text) by postMessage from the page that
// opened it, shows it as plain text (never as HTML), and highlights it with the reader's active
// actor list (kept in this origin's localStorage, as the install page keeps it); "Actor lists"
// opens the list editor, and the sidebar switches lists and adds names to them.
import { editLists, highlight } from '../article-highlighter.js';
import { ActorLists, localStorageLists } from '../lists.js';
/** More text than any article; a bigger message is refused rather than frozen on. */
const MAX_TEXT = 10 * 1024 * 1024;

const article = document.getElementById('article');
const why = document.getElementById('why');
let session = null;

async function readerLists() {
  const sample = await (await fetch(new URL('../demo/actors.json', import.meta.url))).json();
  return ActorLists.open(localStorageLists(), sample);
}

/** Opens the list editor over the page; once closed, the article is highlighted with the active list. */
async function openLists() {
  const lists = await readerLists();
  if (!(await editLists(lists)) || !session) return;
  session.remove();
  session = await highlight(null, { root: article, lists });
}
document.getElementById('edit-lists').addEventListener('click', openLists);

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
  session = await highlight(null, { root: article, lists: await readerLists() });
  document.documentElement.dataset.ready = 'true';
});

window.opener?.postMessage('article-highlighter-ready', '*');
