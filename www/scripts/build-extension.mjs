// Builds the browser extension from www/extension and the shim: one folder per browser under
// www/dist/extension/, each with its own manifest generated from the one source, and a zip of each
// (article-highlighter-chrome.zip, article-highlighter-firefox.zip) beside them, the same bytes
// for the same files (zip.mjs).
//   node www/scripts/build-extension.mjs   (after the wasm is built into www/dist/pkg)
import { copyFileSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { builtGlue, cssAsText } from './build-page.mjs';
import { zipFolder } from './zip.mjs';

const www = fileURLToPath(new URL('..', import.meta.url));
const source = join(www, 'extension');
const dist = join(www, 'dist');

/** Firefox runs the background as an event page and needs its own add-on id. */
const MANIFESTS = {
  chrome: (m) => m,
  firefox: (m) => ({
    ...m,
    background: { scripts: ['background.js'], type: 'module' },
    browser_specific_settings: {
      gecko: {
        id: 'article-highlighter@article-highlighter.org',
        // 142: the CSS Custom Highlight API (140) and data_collection_permissions (142, Android).
        strict_min_version: '142.0',
        // Nothing leaves the reader's browser.
        data_collection_permissions: { required: ['none'] },
      },
    },
  }),
};

for (const [browser, manifestFor] of Object.entries(MANIFESTS)) {
  const out = join(dist, 'extension', browser);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'pkg'), { recursive: true });
  await build({
    entryPoints: ['background.js', 'options.js'].map((f) => join(source, f)),
    outdir: out, bundle: true, format: 'esm', target: 'es2022', logLevel: 'warning', plugins: [builtGlue, cssAsText],
  });
  // A content script cannot be a module: one self-contained script.
  await build({
    entryPoints: [join(source, 'content.js')], outdir: out, bundle: true, format: 'iife', target: 'es2022', logLevel: 'warning',
    plugins: [cssAsText],
  });
  for (const file of ['options.html', 'options.css']) copyFileSync(join(source, file), join(out, file));
  copyFileSync(join(dist, 'pkg', 'article_highlighter_bg.wasm'), join(out, 'pkg', 'article_highlighter_bg.wasm'));
  // The starter lists, which the list editor offers ("Start from…").
  cpSync(join(dist, 'lists'), join(out, 'lists'), { recursive: true });
  const manifest = manifestFor(JSON.parse(readFileSync(join(source, 'manifest.json'), 'utf8')));
  writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(join(dist, `article-highlighter-${browser}.zip`), zipFolder(out));
}
