// The extension's background (a module service worker in Chrome, an event page in Firefox). It
// holds the wasm core: a content script runs under the page's Content-Security-Policy, which may
// forbid WebAssembly, while extension pages allow it. Content scripts send text and get reports,
// and the list editor they open over a page asks here for what only the core knows. The core is
// compiled once, as the background starts, and each config once (core.js): every page of every
// tab the background serves while it lives is scanned by the same compiled core.
import { checkList, highlighterFor, kindColors, listFromTable, listToTable, loadCore } from '../src/core.js';
import { STARTERS, fetchStarter } from '../src/editor/starters.js';
import { openLists } from './config.js';
import { AUTO_PREFIX, extensionApi } from './shared.js';

const api = extensionApi();
loadCore(api.runtime.getURL('pkg/article_highlighter_bg.wasm'));

/** What each message a content script sends is answered with (as JSON). */
const ANSWERS = {
  // A content script about to collect a page's text: the active list is compiled meanwhile (a
  // failure shows in the scan's answer).
  async prepare() {
    await highlighterFor((await openLists(api)).get());
    return null;
  },
  async scan({ text, list }) {
    const lists = await openLists(api);
    return (await highlighterFor(lists.get(list) ?? lists.get())).scan(text);
  },
  check: ({ config }) => checkList(config),
  fromTable: ({ text }) => listFromTable(text),
  toTable: ({ config }) => listToTable(config),
  kindColors: async () => [...(await kindColors())],
  async starter({ name }) {
    const { file } = STARTERS.find((s) => s.name === name);
    return fetchStarter(name, api.runtime.getURL(`lists/${file}`));
  },
};

api.runtime.onMessage.addListener((message, _sender, reply) => {
  const answer = ANSWERS[message?.type];
  if (!answer || (message.type === 'scan' && typeof message.text !== 'string')) return false;
  answer(message).then((value) => reply({ value }), (error) => reply({ error: error.message }));
  return true;
});

/** Highlights the article in a tab, or clears it if it is highlighted. */
export async function toggle(tabId) {
  await api.scripting.executeScript({ target: { tabId }, files: ['content.js'] });
}

api.action.onClicked.addListener((tab) => toggle(tab.id));

// "Add “…” to actors" on a selection: highlights the page if it is not yet, then the content
// script opens the editor with the name added.
api.runtime.onInstalled.addListener(() => {
  api.contextMenus.create({ id: 'add-actor', title: 'Add “%s” to actors', contexts: ['selection'] });
});
/** Opens the editor over the page in a tab with `text` added as an actor (highlighting it first if need be). */
export async function addToActors(tabId, text) {
  await api.scripting.executeScript({ target: { tabId }, func: (name) => { globalThis.__articleHighlighterAdd = name; }, args: [text] });
  await toggle(tabId);
}
api.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId === 'add-actor') addToActors(tab.id, info.selectionText);
});

// Sites the reader chose to highlight on every visit (options page) keep their registration; a
// site whose permission was withdrawn loses it.
api.permissions.onRemoved.addListener(async ({ origins = [] }) => {
  const ids = origins.map((origin) => `${AUTO_PREFIX}${origin}`);
  const registered = await api.scripting.getRegisteredContentScripts();
  const gone = registered.map((s) => s.id).filter((id) => ids.includes(id));
  if (gone.length) await api.scripting.unregisterContentScripts({ ids: gone });
});

// For the browser tests, which cannot click the toolbar button or a context menu.
globalThis.toggle = toggle;
globalThis.addToActors = addToActors;
