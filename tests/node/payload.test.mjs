// The payload budget: what a page downloads to run the highlighter, the wasm core and every
// JavaScript module it loads, must stay within 350 KB gzipped (the budget since the core moved to
// the regex, aho-corasick and serde crates; it was 100 KB before). Needs `www/scripts/build.sh`
// to have run; the files and their sizes come from www/scripts/payload.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { payload } from '../../www/scripts/payload.mjs';

/** 350 KB, gzipped (level 9), of wasm and JavaScript together. */
const BUDGET = 350 * 1024;

test('the wasm and the JavaScript a page downloads stay within 350 KB gzipped; the list editor comes later, on demand', async () => {
  const { files, gzip, onDemand } = await payload();
  const wasm = files.find((file) => file.path.endsWith('.wasm'));
  const scripts = files.filter((file) => !file.onDemand && file !== wasm);
  console.log(`payload: ${gzip} bytes gzipped (${wasm.gzip} wasm, ${gzip - wasm.gzip} JavaScript in ${scripts.length} files), budget ${BUDGET}`);
  assert.ok(files.some((file) => file.path === 'pkg/article_highlighter.js'), 'the wasm-bindgen glue is counted');
  assert.ok(gzip <= BUDGET, `${gzip} bytes gzipped is over the budget of ${BUDGET}: ${files.map((f) => `${f.path} ${f.gzip}`).join(', ')}`);
  // The editor comes only when the reader opens it, never with the first click.
  const editor = files.filter((file) => file.path.startsWith('editor/') || file.path === 'lists.js');
  assert.ok(editor.length > 0 && editor.every((file) => file.onDemand), 'the editor modules are loaded on demand');
  // Else on demand: the glue's second copy, loaded only should the core trap (core.js).
  const spare = files.filter((file) => file.path === 'pkg/article_highlighter_fresh.js');
  assert.ok(spare.length === 1 && spare[0].onDemand, "the glue's second copy is loaded on demand");
  assert.deepEqual(files.filter((file) => file.onDemand && !editor.includes(file) && !spare.includes(file)), [], 'nothing else is on demand');
  const opened = editor.reduce((sum, file) => sum + file.gzip, 0);
  console.log(`then, opening the list editor: ${opened} bytes gzipped more (${gzip + opened} in all; on demand in all ${onDemand.gzip})`);
});
