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

import { checkList, highlighterFor, loadCore, scanText } from './core.js';
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
 * @param {import('./lists.js').ActorLists|boolean} [options.lists] the reader's actor lists (lists.js), whose active
 *   list is used instead of `config`: the sidebar then switches between them and offers to add
 *   unlisted speakers and selected names to the active one, in the editor (loaded only then);
 *   `true`: `config` becomes the one list, and additions last as long as the session
 * @returns {Promise<{report: object, mode: string, count: number, rescan(): Promise<void>, remove(): void}>}
 *   `report` and `count` follow rescans; `remove()` takes every highlight and the sidebar away
 *   and leaves the DOM as it was. On failure (a bad config, a core that cannot load) the promise
 *   rejects, the page is left as it was, and the sidebar's place says why in one sentence.
 */
export async function highlight(config, options = {}) {
  let session;
  try {
    const lists = options.lists === true ? await (await import('./lists.js')).ActorLists.open(inMemory(), await configObject(config)) : options.lists;
    // Compiled while the session collects the text; its failure (a bad config) is the session's.
    const scanner = highlighterFor(lists ? lists.get() : config);
    scanner.catch(() => {});
    session = await Session.start(scanner, { ...options, lists: lists ? editableLists(lists) : null });
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
 * `config` as an object, as a list keeps it: JSON text is read, and text the core cannot read as a
 * config is refused with the core's own message.
 */
async function configObject(config) {
  if (typeof config !== 'string') return config;
  const problem = await checkList(config);
  if (problem) throw new Error(problem.message);
  return JSON.parse(config);
}

/** A lists storage that keeps nothing beyond the page's life (lists.js is loaded only for it). */
function inMemory() {
  let value = null;
  return { get: async () => value, set: async (state) => { value = state; } };
}

/**
 * The session's view of the reader's lists: switching compiles the chosen one; adding a name
 * opens the editor (its modules are imported only then) with the name added, and compiles the
 * list as saved when it closes.
 */
function editableLists(lists) {
  return {
    get names() {
      return lists.names;
    },
    get active() {
      return lists.active;
    },
    switchTo: async (name) => highlighterFor(await lists.select(name)),
    addActor: async (fields) => ((await editLists(lists, fields)) ? highlighterFor(lists.get()) : null),
  };
}

/**
 * Opens the actor-list editor over the page, on `lists` (an ActorLists), with an actor added
 * from `fields` if given. Its modules are loaded now, not with the highlighter. Resolves once the
 * reader closes it: whether the active list was saved or changed.
 */
export async function editLists(lists, fields = null) {
  const [{ openEditor }, { pageCore }] = await Promise.all([import('./editor/dialog.js'), import('./editor/page-core.js')]);
  return openEditor(document, { lists, core: pageCore(), fields });
}

/**
 * When the page embeds this module as `<script type="module" src="…/article-highlighter.js"
 * data-config="actors.json">`, the session it started (see embed.js); null otherwise.
 */
export const started = autostart(import.meta.url, highlight);
