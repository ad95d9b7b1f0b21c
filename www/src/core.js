// Loading the wasm core once, and one compiled Highlighter per config.

import { jsonOf } from './export.js';
import * as firstGlue from './pkg/article_highlighter.js';

/** wasm-bindgen's glue of the instance in use: `default` loads it, `Highlighter` compiles. */
let glue = firstGlue;
let instances = 1;
/** Where the wasm comes from: what loadCore was first given, kept to load a fresh instance. */
let source = null;
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
  const sample = new glue.Highlighter(WARM_UP.config);
  sample.scan(WARM_UP.text);
  sample.free();
}

/**
 * Loads and instantiates the wasm module (once). `from` may be a URL, a Response, bytes or a
 * WebAssembly.Module; by default the .wasm file beside this module.
 */
export function loadCore(from) {
  source ??= from ?? new URL('./pkg/article_highlighter_bg.wasm', import.meta.url);
  loading ??= glue.default({ module_or_path: source })
    .then(warmUp)
    .catch((error) => {
      loading = null;
      throw new Error(`Article Highlighter could not load its WebAssembly core: ${error.message}`, { cause: error });
    });
  return loading;
}

const isTrap = (error) => error instanceof WebAssembly.RuntimeError || error?.cause instanceof WebAssembly.RuntimeError;

/**
 * Runs `call` on the core; if the core traps, runs it once more on a fresh instance. A trapped
 * instance cannot be trusted (the trap may have stopped it half way through changing its memory).
 * The core itself never traps on any input (it is fuzzed for that), but WebKitGTK 2.50, Safari's
 * engine, now and then traps with "Out of bounds memory access" in a fresh instance's first
 * compile of a long config, where the very same call passes on every other try and in the other
 * engines (README, "WebKit"). The fresh instance comes from a fresh copy of the glue, which
 * instantiates once per URL, and from the same source, which must be readable again (a URL,
 * bytes or a Module, not a Response).
 */
async function withCore(call) {
  try {
    await loadCore();
    return call();
  } catch (error) {
    if (!isTrap(error)) throw error;
    console.warn(`Article Highlighter: the WebAssembly core trapped (${error.message}); trying again on a fresh instance`);
    compiled.clear();
    loading = null;
    instances += 1;
    glue = await import(new URL(`./pkg/article_highlighter.js?instance=${instances}`, import.meta.url).href);
    await loadCore();
    return call();
  }
}

/** The compiled Highlighter for `config`, from the cache or built now. */
function compile(config) {
  const key = typeof config === 'string' ? config : jsonOf(config);
  let highlighter = compiled.get(key);
  if (!highlighter) {
    // The key is the config's JSON text, which is what the core reads an object as anyway.
    highlighter = new glue.Highlighter(key ?? config);
    compiled.set(key, highlighter);
  }
  return highlighter;
}

/**
 * The compiled Highlighter for `config` (an object or JSON text), built on first use and reused:
 * compiling a config builds its alias automaton, which is the costly part for long actor lists.
 * Throws an Error naming the actor and field when the config is invalid.
 */
export function highlighterFor(config) {
  return withCore(() => compile(config));
}

/** Scans plain text: the report, with offsets in UTF-16 code units (JavaScript string indices). */
export function scanText(config, text) {
  return withCore(() => compile(config).scan(text));
}
