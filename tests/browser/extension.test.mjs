// The browser extension: the Chrome build in headless Chromium (Playwright, --load-extension) and
// the Firefox build in Firefox ESR (puppeteer-core, installed as a temporary add-on), on local
// pages served without a CSP and with `script-src 'self'; style-src 'self'`. The wasm core runs in
// the extension's background, so the strict page highlights too. `web-ext lint` checks the
// Firefox build. Not in WebKit: WebKitGTK's MiniBrowser has no way to load a web extension, and a
// Safari extension is made from the Chrome build on a Mac (README, "Safari").
//
// Headless browsers have no toolbar to click, and a click is what grants `activeTab`; each test
// copy of the extension is granted the local test site up front instead (Chrome: host permission;
// Firefox: a content script for the site, as the options page registers for chosen sites).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ARTIFACTS, CHROMIUM, DIST, launchFirefox, serve } from './browser.mjs';

const require = createRequire(new URL('../../www/package.json', import.meta.url));
const { chromium } = require('playwright-core');
const WWW = fileURLToPath(new URL('../../www/', import.meta.url));

const ARTICLE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A news article</title><link rel="icon" href="data:,"></head>
<body><article><h1>Envoy speaks</h1>
<p>Speaking in Islamabad, Muhammad Sadiq said the Taliban had failed to act against the TTP.</p>
<p>“The TTP is a clear and present danger to Pakistan,” Sadiq said.</p></article></body></html>`;
const STRICT = "script-src 'self'; style-src 'self'";
const QUOTED = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Talks</title><link rel="icon" href="data:,"></head>
<body><article><h1>Talks stall</h1><p>“We will not accept this,” Jane Smith said on Monday in Islamabad.</p>
<p>Smith added: “We are ready to talk again.” The State Department did not comment.</p></article></body></html>`;

let site;
let folder;
before(async () => {
  folder = mkdtempSync(join(tmpdir(), 'article-highlighter-extension-'));
  writeFileSync(join(folder, 'plain.html'), ARTICLE);
  writeFileSync(join(folder, 'strict.html'), ARTICLE);
  writeFileSync(join(folder, 'quoted.html'), QUOTED);
  site = await serve(folder, { headers: (path) => (path === '/strict.html' ? { 'content-security-policy': STRICT } : {}) });
});
after(async () => {
  await site?.close();
  rmSync(folder, { recursive: true, force: true });
});

/** A copy of the built extension for `browser`, its manifest changed by `change`. */
function testCopy(browser, change) {
  const dir = join(folder, `extension-${browser}`);
  cpSync(join(DIST, 'extension', browser), dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(change(manifest)));
  return dir;
}

/** What the extension did to a page: painted mentions, and whether its sidebar is there. */
function state(page) {
  return page.evaluate(() => ({
    mentions: [...CSS.highlights].filter(([n]) => n.startsWith('article-highlighter-actor-')).reduce((sum, [, h]) => sum + h.size, 0),
    sidebar: document.querySelectorAll('article-highlighter-sidebar').length,
  }));
}

describe('chromium', () => {
  let context;
  let worker;
  before(async () => {
    const dir = testCopy('chrome', (m) => ({ ...m, host_permissions: ['http://127.0.0.1/*'] }));
    context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'ah-profile-')), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--no-first-run', `--disable-extensions-except=${dir}`, `--load-extension=${dir}`],
    });
    [worker] = context.serviceWorkers();
    worker ??= await context.waitForEvent('serviceworker');
  });
  after(() => context?.close());

  /** What the toolbar button does, for the tab showing `page`. */
  const clickAction = (page) => worker.evaluate(async (url) => {
    const [tab] = await chrome.tabs.query({ url });
    await globalThis.toggle(tab.id);
  }, page.url());

  for (const name of ['plain', 'strict']) {
    test(`the action highlights and clears a page ${name === 'strict' ? `with ${STRICT}` : 'without a CSP'}`, async () => {
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${site.url}/${name}.html`);
      const before = await page.evaluate(() => document.body.innerHTML);
      await clickAction(page);
      await page.waitForFunction(() => document.querySelector('article-highlighter-sidebar'));
      await page.waitForFunction(() => CSS.highlights.size > 0);
      assert.deepEqual(await state(page), { mentions: 7, sidebar: 1 });
      const listed = await page.evaluate(() => [...document.querySelector('article-highlighter-sidebar').shadowRoot.querySelectorAll('li.actor')].map((li) => li.dataset.actor));
      assert.deepEqual(listed, ['sadiq', 'pakistan', 'taliban', 'ttp']);
      await page.setViewportSize({ width: 1200, height: 560 });
      await page.screenshot({ path: `${ARTIFACTS}extension-${name}.png` });
      await clickAction(page);
      await page.waitForFunction(() => !document.querySelector('article-highlighter-sidebar'));
      assert.deepEqual(await state(page), { mentions: 0, sidebar: 0 });
      assert.equal(await page.evaluate(() => document.body.innerHTML), before);
      assert.deepEqual(errors, []);
      await page.close();
    });
  }

  test('the options page saves an actor list (JSON in the editor\'s advanced tab) that the next run uses', async () => {
    const id = new URL(worker.url()).host;
    const options = await context.newPage();
    await options.goto(`chrome-extension://${id}/options.html`);
    await options.waitForSelector('html[data-ready]');
    await options.click('role=tab[name="Advanced (JSON)"]');
    await options.fill('.ah-json', '{"actors": [{"id": "ttp", "name": "TTP", "kind": "group", "aliases": ["TTP"], "color": "#0b7285"}]}');
    await options.click('text=Apply JSON');
    await options.waitForFunction(() => document.querySelector('.ah-status').textContent.startsWith('Applied to “My actors”: 1 actor.'));
    await options.fill('.ah-json', '{"actors": [{"id": "x", "aliases": []}]}');
    await options.click('text=Apply JSON');
    await options.waitForFunction(() => document.querySelector('.ah-status').textContent.startsWith('Not applied'));
    assert.equal(await options.textContent('.ah-status'), 'Not applied: actor "x": field "aliases": give at least one alias (or a pattern)');
    await options.close();

    const page = await context.newPage();
    await page.goto(`${site.url}/strict.html`);
    await clickAction(page);
    await page.waitForFunction(() => document.querySelector('article-highlighter-sidebar') && CSS.highlights.size > 0);
    assert.deepEqual(await state(page), { mentions: 2, sidebar: 1 });
    await page.close();
  });

  test('a site can have a list of its own, and the sidebar switches lists', async () => {
    const id = new URL(worker.url()).host;
    const options = await context.newPage();
    await options.goto(`chrome-extension://${id}/options.html`);
    await options.waitForSelector('html[data-ready]');
    await options.click('text=New list');
    await options.keyboard.type('Envoys');
    await options.keyboard.press('Tab');
    await options.waitForFunction(() => document.querySelector('.ah-status').textContent.startsWith('Renamed to “Envoys”'));
    await options.click('text=Add actor');
    await options.keyboard.type('Muhammad Sadiq');
    await options.fill('[aria-label="Aliases of Muhammad Sadiq, one per line"]', 'Muhammad Sadiq\nSadiq');
    await options.waitForFunction(() => document.querySelector('.ah-status').textContent.startsWith('Saved “Envoys”: 1 actor'));
    // The first list is the active one again; the test site uses "Envoys".
    await options.selectOption('[aria-label="Active list"]', 'My actors');
    await options.fill('#list-site', new URL(site.url).host);
    await options.selectOption('#site-list', 'Envoys');
    await options.click('text=Use this list on the site');
    await options.waitForFunction(() => document.getElementById('site-lists').textContent.includes('→ Envoys'));
    await options.close();

    const page = await context.newPage();
    await page.goto(`${site.url}/plain.html`);
    await clickAction(page);
    await page.waitForFunction(() => document.querySelector('article-highlighter-sidebar') && CSS.highlights.size > 0);
    const sidebar = () => page.evaluate(() => {
      const root = document.querySelector('article-highlighter-sidebar').shadowRoot;
      return { list: root.querySelector('select.lists').value, actors: [...root.querySelectorAll('li.actor')].map((li) => li.dataset.actor) };
    });
    assert.deepEqual(await sidebar(), { list: 'Envoys', actors: ['muhammad-sadiq'] });
    // The sidebar's list choice (Playwright's selectors reach into its shadow root), chosen from the keyboard.
    await page.focus('[aria-label="Actor list"]');
    await page.keyboard.type('My actors');
    await page.waitForFunction(() => document.querySelector('article-highlighter-sidebar').shadowRoot.querySelector('li.actor[data-actor=ttp]'));
    assert.deepEqual(await sidebar(), { list: 'My actors', actors: ['ttp'] });
    await page.close();
  });

  test('an unlisted speaker added from the sidebar, and a name from the context menu, through the editor over the page', async () => {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${site.url}/quoted.html`);
    await clickAction(page);
    await page.waitForFunction(() => document.querySelector('article-highlighter-sidebar')?.shadowRoot.querySelector('[data-unlisted]'));
    const sidebar = page.locator('article-highlighter-sidebar');
    await sidebar.getByRole('button', { name: 'Add Jane Smith as an actor' }).click();
    const dialog = page.locator('article-highlighter-editor').getByRole('dialog');
    // Saved in the list this site uses (the one the test before gave it, or the active one).
    await dialog.getByText(/^Saved “.+”: \d+ actors?/).waitFor();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await page.waitForFunction(() => document.querySelector('article-highlighter-sidebar').shadowRoot.querySelector('section.speaker[data-speaker="Jane Smith"] h3 .swatch'));
    const groups = await page.evaluate(() => [...document.querySelector('article-highlighter-sidebar').shadowRoot.querySelectorAll('section.speaker')].map((s) => [s.dataset.speaker, s.querySelectorAll('[data-quote]').length]));
    assert.deepEqual(groups, [['Jane Smith', 2]]);

    // The context menu's "Add “State Department” to actors", as its handler runs it.
    await worker.evaluate(async (url) => {
      const [tab] = await chrome.tabs.query({ url });
      await globalThis.addToActors(tab.id, 'State Department');
    }, page.url());
    await dialog.getByRole('textbox', { name: 'Aliases of State Department, one per line' }).waitFor();
    await dialog.getByText(/^Saved “.+”: \d+ actors?/).waitFor();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await page.waitForFunction(() => document.querySelector('article-highlighter-sidebar').shadowRoot.querySelector('li.actor[data-actor="state-department"]'));
    assert.deepEqual(errors, []);
    await page.close();
  });
});

describe('firefox', () => {
  let browser;
  before(async () => {
    const dir = testCopy('firefox', (m) => ({ ...m, content_scripts: [{ matches: ['http://127.0.0.1/*'], js: ['content.js'] }] }));
    browser = await launchFirefox();
    await browser.installExtension(dir);
  });
  after(() => browser?.close());

  for (const name of ['plain', 'strict']) {
    test(`the content script and background highlight a page ${name === 'strict' ? `with ${STRICT}` : 'without a CSP'}`, async () => {
      const page = await browser.newPage();
      await page.goto(`${site.url}/${name}.html`);
      await page.waitForFunction(() => document.querySelector('article-highlighter-sidebar') && CSS.highlights.size > 0);
      assert.deepEqual(await state(page), { mentions: 7, sidebar: 1 });
      await page.close();
    });
  }

  test('an unlisted speaker added from the sidebar, through the editor over the page and the background', async () => {
    const page = await browser.newPage();
    // Wide enough for the sidebar to open beside the article.
    await page.setViewport({ width: 1300, height: 800 });
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${site.url}/quoted.html`);
    await page.waitForFunction(() => document.querySelector('article-highlighter-sidebar')?.shadowRoot.querySelector('[data-unlisted]'));
    /** Clicks, with the mouse, the element `find` returns in the page. */
    const clickOn = async (find) => {
      const { x, y } = await page.evaluate(find);
      await page.mouse.click(x, y);
    };
    await clickOn(() => {
      const box = document.querySelector('article-highlighter-sidebar').shadowRoot.querySelector('[aria-label="Add Jane Smith as an actor"]').getBoundingClientRect();
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    });
    await page.waitForFunction(() => /^Saved “My actors”: 12 actors/.test(document.querySelector('article-highlighter-editor')?.shadowRoot.querySelector('.ah-status').textContent ?? ''));
    await clickOn(() => {
      const box = [...document.querySelector('article-highlighter-editor').shadowRoot.querySelectorAll('button')].find((b) => b.textContent === 'Done').getBoundingClientRect();
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    });
    await page.waitForFunction(() => document.querySelector('article-highlighter-sidebar').shadowRoot.querySelector('li.actor[data-actor="jane-smith"]'));
    const groups = await page.evaluate(() => [...document.querySelector('article-highlighter-sidebar').shadowRoot.querySelectorAll('section.speaker')].map((s) => [s.dataset.speaker, s.querySelectorAll('[data-quote]').length]));
    assert.deepEqual(groups, [['Jane Smith', 2]]);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('web-ext lint passes on the Firefox build', () => {
    const out = execFileSync(join(WWW, 'node_modules/.bin/web-ext'), ['lint', '--source-dir', join(DIST, 'extension/firefox'), '--no-input', '--output', 'json'], { encoding: 'utf8' });
    const { errors, warnings, notices } = JSON.parse(out);
    assert.deepEqual({ errors, warnings, notices }, { errors: [], warnings: [], notices: [] });
  });
});

describe('webkit', () => {
  test('the extension cannot be tested here: MiniBrowser has no way to load a web extension, and a Safari extension is built on a Mac by Apple\'s converter', { skip: 'no Safari here' }, () => {});
});
