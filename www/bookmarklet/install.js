// The install page: keeps the reader's actor list (in this origin's localStorage, which the
// reader page also reads), checks it with the real core, and writes the bookmarklet link.
import { highlighterFor } from '../core.js';
import { bookmarkletHref, loaderSize } from './loader.js';

const STORAGE_KEY = 'article-highlighter-config';

const base = new URL('../', import.meta.url).href;
const link = document.getElementById('bookmarklet');
const editor = document.getElementById('config');
const status = document.getElementById('status');

async function update() {
  try {
    const config = JSON.parse(editor.value);
    await highlighterFor(config);
    localStorage.setItem(STORAGE_KEY, JSON.stringify(config));
    link.href = bookmarkletHref(base, config);
    status.textContent = `${config.actors.length} actors. The link is up to date.`;
    status.classList.remove('error');
  } catch (error) {
    status.textContent = `Not saved: ${error.message}`;
    status.classList.add('error');
  }
}

const saved = localStorage.getItem(STORAGE_KEY);
const config = saved ? JSON.parse(saved) : await (await fetch(new URL('../demo/actors.json', import.meta.url))).json();
editor.value = JSON.stringify(config, null, 2);
document.getElementById('size').textContent = `The loader is ${loaderSize()} bytes; your actor list travels with it.`;
editor.addEventListener('input', update);
await update();
document.documentElement.dataset.ready = 'true';
