// The 25 saved news pages of ../shared/corpora/pages, for the browser tests: their names and gold
// texts, a local site that serves each page (decompressed, its own scripts blocked by CSP) beside
// the built shim, and the token F1 used to score the text the shim finds.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { DIST, serve } from './browser.mjs';

const PAGES = fileURLToPath(new URL('../../../shared/corpora/pages/', import.meta.url));

/** Whether the corpus is there (it lives in ../shared, beside the repository, not in it). */
export const hasPages = existsSync(join(PAGES, 'INDEX.tsv'));

/** The page names in INDEX.tsv order. */
export function pageNames() {
  const [, ...rows] = readFileSync(join(PAGES, 'INDEX.tsv'), 'utf8').trim().split('\n');
  return rows.map((row) => row.split('\t')[0]);
}

export function goldText(name) {
  return readFileSync(join(PAGES, name, 'gold.txt'), 'utf8');
}

/**
 * Our same-origin module and its wasm may run; the page's own inline and third-party scripts may
 * not, so the saved markup is what the shim sees.
 */
const PAGE_CSP = "script-src 'self' 'wasm-unsafe-eval'";

/**
 * Serves www/dist at /, each page at /pages/<name>/ and an empty page at /blank.html from a
 * temporary folder, so a page can import('/article-highlighter.js') from its own origin. `dir` is
 * the folder (files added to it are served too); close() stops the server and removes it.
 */
export async function serveCorpus(names) {
  const site = mkdtempSync(join(tmpdir(), 'article-highlighter-pages-'));
  for (const entry of readdirSync(DIST)) symlinkSync(join(DIST, entry), join(site, entry));
  writeFileSync(join(site, 'blank.html'), '<!doctype html><title>blank</title>');
  for (const name of names) {
    mkdirSync(join(site, 'pages', name), { recursive: true });
    writeFileSync(join(site, 'pages', name, 'index.html'), gunzipSync(readFileSync(join(PAGES, name, 'source.html.gz'))));
  }
  const server = await serve(site, {
    headers: (path) => (path.startsWith('/pages/') ? { 'content-security-policy': PAGE_CSP } : {}),
  });
  return {
    url: server.url,
    dir: site,
    close: async () => {
      await server.close();
      rmSync(site, { recursive: true, force: true });
    },
  };
}

/** The bag of lowercase word tokens of a text, as a Map from token to count. */
function tokenBag(text) {
  const bag = new Map();
  for (const [token] of text.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) bag.set(token, (bag.get(token) ?? 0) + 1);
  return bag;
}

/** Token F1 of `found` against `gold`: the harmonic mean of bag-of-words precision and recall. */
export function tokenF1(found, gold) {
  const a = tokenBag(found);
  const b = tokenBag(gold);
  const size = (bag) => [...bag.values()].reduce((n, c) => n + c, 0);
  let overlap = 0;
  for (const [token, count] of a) overlap += Math.min(count, b.get(token) ?? 0);
  const precision = overlap / (size(a) || 1);
  const recall = overlap / (size(b) || 1);
  return { precision, recall, f1: overlap === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}
