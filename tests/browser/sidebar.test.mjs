// The sidebar as a reader uses it, in headless Chromium on the demo page: keyboard navigation,
// filters that repaint at once, search, exports, highlights that explain themselves, narrow
// screens, pages that change after load, and page CSS that must not leak in.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { ARTIFACTS, DIST, launchChromium, serve, watchErrors } from './browser.mjs';

let server;
let browser;
before(async () => {
  server = await serve(DIST);
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function openDemo({ width = 1400, height = 900, query = '' } = {}) {
  const page = await browser.newPage({ viewport: { width, height }, acceptDownloads: true });
  const errors = watchErrors(page);
  await page.goto(`${server.url}/demo/${query}`);
  await page.waitForSelector('html[data-ready]');
  return { page, errors, sidebar: page.locator('article-highlighter-sidebar') };
}

/** How many ranges each article-highlighter highlight paints. */
function painted(page) {
  return page.evaluate(() => Object.fromEntries([...CSS.highlights].filter(([n]) => n.startsWith('article-highlighter')).map(([n, h]) => [n, h.size])));
}

test('keyboard: n and p step through mentions, arrows move between entries, Enter steps an actor', async () => {
  const { page, errors, sidebar } = await openDemo();
  await sidebar.locator('li[data-actor="sadiq"] button.entry').focus();
  await page.keyboard.press('n');
  assert.equal(await sidebar.locator('.position').textContent(), '1 of 46');
  await page.keyboard.press('n');
  assert.equal(await sidebar.locator('.position').textContent(), '2 of 46');
  await page.keyboard.press('p');
  await page.keyboard.press('p');
  assert.equal(await sidebar.locator('.position').textContent(), '46 of 46');
  await page.keyboard.press('Enter');
  assert.equal(await sidebar.locator('li[data-actor="sadiq"] .count').textContent(), '1 of 8');
  await page.keyboard.press('Enter');
  assert.equal(await sidebar.locator('li[data-actor="sadiq"] .count').textContent(), '2 of 8');
  await page.keyboard.press('ArrowDown');
  const focused = await page.evaluate(() => document.querySelector('article-highlighter-sidebar').shadowRoot.activeElement.closest('li').dataset.actor);
  assert.equal(focused, 'dar');
  // The focused mention is painted in the focus highlight, and it is Sadiq's second mention.
  const focusText = await page.evaluate(() => {
    const [r] = CSS.highlights.get('article-highlighter-focus');
    return r.startContainer.data.slice(r.startOffset, r.endOffset);
  });
  assert.equal(focusText, 'Sadiq');
  // Visible focus: the focused entry draws an outline.
  const outline = await page.evaluate(() => getComputedStyle(document.querySelector('article-highlighter-sidebar').shadowRoot.activeElement).outlineStyle);
  assert.equal(outline, 'solid');
  assert.deepEqual(errors, []);
  await page.close();
});

test('filters hide and show actors and kinds, repainting at once, in both painting modes', async () => {
  for (const query of ['', '?paint=marks']) {
    const { page, errors, sidebar } = await openDemo({ query });
    const pakistanMarks = () => page.evaluate(() => [...document.querySelectorAll('mark[data-article-highlighter="mention"]')]
      .filter((m) => ['Pakistan', 'Pakistani', 'Islamabad'].includes(m.textContent))
      .map((m) => m.style.backgroundColor === 'transparent'));
    await sidebar.locator('input[aria-label="Show Pakistan"]').uncheck();
    if (query) {
      assert.ok((await pakistanMarks()).every(Boolean));
    } else {
      assert.equal((await painted(page))['article-highlighter-actor-0'], undefined);
    }
    await sidebar.locator('input[aria-label="Show states"]').uncheck();
    if (!query) {
      const p = await painted(page);
      assert.equal(p['article-highlighter-actor-1'], undefined, 'Afghanistan (a state) hidden with its kind');
      assert.equal(p['article-highlighter-actor-7'], 8, 'Sadiq (a person) still painted');
    }
    assert.equal(await sidebar.locator('.position').textContent(), '– of 30');
    await sidebar.locator('input[aria-label="Show states"]').check();
    await sidebar.locator('input[aria-label="Show Pakistan"]').check();
    if (query) {
      assert.ok((await pakistanMarks()).every((hidden) => !hidden));
    } else {
      assert.equal((await painted(page))['article-highlighter-actor-0'], 7);
    }
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('search narrows the lists to matching actors and quotes', async () => {
  const { page, sidebar } = await openDemo();
  await sidebar.locator('input[type=search]').fill('taliban');
  const visible = await page.evaluate(() => {
    const root = document.querySelector('article-highlighter-sidebar').shadowRoot;
    const shown = (sel) => [...root.querySelectorAll(sel)].filter((e) => e.offsetParent !== null);
    return { actors: shown('li.actor').map((li) => li.dataset.actor), quotes: shown('button.quote').length };
  });
  assert.deepEqual(visible.actors, ['taliban', 'ttp']);
  assert.equal(visible.quotes, 1);
  await page.close();
});

test('exports carry every mention and quote, with the page title and URL', async () => {
  const { page, sidebar } = await openDemo();
  const take = async (format) => {
    const [download] = await Promise.all([page.waitForEvent('download'), sidebar.locator(`[data-export="${format}"]`).click()]);
    return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
  };
  const json = await take('json');
  assert.equal(json.name, 'article-highlighter.json');
  const data = JSON.parse(json.text);
  assert.equal(data.title, 'Article Highlighter — demo');
  assert.equal(data.url, `${server.url}/demo/`);
  assert.equal(data.mentions.length, 46);
  assert.equal(data.quotes.length, 4);

  const csv = await take('csv');
  const rows = csv.text.trimEnd().split('\r\n');
  assert.equal(rows[0], 'page_title,page_url,type,actor_or_speaker,text,start,end,kind,cue,rule');
  assert.equal(rows.length, 1 + 46 + 4);
  const danger = rows.find((r) => r.includes('danger to Pakistan'));
  assert.match(danger, new RegExp(`^Article Highlighter — demo,${server.url}/demo/,quote,Muhammad Sadiq,"“The TTP is a clear and present danger to Pakistan,”",\\d+,\\d+,statement,Sadiq said,after$`));

  const markdown = await take('markdown');
  assert.equal(markdown.name, 'article-highlighter.md');
  assert.match(markdown.text, /^# Article Highlighter — demo\n\n<http:\/\/127\.0\.0\.1:\d+\/demo\/>\n/);
  assert.match(markdown.text, /\n- Muhammad Sadiq \(person\): 8\n/);
  assert.match(markdown.text, /\n### Muhammad Sadiq\n\n> “Some defections have already occurred,” — he confirmed\n/);
  await page.close();
});

test('hovering a highlight explains it; clicking one finds its entry', async () => {
  const { page, errors, sidebar } = await openDemo();
  const box = await page.evaluate(() => {
    const [r] = CSS.highlights.get('article-highlighter-actor-8'); // Ishaq Dar
    const live = new Range();
    live.setStart(r.startContainer, r.startOffset);
    live.setEnd(r.endContainer, r.endOffset);
    const b = live.getBoundingClientRect();
    return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
  });
  await page.mouse.move(box.x, box.y);
  await sidebar.locator('.tip:not([hidden])').waitFor();
  assert.match(await sidebar.locator('.tip').textContent(), /^Ishaq Dar · person · 1 mentions/);
  await page.mouse.click(box.x, box.y);
  assert.equal(await sidebar.locator('li.current').getAttribute('data-actor'), 'dar');
  // The page's own link still got the click.
  assert.equal(new URL(page.url()).hash, '#ishaq-dar');
  await page.mouse.move(5, 5);
  await sidebar.locator('.tip[hidden]').waitFor({ state: 'attached' });
  assert.deepEqual(errors, []);
  await page.close();
});

test('on a narrow screen the sidebar starts collapsed and opens on request', async () => {
  const { page, sidebar } = await openDemo({ width: 600, height: 800 });
  assert.equal(await sidebar.locator('.panel').isVisible(), false);
  await sidebar.locator('.tab').click();
  assert.equal(await sidebar.locator('.panel').isVisible(), true);
  await sidebar.locator('button[aria-label="Collapse the sidebar"]').click();
  assert.equal(await sidebar.locator('.panel').isVisible(), false);
  await page.screenshot({ path: `${ARTIFACTS}demo-narrow.png` });
  await page.close();
});

test('the resize handle widens the sidebar from the keyboard', async () => {
  const { sidebar, page } = await openDemo();
  const width = async () => (await sidebar.locator('.panel').boundingBox()).width;
  const before = await width();
  await sidebar.locator('.resize').focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await width(), before + 40);
  await page.close();
});

test('text added after load is scanned and highlighted', async () => {
  const { page, errors } = await openDemo();
  const before = await page.evaluate(() => window.articleHighlighter.report.mentions.length);
  await page.evaluate(() => {
    const p = document.createElement('p');
    p.textContent = 'Later, Ishaq Dar met Ashraf Ghani in Kabul.';
    document.querySelector('article').append(p);
  });
  await page.waitForFunction((n) => window.articleHighlighter.report.mentions.length === n + 3, before);
  const sizes = await painted(page);
  assert.equal(sizes['article-highlighter-actor-8'], 2); // Ishaq Dar
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
    const { highlight } = await import('/article-highlighter.js');
    const config = await (await fetch('/demo/actors.json')).json();
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
