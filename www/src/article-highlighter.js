// Article Highlighter: highlights the actors and quoted statements of an article, inline, and
// lists them in a sidebar.
//
//   import { highlight } from './article-highlighter.js';
//   const { report, remove } = await highlight(config, { root: document.querySelector('article') });
//
// Text flows one way and offsets the other: collectText() turns the DOM under `root` into one
// string, the wasm core scans it and answers UTF-16 spans of that string, and paint() turns the
// spans back into ranges over the very text nodes they came from.

import { findArticle, isBoilerplate } from './article.js';
import { highlighterFor, scanText } from './core.js';
import { paint } from './paint.js';
import { openSidebar } from './sidebar.js';
import { collectText } from './text.js';

export { scanText };

/**
 * Highlights every actor mention and quote under `root` and opens the sidebar.
 *
 * @param {object|string} config `{actors: [{id, name, kind, aliases, patterns?, color?}]}` or its JSON
 * @param {object} [options]
 * @param {Element} [options.root] the element whose text is scanned; by default the article
 *   found on the page (`findArticle`), with navigation, asides and other furniture left out
 * @param {'auto'|'highlights'|'marks'} [options.paint='auto'] CSS Custom Highlight API where the
 *   browser has it, else <mark> elements; or either on request
 * @param {boolean} [options.sidebar=true] whether to open the sidebar
 * @returns {Promise<{report: object, mode: string, count: number, remove(): void}>} `remove()`
 *   takes every highlight and the sidebar away and leaves the DOM as it was.
 */
export async function highlight(config, { root, paint: mode = 'auto', sidebar = true } = {}) {
  const highlighter = await highlighterFor(config);
  const model = root ? collectText(root) : collectText(findArticle(document), { exclude: isBoilerplate });
  // Scan before touching anything: a failure here leaves the page as it was.
  const report = highlighter.scan(model.text);
  const painter = paint(model, report, mode);
  let panel = null;
  let removed = false;
  const remove = () => {
    if (removed) return;
    removed = true;
    panel?.remove();
    painter.remove();
  };
  try {
    if (sidebar) {
      panel = openSidebar(report, { onSelect: (kind, index) => painter.focus(kind, index), onClose: remove }, document);
    }
  } catch (error) {
    remove();
    throw error;
  }
  return { report, mode: painter.mode, count: painter.count, remove };
}
