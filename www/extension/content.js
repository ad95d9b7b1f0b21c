// The content script, injected when the reader clicks the toolbar button (or on sites they chose):
// the first run highlights the article, the next clears it. It collects and paints text in the
// page; the background worker scans it, since the page's own policy may forbid WebAssembly here.
import { Session } from '../src/session.js';
import { showError } from '../src/sidebar.js';
import { extensionApi } from './shared.js';

const KEY = '__articleHighlighterExtension';
const api = extensionApi();

const scanner = {
  async scan(text) {
    const answer = await api.runtime.sendMessage({ type: 'scan', text });
    if (!answer || answer.error) throw new Error(answer?.error ?? 'the extension did not answer');
    return answer.report;
  },
};

(async () => {
  if (globalThis[KEY]) {
    globalThis[KEY].remove();
    delete globalThis[KEY];
    return;
  }
  // The background compiles the config while this script finds the article and collects its
  // text; a failure there shows in the scan's answer.
  api.runtime.sendMessage({ type: 'prepare' }).catch(() => {});
  try {
    globalThis[KEY] = await Session.start(scanner, {});
  } catch (error) {
    showError(document, error.message);
  }
})();
