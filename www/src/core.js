// Loading the wasm core once, and one compiled Highlighter per config.
//
// Loading is three steps: the .wasm file is fetched and compiled (off the page's thread, while it
// downloads, where the browser can), the compiled module is instantiated, and, when the page is
// idle and nothing has used the core yet, a small sample is scanned once (warmUp). The page's
// entry module starts loading as soon as it is imported (article-highlighter.js), so a reader's
// first click finds the core loaded or well on the way.

import { jsonOf } from './export.js';
import * as firstGlue from './pkg/article_highlighter.js';

/** The .wasm file beside this module. */
const WASM_URL = new URL('./pkg/article_highlighter_bg.wasm', import.meta.url);

/** wasm-bindgen's glue of the instance in use: `default` instantiates, `Highlighter` compiles. */
let glue = firstGlue;
/** The compiled wasm module, kept to instantiate afresh if the core traps. */
let compiledModule = null;
let loading = null;
/** Whether a config has been compiled: the warm-up is then pointless. */
let used = false;
const compiled = new Map();

/** A config and a text that take the scan through matching, quotes and every attribution rule. */
const WARM_UP = {
  config: '{"actors":[{"id":"a","kind":"person","aliases":["Ada Lovelace","Lovelace"]}]}',
  text: '“It works,” Ada Lovelace said. “It does.”\u2029Lovelace said: “Again.” “No,” said Lovelace, '
    + 'according to whom the “engine” was in “Notes”.',
};

/**
 * Scans a small sample once. Browsers compile a WebAssembly function the first time it runs, so
 * without this the reader's first highlight would wait for the scan's code to compile. It runs
 * when the page is idle after loading, and not at all once a config is compiled: a click waiting
 * for the core compiles that code in its own scan, and a sample scanned first would only delay it.
 */
function warmUpWhenIdle() {
  const later = globalThis.requestIdleCallback ?? ((run) => setTimeout(run, 0));
  later(() => {
    if (used) return;
    withCore(() => {
      const sample = new glue.Highlighter(WARM_UP.config);
      sample.scan(WARM_UP.text);
      sample.free();
    }).catch((error) => console.error(`Article Highlighter: ${error.message}`));
  });
}

/**
 * Compiles the wasm module from `source`. A response served as `application/wasm` is compiled
 * while it downloads (WebAssembly.compileStreaming); any other is read whole first, as browsers
 * refuse to stream a module of another type.
 */
async function compileModule(source) {
  if (source instanceof WebAssembly.Module) return source;
  if (source instanceof ArrayBuffer || ArrayBuffer.isView(source)) return WebAssembly.compile(source);
  const response = source instanceof Response ? source : await fetch(source);
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${response.url}`);
  const type = response.headers.get('content-type') ?? '';
  if (typeof WebAssembly.compileStreaming === 'function' && /^application\/wasm\b/i.test(type)) {
    return WebAssembly.compileStreaming(response);
  }
  return WebAssembly.compile(await response.arrayBuffer());
}

/**
 * Loads and instantiates the wasm module (once; later calls get the first load, or start again
 * after one failed). `source` may be a URL, a Response, bytes or a WebAssembly.Module; by default
 * the .wasm file beside this module.
 */
export function loadCore(source) {
  loading ??= (compiledModule ? Promise.resolve(compiledModule) : compileModule(source ?? WASM_URL))
    .then((module) => {
      compiledModule = module;
      return glue.default({ module_or_path: module });
    })
    .then(warmUpWhenIdle)
    .catch((error) => {
      loading = null;
      throw new Error(`Article Highlighter could not load its WebAssembly core: ${error.message}`, { cause: error });
    });
  return loading;
}

/**
 * Runs `call` on the core; if the core traps, runs it once more on a fresh instance. A trapped
 * instance cannot be trusted (the trap may have stopped it half way through changing its memory).
 * The core itself never traps on any input (it is fuzzed for that), but WebKitGTK 2.50, Safari's
 * engine, now and then traps with "Out of bounds memory access" in a fresh instance's first
 * compile of a long config, where the very same call passes on every other try and in the other
 * engines (README, "Safari"). The fresh instance is the same compiled module instantiated through
 * the glue's second copy (build.sh writes it), as the glue instantiates once per module: so it
 * happens once per page, and a second trap is an error.
 */
async function withCore(call) {
  try {
    await loadCore();
    used = true;
    return call();
  } catch (error) {
    if (!(error instanceof WebAssembly.RuntimeError)) throw error;
    console.warn(`Article Highlighter: the WebAssembly core trapped (${error.message}); trying again on a fresh instance`);
    compiled.clear();
    loading = null;
    if (glue !== firstGlue) throw error;
    glue = await import('./pkg/article_highlighter_fresh.js');
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

/**
 * What is wrong with a config, without compiling it: null, or `{message, actor, id, field}` with
 * the message `new Highlighter` would throw and the actor (0-based index) and field it names.
 */
export function checkList(config) {
  return withCore(() => glue.checkConfig(typeof config === 'string' ? config : jsonOf(config)));
}

/** A CSV or TSV actor table as a config object; throws an Error saying `line N: …`. */
export function listFromTable(text) {
  return withCore(() => JSON.parse(glue.actorsFromTable(text)));
}

/** A config as a CSV table (UTF-8 with a byte order mark, a header row), as spreadsheets open it. */
export function listToTable(config) {
  return withCore(() => glue.actorsToTable(typeof config === 'string' ? config : jsonOf(config)));
}

/** The colour the core gives each kind of actor that has none of its own, as a Map. */
export function kindColors() {
  return withCore(() => new Map(glue.kinds().map(({ kind, color }) => [kind, color])));
}
