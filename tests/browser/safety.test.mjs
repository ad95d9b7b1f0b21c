// Safety: nothing goes over the network (Chromium), and in Chromium, Firefox ESR and WebKit:
// hostile page text stays text, a 10 MB page is scanned without freezing its tab, and a core that
// cannot load says so in one sentence and leaves the page as it was.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, catchExports, eachBrowser, launchChromium, serve, watchErrors } from './browser.mjs';

let server;
/** www/dist without its .wasm, served: the core cannot load there. */
let broken;
let brokenDir;
before(async () => {
  server = await serve(DIST);
  brokenDir = mkdtempSync(join(tmpdir(), 'article-highlighter-no-wasm-'));
  for (const entry of readdirSync(DIST)) if (entry !== 'pkg') symlinkSync(join(DIST, entry), join(brokenDir, entry));
  mkdirSync(join(brokenDir, 'pkg'));
  symlinkSync(join(DIST, 'pkg', 'article_highlighter.js'), join(brokenDir, 'pkg', 'article_highlighter.js'));
  broken = await serve(brokenDir);
});
after(async () => {
  await server?.close();
  await broken?.close();
  rmSync(brokenDir, { recursive: true, force: true });
});

describe('chromium only: it needs the browser\'s log of the page\'s requests, which WebKit\'s WebDriver does not give', () => {
  let browser;
  before(async () => {
    browser = await launchChromium();
  });
  after(() => browser?.close());

  test('a highlight run makes no request beyond the page and the highlighter’s own files', async () => {
    const page = await browser.newPage();
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${server.url}/demo/`);
    await page.waitForSelector('html[data-ready]');
    // The shim's modules (whichever the page loads), the list editor's, the glue and the wasm.
    const own = new Set([
      ...readdirSync(DIST).filter((file) => file.endsWith('.js')).map((file) => `/${file}`),
      ...readdirSync(join(DIST, 'editor')).map((file) => `/editor/${file}`),
      '/pkg/article_highlighter.js', '/pkg/article_highlighter_bg.wasm',
    ]);
    const page_ = new Set(['/demo/', '/demo/demo.css', '/demo/demo.js', '/demo/favicon.svg', '/demo/actors.json']);
    for (const url of requests) {
      const { origin, pathname } = new URL(url);
      assert.equal(origin, server.url, url);
      assert.ok(own.has(pathname) || page_.has(pathname), `unexpected request ${url}`);
    }
    // And nothing at all while the reader uses it: export, filter, hover.
    const before = requests.length;
    const sidebar = page.locator('article-highlighter-sidebar');
    await sidebar.locator('input[aria-label="Show Pakistan"]').uncheck();
    await sidebar.locator('input[type=search]').fill('sadiq');
    await page.mouse.move(300, 300);
    await page.waitForTimeout(200);
    assert.deepEqual(requests.slice(before), []);
    await page.close();
  });
});

eachBrowser((name, { newPage }) => {
  test('hostile page text shows as inert text in the sidebar, the tooltip and the exports', async () => {
    const page = await newPage({ width: 1280, height: 720 });
    const errors = watchErrors(page);
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs += 1;
      d.dismiss();
    });
    await page.goto(`${server.url}/demo/`);
    await page.waitForSelector('html[data-ready]');
    const hostile = {
      quote: '“<img src=x onerror=alert(1)><script>alert(2)</script> is what we found,”',
      name: '<img src=y onerror=alert(4)>',
      title: '<script>alert(5)</script> [a link](javascript:alert(6)) & more',
    };
    const sidebar = await page.evaluate(async ({ quote, name, title }) => {
      window.articleHighlighter.remove();
      const { highlight } = await import('/article-highlighter.js');
      document.title = title;
      const box = document.createElement('section');
      const p = document.createElement('p');
      p.textContent = `${quote} said Sadiq of javascript:alert(3).`;
      box.append(p);
      document.querySelector('article').replaceChildren(box);
      const config = { actors: [{ id: '<b>x</b>', name, kind: 'person', aliases: ['Sadiq'] }] };
      window.hostile = await highlight(config, { root: box });
      const root = document.querySelector('article-highlighter-sidebar').shadowRoot;
      return {
        elements: root.querySelectorAll('img, script, a[href]').length,
        quote: root.querySelector('button.quote q').textContent,
        actor: root.querySelector('li.actor .name').textContent,
      };
    }, hostile);
    assert.deepEqual(sidebar, { elements: 0, quote: hostile.quote, actor: hostile.name });

    // The tooltip over the mention and over the quote: the name as text, in the tooltip's own
    // <strong> and <br> only.
    const tooltipOver = async (words) => {
      const point = await page.evaluate((w) => {
        const text = document.querySelector('article p').firstChild;
        const range = new Range();
        range.setStart(text, text.data.indexOf(w));
        range.setEnd(text, text.data.indexOf(w) + w.length);
        const box = range.getBoundingClientRect();
        return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      }, words);
      await page.mouse.move(point.x, point.y);
      await page.waitForFunction(() => !document.querySelector('article-highlighter-sidebar').shadowRoot.querySelector('.tip').hidden);
      const tip = await page.evaluate(() => {
        const shown = document.querySelector('article-highlighter-sidebar').shadowRoot.querySelector('.tip');
        return { elements: [...shown.querySelectorAll('*')].map((e) => e.localName), text: shown.textContent };
      });
      await page.mouse.move(5, 5);
      await page.waitForFunction(() => document.querySelector('article-highlighter-sidebar').shadowRoot.querySelector('.tip').hidden);
      return tip;
    };
    assert.deepEqual(await tooltipOver('Sadiq'), { elements: ['strong'], text: `${hostile.name} · person · 1 mentions` });
    const quoteTip = await tooltipOver('what we found');
    assert.deepEqual(quoteTip.elements, ['strong', 'br', 'strong']);
    assert.match(quoteTip.text, /^<img src=y onerror=alert\(4\)> — “said Sadiq”Rule /);

    // The exports: JSON and CSV carry the text as it is, Markdown escapes what would be markup.
    const take = await catchExports(page);
    const json = JSON.parse((await take('json')).text);
    assert.deepEqual([json.title, json.quotes[0].text, json.actors[0].name], [hostile.title, hostile.quote, hostile.name]);
    const csv = (await take('csv')).text.split('\r\n');
    const cells = `${hostile.title},${server.url}/demo/`;
    assert.ok(csv[1].startsWith(`${cells},mention,${hostile.name},Sadiq,`), csv[1]);
    assert.ok(csv[2].startsWith(`${cells},quote,${hostile.name},"${hostile.quote}",`), csv[2]);
    assert.equal((await take('markdown')).text, [
      '# \\<script\\>alert(5)\\</script\\> \\[a link\\](javascript:alert(6)) \\& more', '',
      `<${server.url}/demo/>`, '',
      '## Actors', '', '- \\<img src=y onerror=alert(4)\\> (person): 1', '',
      '## Quotes', '', '### \\<img src=y onerror=alert(4)\\>', '',
      '> “\\<img src=x onerror=alert(1)\\>\\<script\\>alert(2)\\</script\\> is what we found,” — said Sadiq', '',
    ].join('\n'));

    await page.evaluate(() => window.hostile.remove());
    await new Promise((done) => setTimeout(done, 100));
    assert.equal(dialogs, 0);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('a 10 MB page is scanned in parts: the sidebar shows progress and the page stays responsive', async () => {
    const page = await newPage({ width: 1280, height: 720 });
    const errors = watchErrors(page);

    await page.goto(`${server.url}/demo/`);
    await page.waitForSelector('html[data-ready]');
    const result = await page.evaluate(async () => {
      window.articleHighlighter.remove();
      const { highlight } = await import('/article-highlighter.js');
      const { config } = window.articleHighlighterDemo;
      const article = document.querySelector('article');
      const once = await highlight(config, { root: article, sidebar: false, observe: false });
      const perCopy = once.report.mentions.length;
      once.remove();
      const one = article.cloneNode(true);
      // About 10 MB of text: the demo article over and over, each copy in its own section.
      const copies = Math.ceil(10e6 / one.textContent.length);
      const big = document.createElement('section');
      for (let i = 0; i < copies; i += 1) big.append(...one.cloneNode(true).childNodes);
      article.replaceChildren(big);
      const before = article.innerHTML;
      // The page's own timer, and what the sidebar says, while the scan runs.
      let ticks = 0;
      const timer = setInterval(() => { ticks += 1; }, 0);
      const said = new Set();
      const watch = setInterval(() => {
        const summary = document.querySelector('article-highlighter-sidebar')?.shadowRoot.querySelector('.summary');
        if (summary) said.add(summary.textContent.replace(/\d+ %/, 'N %'));
      }, 0);
      const session = await highlight(config, { root: big, observe: false });
      clearInterval(timer);
      clearInterval(watch);
      const found = { chars: big.textContent.length, mentions: session.report.mentions.length, expected: perCopy * copies, ticks, said: [...said] };
      session.remove();
      found.restored = article.innerHTML === before;
      return found;
    });
    assert.ok(result.chars > 10e6, `${result.chars} characters`);
    assert.equal(result.mentions, result.expected);
    assert.ok(result.said.includes('Scanning a long page… N %'), `the sidebar said ${JSON.stringify(result.said)}`);
    assert.ok(result.ticks > 5, `the page's timer ran ${result.ticks} times during the scan`);
    assert.ok(result.restored);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('a core that cannot load says so in one sentence and leaves the page as it was', async () => {
    const page = await newPage({ width: 1280, height: 720 });
    await page.goto(`${broken.url}/demo/`);
    const outcome = await page.evaluate(async () => {
      // The demo's own start fails too; wait for its notice, then compare the article with the source.
      await new Promise((done) => setTimeout(done, 300));
      const notice = document.querySelector('article-highlighter-sidebar')?.shadowRoot.querySelector('[role=alert] .summary')?.textContent;
      const source = await (await fetch('/demo/')).text();
      const parsed = new DOMParser().parseFromString(source, 'text/html');
      return {
        notice,
        untouched: document.querySelector('article').innerHTML === parsed.querySelector('article').innerHTML,
        highlights: [...CSS.highlights.keys()].length,
      };
    });
    assert.match(outcome.notice, /^Nothing was highlighted: Article Highlighter could not load its WebAssembly core: /);
    assert.equal(outcome.untouched, true);
    assert.equal(outcome.highlights, 0);
    await page.close();
  });
});
