// The options page: the reader's actor lists in the list editor (every change checked by the
// real core before it is saved), which list each site uses, and the sites where articles are
// highlighted automatically.
import { loadCore } from '../src/core.js';
import { Editor } from '../src/editor/editor.js';
import { pageCore } from '../src/editor/page-core.js';
import { openLists } from './config.js';
import { AUTO_PREFIX, extensionApi } from './shared.js';

const api = extensionApi();
loadCore(api.runtime.getURL('pkg/article_highlighter_bg.wasm'));
const $ = (id) => document.getElementById(id);

function say(message, error = false) {
  $('status').textContent = message;
  $('status').classList.toggle('error', error);
}

/** A site name such as news.example.com from what the reader typed (a URL will do), or null. */
function hostOf(text) {
  const host = text.trim().replace(/^https?:\/\//, '').replace(/\/.*$/, '');
  if (!/^[a-z0-9.-]+(:\d+)?$/i.test(host)) {
    say(`“${host}” is not a site name such as news.example.com`, true);
    return null;
  }
  return host;
}

const lists = await openLists(api);

/** A <option> per list, for the site choices. */
function listOptions() {
  return lists.names.map((name) => Object.assign(document.createElement('option'), { value: name, textContent: name }));
}

/** The sites with a list of their own, each with a remove button. */
function listSiteLists() {
  $('site-lists').replaceChildren(...lists.sites.map(([host, name]) => {
    const item = document.createElement('li');
    const remove = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Remove' });
    remove.setAttribute('aria-label', `Stop using “${name}” on ${host}`);
    remove.addEventListener('click', async () => {
      await lists.setSite(host, null);
      listSiteLists();
    });
    item.append(`${host} → ${name}`, remove);
    return item;
  }));
  $('site-list').replaceChildren(...listOptions());
  $('site-list').value = lists.active;
}

$('use-list').addEventListener('click', async () => {
  const host = hostOf($('list-site').value);
  if (!host) return;
  await lists.setSite(host, $('site-list').value);
  $('list-site').value = '';
  say(`Articles on ${host} will be highlighted with “${$('site-list').value}”.`);
  listSiteLists();
});

const editor = new Editor(document, { lists, core: pageCore(api.runtime.getURL('lists/')), onSaved: listSiteLists });
$('editor').replaceWith(editor.element);

/** The sites registered for automatic runs, as a list with a remove button each. */
async function listSites() {
  const registered = await api.scripting.getRegisteredContentScripts();
  $('sites').replaceChildren(...registered.filter((s) => s.id.startsWith(AUTO_PREFIX)).map((s) => {
    const origin = s.id.slice(AUTO_PREFIX.length);
    const item = document.createElement('li');
    const remove = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Remove' });
    remove.addEventListener('click', async () => {
      await api.scripting.unregisterContentScripts({ ids: [s.id] });
      await api.permissions.remove({ origins: [origin] });
      listSites();
    });
    item.append(origin, remove);
    return item;
  }));
}

$('add').addEventListener('click', async () => {
  const host = hostOf($('site').value);
  if (!host) return;
  const origin = `*://${host}/*`;
  // Asked at the moment of use, from this click: the browser shows its own prompt.
  if (!(await api.permissions.request({ origins: [origin] }))) {
    say(`No permission for ${host}; it was not added.`, true);
    return;
  }
  await api.scripting.registerContentScripts([{ id: `${AUTO_PREFIX}${origin}`, matches: [origin], js: ['content.js'], runAt: 'document_idle' }]);
  $('site').value = '';
  say(`Articles on ${host} will be highlighted as they open.`);
  listSites();
});

listSiteLists();
listSites();
await editor.ready;
document.documentElement.dataset.ready = 'true';
