// The payload budget: what a page downloads to run the highlighter, the wasm core and every
// JavaScript module it loads, must stay within 350 KB gzipped (the budget since the core moved to
// the regex, aho-corasick and serde crates; it was 100 KB before). Needs `www/scripts/build.sh`
// to have run; the files and their sizes come from www/scripts/payload.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { payload } from '../../www/scripts/payload.mjs';

/** 350 KB, gzipped (level 9), of wasm and JavaScript together. */
const BUDGET = 350 * 1024;

test('the wasm and the JavaScript a page downloads stay within 350 KB gzipped, with the list editor or the who-about-whom view opened too', async () => {
  const { files, gzip } = await payload();
  const wasm = files.find((file) => file.path.endsWith('.wasm'));
  const scripts = files.filter((file) => !file.onDemand && file !== wasm);
  console.log(`payload: ${gzip} bytes gzipped (${wasm.gzip} wasm, ${gzip - wasm.gzip} JavaScript in ${scripts.length} files), budget ${BUDGET}`);
  assert.ok(scripts.some((file) => file.path === 'article-highlighter.js'), 'the entry module is counted');
  assert.ok(gzip <= BUDGET, `${gzip} bytes gzipped is over the budget of ${BUDGET}: ${files.map((f) => `${f.path} ${f.gzip}`).join(', ')}`);
  // On demand: the glue's second copy, loaded only should the core trap (core.js); the editor,
  // loaded only when the reader opens it; and the who-about-whom view, loaded only when the reader
  // opens that. Neither comes with the first click, and each fits the budget with it.
  const spare = files.filter((file) => file.path.startsWith('article_highlighter_fresh-'));
  assert.ok(spare.length === 1 && spare[0].onDemand, "the glue's second copy is loaded on demand");
  const view = files.filter((file) => file.path.startsWith('who-about-whom-'));
  assert.ok(view.length === 1 && view[0].onDemand, 'the who-about-whom view is loaded on demand');
  const editor = files.filter((file) => file.onDemand && !spare.includes(file) && !view.includes(file));
  assert.ok(['lists.js', 'editor/page-core.js'].every((path) => editor.some((file) => file.path === path)), 'the editor and the lists are loaded on demand');
  assert.ok(editor.some((file) => file.path.startsWith('dialog-')), "the editor's dialog is loaded on demand");
  for (const [what, parts] of [['the list editor', editor], ['the who-about-whom view', view]]) {
    const opened = gzip + parts.reduce((sum, file) => sum + file.gzip, 0);
    console.log(`with ${what} opened: ${opened} bytes gzipped`);
    assert.ok(opened <= BUDGET, `with ${what} opened, ${opened} bytes gzipped is over the budget of ${BUDGET}`);
  }
});
