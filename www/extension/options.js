// The options page: edit, import and export the actor list (checked by the real core before it
// is saved), and choose sites where articles are highlighted automatically.
import { highlighterFor, loadCore } from '../src/core.js';
import { DEFAULT_CONFIG, loadConfig, saveConfig } from './config.js';
import { AUTO_PREFIX, extensionApi } from './shared.js';

const api = extensionApi();
loadCore(api.runtime.getURL('pkg/article_highlighter_bg.wasm'));
const $ = (id) => document.getElementById(id);

function say(message, error = false) {
  $('status').textContent = message;
  $('status').classList.toggle('error', error);
}

async function save() {
  try {
    const config = JSON.parse($('config').value);
    await highlighterFor(config);
    await saveConfig(api, config);
    say(`Saved: ${config.actors.length} actors. The next highlighting uses them.`);
  } catch (error) {
    say(`Not saved: ${error.message}`, true);
  }
}

function show(config) {
  $('config').value = JSON.stringify(config, null, 2);
}

$('save').addEventListener('click', save);
$('reset').addEventListener('click', () => show(DEFAULT_CONFIG));
$('import').addEventListener('click', () => $('file').click());
$('file').addEventListener('change', async () => {
  const [file] = $('file').files;
  if (file) show(JSON.parse(await file.text()));
  say('Imported; check it and save.');
});
$('export').addEventListener('click', () => {
  const url = URL.createObjectURL(new Blob([$('config').value], { type: 'application/json' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: 'article-highlighter-actors.json' });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
});

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
  const host = $('site').value.trim().replace(/^https?:\/\//, '').replace(/\/.*$/, '');
  if (!/^[a-z0-9.-]+(:\d+)?$/i.test(host)) {
    say(`“${host}” is not a site name such as news.example.com`, true);
    return;
  }
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

show(await loadConfig(api));
listSites();
document.documentElement.dataset.ready = 'true';
