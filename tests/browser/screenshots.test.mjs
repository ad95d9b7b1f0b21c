// Screenshots of real news pages with the sidebar open, light and dark (Chromium), saved under
// tests/artifacts/ for a person to look at: the tests elsewhere check behaviour, these show it.
// A small copy of the first, too small to read the publisher's text, is the README's picture of
// a real page (the articles are theirs: the project measures against them, it does not copy them).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ARTIFACTS, launchChromium } from './browser.mjs';
import { hasPages, serveCorpus } from './corpus.mjs';

const CONFIG = JSON.parse(readFileSync(new URL('fixtures/world-actors.json', import.meta.url), 'utf8'));
const PAGES = ['theguardian-5fa3154e', 'bbc-70cb2d5b', 'nytimes-702d1da6'];

let site;
let browser;
before(async () => {
  if (!hasPages) return;
  site = await serveCorpus(PAGES);
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await site?.close();
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
