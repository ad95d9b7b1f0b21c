// Collecting the article's text in Rust through web-sys against the shim's JavaScript, in
// headless Chromium: is a port of text.js's walk to wasm any faster?
//
//   node www/bench/websys/run.mjs                 # needs www/dist (bash www/scripts/build.sh)
//   node www/bench/websys/run.mjs --rounds 15 --json FILE
//
// Builds the crate beside this file (src/lib.rs: two web-sys walks, over node properties and
// over a TreeWalker) with cargo and wasm-bindgen, serves it with the built shim, then on the
// benchmark's 1 MB article page (www/bench/article.mjs, as www/bench/run.mjs builds it) and on
// each saved page of ../shared/corpora/pages times four ways to collect the text under the
// article root (page.js): text.js's collectText as the shim runs it, the same walk in JavaScript
// with only the rules the Rust walks keep (tag names and attributes, no computed style), and the
// two Rust walks. They are timed in interleaved rounds and the medians printed; the run fails
// (exit 1) if a Rust walk collects other text, starts or nodes than the reduced JavaScript walk.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { DIST, launchChromium, serve } from '../../../tests/browser/browser.mjs';
import { PAGES, articlePage, hasPages, pageNames, sourceParagraphs } from '../article.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
/** Rounds per page; each round times one sample of every method. The median is reported. */
const ROUNDS = Number(option('--rounds', 15));
/** A sample repeats its call until this long has passed (performance.now() is coarse). */
const MIN_MS = 10;
/** Calls of each method before timing, so the optimising tiers have taken over. */
const WARMUPS = 3;
const JSON_OUT = option('--json', null);

const HERE = fileURLToPath(new URL('./', import.meta.url));
/** Saved pages run none of their own scripts (as in the browser tests and www/bench/run.mjs). */
const PAGE_CSP = "script-src 'self' 'wasm-unsafe-eval'";
const METHODS = ['jsFull', 'jsReduced', 'rustProperties', 'rustTreeWalker'];
const say = (message) => console.error(`[websys] ${message}`);

/** The crate as the browser loads it: cargo's release wasm, then wasm-bindgen's ES module. */
function build(outDir) {
  const manifest = join(HERE, 'Cargo.toml');
  execFileSync('cargo', ['build', '--release', '--target', 'wasm32-unknown-unknown', '--manifest-path', manifest], { stdio: 'inherit' });
  const wasm = join(HERE, 'target/wasm32-unknown-unknown/release/websys_bench.wasm');
  execFileSync('wasm-bindgen', ['--target', 'web', '--out-dir', outDir, wasm], { stdio: 'inherit' });
}

/** The shim's modules that page.js imports, as www/scripts/build.sh built them (article.js imports text.js). */
const SHIM = ['text.js', 'article.js'];

/**
 * A temporary site: the shim's modules at /, the crate's module and page.js under /websys/, the
 * 1 MB page at /websys/article.html, each saved page at /pages/NAME/. The modules are copied, not
 * linked, so that a rebuild of www/dist during the run cannot pull them away.
 */
function buildSite() {
  const missing = SHIM.filter((file) => !existsSync(join(DIST, file)));
  if (missing.length > 0) throw new Error(`www/dist lacks ${missing.join(', ')}: run bash www/scripts/build.sh first`);
  const site = mkdtempSync(join(tmpdir(), 'article-highlighter-websys-'));
  for (const file of SHIM) copyFileSync(join(DIST, file), join(site, file));
  const websys = join(site, 'websys');
  mkdirSync(websys);
  build(join(websys, 'pkg'));
  copyFileSync(join(HERE, 'page.js'), join(websys, 'page.js'));
  const { paragraphs } = sourceParagraphs();
  // www/bench/run.mjs's big page, with its title, so it is the very same page.
  writeFileSync(join(websys, 'article.html'), articlePage(paragraphs, 1_000_000, 'Benchmark article: real news paragraphs, repeated and varied').html);
  const pages = hasPages ? pageNames() : [];
  for (const name of pages) {
    mkdirSync(join(site, 'pages', name), { recursive: true });
    writeFileSync(join(site, 'pages', name, 'index.html'), gunzipSync(readFileSync(join(PAGES, name, 'source.html.gz'))));
  }
  return { dir: site, pages };
}

/** Opens `url` in a fresh context kept off the network and runs page.js's measure() there. */
async function measure(browser, siteUrl, { url, root }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.route('**/*', (route) => (route.request().url().startsWith(`${siteUrl}/`) ? route.continue() : route.abort()));
    // A saved page's own blocked scripts log errors; only ours count.
    const errors = [];
    page.on('pageerror', (error) => {
      if (`${error.stack}`.includes('/websys/')) errors.push(error.message);
    });
    await page.goto(`${siteUrl}${url}`, { waitUntil: 'load' });
    const result = await page.evaluate(
      async (input) => (await import('/websys/page.js')).measure(input),
      { root, rounds: ROUNDS, minMs: MIN_MS, warmups: WARMUPS },
    );
    return { ...result, errors };
  } finally {
    await context.close();
  }
}

const ms = (value) => (value >= 10 ? value.toFixed(1) : value.toFixed(2));
const ratio = (a, b) => `${(a / b).toFixed(2)}×`;

function formatTable(rows) {
  const head = ['page', 'chars', 'text nodes', 'JS collectText', 'JS reduced', 'Rust props', 'Rust TreeWalker', 'props / JS reduced', 'TreeWalker / JS reduced', 'same text'];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`];
  for (const row of rows) {
    const m = row.medians;
    const same = Object.keys(row.mismatches).length === 0 ? 'yes' : 'NO';
    lines.push(`| ${[row.name, row.chars.toLocaleString('en'), row.segments.toLocaleString('en'), ms(m.jsFull), ms(m.jsReduced), ms(m.rustProperties), ms(m.rustTreeWalker),
      ratio(m.rustProperties, m.jsReduced), ratio(m.rustTreeWalker, m.jsReduced), same].join(' | ')} |`);
  }
  return lines.join('\n');
}

/** Over the saved pages: the sum of each method's medians and the geometric mean of the ratios. */
function summary(rows) {
  const sum = (name) => rows.reduce((total, row) => total + row.medians[name], 0);
  const geomean = (name) => Math.exp(rows.reduce((total, row) => total + Math.log(row.medians[name] / row.medians.jsReduced), 0) / rows.length);
  return `${rows.length} saved pages, sum of medians (ms): ${METHODS.map((name) => `${name} ${sum(name).toFixed(2)}`).join(', ')}\n`
    + `geometric mean of the ratio to JS reduced: ${METHODS.filter((n) => n !== 'jsReduced').map((name) => `${name} ${geomean(name).toFixed(2)}×`).join(', ')}`;
}

async function main() {
  const site = buildSite();
  const server = await serve(site.dir, { headers: (path) => (path.startsWith('/pages/') ? { 'content-security-policy': PAGE_CSP } : {}) });
  const browser = await launchChromium();
  const results = {
    machine: { chromium: browser.version(), cores: cpus().length, cpu: cpus()[0]?.model?.trim(), node: process.version, loadavg: loadavg() },
    rounds: ROUNDS, minMs: MIN_MS, warmups: WARMUPS, big: null, pages: [],
  };
  let failed = false;
  const check = (row) => {
    for (const [method, problem] of Object.entries(row.mismatches)) {
      failed = true;
      console.error(`FAIL ${row.name}: ${method}: ${problem}`);
    }
    for (const error of row.errors) {
      failed = true;
      console.error(`FAIL ${row.name}: ${error}`);
    }
  };
  try {
    say(`Chromium ${results.machine.chromium}, ${results.machine.cores} cores, load ${results.machine.loadavg.map((l) => l.toFixed(2)).join(' ')}`);
    say('1 MB article page');
    results.big = { name: '1 MB article', ...(await measure(browser, server.url, { url: '/websys/article.html', root: 'article' })) };
    check(results.big);
    for (const name of site.pages) {
      say(`saved page ${name}`);
      const row = { name, ...(await measure(browser, server.url, { url: `/pages/${name}/`, root: 'find' })) };
      check(row);
      results.pages.push(row);
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(site.dir, { recursive: true, force: true });
  }
  const { machine } = results;
  console.log(`Chromium ${machine.chromium}, ${machine.cores} cores (${machine.cpu}), Node ${machine.node}; median ms of ${ROUNDS} interleaved rounds, ${WARMUPS} warm-up calls each`);
  console.log(formatTable([results.big, ...results.pages]));
  if (results.pages.length > 0) console.log(summary(results.pages));
  const differs = results.pages.filter((row) => !row.fullSameAsReduced).map((row) => row.name);
  console.log(`collectText's own text differs from the reduced walk's (its computed-style checks) on: ${differs.join(', ') || 'none'}${results.big.fullSameAsReduced ? '' : ', 1 MB article'}`);
  if (JSON_OUT) writeFileSync(JSON_OUT, `${JSON.stringify(results, null, 2)}\n`);
  process.exitCode = failed ? 1 : 0;
}

await main();
