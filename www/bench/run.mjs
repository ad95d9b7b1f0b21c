// Speed against mark.js: the same page, the same names, in the same headless Chromium run.
//
//   bash www/scripts/build.sh && node www/bench/run.mjs            # every case; writes the figures
//                                                                  # into tests/BENCHMARKS.md
//   node www/bench/run.mjs --quick                                 # each case once, small, for CI
//   node www/bench/run.mjs --json FILE                             # also the raw figures as JSON
//   node www/bench/run.mjs --mark-limit SECONDS                    # stop mark.js sooner than 120 s
//   node www/bench/run.mjs --first-click                           # the first click alone
//
// Cases: (a) the demo page with its 11 actors; (b) a saved real news page with the world actors
// of the browser tests; (c) a 1 MB article of real paragraphs with 1,000 place actors and (d) the
// same with 10,000 (see article.mjs and actors.mjs). On each: mark.js 8.11.1 (one mark() call with
// every alias, options in probe.js) and ours in both painting modes, each from a freshly loaded
// page, timed from the start of a frame to the end of the frame that shows the result, with the
// median of several runs. Then the core alone: scanning 1 MB against TextEncoder, and compiling.
// Then the first click (measureFirstClick): highlight() with every default on each of the 25 saved
// pages and the demo, cold (nothing of ours loaded before the call) and warm (the second click),
// and where its time goes, step by step.
//
// Timings are reported, never asserted. The run fails (exit 1) only when something breaks: an
// exception, an error on the page, or nothing highlighted.
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { DIST, launchChromium, serve } from '../../tests/browser/browser.mjs';
import { SPLIT_BUNDLE } from '../scripts/build-page.mjs';
import { aliasCount, placeActors } from './actors.mjs';
import { PAGES, articlePage, hasPages, pageNames, sourceParagraphs } from './article.mjs';
import { formatFirstClick, formatTable, writeFirstClickSection, writeSection } from './report.mjs';

const args = process.argv.slice(2);
const QUICK = args.includes('--quick');
const JSON_OUT = args.includes('--json') ? args[args.indexOf('--json') + 1] : null;
const FIRST_CLICK_ONLY = args.includes('--first-click');

/**
 * Runs per measurement (the median is reported); --quick runs each once. The short pages, whose
 * figures are a few milliseconds and move by as much from run to run, get more.
 */
const RUNS = QUICK ? 1 : 5;
const SHORT_PAGE_RUNS = QUICK ? 1 : 15;
/** Runs of the first click on each saved page, and on the demo. */
const FIRST_CLICK_RUNS = QUICK ? 1 : 3;
const FIRST_CLICK_DEMO_RUNS = QUICK ? 1 : 9;
/**
 * mark.js gets this long for one mark() or unmark() before it is stopped (--mark-limit SECONDS):
 * long enough for case (c), which takes it about a minute, so that its ratio is a measure and not a bound.
 */
const MARK_LIMIT_MS = (args.includes('--mark-limit') ? Number(args[args.indexOf('--mark-limit') + 1]) : 120) * 1000;
/** mark.js runs slower than this are not repeated: one run says enough, and saves minutes. */
const MARK_REPEAT_BELOW_MS = 10_000;
/** When one mark() call with every keyword overflows the stack, mark.js gets this many a call. */
const MARK_CHUNK = 500;
/** Ours gets this long for one call; longer counts as a failure. */
const OUR_LIMIT_MS = 120_000;
/** The saved page of case (b): the longest article of the corpus, on the US-China trade war. */
const REAL_PAGE = 'nytimes-702d1da6';
const BIG_CHARS = QUICK ? 100_000 : 1_000_000;

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BENCHMARKS = join(ROOT, 'tests/BENCHMARKS.md');

/** The saved pages' own scripts may not run (as in the browser tests); ours and mark.js may. */
const PAGE_CSP = "script-src 'self' 'wasm-unsafe-eval'";

/** The commit measured (with "+changes" when the tree differs from it), or null outside git. */
function gitCommit() {
  try {
    const git = (...args) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
    return `${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain', '--untracked-files=no') ? '+changes' : ''}`;
  } catch {
    return null;
  }
}

const failures = [];
const fail = (message) => {
  failures.push(message);
  console.error(`FAIL ${message}`);
};
const say = (message) => console.error(`[bench] ${message}`);

/**
 * Builds the shim into `dir` with every module of www/src at its path (and the glue at pkg/), for
 * the probes that time one step alone (painting, the sidebar, the room beside it): the bundle in
 * www/dist keeps a module only for what pages and tests import. The code is the bundle's, split
 * the same way; the modules share one instance of the core.
 */
async function buildParts(dir) {
  const source = join(ROOT, 'www/src');
  const modules = readdirSync(source, { recursive: true }).filter((path) => path.endsWith('.js'));
  await build({
    entryPoints: [
      ...modules.map((path) => ({ in: join(source, path), out: path.slice(0, -'.js'.length) })),
      { in: join(DIST, 'pkg/article_highlighter.js'), out: 'pkg/article_highlighter' },
    ],
    ...SPLIT_BUNDLE,
    outdir: dir,
  });
  symlinkSync(join(DIST, 'pkg/article_highlighter_bg.wasm'), join(dir, 'pkg/article_highlighter_bg.wasm'));
}

/**
 * Lays out the site in a temporary folder: the built www/dist at /, the shim's modules one by one
 * at /parts/ (buildParts), and under /bench/ this folder's probe, mark.js, the configs and the
 * generated pages; the saved page at /pages/NAME/.
 */
async function buildSite() {
  const site = mkdtempSync(join(tmpdir(), 'article-highlighter-bench-'));
  for (const entry of readdirSync(DIST)) symlinkSync(join(DIST, entry), join(site, entry));
  await buildParts(join(site, 'parts'));
  const bench = join(site, 'bench');
  mkdirSync(join(bench, 'configs'), { recursive: true });
  copyFileSync(new URL('probe.js', import.meta.url), join(bench, 'probe.js'));
  copyFileSync(new URL('../node_modules/mark.js/dist/mark.js', import.meta.url), join(bench, 'mark.js'));

  // The demo page as it is, less its script, which would highlight it on load; its own files
  // (stylesheet, icon) still come from /demo/.
  const demo = readFileSync(join(DIST, 'demo/index.html'), 'utf8');
  const script = '<script type="module" src="demo.js"></script>';
  if (!demo.includes(script) || !demo.includes('<head>')) throw new Error(`www/dist/demo/index.html no longer loads its script as ${script}`);
  writeFileSync(join(bench, 'demo.html'), demo.replace(script, '').replace('<head>', '<head>\n  <base href="/demo/">'));

  const configs = {};
  const writeConfig = (name, config) => {
    writeFileSync(join(bench, 'configs', `${name}.json`), JSON.stringify(config));
    configs[name] = { url: `/bench/configs/${name}.json`, actors: config.actors.length, aliases: aliasCount(config) };
  };
  writeConfig('demo', JSON.parse(readFileSync(join(DIST, 'demo/actors.json'), 'utf8')));
  writeConfig('world', JSON.parse(readFileSync(join(ROOT, 'tests/browser/fixtures/world-actors.json'), 'utf8')));
  writeConfig('places-1000', placeActors(1000));
  if (!QUICK) writeConfig('places-10000', placeActors(10_000));

  const { paragraphs, source } = sourceParagraphs();
  const big = articlePage(paragraphs, BIG_CHARS, 'Benchmark article: real news paragraphs, repeated and varied');
  writeFileSync(join(bench, 'article.html'), big.html);

  for (const name of hasPages ? pageNames() : []) {
    mkdirSync(join(site, 'pages', name), { recursive: true });
    writeFileSync(join(site, 'pages', name, 'index.html'), gunzipSync(readFileSync(join(PAGES, name, 'source.html.gz'))));
  }
  return { dir: site, configs, big: { ...big, source, html: undefined } };
}

/** A text size in words: "100 KB", "1 MB" (of characters, nearly all one byte in UTF-8). */
const sizeOf = (chars) => (chars >= 1_000_000 ? `${Math.round(chars / 1_000_000)} MB` : `${Math.round(chars / 1000)} KB`);

/** The cases this run measures. */
function casesOf(site) {
  const { configs, big } = site;
  const size = sizeOf(big.chars);
  const cases = [{ key: 'a', name: 'demo page (seed article)', url: '/bench/demo.html', root: 'article', config: configs.demo, runs: SHORT_PAGE_RUNS }];
  if (QUICK) {
    cases.push({ key: 'c', name: `${size} article, 1,000 actors (quick)`, url: '/bench/article.html', root: 'article', config: configs['places-1000'], runs: RUNS });
    return cases;
  }
  if (hasPages) {
    cases.push({ key: 'b', name: `real page ${REAL_PAGE}`, url: `/pages/${REAL_PAGE}/`, root: 'find', config: configs.world, saved: true, runs: SHORT_PAGE_RUNS });
  } else {
    say('SKIP case (b): ../shared/corpora/pages is absent, so there is no saved real page to measure on');
  }
  cases.push({ key: 'c', name: `${size} article, 1,000 actors`, url: '/bench/article.html', root: 'article', config: configs['places-1000'], runs: RUNS });
  cases.push({ key: 'd', name: `${size} article, 10,000 actors`, url: '/bench/article.html', root: 'article', config: configs['places-10000'], runs: RUNS });
  return cases;
}

const TIMED_OUT = Symbol('timed out');

/** Our files on the site: an error on a saved page counts only if it names one of them. */
const OUR_FILES = [...readdirSync(DIST).filter((file) => file.endsWith('.js')).map((file) => `/${file}`), '/pkg/', '/bench/'];

/**
 * Opens `path` in a fresh tab. A saved page is kept off the network (every request that does not
 * go to the local site is aborted); `errors` collects uncaught errors and console errors, on a
 * saved page only those naming a file of ours (its own blocked scripts log plenty).
 */
async function openPage(browser, siteUrl, testCase) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.route('**/*', (route) => (route.request().url().startsWith(`${siteUrl}/`) ? route.continue() : route.abort()));
  const errors = [];
  const ours = (where) => !testCase.saved || OUR_FILES.some((file) => where.includes(`${siteUrl}${file}`));
  page.on('pageerror', (error) => {
    if (ours(`${error.message} ${error.stack}`)) errors.push(`pageerror: ${error.message}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && ours(`${message.text()} ${message.location().url}`)) errors.push(`console: ${message.text()}`);
  });
  await page.goto(`${siteUrl}${testCase.url}`, { waitUntil: 'load' });
  const cdp = await context.newCDPSession(page);
  return {
    page,
    errors,
    /** Calls probe.js's export `fn` in the page; stops it after `limitMs` and answers TIMED_OUT. */
    async call(fn, arg, limitMs) {
      const run = page.evaluate(async ([name, input]) => (await import('/bench/probe.js'))[name](input), [fn, arg]);
      let timer;
      const limit = new Promise((resolve) => {
        timer = setTimeout(() => resolve(TIMED_OUT), limitMs);
      });
      const value = await Promise.race([run, limit]).finally(() => clearTimeout(timer));
      if (value !== TIMED_OUT) return value;
      // Stopping the script leaves the promise that evaluate() waits for pending for ever, so
      // that one is dropped rather than awaited; the page itself answers again right away.
      run.catch(() => {});
      await cdp.send('Runtime.terminateExecution');
      return TIMED_OUT;
    },
    close: () => context.close(),
  };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Medians of the timing fields of several runs. */
function summarise(runs) {
  if (runs.length === 0) return null;
  const pick = (get) => median(runs.map(get));
  const figure = (get) => ({ script: pick((r) => get(r).script), painted: pick((r) => get(r).painted) });
  const again = runs.every((r) => r.again);
  return {
    runs: runs.length,
    paint: figure((r) => r.paint),
    remove: runs[0].remove ? figure((r) => r.remove) : null,
    again: again ? { paint: figure((r) => r.again.paint), remove: figure((r) => r.again.remove) } : null,
    count: runs[0].count,
  };
}

/** One run of ours on a fresh page, checked: something painted, all of it taken away again. */
async function runOurs(browser, siteUrl, testCase, paint, firstCall) {
  const tab = await openPage(browser, siteUrl, testCase);
  try {
    const what = `(${testCase.key}) ours, ${paint}${firstCall ? ', first call' : ''}`;
    const result = await tab.call('ours', { configUrl: testCase.config.url, root: testCase.root, paint, firstCall }, OUR_LIMIT_MS);
    if (result === TIMED_OUT) {
      fail(`${what}: no answer within ${OUR_LIMIT_MS / 1000} s`);
      return null;
    }
    if (result.mode !== paint) fail(`${what}: painted in mode ${result.mode}`);
    if (!(result.count > 0 && result.painted > 0)) fail(`${what}: nothing highlighted (count ${result.count}, painted ${result.painted})`);
    if (result.left !== 0 || !result.restored) fail(`${what}: remove() left ${result.left} highlights, page restored: ${result.restored}`);
    for (const error of tab.errors) fail(`${what}: ${error}`);
    return result;
  } finally {
    await tab.close();
  }
}

/** The painting floor (probe.js's floor()) on a fresh page. */
async function runFloor(browser, siteUrl, testCase) {
  const tab = await openPage(browser, siteUrl, testCase);
  try {
    const result = await tab.call('floor', { configUrl: testCase.config.url, root: testCase.root }, OUR_LIMIT_MS);
    if (result === TIMED_OUT || !(result.count > 0)) {
      fail(`(${testCase.key}) floor: ${result === TIMED_OUT ? 'no answer' : 'nothing shown'}`);
      return null;
    }
    return result;
  } finally {
    await tab.close();
  }
}

/**
 * One run of mark.js on a fresh page, one mark() call with every keyword or, given `chunk`, one
 * call per `chunk` keywords. Answers {timedOut, progress} when mark() did not finish within the
 * limit, or {overflow} when one call with them all overflowed the stack: results about mark.js,
 * not failures of the benchmark.
 */
async function runMark(browser, siteUrl, testCase, chunk) {
  const tab = await openPage(browser, siteUrl, testCase);
  const what = `(${testCase.key}) mark.js`;
  const config = { configUrl: testCase.config.url, root: testCase.root, chunk };
  try {
    await tab.page.addScriptTag({ url: '/bench/mark.js' });
    const shown = await tab.call('markjsPaint', config, MARK_LIMIT_MS);
    if (shown === TIMED_OUT) {
      const progress = await tab.page.evaluate(() => window.benchProgress).catch(() => null);
      return { timedOut: 'paint', progress, limitMs: MARK_LIMIT_MS, chunk };
    }
    if (shown.overflow) return { overflow: shown.overflow };
    if (!(shown.count > 0)) fail(`${what}: nothing marked`);
    const removed = await tab.call('markjsRemove', null, MARK_LIMIT_MS);
    if (removed === TIMED_OUT) return { ...shown, timedOut: 'remove', limitMs: MARK_LIMIT_MS, chunk };
    if (removed.left !== 0) fail(`${what}: unmark() left ${removed.left} marks`);
    let again = null;
    if (shown.paint.painted < MARK_REPEAT_BELOW_MS) {
      again = await tab.call('markjsAgain', config, MARK_LIMIT_MS);
      if (again === TIMED_OUT || again.overflow) again = null;
      else if (again.count !== shown.count || again.left !== 0) fail(`${what}: the second mark() found ${again.count} (first ${shown.count}), unmark() left ${again.left}`);
    }
    for (const error of tab.errors) fail(`${what}: ${error}`);
    return { ...shown, ...removed, again, chunk };
  } catch (error) {
    fail(`${what}: ${error.message.split('\n')[0]}`);
    return null;
  } finally {
    await tab.close();
  }
}

/** Every measurement of one case: mark.js, ours warm in both modes, ours on the first call. */
async function measureCase(browser, siteUrl, testCase) {
  say(`(${testCase.key}) ${testCase.name}: ${testCase.config.actors} actors, ${testCase.config.aliases} aliases`);
  const runs = { mark: [], highlights: [], marks: [], firstHighlights: [], firstMarks: [], floor: [] };
  let mark = null;
  let markDone = false;
  let chunk = null;
  let overflow = null;
  for (let i = 0; i < testCase.runs; i += 1) {
    // Interleaved, so that any drift of the machine spreads over all of them alike.
    if (!markDone) {
      let result = await runMark(browser, siteUrl, testCase, chunk);
      if (result?.overflow) {
        overflow = result.overflow;
        chunk = MARK_CHUNK;
        runs.mark = []; // every figure reported for mark.js comes from the same way of calling it
        say(`(${testCase.key}) mark.js: one mark() call overflowed the stack after ${overflow.keywords} of ${overflow.of} keywords; measuring it in chunks of ${chunk}`);
        result = await runMark(browser, siteUrl, testCase, chunk);
      }
      if (!result) {
        markDone = true;
      } else if (result.timedOut) {
        mark = result;
        markDone = true;
      } else {
        runs.mark.push(result);
        markDone = result.paint.painted > MARK_REPEAT_BELOW_MS;
      }
    }
    for (const paint of ['highlights', 'marks']) {
      const warm = await runOurs(browser, siteUrl, testCase, paint, false);
      if (warm) runs[paint].push(warm);
      const first = await runOurs(browser, siteUrl, testCase, paint, true);
      if (first) runs[paint === 'highlights' ? 'firstHighlights' : 'firstMarks'].push(first);
    }
    const floor = await runFloor(browser, siteUrl, testCase);
    if (floor) runs.floor.push(floor);
  }
  const markSummary = mark ?? summarise(runs.mark);
  if (markSummary && !mark) {
    markSummary.marks = runs.mark[0].marks;
    markSummary.keywords = runs.mark[0].keywords;
    markSummary.chunk = chunk;
  }
  if (markSummary) markSummary.overflow = overflow;
  const tab = await openPage(browser, siteUrl, testCase);
  const size = await tab.page.evaluate(async (root) => {
    let element = document.querySelector(root);
    if (root === 'find') element = (await import('/article.js')).findArticle(document);
    return element.textContent.length;
  }, testCase.root);
  await tab.close();
  return {
    key: testCase.key,
    name: testCase.name,
    chars: size,
    actors: testCase.config.actors,
    aliases: testCase.config.aliases,
    mark: markSummary,
    highlights: summarise(runs.highlights),
    marks: summarise(runs.marks),
    firstHighlights: summarise(runs.firstHighlights),
    firstMarks: summarise(runs.firstMarks),
    floor: summarise(runs.floor),
  };
}

/** The core alone, on the big article's text (probe.js's core()). */
async function measureCore(browser, siteUrl, site) {
  say(`core: scanning ${sizeOf(site.big.chars)} against TextEncoder, compiling configs`);
  const testCase = { key: 'core', url: '/bench/article.html', root: 'article' };
  const tab = await openPage(browser, siteUrl, testCase);
  try {
    const result = await tab.call('core', {
      configUrl: site.configs['places-1000'].url,
      bigConfigUrl: site.configs['places-10000']?.url ?? null,
      root: 'article',
    }, OUR_LIMIT_MS * 2);
    if (result === TIMED_OUT) {
      fail('core: no answer in time');
      return null;
    }
    if (!(result.mentions > 0)) fail('core: the scan found no mention');
    for (const error of tab.errors) fail(`core: ${error}`);
    return result;
  } finally {
    await tab.close();
  }
}

/** Medians of each numeric field of `objects` (an object of numbers, or of such objects). */
function medians(objects) {
  const out = {};
  for (const key of Object.keys(objects[0])) {
    const values = objects.map((o) => o[key]);
    out[key] = typeof values[0] === 'number' ? median(values) : typeof values[0] === 'object' && values[0] ? medians(values) : values[0];
  }
  return out;
}

/**
 * The first click on one page, `runs` times, each twice on a fresh page: the click itself
 * (probe.js's firstClick) and its steps one by one (firstClickSteps). Answers the medians.
 */
async function firstClickOn(browser, siteUrl, testCase) {
  const clicks = [];
  const steps = [];
  const what = `first click on ${testCase.name}`;
  const arg = { configUrl: testCase.config.url, root: testCase.root };
  for (let i = 0; i < testCase.runs; i += 1) {
    for (const [fn, into] of [['firstClick', clicks], ['firstClickSteps', steps]]) {
      const tab = await openPage(browser, siteUrl, testCase);
      try {
        const result = await tab.call(fn, arg, OUR_LIMIT_MS);
        if (result === TIMED_OUT) {
          fail(`${what}: ${fn} gave no answer within ${OUR_LIMIT_MS / 1000} s`);
          continue;
        }
        if (fn === 'firstClick' && (result.left !== 0 || !result.restored)) fail(`${what}: remove() left ${result.left} highlights, page restored: ${result.restored}`);
        for (const error of tab.errors) fail(`${what}: ${error}`);
        into.push(result);
      } catch (error) {
        fail(`${what}: ${fn}: ${error.message.split('\n')[0]}`);
      } finally {
        await tab.close();
      }
    }
  }
  if (clicks.length === 0 || steps.length === 0) return null;
  return { name: testCase.name, ...medians(clicks), steps: medians(steps) };
}

/**
 * The first click, as a reader makes it: on every saved page (the article found, the world
 * actors) and on the demo (its article, its 11 actors), with the demo's floor (see probe.js).
 */
async function measureFirstClick(browser, siteUrl, site) {
  const pages = hasPages ? pageNames() : [];
  say(`first click: ${pages.length} saved pages and the demo, ${FIRST_CLICK_RUNS} run(s) a page, ${FIRST_CLICK_DEMO_RUNS} on the demo`);
  const demoCase = { key: 'demo', name: 'demo', url: '/bench/demo.html', root: 'article', config: site.configs.demo, runs: FIRST_CLICK_DEMO_RUNS };
  const demo = await firstClickOn(browser, siteUrl, demoCase);
  const floors = [];
  for (let i = 0; i < FIRST_CLICK_DEMO_RUNS; i += 1) {
    const floor = await runFloor(browser, siteUrl, demoCase);
    if (floor) floors.push(floor.paint.painted);
  }
  const results = [];
  for (const name of pages) {
    const testCase = { key: name, name, url: `/pages/${name}/`, root: null, config: site.configs.world, saved: true, runs: FIRST_CLICK_RUNS };
    const result = await firstClickOn(browser, siteUrl, testCase);
    if (result) results.push(result);
  }
  return { demo, floor: floors.length ? median(floors) : null, pages: results, runs: FIRST_CLICK_RUNS, demoRuns: FIRST_CLICK_DEMO_RUNS };
}

/**
 * How idle the machine's cores are over one second, 0 to 1: taken before the run, since other
 * work on the two cores shows in every figure.
 */
async function idleShare() {
  const sum = () => cpus().reduce((t, cpu) => ({ idle: t.idle + cpu.times.idle, all: t.all + Object.values(cpu.times).reduce((a, b) => a + b, 0) }), { idle: 0, all: 0 });
  const before = sum();
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const after = sum();
  return (after.idle - before.idle) / Math.max(1, after.all - before.all);
}

async function main() {
  const started = Date.now();
  const site = await buildSite();
  const server = await serve(site.dir, {
    headers: (path) => (path.startsWith('/pages/') ? { 'content-security-policy': PAGE_CSP } : {}),
  });
  const browser = await launchChromium();
  const results = { quick: QUICK, runs: RUNS, shortPageRuns: SHORT_PAGE_RUNS, markLimitMs: MARK_LIMIT_MS, cases: [], core: null, big: site.big };
  try {
    results.machine = {
      cores: cpus().length,
      cpu: cpus()[0]?.model?.trim() ?? 'unknown',
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      chromium: browser.version(),
      node: process.version,
      idleBefore: await idleShare(),
      loadBefore: loadavg()[0],
    };
    for (const testCase of FIRST_CLICK_ONLY ? [] : casesOf(site)) {
      try {
        results.cases.push(await measureCase(browser, server.url, testCase));
      } catch (error) {
        fail(`(${testCase.key}) ${error.stack ?? error.message}`);
      }
    }
    try {
      if (!FIRST_CLICK_ONLY) results.core = await measureCore(browser, server.url, site);
    } catch (error) {
      fail(`core: ${error.stack ?? error.message}`);
    }
    try {
      results.firstClick = await measureFirstClick(browser, server.url, site);
    } catch (error) {
      fail(`first click: ${error.stack ?? error.message}`);
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(site.dir, { recursive: true, force: true });
  }
  results.seconds = (Date.now() - started) / 1000;
  if (results.machine) results.machine.loadAfter = loadavg()[0];
  results.date = new Date().toISOString().slice(0, 10);
  results.commit = gitCommit();

  if (!FIRST_CLICK_ONLY) console.log(formatTable(results));
  if (results.firstClick) console.log(`\n${formatFirstClick(results)}`);
  if (JSON_OUT) writeFileSync(JSON_OUT, `${JSON.stringify(results, null, 2)}\n`);
  if (!QUICK && failures.length === 0) {
    if (!FIRST_CLICK_ONLY) {
      writeSection(BENCHMARKS, results);
      say(`wrote the section "Speed against mark.js" of ${BENCHMARKS}`);
    }
    if (results.firstClick) {
      writeFirstClickSection(BENCHMARKS, results);
      say(`wrote the section "The first click" of ${BENCHMARKS}`);
    }
  }
  say(`${failures.length === 0 ? 'done' : `${failures.length} failure(s)`} in ${results.seconds.toFixed(1)} s`);
  process.exitCode = failures.length === 0 ? 0 : 1;
}

await main();
