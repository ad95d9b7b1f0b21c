// Article Highlighter: highlights the actors and quoted statements of an article, inline, and
// lists them in a sidebar.
//
//   import { highlight } from './article-highlighter.js';
//   const session = await highlight(config);          // the article found on the page
//   session.remove();                                  // the page exactly as it was
//
// Text flows one way and offsets the other: collectText() turns the DOM under the article root
// into one string, the wasm core scans it and answers UTF-16 spans of that string, and paint()
// turns the spans back into ranges over the very text nodes they came from (see session.js).
//
// Importing this module starts loading the wasm core (core.js), so that a reader's first click
// does not wait for the whole of it; a highlight() call finds the article and collects its text
// while the core finishes loading, paints the highlights, lets the page show them, and only then
// builds the sidebar.

import { highlighterFor, loadCore, scanText } from './core.js';
import { autostart } from './embed.js';
import { Session } from './session.js';
import { showError } from './sidebar.js';

export { scanText };

// Loading starts now. A core that cannot load says so when highlight() is called (which tries
// again), in the sidebar's place.
loadCore().catch(() => {});

/**
 * Highlights every actor mention and quote in the article and opens the sidebar.
 *
 * @param {object|string} config `{actors: [{id, name, kind, aliases, patterns?, color?}]}` or its JSON
 * @param {object} [options]
 * @param {Element|string} [options.root] the element (or a CSS selector for it) whose text is
 *   scanned; by default the article found on the page (`findArticle`), with navigation, asides
 *   and other furniture left out
 * @param {boolean} [options.selection=false] scan only the text the reader has selected
 * @param {'auto'|'highlights'|'marks'} [options.paint='auto'] CSS Custom Highlight API where the
 *   browser has it, else <mark> elements; or either on request
 * @param {boolean} [options.sidebar=true] whether to open the sidebar
 * @param {boolean} [options.observe=true] whether to rescan when the page's text changes
 * @returns {Promise<{report: object, mode: string, count: number, rescan(): Promise<void>, remove(): void}>}
 *   `report` and `count` follow rescans; `remove()` takes every highlight and the sidebar away
 *   and leaves the DOM as it was. On failure (a bad config, a core that cannot load) the promise
 *   rejects, the page is left as it was, and the sidebar's place says why in one sentence.
 */
export async function highlight(config, options = {}) {
  let session;
  // Compiled while the session collects the text; its failure (a bad config) is the session's.
  const scanner = highlighterFor(config);
  scanner.catch(() => {});
  try {
    session = await Session.start(scanner, options);
  } catch (error) {
    if (options.sidebar !== false) showError(document, error.message);
    throw error;
  }
  return {
    get report() {
      return session.report;
    },
    get mode() {
      return session.painter?.mode ?? null;
    },
    get count() {
      return session.painter?.count ?? 0;
    },
    rescan: () => session.rescan(),
    remove: () => session.remove(),
  };
}

/**
 * When the page embeds this module as `<script type="module" src="…/article-highlighter.js"
 * data-config="actors.json">`, the session it started (see embed.js); null otherwise.
 */
export const started = autostart(import.meta.url, highlight);
