// What a page downloads to run the highlighter, and how much that weighs gzipped: the module
// `article-highlighter.js`, every module it imports (found by esbuild from the built files, so the
// list follows the code), and the wasm core that core.js fetches. Each file is a response of its
// own, so each is gzipped on its own (level 9, as a server's static compression would).
// Modules reached only through a dynamic import (the list editor and the who-about-whom view,
// opened from the sidebar; the glue's second copy, should the core trap) are not downloaded on the
// first click: they are listed apart, as "on demand".
//   node www/scripts/payload.mjs      (after www/scripts/build.sh): one line per file, then the totals
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

/** The modules `entry` imports statically, itself included, from esbuild's metafile inputs. */
function staticGraph(inputs, entry) {
  const seen = new Set([entry]);
  for (const path of seen) {
    for (const { path: next, kind } of inputs[path]?.imports ?? []) if (kind === 'import-statement') seen.add(next);
  }
  return seen;
}

/**
 * The files a page downloads from `dist`, each with its size and gzipped size in bytes and
 * whether it is loaded only on demand, and the totals: `bytes` and `gzip` for the first click,
 * `onDemand` (bytes, gzip) for the rest.
 */
export async function payload(dist = DIST) {
  const { metafile } = await build({
    entryPoints: [join(dist, ENTRY)], bundle: true, format: 'esm', write: false, metafile: true, logLevel: 'silent',
  });
  const first = staticGraph(metafile.inputs, Object.keys(metafile.inputs).find((input) => relative(dist, input) === ENTRY));
  const modules = Object.keys(metafile.inputs).map((input) => ({ path: relative(dist, input), onDemand: !first.has(input) }));
  const files = [...modules.sort((a, b) => a.onDemand - b.onDemand || a.path.localeCompare(b.path)), { path: WASM, onDemand: false }].map(({ path, onDemand }) => {
    const bytes = readFileSync(join(dist, path));
    return { path, onDemand, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  const sum = (list, key) => list.reduce((total, file) => total + file[key], 0);
  const now = files.filter((file) => !file.onDemand);
  const later = files.filter((file) => file.onDemand);
  return { files, bytes: sum(now, 'bytes'), gzip: sum(now, 'gzip'), onDemand: { bytes: sum(later, 'bytes'), gzip: sum(later, 'gzip') } };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { files, bytes, gzip, onDemand } = await payload();
  const line = (name, size, zipped) => console.log(`${name.padEnd(34)} ${String(size).padStart(9)} B ${String(zipped).padStart(8)} B gzip`);
  for (const file of files) line(`${file.path}${file.onDemand ? ' (on demand)' : ''}`, file.bytes, file.gzip);
  line('on demand (the editor, the lists, who about whom, the spare glue)', onDemand.bytes, onDemand.gzip);
  line('total', bytes, gzip);
}
