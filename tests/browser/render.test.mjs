// Pre-rendering (`article-highlighter render`) in Chromium and WebKit (Firefox ESR's WebDriver
// BiDi cannot turn a page's JavaScript off, emulation.setScriptingEnabled being unknown to it):
// - the marks it writes equal, mark for mark, those the shim's marks painter paints on the original
//   page with the same config (kind, actor or quote kind, text and style): for the demo article
//   and for the 25 saved news pages of ../shared/corpora/pages;
// - with JavaScript off, the pre-rendered demo shows its highlights and the static sidebar;
// - with JavaScript on, the shim takes over a pre-rendered page (the demo's own script, the
//   embedding script tag, or highlight() called on it): its static output gives way to the live
//   session, which paints the same marks, and remove() gives back the page exactly as served.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ARTIFACTS, DIST, launchChromium, launchWebKit } from './browser.mjs';
import { hasPages, pageNames, serveCorpus } from './corpus.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WORLD = join(ROOT, 'tests/browser/fixtures/world-actors.json');
const DEMO_ACTORS = join(ROOT, 'www/demo/actors.json');

/** The command line, built in debug (as `cargo test` builds it) if it is not yet. */
function cli() {
  execFileSync('cargo', ['build', '--quiet', '--bin', 'article-highlighter'], { cwd: ROOT, stdio: 'inherit' });
  return join(process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target'), 'debug', 'article-highlighter');
}

function render(bin, config, page, root) {
  const args = ['render', '--config', config, ...(root ? ['--root', root] : []), page];
  return execFileSync(bin, args, { maxBuffer: 256 * 1024 * 1024 });
}

/** Clicks the middle of what `find` (run in the page) returns, as a reader would. */
async function clickOn(page, find) {
  const box = await page.evaluate((source) => new Function(`return (${source})();`)().getBoundingClientRect().toJSON(), find.toString());
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/** Puts `html` at `dir/index.html` beside links to every file of `beside` (a page's own assets). */
function placePage(dir, html, beside) {
  mkdirSync(dir, { recursive: true });
  if (beside) for (const file of readdirSync(beside)) if (file !== 'index.html') symlinkSync(join(beside, file), join(dir, file));
  writeFileSync(join(dir, 'index.html'), html);
}

/** In the page: every highlighter mark in page order, as [kind, actor or quote kind, text, style]. */
function readMarks() {
  return [...document.querySelectorAll('mark[data-article-highlighter]')].map((m) => [
    m.dataset.articleHighlighter, m.dataset.actor ?? m.dataset.kind, m.textContent, m.style.cssText,
  ]);
}

/** Starts a session with `options` in the page, as `window.session`. */
function highlightIn(page, actors, options) {
  return page.evaluate(async (args) => {
    const { highlight } = await import(new URL('/article-highlighter.js', location.origin).href);
    window.session = await highlight(args.actors, args.options);
  }, { actors, options });
}

/** Asserts two lists of marks are equal, naming the first difference rather than printing both. */
function assertSameMarks(actual, expected, what) {
  const at = actual.findIndex((mark, i) => JSON.stringify(mark) !== JSON.stringify(expected[i]));
  const differ = at === -1 && actual.length !== expected.length ? actual.length : at;
  assert.ok(differ === -1 && actual.length === expected.length,
    `${what}: ${actual.length} marks, expected ${expected.length}; first difference at ${differ}: `
    + `${JSON.stringify(actual[differ])} instead of ${JSON.stringify(expected[differ])}`);
}

let bin;
let site;
before(async () => {
  bin = cli();
  site = await serveCorpus(hasPages ? pageNames() : []);
  // The demo article and the embedding example, pre-rendered, each beside its own files.
  placePage(join(site.dir, 'demo-prerendered'), render(bin, DEMO_ACTORS, join(ROOT, 'www/demo/index.html'), 'article'), join(DIST, 'demo'));
  const source = readFileSync(join(DIST, 'embed/index.html'), 'utf8');
  const config = join(site.dir, 'embed-actors.json');
  writeFileSync(config, source.match(/<script type="application\/json" id="actors">([\s\S]*?)<\/script>/)[1]);
  const embedPage = join(site.dir, 'embed-source.html');
  writeFileSync(embedPage, source);
  placePage(join(site.dir, 'embed-prerendered'), render(bin, config, embedPage, 'article'));
});
after(() => site?.close());

/** The screen that `render` assumes for the page's @media rules (SCREEN in src/page/media.rs). */
const SCREEN = { width: 1280, height: 800 };

/**
 * The browsers these tests run in, each as start(), which gives open(path, {javaScript}) and
 * stop(). open() loads a page of the local site on SCREEN, off the network, with or without the
 * page's own JavaScript, and gives {page, errors, close()}.
 */
const ENGINES = {
  async chromium() {
    const browser = await launchChromium();
    return {
      async open(path, { javaScript = true } = {}) {
        const context = await browser.newContext({ javaScriptEnabled: javaScript, viewport: SCREEN });
        await context.route('**/*', (route) => (route.request().url().startsWith(`${site.url}/`) ? route.continue() : route.abort()));
        const page = await context.newPage();
        const errors = [];
        page.on('pageerror', (e) => errors.push(e.message));
        await page.goto(`${site.url}${path}`, { waitUntil: 'load' });
        return { page, errors, close: () => context.close() };
      },
      stop: () => browser.close(),
    };
  },
  // MiniBrowser turns the pages' JavaScript off for the whole browser (the tests' scripts still
  // run): one browser with it, one without; launchWebKit keeps both off the network.
  async webkit() {
    const browsers = { true: await launchWebKit(), false: await launchWebKit({ javaScript: false }) };
    return {
      async open(path, { javaScript = true } = {}) {
        const page = await browsers[javaScript].newPage(SCREEN);
        const errors = [];
        page.on('pageerror', (e) => errors.push(e.message));
        await page.goto(`${site.url}${path}`);
        return { page, errors, close: () => page.close() };
      },
      stop: async () => {
        await browsers.true.close();
        await browsers.false.close();
      },
    };
  },
};

/** Each page's pre-rendered copy, rendered once for every browser. */
const renderedPages = new Map();
function renderedPage(name) {
  const dir = join(site.dir, 'pages', name);
  if (!renderedPages.has(name)) {
    writeFileSync(join(dir, 'rendered.html'), render(bin, WORLD, join(dir, 'index.html')));
    renderedPages.set(name, `/pages/${name}/rendered.html`);
  }
  return renderedPages.get(name);
}

for (const [engine, start] of Object.entries(ENGINES)) {
  describe(engine, () => {
    let browser;
    before(async () => {
      browser = await start();
    });
    after(() => browser?.stop());
    const open = (path, options) => browser.open(path, options);

    describe('the demo article', () => {
      test('pre-rendered marks equal the marks the shim paints', async () => {
        const live = await open('/demo/?paint=marks');
        await live.page.waitForSelector('html[data-ready]');
        const painted = await live.page.evaluate(readMarks);
        await live.close();
        const still = await open('/demo-prerendered/', { javaScript: false });
        const written = await still.page.evaluate(readMarks);
        await still.close();
        // 46 mentions, one of them across two elements (<em>Haqqani</em> network).
        assert.equal(painted.filter(([kind]) => kind === 'mention').length, 47);
        assertSameMarks(written, painted, 'demo');
      });

      test('with JavaScript off, the highlights and the static sidebar show', async () => {
        const { page, close } = await open('/demo-prerendered/', { javaScript: false });
        const shown = await page.evaluate(() => {
          const host = document.querySelector('article-highlighter-sidebar[data-article-highlighter="prerendered-sidebar"]');
          const panel = host?.shadowRoot?.querySelector('.panel');
          const box = panel?.getBoundingClientRect();
          const mark = document.querySelector('mark[data-article-highlighter="mention"]');
          return {
            panel: box && { left: Math.round(box.left), width: Math.round(box.width), height: Math.round(box.height) },
            open: panel?.open,
            actors: [...(panel?.querySelectorAll('li.actor') ?? [])].map((li) => [li.querySelector('.name').textContent, li.querySelector('.count').textContent]),
            speakers: [...(panel?.querySelectorAll('section.speaker') ?? [])].map((s) => [s.dataset.speaker, s.querySelectorAll('li').length]),
            summary: panel?.querySelector('.summary').textContent,
            markBackground: mark && getComputedStyle(mark).backgroundColor,
            textRight: Math.max(...[...document.querySelectorAll('body p')].map((p) => Math.round(p.getBoundingClientRect().right))),
          };
        });
        assert.deepEqual(shown.panel, { left: 1280 - 340, width: 340, height: 800 }, 'the sidebar stands at the right, full height');
        assert.equal(shown.open, true);
        assert.ok(shown.textRight <= shown.panel.left, `the article's text (to ${shown.textRight} px) is left of the sidebar (from ${shown.panel.left} px)`);
        assert.equal(shown.actors.length, 11);
        assert.deepEqual(shown.actors.find(([name]) => name === 'Muhammad Sadiq'), ['Muhammad Sadiq', '8']);
        assert.deepEqual(shown.speakers, [['Muhammad Sadiq', 3]]);
        assert.equal(shown.summary, '46 mentions of 11 actors · 3 quotes');
        assert.notEqual(shown.markBackground, 'rgba(0, 0, 0, 0)', 'a mention is painted');
        await page.screenshot({ path: `${ARTIFACTS}prerendered-demo-${engine}.png` });
        // Folded by its title, with no script, it leaves the page.
        await clickOn(page, () => document.querySelector('article-highlighter-sidebar[data-article-highlighter="prerendered-sidebar"]').shadowRoot.querySelector('summary'));
        const folded = await page.evaluate(() => {
          const panel = document.querySelector('article-highlighter-sidebar[data-article-highlighter="prerendered-sidebar"]').shadowRoot.querySelector('.panel');
          return { open: panel.open, height: Math.round(panel.getBoundingClientRect().height) };
        });
        assert.equal(folded.open, false);
        assert.ok(folded.height < 100, `folded, the sidebar is a title bar (${folded.height} px high)`);
        await close();
      });

      test('with JavaScript on, the demo takes over, and gives the pre-rendered page back on remove()', async () => {
        const still = await open('/demo-prerendered/', { javaScript: false });
        const served = await still.page.evaluate(() => document.body.innerHTML);
        await still.close();
        const { page, errors, close } = await open('/demo-prerendered/');
        await page.waitForSelector('html[data-ready]');
        const live = await page.evaluate(() => ({
          mode: window.articleHighlighter.mode,
          mentions: window.articleHighlighter.report.mentions.length,
          marks: document.querySelectorAll('mark').length,
          staticSidebar: document.querySelectorAll('[data-article-highlighter="prerendered-sidebar"]').length,
          liveSidebar: document.querySelectorAll('article-highlighter-sidebar[data-article-highlighter="sidebar"]').length,
          marker: document.querySelectorAll('meta[name="article-highlighter"]').length,
        }));
        assert.deepEqual(live, { mode: 'highlights', mentions: 46, marks: 0, staticSidebar: 0, liveSidebar: 1, marker: 0 });
        await clickOn(page, () => document.querySelector('#toggle'));
        assert.equal(await page.evaluate(() => document.body.innerHTML), served, 'the page as served, static highlights and all');
        assert.equal(await page.evaluate(() => document.querySelectorAll('meta[name="article-highlighter"]').length), 1);
        assert.deepEqual(errors, []);
        await close();
      });
    });

    test('a pre-rendered page with the embedding script tag: the module takes over', async () => {
      const { page, errors, close } = await open('/embed-prerendered/');
      await page.waitForFunction(() => document.querySelector('article-highlighter-sidebar[data-article-highlighter="sidebar"]'));
      const result = await page.evaluate(async () => {
        const { started } = await import('/article-highlighter.js');
        const session = await started;
        return {
          mentions: session.report.mentions.map((m) => m.text),
          staticMarks: document.querySelectorAll('mark').length,
          staticSidebar: document.querySelectorAll('[data-article-highlighter="prerendered-sidebar"]').length,
        };
      });
      assert.deepEqual(result, {
        mentions: ['Islamabad', 'Muhammad Sadiq', 'Taliban', 'TTP', 'TTP', 'Pakistan', 'Sadiq'], staticMarks: 0, staticSidebar: 0,
      });
      assert.deepEqual(errors, []);
      await close();
    });

    describe('the saved news pages', { skip: !hasPages && '../shared/corpora/pages is absent, so the saved pages cannot be read' }, () => {
      const config = JSON.parse(readFileSync(WORLD, 'utf8'));
      const names = hasPages ? pageNames() : [];
      let compared = 0;

      for (const name of names) {
        test(name, async (t) => {
          const original = await open(`/pages/${name}/`);
          await highlightIn(original.page, config, { paint: 'marks', sidebar: false, observe: false });
          const painted = await original.page.evaluate(readMarks);
          await original.close();

          const rendered = await open(renderedPage(name));
          const written = await rendered.page.evaluate(readMarks);
          await rendered.page.evaluate(() => {
            window.servedBody = document.body.innerHTML;
          });
          await highlightIn(rendered.page, config, { paint: 'marks', observe: false });
          const taken = await rendered.page.evaluate(readMarks);
          const restored = await rendered.page.evaluate(() => {
            window.session.remove();
            return document.body.innerHTML === window.servedBody;
          });
          await rendered.close();

          t.diagnostic(`${name}: ${painted.length} marks (${painted.filter(([kind]) => kind === 'mention').length} on mentions)`);
          assertSameMarks(written, painted, `${name}, pre-rendered`);
          assertSameMarks(taken, painted, `${name}, the shim on the pre-rendered page`);
          assert.ok(restored, 'remove() gives back the pre-rendered page exactly');
          compared += 1;
        });
      }

      test('every page was compared', (t) => {
        t.diagnostic(`${compared} pages: pre-rendered marks equal the in-browser ones`);
        assert.equal(compared, names.length);
      });
    });
  });
}
