// Embedding in a static page, in Chromium, Firefox ESR and WebKit: one <script type="module">
// tag with a config (inline, or a file) highlights the article on load.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ARTIFACTS, DIST, eachBrowser, serve, watchErrors } from './browser.mjs';

let server;
before(async () => {
  server = await serve(DIST);
});
after(() => server?.close());

/** Waits for the embedded session, then says what it painted and what the sidebar lists. */
async function embedded(page) {
  await page.waitForFunction(() => document.querySelector('article-highlighter-sidebar'));
  return page.evaluate(async () => {
    const { started } = await import('/article-highlighter.js');
    const session = await started;
    const root = document.querySelector('article-highlighter-sidebar').shadowRoot;
    return {
      mode: session.mode,
      mentions: session.report.mentions.map((m) => m.text),
      speakers: [...root.querySelectorAll('section.speaker')].map((s) => s.dataset.speaker),
      marks: document.querySelectorAll('mark[data-article-highlighter="mention"]').length,
    };
  });
}

eachBrowser((name, { newPage }) => {

  test('a script tag with an inline config highlights on load', async () => {
    const page = await newPage({ width: 1300, height: 800 });
    const errors = watchErrors(page);
    await page.goto(`${server.url}/embed/`);
    const result = await embedded(page);
    assert.deepEqual(result.mentions, ['Islamabad', 'Muhammad Sadiq', 'Taliban', 'TTP', 'TTP', 'Pakistan', 'Sadiq']);
    assert.deepEqual(result.speakers, ['Muhammad Sadiq']);
    assert.equal(result.mode, 'highlights');
    assert.deepEqual(errors, []);
    await page.screenshot({ path: `${ARTIFACTS}embed-${name}.png` });
    await page.close();
  });

  test('a script tag with a config file and data-paint highlights on load', async () => {
    const page = await newPage({ width: 1300, height: 800 });
    const errors = watchErrors(page);
    await page.goto(`${server.url}/embed/file.html`);
    const result = await embedded(page);
    assert.equal(result.mode, 'marks');
    assert.deepEqual(result.mentions, ['Islamabad', 'Muhammad Sadiq', 'Taliban', 'TTP', 'TTP', 'Pakistan', 'Sadiq']);
    assert.equal(result.marks, 7);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
