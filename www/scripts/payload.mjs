// What a page downloads to run the highlighter, and how much that weighs gzipped: the module
// `article-highlighter.js`, every module it imports (found by esbuild from the built files, so the
// list follows the code), and the wasm core that core.js fetches. Each file is a response of its
// own, so each is gzipped on its own (level 9, as a server's static compression would).
//   node www/scripts/payload.mjs      (after www/scripts/build.sh): one line per file, then the total
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));

/** The entry module a page imports (or names in its script tag). */
const ENTRY = 'article-highlighter.js';
/** The wasm core, fetched by core.js rather than imported, so the module graph does not list it. */
const WASM = 'pkg/article_highlighter_bg.wasm';

/**
 * The files a page downloads from `dist`, each with its size and gzipped size in bytes, and the
 * totals.
 */
export async function payload(dist = DIST) {
  const { metafile } = await build({
    entryPoints: [join(dist, ENTRY)], bundle: true, format: 'esm', write: false, metafile: true, logLevel: 'silent',
  });
  const modules = Object.keys(metafile.inputs).map((input) => relative(dist, input));
  const files = [...modules.sort(), WASM].map((path) => {
    const bytes = readFileSync(join(dist, path));
    return { path, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  const sum = (key) => files.reduce((total, file) => total + file[key], 0);
  return { files, bytes: sum('bytes'), gzip: sum('gzip') };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { files, bytes, gzip } = await payload();
  for (const file of files) console.log(`${file.path.padEnd(34)} ${String(file.bytes).padStart(9)} B ${String(file.gzip).padStart(8)} B gzip`);
  console.log(`${'total'.padEnd(34)} ${String(bytes).padStart(9)} B ${String(gzip).padStart(8)} B gzip`);
}
