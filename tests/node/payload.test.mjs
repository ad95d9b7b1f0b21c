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
  assert.ok(files.filter((file) => file.onDemand).every((file) => file.path.startsWith('editor/') || file.path === 'lists.js'), 'only the editor and the lists are on demand');
  console.log(`then, opening the list editor: ${onDemand.gzip} bytes gzipped more (${gzip + onDemand.gzip} in all)`);
});
