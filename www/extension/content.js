// The content script, injected when the reader clicks the toolbar button (or on sites they chose):
// the first run highlights the article, the next clears it. It collects and paints text in the
// page; the background worker scans it, since the page's own policy may forbid WebAssembly here.
// The list used is the site's own (options page) or the active one; the sidebar switches lists,
// and adds names to the list in use through the editor, which asks the background what the core
// says. Run again after "Add to actors" in the context menu, it opens the editor with that name.
import { openEditor } from '../src/editor/dialog.js';
import { STARTERS } from '../src/editor/starters.js';
import { Session } from '../src/session.js';
import { showError } from '../src/sidebar.js';
import { actorFromName } from '../src/speakers.js';
import { openLists } from './config.js';
import { extensionApi } from './shared.js';

const KEY = '__articleHighlighterExtension';
const ADD = '__articleHighlighterAdd';
const api = extensionApi();

/** Asks the background worker; throws its error. */
async function ask(type, fields) {
  const answer = await api.runtime.sendMessage({ type, ...fields });
  if (!answer || answer.error) throw new Error(answer?.error ?? 'the extension did not answer');
  return answer.value;
}

/** The scanner for the list `list`: the background compiles and scans. */
const scannerFor = (list) => ({ scan: (text) => ask('scan', { text, list }) });

/** The editor's core (see editor.js), answered by the background worker. */
const core = {
  check: (config) => ask('check', { config }),
  fromTable: (text) => ask('fromTable', { text }),
  toTable: (config) => ask('toTable', { config }),
  kindColors: async () => new Map(await ask('kindColors', {})),
  starters: async () => STARTERS.map(({ name }) => ({ name, load: () => ask('starter', { name }) })),
};

async function start() {
  const lists = await openLists(api);
  let inUse = lists.forSite(location.host);
  const sessionLists = {
    get names() {
      return lists.names;
    },
    get active() {
      return inUse;
    },
    async switchTo(name) {
      await lists.select(name);
      inUse = name;
      return scannerFor(name);
    },
    async addActor(fields) {
      // The editor edits the active list: the one in use here becomes it.
      if (lists.active !== inUse) await lists.select(inUse);
      const changed = await openEditor(document, { lists, core, fields });
      inUse = lists.active;
      return changed ? scannerFor(inUse) : null;
    },
  };
  const session = await Session.start(scannerFor(inUse), { lists: sessionLists });
  session.addName = (text) => session.useList(() => sessionLists.addActor(actorFromName(text)));
  return session;
}

(async () => {
  const name = globalThis[ADD];
  delete globalThis[ADD];
  if (globalThis[KEY] && name) {
    globalThis[KEY].addName(name);
    return;
  }
  if (globalThis[KEY]) {
    globalThis[KEY].remove();
    delete globalThis[KEY];
    return;
  }
  // The background compiles the config while this script finds the article and collects its
  // text; a failure there shows in the scan's answer.
  api.runtime.sendMessage({ type: 'prepare' }).catch(() => {});
  try {
    globalThis[KEY] = await start();
    if (name) globalThis[KEY].addName(name);
  } catch (error) {
    showError(document, error.message);
  }
})();
