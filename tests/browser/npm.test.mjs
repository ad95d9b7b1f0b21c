// The npm package in the browsers (Chromium, Firefox ESR and WebKit), installed into a fresh
// project from its tarball (tests/node/npm-package.mjs) and used two ways on the demo article:
// a plain page whose module imports it by name through an import map, from the installed folder
// served as it is (as from a CDN), and a page loading an esbuild bundle of the same module with
// the wasm copied beside the bundle, as the README tells a bundler's user to. Both highlight the
// article with what the core finds in it. Needs `www/scripts/build.sh` to have run.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { eachBrowser, serve, watchErrors } from './browser.mjs';
import { DEMO_CONFIG, demoArticleText, packAndInstall } from '../node/npm-package.mjs';

const { build } = createRequire(new URL('../../www/package.json', import.meta.url))('esbuild');
const DEMO = fileURLToPath(new URL('../../www/demo/', import.meta.url));
const CONSUMER = fileURLToPath(new URL('npm/consumer.js', import.meta.url));
const WASM = 'pkg/article_highlighter_bg.wasm';

/** The demo page with `scripts` in place of its own, and what it loads besides, in `folder`. */
function demoPage(folder, scripts) {
  mkdirSync(folder, { recursive: true });
  const html = readFileSync(join(DEMO, 'index.html'), 'utf8');
  const own = '<script type="module" src="demo.js"></script>';
  assert.ok(html.includes(own), "the demo page loads demo.js: its place is where the consumer's module goes");
  writeFileSync(join(folder, 'index.html'), html.replace(own, scripts));
  for (const file of ['actors.json', 'demo.css', 'favicon.svg']) copyFileSync(join(DEMO, file), join(folder, file));
}

let installed;
let server;
let expected;
before(async () => {
  installed = packAndInstall();
  const { project } = installed;
  demoPage(join(project, 'page'), [
    '<script type="importmap">{"imports": {"article-highlighter": "/node_modules/article-highlighter/article-highlighter.js"}}</script>',
    '<script type="module" src="consumer.js"></script>',
  ].join('\n  '));
  copyFileSync(CONSUMER, join(project, 'page', 'consumer.js'));

  const bundle = join(project, 'bundle');
  demoPage(bundle, '<script type="module" src="consumer.js"></script>');
  mkdirSync(join(project, 'src'));
  copyFileSync(CONSUMER, join(project, 'src', 'consumer.js'));
  await build({ entryPoints: [join(project, 'src', 'consumer.js')], bundle: true, format: 'esm', splitting: true, outdir: bundle, logLevel: 'warning' });
  // The step esbuild leaves to its user: the wasm, found through the package's exports, beside the bundle.
  mkdirSync(join(bundle, 'pkg'));
  copyFileSync(createRequire(join(project, 'package.json')).resolve(`article-highlighter/${WASM}`), join(bundle, WASM));

  const { scanText } = await import(pathToFileURL(join(project, 'node_modules', 'article-highlighter', 'node.js')));
  const config = JSON.parse(readFileSync(DEMO_CONFIG, 'utf8'));
  const report = await scanText(config, demoArticleText());
  const names = new Map(config.actors.map((actor) => [actor.id, actor.name]));
  expected = {
    mentions: report.mentions.map((m) => [m.actor, m.text]),
    quotes: report.quotes.map((q) => [q.text, q.speaker?.actor ?? null]),
    speakers: [...new Set(report.quotes.map((q) => q.speaker?.actor).filter(Boolean))].map((id) => names.get(id)),
  };
  server = await serve(project);
});
after(async () => {
  await server?.close();
  installed?.remove();
});

/**
 * Waits for the consumer's session (or fails with the page's first error: the consumer's module
 * throws it when highlight() rejects), then says what it found and painted, and where the wasm
 * came from.
 */
async function highlighted(page, errors) {
  let watch;
  const failed = new Promise((_, reject) => {
    watch = setInterval(() => errors.length && reject(new Error(errors.join('\n'))), 100);
  });
  try {
    await Promise.race([page.waitForFunction(() => document.documentElement.dataset.ready === 'true'), failed]);
  } finally {
    clearInterval(watch);
  }
  return page.evaluate(() => {
    const { session } = window;
    const sidebar = document.querySelector('article-highlighter-sidebar')?.shadowRoot;
    return {
      mode: session.mode,
      count: session.count,
      mentions: session.report.mentions.map((m) => [m.actor, m.text]),
      quotes: session.report.quotes.map((q) => [q.text, q.speaker?.actor ?? null]),
      speakers: [...(sidebar?.querySelectorAll('section.speaker') ?? [])].map((s) => s.dataset.speaker),
      wasm: performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname).filter((path) => path.endsWith('.wasm')),
    };
  });
}

eachBrowser((name, { newPage }) => {
  const ways = [
    ['a plain page imports the installed package through an import map', '/page/', `/node_modules/article-highlighter/${WASM}`],
    ['a page loads an esbuild bundle of the package, the wasm copied beside it', '/bundle/', `/bundle/${WASM}`],
  ];
  for (const [what, path, wasm] of ways) {
    test(`${what}, and it highlights the demo article`, async () => {
      const page = await newPage({ width: 1300, height: 800 });
      const errors = watchErrors(page);
      await page.goto(`${server.url}${path}`);
      const result = await highlighted(page, errors);
      assert.deepEqual(result.mentions, expected.mentions);
      assert.deepEqual(result.quotes, expected.quotes);
      assert.deepEqual(result.speakers, expected.speakers, 'the sidebar lists the speakers');
      assert.equal(result.mode, 'highlights');
      assert.ok(result.count >= expected.mentions.length, `${result.count} highlights painted`);
      assert.deepEqual(result.wasm, [wasm]);
      assert.deepEqual(errors, []);
      await page.close();
    });
  }
});
