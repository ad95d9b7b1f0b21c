// The extension's background (a module service worker in Chrome, an event page in Firefox). It
// holds the wasm core: a content script runs under the page's Content-Security-Policy, which may
// forbid WebAssembly, while extension pages allow it. Content scripts send text and get reports.
// The core is compiled once, as the background starts, and each config once (core.js): every
// page of every tab the background serves while it lives is scanned by the same compiled core.
import { highlighterFor, loadCore } from '../src/core.js';
import { loadConfig } from './config.js';
import { AUTO_PREFIX, extensionApi } from './shared.js';

const api = extensionApi();
loadCore(api.runtime.getURL('pkg/article_highlighter_bg.wasm'));

/** The compiled Highlighter for the reader's config. */
async function highlighter() {
  return highlighterFor(await loadConfig(api));
}

api.runtime.onMessage.addListener((message, _sender, reply) => {
  // A content script about to collect a page's text: the config is compiled meanwhile.
  if (message?.type === 'prepare') {
    highlighter().then(() => reply({}), (error) => reply({ error: error.message }));
    return true;
  }
  if (message?.type !== 'scan' || typeof message.text !== 'string') return false;
  highlighter().then((h) => h.scan(message.text)).then((report) => reply({ report }), (error) => reply({ error: error.message }));
  return true;
});

/** Highlights the article in a tab, or clears it if it is highlighted. */
export async function toggle(tabId) {
  await api.scripting.executeScript({ target: { tabId }, files: ['content.js'] });
}

api.action.onClicked.addListener((tab) => toggle(tab.id));

// Sites the reader chose to highlight on every visit (options page) keep their registration; a
// site whose permission was withdrawn loses it.
api.permissions.onRemoved.addListener(async ({ origins = [] }) => {
  const ids = origins.map((origin) => `${AUTO_PREFIX}${origin}`);
  const registered = await api.scripting.getRegisteredContentScripts();
  const gone = registered.map((s) => s.id).filter((id) => ids.includes(id));
  if (gone.length) await api.scripting.unregisterContentScripts({ ids: gone });
});

// For the browser tests, which cannot click the toolbar button.
globalThis.toggle = toggle;
