// The bookmarklet, in Chromium, Firefox ESR and WebKit. The highlighter is hosted on one origin
// (with CORS, as a bookmarklet's host must be) and the articles on another: one without a
// Content-Security-Policy, where a click highlights and a second click removes everything, and one
// with `script-src 'self'`, where the foreign module is blocked and the loader opens the
// highlighter's reader with the article, which says why. WebKit blocks that pop-up (the click's
// code has waited for the import to fail), so there the loader's button opens it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARTIFACTS, DIST, eachBrowser, serve, watchErrors } from './browser.mjs';

const ARTICLE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A news article</title><link rel="icon" href="data:,"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Envoy speaks</h1>
<p>Speaking in Islamabad, Muhammad Sadiq said the Taliban had failed to act against the TTP.</p>
<p>“The TTP is a clear and present danger to Pakistan,” Sadiq said.</p></article></body></html>`;

let host;
let articles;
let folder;
before(async () => {
  host = await serve(DIST, { headers: () => ({ 'access-control-allow-origin': '*' }) });
  folder = mkdtempSync(join(tmpdir(), 'article-highlighter-bookmarklet-'));
  writeFileSync(join(folder, 'plain.html'), ARTICLE);
  writeFileSync(join(folder, 'strict.html'), ARTICLE);
  articles = await serve(folder, {
    headers: (path) => (path === '/strict.html' ? { 'content-security-policy': "script-src 'self'; style-src 'self'" } : {}),
  });
});
after(async () => {
  await host?.close();
  await articles?.close();
  rmSync(folder, { recursive: true, force: true });
});

eachBrowser((name, { newPage }) => {
  let code;
  before(async () => {
    const page = await newPage({ width: 1200, height: 800 });
    await page.goto(`${host.url}/bookmarklet/`);
    await page.waitForSelector('html[data-ready]');
    const { href, size } = await page.evaluate(() => ({
      href: document.getElementById('bookmarklet').href,
      size: Number(document.getElementById('size').textContent.match(/(\d+) bytes/)[1]),
    }));
    assert.ok(href.startsWith('javascript:('), href.slice(0, 40));
    assert.ok(size <= 2048, `the loader is ${size} bytes`);
    code = decodeURIComponent(href.slice('javascript:'.length));
    await page.close();
  });

  /** Clicks the bookmark: a real click first (as on the bookmarks bar), then its code runs in the page. */
  async function clickBookmarklet(page) {
    await page.mouse.click(5, 5);
    await page.evaluate(code);
  }

  test('on a page without CSP, one click highlights and a second removes everything', async () => {
    const page = await newPage({ width: 1300, height: 800 });
    const errors = watchErrors(page);
    await page.goto(`${articles.url}/plain.html`);
    const before = await page.evaluate(() => document.body.innerHTML);
    await clickBookmarklet(page);
    await page.waitForFunction(() => document.querySelector('article-highlighter-sidebar'));
    const painted = await page.evaluate(async () => {
      const session = await window.__articleHighlighter;
      return session.report.mentions.map((m) => m.text);
    });
    assert.deepEqual(painted, ['Islamabad', 'Muhammad Sadiq', 'Taliban', 'TTP', 'TTP', 'Pakistan', 'Sadiq']);
    await clickBookmarklet(page);
    await page.waitForFunction(() => !document.querySelector('article-highlighter-sidebar'));
    assert.equal(await page.evaluate(() => document.body.innerHTML), before);
    assert.equal(await page.evaluate(() => [...CSS.highlights.keys()].length), 0);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('on a page with a strict CSP, the reader opens with the article and says why', async () => {
    const page = await newPage({ width: 1300, height: 800 });
    await page.goto(`${articles.url}/strict.html`);
    const popup = new Promise((resolve) => page.once('popup', resolve));
    await clickBookmarklet(page);
    if (name === 'webkit') {
      await page.waitForSelector('[data-article-highlighter="open-reader"]');
      const box = await page.evaluate(() => document.querySelector('[data-article-highlighter="open-reader"]').getBoundingClientRect().toJSON());
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    }
    const reader = await popup;
    await reader.waitForSelector('html[data-ready]');
    const shown = await reader.evaluate(() => ({
      url: location.href,
      title: document.querySelector('article h1').textContent,
      source: document.querySelector('.source a').href,
      why: document.getElementById('why').textContent,
      mentions: [...CSS.highlights].filter(([n]) => n.startsWith('article-highlighter-actor-')).reduce((sum, [, h]) => sum + h.size, 0),
      sidebar: !!document.querySelector('article-highlighter-sidebar'),
    }));
    assert.equal(shown.url, `${host.url}/reader/`);
    assert.equal(shown.title, 'A news article');
    assert.equal(shown.source, `${articles.url}/strict.html`);
    assert.match(shown.why, /does not allow scripts from other sites/);
    assert.equal(shown.mentions, 7, 'the article (not the navigation) with the demo actors');
    assert.equal(shown.sidebar, true);
    await reader.screenshot({ path: `${ARTIFACTS}bookmarklet-reader-${name}.png` });
    // Nothing of the highlighter stayed behind on the strict page, the button included.
    assert.equal(await page.evaluate(() => document.querySelector('article-highlighter-sidebar, [data-article-highlighter]')), null);
    await reader.close();
    await page.close();
  });
});
