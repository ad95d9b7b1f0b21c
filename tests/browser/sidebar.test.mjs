// The sidebar as a reader uses it, on the demo page in Chromium, Firefox ESR and WebKit:
// keyboard navigation, filters that repaint at once, search, exports, highlights that explain
// themselves, room beside the article, narrow screens, pages that change after load, and page CSS
// that must not leak in. Everything goes through the real keyboard and mouse or the DOM, so every
// browser runs the same.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ARTIFACTS, DIST, catchExports, eachBrowser, serve, watchErrors } from './browser.mjs';

let server;
before(async () => {
  server = await serve(DIST);
});
after(() => server?.close());

/**
 * Runs `fn(root, arg)` in the page with the sidebar's shadow root. Both drivers send functions to
 * the page as source text; this sends `fn` the same way, wrapped to receive the root.
 */
function inSidebar(page, fn, arg) {
  return page.evaluate(
    ([source, value]) => {
      const root = document.querySelector('article-highlighter-sidebar').shadowRoot;
      return new Function('root', 'arg', `return (${source})(root, arg);`)(root, value);
    },
    [fn.toString(), arg],
  );
}

const text = (page, selector) => inSidebar(page, (root, s) => root.querySelector(s).textContent, selector);
const click = (page, selector) => inSidebar(page, (root, s) => root.querySelector(s).click(), selector);
const focus = (page, selector) => inSidebar(page, (root, s) => root.querySelector(s).focus(), selector);

/** How many ranges each article-highlighter highlight paints. */
function painted(page) {
  return page.evaluate(() => Object.fromEntries([...CSS.highlights].filter(([n]) => n.startsWith('article-highlighter')).map(([n, h]) => [n, h.size])));
}

eachBrowser((name, { newPage }) => {

  async function openDemo({ width = 1400, height = 900, query = '' } = {}) {
    const page = await newPage({ width, height });
    const errors = watchErrors(page);
    await page.goto(`${server.url}/demo/${query}`);
    await page.waitForSelector('html[data-ready]');
    return { page, errors };
  }

  test('keyboard: n and p step through mentions, arrows move between entries, Enter steps an actor', async () => {
    const { page, errors } = await openDemo();
    await focus(page, 'li[data-actor="sadiq"] button.entry');
    await page.keyboard.press('n');
    assert.equal(await text(page, '.position'), '1 of 46');
    await page.keyboard.press('n');
    assert.equal(await text(page, '.position'), '2 of 46');
    await page.keyboard.press('p');
    await page.keyboard.press('p');
    assert.equal(await text(page, '.position'), '46 of 46');
    await page.keyboard.press('Enter');
    assert.equal(await text(page, 'li[data-actor="sadiq"] .count'), '1 of 8');
    await page.keyboard.press('Enter');
    assert.equal(await text(page, 'li[data-actor="sadiq"] .count'), '2 of 8');
    await page.keyboard.press('ArrowDown');
    assert.equal(await inSidebar(page, (root) => root.activeElement.closest('li').dataset.actor), 'dar');
    // The focused mention is painted in the focus highlight, and it is Sadiq's second mention.
    const focusText = await page.evaluate(() => {
      const [r] = CSS.highlights.get('article-highlighter-focus');
      return r.startContainer.data.slice(r.startOffset, r.endOffset);
    });
    assert.equal(focusText, 'Sadiq');
    // Visible focus: the focused entry draws an outline.
    assert.equal(await inSidebar(page, (root) => getComputedStyle(root.activeElement).outlineStyle), 'solid');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('filters hide and show actors and kinds, repainting at once, in both painting modes', async () => {
    for (const query of ['', '?paint=marks']) {
      const { page, errors } = await openDemo({ query });
      const pakistanHidden = () => page.evaluate(() => [...document.querySelectorAll('mark[data-article-highlighter="mention"]')]
        .filter((m) => ['Pakistan', 'Pakistani', 'Islamabad'].includes(m.textContent))
        .map((m) => m.style.backgroundColor === 'transparent'));
      await click(page, 'input[aria-label="Show Pakistan"]');
      if (query) assert.deepEqual(await pakistanHidden(), Array(7).fill(true));
      else assert.equal((await painted(page))['article-highlighter-actor-0'], undefined);
      await click(page, 'input[aria-label="Show states"]');
      if (!query) {
        const p = await painted(page);
        assert.equal(p['article-highlighter-actor-1'], undefined, 'Afghanistan (a state) hidden with its kind');
        assert.equal(p['article-highlighter-actor-7'], 8, 'Sadiq (a person) still painted');
      }
      assert.equal(await text(page, '.position'), '– of 30');
      await click(page, 'input[aria-label="Show states"]');
      await click(page, 'input[aria-label="Show Pakistan"]');
      if (query) assert.deepEqual(await pakistanHidden(), Array(7).fill(false));
      else assert.equal((await painted(page))['article-highlighter-actor-0'], 7);
      assert.deepEqual(errors, []);
      await page.close();
    }
  });

  test('search narrows the lists to matching actors and quotes', async () => {
    const { page } = await openDemo();
    await focus(page, 'input[type=search]');
    await page.keyboard.type('taliban');
    const visible = await inSidebar(page, (root) => {
      const shown = (sel) => [...root.querySelectorAll(sel)].filter((e) => e.offsetParent !== null);
      return { actors: shown('li.actor').map((li) => li.dataset.actor), quotes: shown('button.quote').length };
    });
    assert.deepEqual(visible, { actors: ['taliban', 'ttp'], quotes: 1 });
    await page.close();
  });

  test('exports carry every mention and quote, with the page title and URL', async () => {
    const { page } = await openDemo();
    const take = await catchExports(page);
    const json = await take('json');
    assert.deepEqual([json.name, json.type], ['article-highlighter.json', 'application/json;charset=utf-8']);
    const data = JSON.parse(json.text);
    assert.equal(data.title, 'Article Highlighter — demo');
    assert.equal(data.url, `${server.url}/demo/`);
    assert.equal(data.mentions.length, 46);
    assert.equal(data.quotes.length, 4);

    const csv = await take('csv');
    const rows = csv.text.trimEnd().split('\r\n');
    assert.equal(rows[0], 'page_title,page_url,type,actor_or_speaker,text,start,end,kind,cue,rule,about');
    assert.equal(rows.length, 1 + 46 + 4);
    const danger = rows.find((r) => r.includes('danger to Pakistan'));
    assert.match(danger, new RegExp(`^Article Highlighter — demo,${server.url}/demo/,quote,Muhammad Sadiq,"“The TTP is a clear and present danger to Pakistan,”",\\d+,\\d+,statement,Sadiq said,after,Tehreek-e-Taliban Pakistan; Pakistan$`));

    const markdown = await take('markdown');
    assert.equal(markdown.name, 'article-highlighter.md');
    assert.match(markdown.text, /^# Article Highlighter — demo\n\n<http:\/\/127\.0\.0\.1:\d+\/demo\/>\n/);
    assert.match(markdown.text, /\n- Muhammad Sadiq \(person\): 8\n/);
    assert.match(markdown.text, /\n### Muhammad Sadiq\n\n> “Some defections have already occurred,” — he confirmed\n/);
    await page.close();
  });

  test('who about whom: loaded when opened, a cell counts the statements of its speaker about its actor, a click lists them and takes the page to the first', async () => {
    const { page, errors } = await openDemo({ height: 500 });
    const loaded = () => page.evaluate(() => performance.getEntriesByType('resource').some((r) => /\/who-about-whom-[^/]*\.js$/.test(r.name)));
    assert.equal(await loaded(), false, 'the view is not downloaded before the reader opens it');
    await click(page, 'h2 button[aria-expanded="false"]');
    await inSidebar(page, (root) => new Promise((done) => {
      const wait = () => (root.querySelector('.matrix') ? done() : setTimeout(wait, 20));
      wait();
    }));
    assert.equal(await loaded(), true);
    // More speakers, listed and not: the article grows, is scanned again, and the view stays open.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = '“The Taliban must act against the TTP,” Ishaq Dar said. “Kabul cannot wait,” Ishaq Dar added. '
        + '“Islamabad is right about the Taliban,” said Jane Smith, a regional analyst.';
      document.querySelector('article').append(p);
    });
    await page.waitForFunction(() => document.querySelector('article-highlighter-sidebar').shadowRoot.querySelector('button.cell[data-speaker="dar"]'));
    const { expected, shown, rows } = await page.evaluate(() => {
      const report = window.articleHighlighter.report;
      const counts = {};
      for (const q of report.quotes) {
        const speaker = q.speaker?.actor ?? q.speaker?.person;
        if (q.kind !== 'statement' || !speaker) continue;
        for (const actor of new Set(q.about.flatMap((a) => (a.actor ? [a.actor] : [])))) counts[`${speaker} ${actor}`] = (counts[`${speaker} ${actor}`] ?? 0) + 1;
      }
      const root = document.querySelector('article-highlighter-sidebar').shadowRoot;
      const cells = [...root.querySelectorAll('button.cell')].map((b) => [`${b.dataset.speaker} ${b.dataset.actor}`, Number(b.textContent)]);
      return { expected: counts, shown: Object.fromEntries(cells), rows: [...root.querySelectorAll('.matrix th[scope=row]')].map((th) => th.textContent) };
    });
    assert.deepEqual(shown, expected);
    for (const pair of ['sadiq ttp', 'sadiq taliban', 'dar taliban', 'dar ttp', 'dar afghanistan']) assert.ok(pair in shown, `${pair} has a cell`);
    assert.ok(rows.includes('Muhammad Sadiq') && rows.includes('Ishaq Dar') && rows.includes('Jane Smith'), `speakers by name: ${rows}`);

    // A click from the bottom of the page: the cell's statements are listed, and the first is in view, focused.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const cell = 'button.cell[data-speaker="sadiq"][data-actor="ttp"]';
    const box = await inSidebar(page, (root, s) => {
      const b = root.querySelector(s);
      b.scrollIntoView({ block: 'center' });
      const r = b.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }, cell);
    await page.mouse.click(box.x, box.y);
    const listed = await inSidebar(page, (root) => [...root.querySelectorAll('.about-quotes button.quote')].map((b) => Number(b.dataset.quote)));
    const statements = await page.evaluate(() => window.articleHighlighter.report.quotes.flatMap((q, i) => (
      q.kind === 'statement' && q.speaker?.actor === 'sadiq' && q.about.some((a) => a.actor === 'ttp') ? [i] : [])));
    assert.deepEqual(listed, statements);
    assert.equal(String(listed.length), await text(page, cell));
    // (The page's function takes no argument: the drivers pass arguments to waitForFunction differently.)
    await page.evaluate((i) => { window.firstStatement = window.articleHighlighter.report.quotes[i].pieces[0].text; }, statements[0]);
    await page.waitForFunction(() => {
      const [r] = CSS.highlights.get('article-highlighter-focus') ?? [];
      if (!r) return false;
      const live = new Range();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      const b = live.getBoundingClientRect();
      return live.toString() === window.firstStatement && b.top >= 0 && b.bottom <= innerHeight;
    });

    // From the keyboard: Tab reaches a cell from the view's heading, the cell shows its outline,
    // and Enter lists its statements.
    await focus(page, 'h2 button[aria-expanded="true"]');
    const target = 'button.cell[data-speaker="dar"][data-actor="taliban"]';
    for (let tabs = 0; tabs < 40 && !(await inSidebar(page, (root, s) => root.activeElement === root.querySelector(s), target)); tabs++) {
      await page.keyboard.press('Tab');
    }
    // WebKitWebDriver's Tab moves the focus, but WebKit does not count it as the keyboard's (no
    // element it reaches matches :focus-visible, the view's heading either), so the outline is
    // asked of the other two engines.
    if (name !== 'webkit') {
      assert.equal(await inSidebar(page, (root) => getComputedStyle(root.activeElement).outlineStyle), 'solid');
    }
    await page.keyboard.press('Enter');
    assert.equal(await text(page, '.about-quotes h3'), 'Ishaq Dar about Taliban');
    // Closed, the view leaves the sidebar.
    await click(page, 'h2 button[aria-expanded="true"]');
    assert.equal(await inSidebar(page, (root) => root.querySelector('.matrix')), null);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('who about whom on a page in quirks mode: the table takes the colour of the sidebar around it', async () => {
    const { page, errors } = await openDemo();
    const colours = await page.evaluate(async () => {
      window.articleHighlighter.remove();
      const { highlight, config } = window.articleHighlighterDemo;
      document.open();
      document.write('<html><body><article><p>“The TTP is a danger to Pakistan,” Sadiq said.</p></article></body></html>');
      document.close();
      await highlight(config, { root: document.querySelector('article') });
      const root = document.querySelector('article-highlighter-sidebar').shadowRoot;
      root.querySelector('h2 button[aria-expanded]').click();
      while (!root.querySelector('.matrix th[scope=row]')) await new Promise((done) => setTimeout(done, 20));
      const colour = (selector) => getComputedStyle(root.querySelector(selector)).color;
      return { mode: document.compatMode, panel: colour('.panel'), speaker: colour('.matrix th[scope=row]'), actor: colour('.matrix thead th') };
    });
    assert.equal(colours.mode, 'BackCompat');
    assert.deepEqual([colours.speaker, colours.actor], [colours.panel, colours.panel]);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('hovering a highlight explains it; clicking one finds its entry', async () => {
    const { page, errors } = await openDemo();
    const box = await page.evaluate(() => {
      const [r] = CSS.highlights.get('article-highlighter-actor-8'); // Ishaq Dar
      const live = new Range();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      const b = live.getBoundingClientRect();
      return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
    });
    await page.mouse.move(box.x, box.y);
    await page.waitForFunction(() => !document.querySelector('article-highlighter-sidebar').shadowRoot.querySelector('.tip').hidden);
    assert.match(await text(page, '.tip'), /^Ishaq Dar · person · 1 mentions/);
    await page.mouse.click(box.x, box.y);
    assert.equal(await inSidebar(page, (root) => root.querySelector('li.current').dataset.actor), 'dar');
    // The page's own link still got the click.
    assert.equal(await page.evaluate(() => location.hash), '#ishaq-dar');
    await page.mouse.move(5, 5);
    await page.waitForFunction(() => document.querySelector('article-highlighter-sidebar').shadowRoot.querySelector('.tip').hidden);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('on a narrow screen the sidebar starts collapsed and opens on request', async () => {
    const { page } = await openDemo({ width: 600, height: 800 });
    const panelShown = () => inSidebar(page, (root) => getComputedStyle(root.querySelector('.panel')).display !== 'none');
    assert.equal(await panelShown(), false);
    await click(page, '.tab');
    assert.equal(await panelShown(), true);
    await click(page, 'button[aria-label="Collapse the sidebar"]');
    assert.equal(await panelShown(), false);
    await page.screenshot({ path: `${ARTIFACTS}demo-narrow-${name}.png` });
    await page.close();
  });

  test('at 1,024 px the open sidebar leaves the article clear, and collapsed or closed gives the page its exact layout back', async () => {
    const { page, errors } = await openDemo({ width: 1024, height: 768 });
    const layout = () => page.evaluate(() => {
      const box = (el) => {
        const { left, right, top, width } = el.getBoundingClientRect();
        return { left, right, top, width };
      };
      const panel = document.querySelector('article-highlighter-sidebar')?.shadowRoot.querySelector('.panel');
      return {
        article: box(document.querySelector('article')),
        paragraph: box(document.querySelector('article p:last-of-type')),
        html: document.documentElement.getAttribute('style'),
        sheets: document.adoptedStyleSheets.length,
        panel: panel && getComputedStyle(panel).display !== 'none' ? box(panel) : null,
      };
    });
    const asBefore = async () => {
      await page.evaluate(() => window.articleHighlighter.remove());
      const page_ = await layout();
      await page.evaluate(async () => {
        const { highlight, config } = window.articleHighlighterDemo;
        window.articleHighlighter = await highlight(config, { root: document.querySelector('article') });
      });
      return page_;
    };
    const before = await asBefore();
    assert.equal(before.panel, null);
    assert.ok(before.article.right > 1024 - 350, 'without room made, the sidebar would cover the article');

    const open = await layout();
    assert.ok(open.article.right <= open.panel.left, `the article ends at ${open.article.right}, the sidebar starts at ${open.panel.left}`);
    assert.ok(open.article.width >= 560, `the article keeps ${open.article.width} px`);
    await page.screenshot({ path: `${ARTIFACTS}demo-1024-${name}.png` });

    await click(page, 'button[aria-label="Collapse the sidebar"]');
    const collapsed = await layout();
    assert.deepEqual({ ...collapsed, sheets: collapsed.sheets - 1 }, { ...before, panel: null }, 'collapsed: the page as before, but for the highlights');
    await click(page, '.tab');
    assert.deepEqual(await layout(), open, 'opened again, the same room');

    await page.evaluate(() => window.articleHighlighter.remove());
    assert.deepEqual(await layout(), before, 'closed: the page exactly as before');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('on a wide screen, where the article already clears the sidebar, the page is left as it is', async () => {
    const { page } = await openDemo({ width: 1400, height: 900 });
    const result = await page.evaluate(() => ({
      margin: getComputedStyle(document.documentElement).marginRight,
      article: document.querySelector('article').getBoundingClientRect().right,
      panel: document.querySelector('article-highlighter-sidebar').shadowRoot.querySelector('.panel').getBoundingClientRect().left,
    }));
    assert.equal(result.margin, '0px');
    assert.ok(result.article <= result.panel, JSON.stringify(result));
    await page.close();
  });

  test("on a phone-sized screen the collapsed tab covers none of the page's own buttons", async () => {
    // 480 px: MiniBrowser's window is no narrower than 447.
    const { page } = await openDemo({ width: 480, height: 800 });
    const covered = await page.evaluate(() => {
      const place = (css, text) => {
        const button = document.createElement('button');
        button.textContent = text;
        button.style.cssText = `position: fixed; ${css}; width: 48px; height: 40px;`;
        document.body.append(button);
        return button;
      };
      // A menu at the top right, and a "back to top" at the bottom right, as news sites have.
      const buttons = [place('top: 8px; right: 8px', '☰'), place('bottom: 16px; right: 16px', '↑')];
      const tab = document.querySelector('article-highlighter-sidebar').shadowRoot.querySelector('.tab').getBoundingClientRect();
      const hidden = buttons.filter((b) => {
        const { left, right, top, bottom } = b.getBoundingClientRect();
        return [[left + 1, top + 1], [right - 1, top + 1], [left + 1, bottom - 1], [right - 1, bottom - 1], [(left + right) / 2, (top + bottom) / 2]]
          .some(([x, y]) => document.elementFromPoint(x, y) !== b);
      });
      const onTab = document.elementFromPoint(tab.left + tab.width / 2, tab.top + tab.height / 2);
      return { hidden: hidden.map((b) => b.textContent), tabShown: onTab?.localName, tab: tab.toJSON() };
    });
    assert.deepEqual(covered.hidden, []);
    assert.equal(covered.tabShown, 'article-highlighter-sidebar', `the tab is there to click: ${JSON.stringify(covered.tab)}`);
    // Slim, at the right edge, and whole: the label is not clipped off the screen.
    assert.ok(covered.tab.width >= 20 && covered.tab.width <= 30 && covered.tab.right <= 480, JSON.stringify(covered.tab));
    await page.screenshot({ path: `${ARTIFACTS}demo-phone-${name}.png` });
    await page.close();
  });

  test('on a phone-sized screen whose text runs to the edge, the collapsed tab covers none of it', async () => {
    const { page, errors } = await openDemo({ width: 480, height: 800 });
    const lines = await page.evaluate(async () => {
      const edgeToEdge = document.createElement('style');
      edgeToEdge.textContent = 'body, main, article { margin: 0 !important; padding: 0 !important; max-width: none !important; }';
      document.head.append(edgeToEdge);
      window.dispatchEvent(new Event('resize'));
      await new Promise((resolve) => setTimeout(resolve, 500));
      const tab = document.querySelector('article-highlighter-sidebar').shadowRoot.querySelector('.tab').getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(document.querySelector('article'));
      const textRight = Math.max(...[...range.getClientRects()].map((r) => r.right));
      const margin = getComputedStyle(document.documentElement).marginRight;
      edgeToEdge.remove();
      return { tabLeft: tab.left, textRight, margin };
    });
    assert.notEqual(lines.margin, '0px', 'the page is narrowed by the tab');
    assert.ok(lines.textRight <= lines.tabLeft, `the text (to ${lines.textRight} px) ends left of the tab (from ${lines.tabLeft} px)`);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('the resize handle widens the sidebar from the keyboard', async () => {
    const { page } = await openDemo();
    const width = () => inSidebar(page, (root) => root.querySelector('.panel').getBoundingClientRect().width);
    const start = await width();
    await focus(page, '.resize');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await width(), start + 40);
    await page.close();
  });

  test('text added after load is scanned and highlighted', async () => {
    const { page, errors } = await openDemo();
    await page.evaluate(() => {
      window.mentionsBefore = window.articleHighlighter.report.mentions.length;
      const p = document.createElement('p');
      p.textContent = 'Later, Ishaq Dar met Ashraf Ghani in Kabul.';
      document.querySelector('article').append(p);
    });
    await page.waitForFunction(() => window.articleHighlighter.report.mentions.length === window.mentionsBefore + 3);
    assert.equal((await painted(page))['article-highlighter-actor-8'], 2); // Ishaq Dar
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('a clock ticking outside the article is not looked at; one inside holds a rescan back 2 s at most', async () => {
    // A paragraph with 3 mentions comes while a clock ticks every 50 ms, in the demo's session
    // (its article given as the root) or in one that finds the article itself. Every rescan
    // replaces the session's report: watching it for 4.5 s counts the rescans and times them.
    const rescans = async (clockIn, { find = false } = {}) => {
      const { page, errors } = await openDemo();
      const seen = await page.evaluate(async ([where, findArticle]) => {
        let session = window.articleHighlighter;
        if (findArticle) {
          session.remove();
          const { highlight, config } = window.articleHighlighterDemo;
          session = await highlight(config);
        }
        const before = session.report.mentions.length;
        const clock = document.createElement('time');
        document.querySelector(where).prepend(clock);
        const ticking = setInterval(() => {
          clock.textContent = new Date().toISOString();
        }, 50);
        const p = document.createElement('p');
        p.textContent = 'Later, Ishaq Dar met Ashraf Ghani in Kabul.';
        const start = performance.now();
        document.querySelector('article').append(p);
        const found = [];
        let { report } = session;
        await new Promise((done) => {
          const watch = setInterval(() => {
            if (session.report !== report) {
              ({ report } = session);
              found.push({ at: Math.round(performance.now() - start), added: report.mentions.length - before });
            }
            if (performance.now() - start > 4500) {
              clearInterval(watch);
              done();
            }
          }, 20);
        });
        clearInterval(ticking);
        return found;
      }, [clockIn, find]);
      assert.deepEqual(errors, []);
      await page.close();
      return seen;
    };

    // Outside: the paragraph is rescanned once the article has been quiet for 0.4 s, well before
    // the 2 s cap, and the clock's ticks never cause another rescan.
    for (const find of [false, true]) {
      const outside = await rescans('body', { find });
      const which = `clock outside, article ${find ? 'found' : 'given'}: rescans ${JSON.stringify(outside)}`;
      assert.equal(outside.length, 1, which);
      assert.equal(outside[0].added, 3, which);
      assert.ok(outside[0].at < 2000, which);
    }

    // Inside: the article is never quiet, so the paragraph waits for the 2 s cap, and the ticking
    // article goes on being rescanned.
    const inside = await rescans('article');
    const which = `clock inside: rescans ${JSON.stringify(inside)}`;
    assert.ok(inside.length >= 2, which);
    assert.equal(inside[0].added, 3, which);
    assert.ok(inside[0].at >= 1500, which);
  });

  test('in marks mode a rescan keeps what was painted, and remove() survives the page rewriting a paragraph', async () => {
    const { page, errors } = await openDemo({ query: '?paint=marks' });
    const before = await page.evaluate(() => {
      window.mentionsBefore = window.articleHighlighter.report.mentions.length;
      const p = document.createElement('p');
      p.textContent = 'Later, Ishaq Dar met Ashraf Ghani in Kabul.';
      document.querySelector('article').append(p);
      return window.mentionsBefore;
    });
    await page.waitForFunction(() => window.articleHighlighter.report.mentions.length === window.mentionsBefore + 3);
    // Every mention, old and new, has its mark (one across inline markup has more than one).
    const marks = await page.evaluate(() => document.querySelectorAll('mark[data-actor]').length);
    assert.ok(marks >= before + 3, `${marks} marks for ${before + 3} mentions`);
    const left = await page.evaluate(() => {
      const marked = document.querySelector('article p mark[data-actor]').closest('p');
      marked.innerHTML = 'Rewritten by the page, <em>Sadiq</em> said.';
      window.articleHighlighter.remove();
      return { marks: document.querySelectorAll('mark').length, text: marked.textContent };
    });
    assert.deepEqual(left, { marks: 0, text: 'Rewritten by the page, Sadiq said.' });
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("the page's CSS does not reach the sidebar", async () => {
    const { page } = await openDemo();
    const style = await page.evaluate(async () => {
      window.articleHighlighter.remove();
      const hostile = document.createElement('style');
      hostile.textContent = '* { color: red !important; font: 40px/3 serif !important; box-sizing: content-box !important; }'
        + ' div, aside, section, button, ul, li { display: none !important; background: lime !important;'
        + ' padding: 50px !important; border: 9px solid blue !important; }'
        + ' [role], [class] { position: static !important; visibility: hidden !important; }';
      document.head.append(hostile);
      const { highlight, config } = window.articleHighlighterDemo;
      await highlight(config, { root: document.querySelector('article') });
      const root = document.querySelector('article-highlighter-sidebar').shadowRoot;
      const h1 = getComputedStyle(root.querySelector('h1'));
      const panel = root.querySelector('.panel').getBoundingClientRect();
      const entry = getComputedStyle(root.querySelector('button.entry'));
      return { color: h1.color, size: h1.fontSize, width: Math.round(panel.width), padding: entry.paddingTop, border: entry.borderTopWidth };
    });
    assert.deepEqual(style, { color: 'rgb(31, 35, 40)', size: '15px', width: 340, padding: '4px', border: '0px' });
    await page.close();
  });
});
