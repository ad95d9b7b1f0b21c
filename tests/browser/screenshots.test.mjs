// Screenshots of real news pages with the sidebar open, light and dark (Chromium), saved under
// tests/artifacts/ for a person to look at: the tests elsewhere check behaviour, these show it.
// A small copy of the first, too small to read the publisher's text, is the README's picture of
// a real page (the articles are theirs: the project measures against them, it does not copy them).
// And the demo's sidebar in the three engines side by side, light, the README's picture of them
// (sidebar-engines.png); and the who-about-whom view, on the demo grown to many speakers and
// actors with long names, and on a saved page, light and dark.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ARTIFACTS, BROWSERS, DIST, launchChromium, serve } from './browser.mjs';
import { hasPages, serveCorpus } from './corpus.mjs';

const CONFIG = JSON.parse(readFileSync(new URL('fixtures/world-actors.json', import.meta.url), 'utf8'));
const PAGES = ['theguardian-5fa3154e', 'bbc-70cb2d5b', 'nytimes-702d1da6'];

let site;
let browser;
before(async () => {
  browser = await launchChromium();
  if (hasPages) site = await serveCorpus(PAGES);
});
after(async () => {
  await browser?.close();
  await site?.close();
});

/** The engines as the README names them. */
const ENGINE_NAMES = { chromium: 'Chromium', firefox: 'Firefox ESR', webkit: 'WebKitGTK' };

test('screenshot: the demo at 1,024 px in Chromium, Firefox and WebKit, light: the sidebars side by side, the first paragraph one above the other', async () => {
  const demo = await serve(DIST);
  const shots = [];
  try {
    for (const [name, engine] of Object.entries(BROWSERS)) {
      const other = await engine.launch();
      try {
        const page = await engine.newPage(other, { width: 1024, height: 768 });
        await page.goto(`${demo.url}/demo/`);
        await page.waitForSelector('html[data-ready]');
        const boxes = await page.evaluate(() => ({
          panel: document.querySelector('article-highlighter-sidebar').shadowRoot.querySelector('.panel').getBoundingClientRect().toJSON(),
          paragraph: [...document.querySelectorAll('article p')].find((p) => p.textContent.startsWith('In a rare')).getBoundingClientRect().toJSON(),
        }));
        const png = await page.screenshot({ path: `${ARTIFACTS}demo-1024-light-${name}.png` });
        const version = (await other.version()).replace(/^firefox\//, '');
        shots.push({ label: `${ENGINE_NAMES[name]} ${version}`, src: `data:image/png;base64,${png.toString('base64')}`, ...boxes });
        await page.close();
      } finally {
        await other.close();
      }
    }
  } finally {
    await demo.close();
  }
  // Pieces of each screenshot, cut with CSS and laid out in Chromium, under their engines' names.
  const cut = (src, { x, y, width, height }) => `<div style="width:${Math.ceil(width)}px;height:${Math.ceil(height)}px;overflow:hidden">`
    + `<img src="${src}" style="display:block;margin:${-Math.floor(y)}px 0 0 ${-Math.floor(x)}px"></div>`;
  const figure = (label, piece) => `<figure style="margin:0;background:#fff"><figcaption style="padding:0 12px">${label}</figcaption>${piece}</figure>`;
  const compose = async (html, path) => {
    const page = await browser.newPage({ viewport: { width: 400, height: 200 } });
    await page.route('**/*', (route) => route.abort());
    await page.setContent(`<body style="margin:0;display:inline-flex;gap:12px;padding:12px;background:#d0d7de;font:600 15px/34px system-ui,sans-serif">${html}</body>`);
    assert.equal(await page.evaluate(() => [...document.images].filter((img) => img.naturalWidth === 1024).length), 3);
    const { width, height } = await page.evaluate(() => document.body.getBoundingClientRect().toJSON());
    await page.setViewportSize({ width: Math.ceil(width), height: Math.ceil(height) });
    await page.screenshot({ path });
    await page.close();
  };
  // The panel, with its minimap (10 px) and 8 px of the page on either side.
  await compose(shots.map(({ label, src, panel }) => figure(label, cut(src, { x: panel.x - 8, y: 0, width: panel.width + 26, height: 768 }))).join(''),
    `${ARTIFACTS}sidebar-engines.png`);
  await compose(`<div style="display:flex;flex-direction:column;gap:12px">${shots.map(({ label, src, paragraph }) => figure(label,
    cut(src, { x: paragraph.x - 12, y: paragraph.y - 8, width: paragraph.width + 24, height: paragraph.height + 16 }))).join('')}</div>`,
  `${ARTIFACTS}highlights-engines.png`);
});

for (const name of PAGES) {
  test(`screenshot: ${name}, light and dark`, async (t) => {
    if (!hasPages) {
      t.skip('../shared/corpora/pages is absent');
      return;
    }
    const page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
    await page.route('**/*', (route) => (route.request().url().startsWith(`${site.url}/`) ? route.continue() : route.abort()));
    await page.goto(`${site.url}/pages/${name}/`);
    const mentions = await page.evaluate(async (config) => {
      const { highlight } = await import(new URL('/article-highlighter.js', location.origin).href);
      const session = await highlight(config);
      await session.rescan();
      // Scroll to the first mention, where a reader would look.
      const first = document.querySelector('article-highlighter-sidebar').shadowRoot.querySelector('li.actor button.entry');
      first?.click();
      return session.report.mentions.length;
    }, CONFIG);
    assert.ok(mentions > 0, `${name}: no mentions highlighted`);
    await page.waitForTimeout(400);
    await page.screenshot({ path: `${ARTIFACTS}page-${name}.png` });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: `${ARTIFACTS}page-${name}-dark.png` });
    if (name === PAGES[0]) {
      await page.emulateMedia({ colorScheme: 'light' });
      const small = await browser.newPage({ viewport: { width: 1366, height: 860 }, deviceScaleFactor: 0.4 });
      await small.route('**/*', (route) => route.abort());
      await small.setContent(`<img src="data:image/png;base64,${(await page.screenshot()).toString('base64')}" style="width:1366px;display:block">`);
      await small.screenshot({ path: `${ARTIFACTS}page-thumbnail.png` });
      await small.close();
    }
    await page.close();
  });
}

/** Opens the sidebar's who-about-whom view on `page`, lists the first cell's quotes and shoots it, light and dark. */
async function shootWhoAboutWhom(page, name) {
  await page.evaluate(async () => {
    const root = document.querySelector('article-highlighter-sidebar').shadowRoot;
    root.querySelector('h2 button[aria-expanded]').click();
    while (!root.querySelector('.matrix button.cell')) await new Promise((done) => setTimeout(done, 20));
    root.querySelector('.matrix button.cell').click();
    root.querySelector('h2 button[aria-expanded]').scrollIntoView({ block: 'start' });
  });
  await page.waitForTimeout(600);
  await page.screenshot({ path: `${ARTIFACTS}who-about-whom-${name}.png` });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: `${ARTIFACTS}who-about-whom-${name}-dark.png` });
}

test('screenshot: the who-about-whom view, on the demo with many speakers and long names, light and dark', async () => {
  const demo = await serve(DIST);
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
    await page.goto(`${demo.url}/demo/`);
    await page.waitForSelector('html[data-ready]');
    const before = await page.evaluate(() => window.articleHighlighter.report.quotes.length);
    await page.evaluate(() => {
      const said = [
        ['Ishaq Dar', 'The Taliban and the TTP must be stopped before Kabul and Islamabad pay for it'],
        ['Ashraf Ghani', 'The United States left Afghanistan to the Taliban and ISIS-K'],
        ['Maria Fernanda Espinosa Garcés', 'The Haqqani network and the TTP threaten Pakistan and Afghanistan alike'],
        ['Jane Smith', 'ISIS and ISIS-K recruit from the Taliban’s ranks in Afghanistan'],
      ];
      for (const [who, words] of said) {
        const p = document.createElement('p');
        p.textContent = `“${words},” ${who} said.`;
        document.querySelector('article').append(p);
      }
    });
    await page.waitForFunction((n) => window.articleHighlighter.report.quotes.length >= n + 4, before);
    await shootWhoAboutWhom(page, 'demo');
    await page.close();
  } finally {
    await demo.close();
  }
});

test('screenshot: the who-about-whom view on a saved page, light and dark', async (t) => {
  if (!hasPages) {
    t.skip('../shared/corpora/pages is absent');
    return;
  }
  const name = PAGES[1];
  const page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
  await page.route('**/*', (route) => (route.request().url().startsWith(`${site.url}/`) ? route.continue() : route.abort()));
  await page.goto(`${site.url}/pages/${name}/`);
  await page.evaluate(async (config) => {
    const { highlight } = await import(new URL('/article-highlighter.js', location.origin).href);
    await highlight(config);
  }, CONFIG);
  await shootWhoAboutWhom(page, `page-${name}`);
  await page.close();
});
