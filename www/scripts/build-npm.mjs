// Builds the npm package `article-highlighter` into www/dist/npm/ (www/npm/ has its package.json,
// README, Node entry and type declarations): the page entry and the lists bundled as the pages'
// modules are (build-page.mjs), the Node entry beside them, the chunks they share, and the wasm
// core in pkg/, where core.js finds it relative to its own URL. The pages' build is not touched:
// what a page downloads stays as it was.
//   node www/scripts/build-npm.mjs     (after the wasm is built into www/dist/pkg)
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { SPLIT_BUNDLE } from './build-page.mjs';

const www = fileURLToPath(new URL('..', import.meta.url));
const source = join(www, 'npm');
const dist = join(www, 'dist');
const out = join(dist, 'npm');

/** The package's modules by their name in it: what pages import, and Node's. */
const ENTRIES = {
  'article-highlighter': join(www, 'src', 'article-highlighter.js'),
  lists: join(www, 'src', 'lists.js'),
  node: join(source, 'node.js'),
};

/** The crate's version, which the package shares. */
function crateVersion() {
  const cargo = readFileSync(join(www, '..', 'Cargo.toml'), 'utf8');
  const version = cargo.match(/^\[package\][^[]*?^version = "([^"]+)"/m)?.[1];
  if (!version) throw new Error('Cargo.toml names no [package] version');
  return version;
}

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'pkg'), { recursive: true });
await build({
  ...SPLIT_BUNDLE,
  entryPoints: ENTRIES,
  outdir: out,
  // The Node entry reads the wasm with Node's own fs; no other module imports a Node builtin.
  external: ['node:*'],
});
copyFileSync(join(dist, 'pkg', 'article_highlighter_bg.wasm'), join(out, 'pkg', 'article_highlighter_bg.wasm'));
for (const file of readdirSync(source).filter((name) => name.endsWith('.d.ts') || name === 'README.md')) {
  copyFileSync(join(source, file), join(out, file));
}
for (const licence of ['LICENSE-MIT', 'LICENSE-APACHE']) copyFileSync(join(www, '..', licence), join(out, licence));
const { name, ...manifest } = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8'));
writeFileSync(join(out, 'package.json'), `${JSON.stringify({ name, version: crateVersion(), ...manifest }, null, 2)}\n`);
