// The npm package's entry in Node (its `node` export condition): the core without a page. Node
// has no fetch for a file: URL, so the .wasm is read from the package's folder on disk and handed
// to the core's loader as bytes; nothing here touches a DOM.
//
//   import { scanText } from 'article-highlighter';
//   const report = await scanText(config, text);

import { readFile } from 'node:fs/promises';
import { loadCore, scanText as scanLoaded } from '../src/core.js';

/** The .wasm beside this module in the installed package (the build puts it there). */
const WASM = new URL('./pkg/article_highlighter_bg.wasm', import.meta.url);

/** The first scan's load of the core; a failed one fails every later scan with its own error. */
let loaded = null;

/**
 * Scans plain text: the report, with offsets in UTF-16 code units (JavaScript string indices).
 * The first call reads and compiles the core; each config is compiled once and reused.
 */
export async function scanText(config, text) {
  loaded ??= readFile(WASM).then(loadCore);
  await loaded;
  return scanLoaded(config, text);
}
