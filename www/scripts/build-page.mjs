// Builds the modules a page loads from www/src into www/dist/, bundled: each entry below is a
// module of its own at its path in www/src, and the code they share is split into chunks beside
// them. A page's first click then fetches a handful of files, most of them named in the entry
// module's first line, instead of fifteen modules, each found only once the module that imports
// it has arrived; and a file gzips better than the modules it holds did one by one
// (tests/BENCHMARKS.md, "Bundled modules").
// Modules loaded on demand (the list editor, the glue's second copy) become chunks of their own.
//   node www/scripts/build-page.mjs   (after the wasm is built into www/dist/pkg)
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, transform } from 'esbuild';

const www = fileURLToPath(new URL('..', import.meta.url));
const source = join(www, 'src');
const dist = join(www, 'dist');

/**
 * The modules pages import by path: the entry module, the lists and the editor for the demo, the
 * reader and the bookmarklet's install page; and those the tests import to test a part alone (the
 * text collector, the article finder, the exports, the core's loader).
 */
const ENTRIES = [
  'article-highlighter.js', 'lists.js', 'editor/editor.js', 'editor/model.js', 'editor/page-core.js',
  'text.js', 'article.js', 'export.js', 'core.js',
];

/** The shim imports the wasm-bindgen glue (and its second copy) from beside it, which exist only in the build. */
export const builtGlue = {
  name: 'built-glue',
  setup(b) {
    b.onResolve({ filter: /\/pkg\/article_highlighter(_fresh)?\.js$/ }, (args) => ({ path: join(dist, 'pkg', args.path.split('/').pop()) }));
  },
};

/** Stylesheets are imported as text (for constructed sheets), minified as the scripts are. */
export const cssAsText = {
  name: 'css-as-text',
  setup(b) {
    b.onLoad({ filter: /\.css$/ }, async (args) => ({
      contents: (await transform(await readFile(args.path, 'utf8'), { loader: 'css', minify: true })).code,
      loader: 'text',
    }));
  },
};

/**
 * How the shim is bundled, for pages, the npm package and the benchmark's parts alike: ES modules
 * split into chunks, minified, with the glue and the stylesheets resolved as above. Chunks sit
 * beside the entry modules, where core.js finds pkg/ relative to its own URL.
 */
export const SPLIT_BUNDLE = {
  chunkNames: '[name]-[hash]',
  bundle: true,
  splitting: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  logLevel: 'warning',
  plugins: [builtGlue, cssAsText],
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await build({ ...SPLIT_BUNDLE, entryPoints: ENTRIES.map((entry) => join(source, entry)), outbase: source, outdir: dist });
}
