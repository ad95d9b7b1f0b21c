// Loading the wasm core once, and one compiled Highlighter per config.

import { jsonOf } from './export.js';
import init, { Highlighter, actorsFromTable, actorsToTable, checkConfig } from './pkg/article_highlighter.js';

let loading = null;
const compiled = new Map();

/** A config and a text that take the scan through matching, quotes and every attribution rule. */
const WARM_UP = {
  config: '{"actors":[{"id":"a","kind":"person","aliases":["Ada Lovelace","Lovelace"]}]}',
  text: '“It works,” Ada Lovelace said. “It does.”\u2029Lovelace said: “Again.” “No,” said Lovelace, '
    + 'according to whom the “engine” was in “Notes”.',
};

/**
 * Scans a small sample once. Browsers compile a WebAssembly function the first time it runs, so
 * without this the reader's first highlight would wait for the scan's code to compile; the
 * embedded module loads the core as the page loads, and this then happens before any click.
 */
function warmUp() {
  const sample = new Highlighter(WARM_UP.config);
  sample.scan(WARM_UP.text);
  sample.free();
}

/**
 * Loads and instantiates the wasm module (once). `source` may be a URL, a Response, bytes or a
 * WebAssembly.Module; by default the .wasm file beside this module.
 */
export function loadCore(source) {
  loading ??= init({ module_or_path: source ?? new URL('./pkg/article_highlighter_bg.wasm', import.meta.url) })
    .then(warmUp)
    .catch((error) => {
      loading = null;
      throw new Error(`Article Highlighter could not load its WebAssembly core: ${error.message}`);
    });
  return loading;
}

/**
 * The compiled Highlighter for `config` (an object or JSON text), built on first use and reused:
 * compiling a config builds its alias automaton, which is the costly part for long actor lists.
 * Throws an Error naming the actor and field when the config is invalid.
 */
export async function highlighterFor(config) {
  await loadCore();
  const key = typeof config === 'string' ? config : jsonOf(config);
  let highlighter = compiled.get(key);
  if (!highlighter) {
    // The key is the config's JSON text, which is what the core reads an object as anyway.
    highlighter = new Highlighter(key ?? config);
    compiled.set(key, highlighter);
  }
  return highlighter;
}

/** Scans plain text: the report, with offsets in UTF-16 code units (JavaScript string indices). */
export async function scanText(config, text) {
  return (await highlighterFor(config)).scan(text);
}

/**
 * What is wrong with a config, without compiling it: null, or `{message, actor, id, field}` with
 * the message `new Highlighter` would throw and the actor (0-based index) and field it names.
 */
export async function checkList(config) {
  await loadCore();
  return checkConfig(typeof config === 'string' ? config : jsonOf(config));
}

/** A CSV or TSV actor table as a config object; throws an Error saying `line N: …`. */
export async function listFromTable(text) {
  await loadCore();
  return JSON.parse(actorsFromTable(text));
}

/** A config as a CSV table (UTF-8 with a byte order mark, a header row), as spreadsheets open it. */
export async function listToTable(config) {
  await loadCore();
  return actorsToTable(typeof config === 'string' ? config : jsonOf(config));
}

/** The colour the core gives each kind of actor that has none of its own, as a Map. */
export async function kindColors() {
  const kinds = ['person', 'organization', 'state', 'group', 'place', 'other'];
  const sample = await highlighterFor({ actors: kinds.map((kind) => ({ id: kind, kind, aliases: [kind] })) });
  return new Map(sample.scan('').actors.map((a) => [a.kind, a.color]));
}
