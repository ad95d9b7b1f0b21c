// The demo page in Chromium, Firefox ESR and WebKit: the seed article highlighted, the sidebar's
// contents, the highlights' colours as painted, inline markup inside names, split quotes, and
// remove() restoring the DOM exactly in both painting modes.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ARTIFACTS, DIST, eachBrowser, serve, watchErrors } from './browser.mjs';

let server;
before(async () => {
  server = await serve(DIST);
});
after(() => server?.close());

eachBrowser((name, { engine, newPage }) => {

  async function openDemo(query = '') {
    const page = await newPage({ width: 1400, height: 900 });
    const errors = watchErrors(page);
    await page.goto(`${server.url}/demo/${query}`);
    await page.waitForSelector('html[data-ready]');
    return { page, errors };
  }

  /** What the sidebar lists: actor names with counts, and quote groups with their sizes. */
  function readSidebar(page) {
    return page.evaluate(() => {
      const root = document.querySelector('article-highlighter-sidebar').shadowRoot;
      const actors = [...root.querySelectorAll('[data-actor]')].map((b) => [b.querySelector('.name').textContent, Number(b.querySelector('.count').textContent)]);
      const groups = Object.fromEntries([...root.querySelectorAll('section.speaker')].map((s) => [s.dataset.speaker, s.querySelectorAll('[data-quote]').length]));
      return { actors, groups, quotes: root.querySelectorAll('[data-quote]').length, terms: root.querySelectorAll('.term').length };
    });
  }

  test('demo page: 46 actor highlights, 11 actors and 4 quotes in the sidebar, no errors', async () => {
    const { page, errors } = await openDemo();
    const painted = await page.evaluate(() => {
      let mentions = 0;
      for (const [name, h] of CSS.highlights) if (name.startsWith('article-highlighter-actor-')) mentions += h.size;
      return { mentions, quotes: CSS.highlights.get('article-highlighter-quote')?.size, terms: CSS.highlights.get('article-highlighter-term')?.size, mode: window.articleHighlighter.mode };
    });
    assert.deepEqual(painted, { mentions: 46, quotes: 3, terms: 1, mode: 'highlights' });
    const sidebar = await readSidebar(page);
    assert.equal(sidebar.actors.length, 11);
    assert.equal(sidebar.actors.reduce((n, [, c]) => n + c, 0), 46);
    assert.deepEqual(sidebar.actors.find(([name]) => name === 'Muhammad Sadiq'), ['Muhammad Sadiq', 8]);
    assert.equal(sidebar.quotes, 4);
    assert.equal(sidebar.terms, 1);
    assert.deepEqual(sidebar.groups, { 'Muhammad Sadiq': 3 });
    await page.screenshot({ path: `${ARTIFACTS}demo-${name}.png` });
    if (engine.darkMode) {
      await engine.darkMode(page);
      await page.screenshot({ path: `${ARTIFACTS}demo-${name}-dark.png` });
    }
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("an actor's mentions show its colour as a fill and an underline, read from a screenshot, in both painting modes", async () => {
    // Afghanistan (#5c940d), first named in the first paragraph, outside any quote.
    const colour = [0x5c, 0x94, 0x0d];
    for (const query of ['', '?paint=marks']) {
      const { page, errors } = await openDemo(query);
      const computed = await page.evaluate(() => {
        const style = getComputedStyle(document.querySelector('article p'), '::highlight(article-highlighter-actor-1)');
        return { line: style.textDecorationLine, color: style.textDecorationColor, mode: window.articleHighlighter.mode };
      });
      if (computed.mode === 'highlights') assert.deepEqual(computed, { line: 'underline', color: 'rgb(92, 148, 13)', mode: 'highlights' });
      const png = (await page.screenshot()).toString('base64');
      // The browser decodes its own screenshot: the pixels of the word's box and a few rows below.
      const seen = await page.evaluate(async ([image, [r, g, b]]) => {
        const walker = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT);
        while (walker.nextNode() && !walker.currentNode.data.includes('Afghanistan'));
        const word = new Range();
        word.setStart(walker.currentNode, walker.currentNode.data.indexOf('Afghanistan'));
        word.setEnd(walker.currentNode, word.startOffset + 'Afghanistan'.length);
        const box = word.getClientRects()[0];
        const img = new Image();
        img.src = `data:image/png;base64,${image}`;
        await img.decode();
        const canvas = document.createElement('canvas');
        [canvas.width, canvas.height] = [img.width, img.height];
        const context = canvas.getContext('2d', { willReadFrequently: true });
        context.drawImage(img, 0, 0);
        const [left, top] = [Math.ceil(box.left) + 1, Math.floor(box.top)];
        const width = Math.floor(box.right) - 1 - left;
        const height = Math.ceil(box.bottom) + 6 - top;
        const { data } = context.getImageData(left, top, width, height);
        const near = (i, [r2, g2, b2], within) => Math.hypot(data[i] - r2, data[i + 1] - g2, data[i + 2] - b2) <= within;
        // The fill: the colour at 26 % over the white page.
        const tint = [r, g, b].map((c) => 0.26 * c + 0.74 * 255);
        let filled = 0;
        const underlined = new Set();
        for (let i = 0; i < data.length; i += 4) {
          if (near(i, tint, 12)) filled += 1;
          if (near(i, [r, g, b], 60)) underlined.add((i / 4) % width);
        }
        return { filled: filled / (width * height), underlined: underlined.size / width };
      }, [png, colour]);
      assert.ok(seen.filled > 0.3, `${query || 'highlights'}: ${Math.round(seen.filled * 100)} % of the word's box in the fill`);
      // Not all of it: the line skips the descender of the g.
      assert.ok(seen.underlined > 0.75, `${query || 'highlights'}: ${Math.round(seen.underlined * 100)} % of the word underlined in its colour`);
      assert.deepEqual(errors, []);
      await page.close();
    }
  });

  test('clicking a sidebar entry scrolls to it and marks it', async () => {
    const { page, errors } = await openDemo();
    const inSidebar = (selector) => page.evaluate((s) => {
      const el = document.querySelector('article-highlighter-sidebar').shadowRoot.querySelector(s);
      el.click();
      return el.textContent;
    }, selector);
    await inSidebar('[data-quote="3"]');
    await page.waitForFunction(() => CSS.highlights.get('article-highlighter-focus')?.size === 1);
    await page.waitForFunction(() => {
      const [range] = CSS.highlights.get('article-highlighter-focus');
      const r = new Range();
      r.setStart(range.startContainer, range.startOffset);
      r.setEnd(range.endContainer, range.endOffset);
      const box = r.getBoundingClientRect();
      return window.scrollY > 0 && box.top >= 0 && box.bottom <= innerHeight;
    });
    const focused = await page.evaluate(() => {
      const [range] = CSS.highlights.get('article-highlighter-focus');
      return range.startContainer.data.slice(range.startOffset, range.startOffset + 12);
    });
    assert.equal(focused, '“The Taliban');
    assert.equal(await inSidebar('[data-actor="dar"] button.entry'), 'Ishaq Dar1 of 1');
    assert.deepEqual(errors, []);
    await page.close();
  });

  for (const paint of ['highlights', 'marks']) {
    test(`remove() leaves the DOM exactly as it was (${paint})`, async () => {
      const { page, errors } = await openDemo();
      const result = await page.evaluate(async (paint) => {
        window.articleHighlighter.remove();
        const { highlight, config } = window.articleHighlighterDemo;
        const textNodes = () => {
          const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          const nodes = [];
          while (w.nextNode()) nodes.push(w.currentNode);
          return nodes;
        };
        const before = document.body.innerHTML;
        const nodesBefore = textNodes();
        let clicks = 0;
        const link = document.querySelector('article a');
        link.addEventListener('click', (e) => { e.preventDefault(); clicks += 1; });
        const h = await highlight(config, { root: document.querySelector('article'), paint });
        const { count, mode } = h;
        const during = document.body.innerHTML;
        const marks = document.querySelectorAll('mark[data-article-highlighter]').length;
        h.remove();
        link.click();
        const nodesAfter = textNodes();
        return {
          count,
          mode,
          changedDuring: during !== before,
          marks,
          same: document.body.innerHTML === before,
          nodeCount: nodesBefore.length,
          sameNodes: nodesBefore.length === nodesAfter.length && nodesBefore.every((n, i) => n === nodesAfter[i]),
          clicks,
          highlightsLeft: [...CSS.highlights.keys()].filter((k) => k.startsWith('article-highlighter')).length,
          sheetsLeft: document.adoptedStyleSheets.length,
        };
      }, paint);
      assert.equal(result.count, 46);
      assert.equal(result.mode, paint);
      assert.equal(result.changedDuring, true, 'the sidebar (and marks) are in the DOM while highlighted');
      assert.equal(result.marks > 46, paint === 'marks');
      assert.ok(result.nodeCount > 0, 'the page had text nodes to compare');
      assert.deepEqual(
        { same: result.same, sameNodes: result.sameNodes, clicks: result.clicks, highlightsLeft: result.highlightsLeft, sheetsLeft: result.sheetsLeft },
        { same: true, sameNodes: true, clicks: 1, highlightsLeft: 0, sheetsLeft: 0 },
      );
      assert.deepEqual(errors, []);
      await page.close();
    });
  }

  test('a name split by inline markup still highlights, and blocks do not fuse', async () => {
    const { page, errors } = await openDemo();
    const result = await page.evaluate(async () => {
      window.articleHighlighter.remove();
      const { highlight, config } = window.articleHighlighterDemo;
      const box = document.createElement('section');
      box.innerHTML = '<p>Talks with Muhammad <em>Sa</em>diq and <a href="#">Ishaq</a>&nbsp;<b>Dar</b> went on.</p>'
        + '<ul><li>Ishaq</li><li>Dar</li></ul><div>TT</div><div>P</div><p>Kab\u00adul</p>'
        // A <br> breaks a line, not a name; two in a row part paragraphs.
        + '<h2><span>Ishaq<br>Dar</span></h2><p>Ishaq<br>\n<br>Dar</p>';
      document.querySelector('article').prepend(box);
      const out = {};
      for (const paint of ['highlights', 'marks']) {
        const h = await highlight(config, { root: box, paint, sidebar: false });
        out[paint] = {
          mentions: h.report.mentions.map((m) => m.text),
          count: h.count,
          marked: [...box.querySelectorAll('mark[data-article-highlighter="mention"]')].map((m) => m.textContent),
        };
        h.remove();
      }
      // Blocks by the page's CSS alone: "Pakistan" and "is" on two lines are not "Pakistanis",
      // nor "Kab" and "ul" "Kabul"; inline elements and a drop cap still join a word.
      const styled = document.createElement('section');
      styled.innerHTML = '<style>.card > span, news-line { display: block } .cap { float: left }</style>'
        + '<p class="card"><span>Pakistan</span><span>is</span></p><news-line>Kab</news-line><news-line>ul</news-line>'
        + '<p>Is<i>lama</i>bad</p><p><span class="cap">T</span>TP</p>';
      document.querySelector('article').prepend(styled);
      const h = await highlight(config, { root: styled, sidebar: false });
      out.styled = h.report.mentions.map((m) => m.text);
      h.remove();
      return out;
    });
    assert.deepEqual(result.styled, ['Pakistan', 'Islamabad', 'TTP']);
    const mentions = ['Muhammad Sadiq', 'Ishaq\u00a0Dar', 'Kab\u00adul', 'Ishaq\u2028Dar'];
    assert.deepEqual(result.highlights, { mentions, count: 4, marked: [] });
    assert.deepEqual(result.marks, { mentions, count: 4, marked: ['Muhammad ', 'Sa', 'diq', 'Ishaq', '\u00a0', 'Dar', 'Kab\u00adul', 'Ishaq', 'Dar'] });
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('a page that changes its text during a scan: what changed is not painted, the rest is', async () => {
    const { page, errors } = await openDemo();
    const result = await page.evaluate(async () => {
      window.articleHighlighter.remove();
      const { highlight, config } = window.articleHighlighterDemo;
      const box = document.createElement('section');
      box.innerHTML = '<p>Sadiq met Ishaq Dar in Kabul.</p><p>Later Sadiq flew to Islamabad.</p><p>Pakistan, Afghanistan.</p>';
      document.querySelector('article').prepend(box);
      const out = {};
      for (const [paint, observe] of [['highlights', false], ['marks', false], ['highlights', true]]) {
        // highlight() collects the text as it is called, then waits for its scanner: before the
        // scan's report is painted, the page rewrites the first paragraph and takes the second out.
        const first = box.firstChild.firstChild;
        const second = box.children[1];
        const pending = highlight(config, { root: box, paint, observe });
        queueMicrotask(() => {
          first.data = `Yesterday ${first.data}`;
          second.remove();
        });
        const h = await pending;
        const painted = () => (paint === 'marks'
          ? [...box.querySelectorAll('mark[data-article-highlighter="mention"]')].map((m) => m.textContent)
          : [...CSS.highlights].filter(([n]) => n.includes('-actor-')).flatMap(([, g]) => [...g])
            .map((r) => r.startContainer.data.slice(r.startOffset, r.endOffset)).sort());
        const key = observe ? 'observing' : paint;
        out[key] = { found: h.report.mentions.map((m) => m.text), count: h.count, painted: painted() };
        // Watching the page, the session heard of the change and scans again once it is quiet.
        if (observe) {
          const since = performance.now();
          while (h.count < 5 && performance.now() - since < 5000) await new Promise((done) => setTimeout(done, 50));
          out[key].then = { count: h.count, painted: painted() };
        }
        h.remove();
        first.data = first.data.replace('Yesterday ', '');
        box.insertBefore(second, box.lastChild);
      }
      return out;
    });
    const found = ['Sadiq', 'Ishaq Dar', 'Kabul', 'Sadiq', 'Islamabad', 'Pakistan', 'Afghanistan'];
    assert.deepEqual(result.highlights, { found, count: 2, painted: ['Afghanistan', 'Pakistan'] });
    assert.deepEqual(result.marks, { found, count: 2, painted: ['Pakistan', 'Afghanistan'] });
    assert.deepEqual(result.observing, {
      found, count: 2, painted: ['Afghanistan', 'Pakistan'],
      then: { count: 5, painted: ['Afghanistan', 'Ishaq Dar', 'Kabul', 'Pakistan', 'Sadiq'] },
    });
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('a page whose libraries change built-ins as Prototype.js and MooTools do', async () => {
    const { page, errors } = await openDemo();
    const result = await page.evaluate(async () => {
      window.articleHighlighter.remove();
      const { highlight, config } = window.articleHighlighterDemo;
      const { toJSON } = await import('/export.js');
      const article = document.querySelector('article');
      const before = article.innerHTML;
      const plain = await highlight(config, { root: article, sidebar: false, observe: false });
      const expected = plain.report.mentions.length;
      plain.remove();
      // Prototype.js 1.6 makes every array a string of its JSON, 1.7 takes Array#entries away and
      // its Element#remove throws for an element without a parent; MooTools 1.4 replaces Document.
      const saved = { entries: Array.prototype.entries, remove: Element.prototype.remove, Document: window.Document };
      Array.prototype.toJSON = function toJSON() { return `[${this.map((v) => JSON.stringify(v)).join(', ')}]`; };
      delete Array.prototype.entries;
      Element.prototype.remove = function remove() { this.parentNode.removeChild(this); };
      window.Document = function Document() {};
      const out = {};
      try {
        const h = await highlight(config, { root: article, observe: false });
        const exported = JSON.parse(toJSON(h.report, { title: 'A', url: 'https://example.org/' }));
        out.highlights = { mode: h.mode, mentions: h.report.mentions.length, exported: exported.mentions?.length ?? typeof exported.mentions };
        // The page takes the sidebar out itself before the reader closes the session.
        const sidebar = document.querySelector('article-highlighter-sidebar');
        sidebar.parentNode.removeChild(sidebar);
        h.remove();
        // Marks, and the page rewrites a marked paragraph before they are taken away.
        const marks = await highlight(config, { root: article, paint: 'marks', sidebar: false, observe: false });
        const p = article.querySelector('mark').closest('p');
        p.textContent = p.textContent;
        marks.remove();
        out.marksLeft = document.querySelectorAll('mark').length;
        article.innerHTML = before;
        // A text long enough to be scanned in parts.
        const long = document.createElement('section');
        for (let i = 0; i < 260; i += 1) long.append(article.cloneNode(true));
        document.body.append(long);
        const parts = await highlight(config, { root: long, sidebar: false, observe: false });
        out.long = { chars: long.textContent.length, mentions: parts.report.mentions.length, expected: expected * 260 };
        parts.remove();
        long.parentNode.removeChild(long);
      } catch (error) {
        out.error = error.message;
      } finally {
        delete Array.prototype.toJSON;
        Object.defineProperty(Array.prototype, 'entries', { value: saved.entries, writable: true, configurable: true });
        Element.prototype.remove = saved.remove;
        window.Document = saved.Document;
      }
      return { ...out, expected, restored: article.innerHTML === before };
    });
    assert.equal(result.error, undefined);
    assert.deepEqual(result.highlights, { mode: 'highlights', mentions: result.expected, exported: result.expected });
    assert.equal(result.marksLeft, 0);
    assert.ok(result.long.chars > 600_000, `${result.long.chars} characters`);
    assert.equal(result.long.mentions, result.long.expected);
    assert.equal(result.restored, true);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('the highlights are on screen a frame before the sidebar is built, never after it', async () => {
    const { page, errors } = await openDemo();
    const frames = await page.evaluate(async () => {
      window.articleHighlighter.remove();
      const { highlight, config } = window.articleHighlighterDemo;
      // What each frame shows, as it starts: highlights of actors, and the sidebar.
      const seen = [];
      let watching = true;
      const watch = () => {
        seen.push({
          highlights: [...CSS.highlights.keys()].some((name) => name.includes('-actor-')),
          sidebar: document.querySelector('article-highlighter-sidebar') !== null,
        });
        if (watching) requestAnimationFrame(watch);
      };
      requestAnimationFrame(watch);
      const h = await highlight(config);
      watching = false;
      h.remove();
      return seen;
    });
    // WebKitGTK under Xvfb runs requestAnimationFrame once or twice in the whole call (seen:
    // a single frame, before the highlights or after them), so the frames in between cannot be
    // watched there; the other two engines run it every frame.
    if (name !== 'webkit') {
      assert.ok(frames.some((f) => f.highlights && !f.sidebar), 'a frame shows the highlights without the sidebar');
    }
    assert.deepEqual(frames.filter((f) => f.sidebar && !f.highlights), [], 'no frame shows the sidebar before the highlights');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('two sessions on one page paint and remove only their own highlights', async () => {
    const { page, errors } = await openDemo();
    const result = await page.evaluate(async () => {
      window.articleHighlighter.remove();
      const { highlight, config } = window.articleHighlighterDemo;
      const article = document.querySelector('article');
      const ours = () => Object.fromEntries([...CSS.highlights].filter(([n]) => n.startsWith('article-highlighter'))
        .map(([n, h]) => [n, h.size]));
      // An embedding site's session on the article and a reader's on one paragraph of it.
      const site = await highlight(config, { root: article, paint: 'highlights', sidebar: false, observe: false });
      const alone = ours();
      const reader = await highlight(config, { root: [...article.querySelectorAll('p')].find((p) => p.textContent.includes('Sadiq')), paint: 'highlights', sidebar: false, observe: false });
      const both = ours();
      reader.remove();
      const afterReader = ours();
      site.remove();
      return { alone, both, afterReader, afterSite: ours() };
    });
    const readers = Object.keys(result.both).filter((n) => n.startsWith('article-highlighter-2-'));
    assert.ok(readers.includes('article-highlighter-2-focus') && readers.length > 1, `names: ${Object.keys(result.both)}`);
    for (const [name, size] of Object.entries(result.alone)) assert.equal(result.both[name], size, name);
    assert.deepEqual(result.afterReader, result.alone);
    assert.deepEqual(result.afterSite, {});
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('the reader can choose the root by selector, or scan just the selection', async () => {
    const { page, errors } = await openDemo();
    const result = await page.evaluate(async () => {
      window.articleHighlighter.remove();
      const { highlight, config } = window.articleHighlighterDemo;
      const bySelector = await highlight(config, { root: 'article p:nth-of-type(3)', sidebar: false });
      const paragraph = bySelector.report.mentions.map((m) => m.text);
      bySelector.remove();
      const third = document.querySelectorAll('article p')[4];
      const range = document.createRange();
      range.selectNodeContents(third);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      const bySelection = await highlight(config, { selection: true, sidebar: false });
      const selected = bySelection.report.mentions.map((m) => m.text);
      bySelection.remove();
      getSelection().removeAllRanges();
      const refused = await highlight(config, { selection: true }).then(() => 'no error', (e) => e.message);
      const missing = await highlight(config, { root: '#nowhere' }).then(() => 'no error', (e) => e.message);
      const notices = [...document.querySelectorAll('article-highlighter-sidebar')].map((h) => h.shadowRoot.querySelector('[role=alert] .summary').textContent);
      return { paragraph, selected, refused, missing, notices, marks: document.querySelectorAll('mark').length };
    });
    assert.deepEqual(result.paragraph, ['Islamabad', 'Sadiq', 'Taliban', 'TTP', 'ISIS-K', 'Pakistani']);
    assert.deepEqual(result.selected, ['TTP', 'Pakistan', 'Sadiq', 'Afghanistan', 'Pakistan']);
    assert.equal(result.refused, 'select some text first: the highlighter was asked to scan the selection');
    assert.equal(result.missing, 'no element matches the root selector "#nowhere"');
    assert.deepEqual(result.notices, [`Nothing was highlighted: ${result.refused}`, `Nothing was highlighted: ${result.missing}`]);
    assert.equal(result.marks, 0, 'a refused start leaves the page as it was');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('quotes: split quotes painted piece by piece, grouped by speaker, terms apart', async () => {
    const { page, errors } = await openDemo();
    const result = await page.evaluate(async () => {
      window.articleHighlighter.remove();
      const { highlight, config } = window.articleHighlighterDemo;
      const box = document.createElement('section');
      box.innerHTML = '<p>“We will not leave,” Sadiq said. “Not this year, not next year.”</p>'
        + '<p>“The figures will be revised next week,” said Jonathan Pryce, a ministry spokesman.</p>'
        + '<p>Critics called it a so-called “deal” at best.</p>';
      document.querySelector('article').prepend(box);
      const h = await highlight(config, { root: box });
      const painted = [...CSS.highlights.get('article-highlighter-quote')].map((r) => r.startContainer.data.slice(r.startOffset, r.endOffset));
      const shadow = document.querySelector('article-highlighter-sidebar').shadowRoot;
      const groups = Object.fromEntries([...shadow.querySelectorAll('section.speaker')].map((s) => [s.dataset.speaker, [...s.querySelectorAll('[data-quote]')].map((q) => q.textContent)]));
      const terms = [...shadow.querySelectorAll('.term')].map((t) => t.textContent);
      h.remove();
      return { painted, groups, terms };
    });
    assert.deepEqual(result.painted, ['“We will not leave,”', '“Not this year, not next year.”', '“The figures will be revised next week,”']);
    assert.deepEqual(result.groups, {
      'Muhammad Sadiq': ['“We will not leave,” … “Not this year, not next year.”— Sadiq said'],
      'Jonathan Pryce': ['“The figures will be revised next week,”— said Jonathan Pryce'],
    });
    assert.deepEqual(result.terms, ['“deal”']);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
