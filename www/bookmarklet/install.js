// The install page: the reader's actor lists (in this origin's localStorage, which the reader
// page and the demo also read), edited with the list editor, and the bookmarklet link, which
// carries the active list and is rewritten whenever it is saved.
import { Editor } from '../editor/editor.js';
import { actorCount } from '../editor/model.js';
import { pageCore } from '../editor/page-core.js';
import { ActorLists, localStorageLists } from '../lists.js';
import { bookmarkletHref, loaderSize } from './loader.js';

const base = new URL('../', import.meta.url).href;
const link = document.getElementById('bookmarklet');
const status = document.getElementById('status');

function update(name, config) {
  link.href = bookmarkletHref(base, config);
  status.textContent = `The link carries “${name}”: ${actorCount(config.actors.length)}. Drag it again after a change.`;
}

const sample = await (await fetch(new URL('../demo/actors.json', import.meta.url))).json();
const lists = await ActorLists.open(localStorageLists(), sample);
const editor = new Editor(document, { lists, core: pageCore(), onSaved: update });
document.getElementById('editor').replaceWith(editor.element);
document.getElementById('size').textContent = `The loader is ${loaderSize()} bytes; your actor list travels with it.`;
update(lists.active, lists.get());
await editor.ready;
document.documentElement.dataset.ready = 'true';
