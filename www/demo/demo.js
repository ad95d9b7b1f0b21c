// The demo: highlights the sample article on load; the button removes and restores the highlights.
// `?paint=marks` paints with <mark> elements instead of the CSS Custom Highlight API.
import { highlight } from '../article-highlighter.js';

const config = await (await fetch(new URL('./actors.json', import.meta.url))).json();
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
    current = await highlight(config, { root, paint: mode });
    button.textContent = 'Remove highlights';
  }
  // For the browser tests and for anyone poking at the demo from the console.
  window.articleHighlighter = current;
  window.articleHighlighterDemo = { highlight, config };
}

button.addEventListener('click', toggle);
await toggle();
document.documentElement.dataset.ready = 'true';
