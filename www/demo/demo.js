// The demo: highlights the sample article on load; the button removes and restores the
// highlights, and "Actor lists" opens the list editor on the sample list (kept in memory: the
// demo never changes what the reader keeps in this browser). `?paint=marks` paints with <mark>
// elements instead of the CSS Custom Highlight API.
import { editLists, highlight } from '../article-highlighter.js';
import { ActorLists } from '../lists.js';

const sample = await (await fetch(new URL('./actors.json', import.meta.url))).json();
let kept = null;
const lists = await ActorLists.open({ get: async () => kept, set: async (state) => { kept = state; } }, { name: 'Sample', ...sample });
const root = document.querySelector('article');
const button = document.querySelector('#toggle');
const mode = new URLSearchParams(location.search).get('paint') ?? 'auto';
let current = null;

async function toggle() {
  if (current) {
    current.remove();
    current = null;
    button.textContent = 'Highlight';
  } else {
    current = await highlight(null, { root, paint: mode, lists });
    button.textContent = 'Remove highlights';
  }
  // For the browser tests and for anyone poking at the demo from the console.
  window.articleHighlighter = current;
  window.articleHighlighterDemo = { highlight, config: lists.get() };
}

/** Opens the list editor; once it is closed, the article is highlighted with the active list. */
async function openLists() {
  if (!(await editLists(lists)) || !current) return;
  await toggle();
  await toggle();
}

button.addEventListener('click', toggle);
document.querySelector('#edit-lists').addEventListener('click', openLists);
await toggle();
document.documentElement.dataset.ready = 'true';
