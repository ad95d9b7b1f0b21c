// A config object in the page is judged as its JSON text is on the command line: the same faults,
// the very same messages, an own "__proto__" member included (JSON.parse makes one; an object
// literal's __proto__ sets the prototype instead and is no member at all). With the sidebar off,
// a rejected highlight() leaves the page exactly as it was (with it on, the sidebar says why).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIST, eachBrowser, serve } from './browser.mjs';

let server;
before(async () => {
  server = await serve(DIST);
});
after(() => server?.close());

const FIELDS = '`id`, `name`, `kind`, `aliases`, `patterns`, `color`, `caseSensitive`, `notes`';

/** Configs as JSON text (parsed into objects in the page) and the messages the CLI gives for them. */
const FAULTS = [
  ['{"actors": [], "__proto__": {"actors": []}}', 'config: unknown field `__proto__`, expected one of `name`, `notes`, `actors`'],
  ['{"actors": [{"id": "x", "aliases": ["X"], "__proto__": "y"}]}', `actor "x": unknown field \`__proto__\`, expected one of ${FIELDS}`],
  ['{"actors": [{"id": "x", "aliases": ["X"], "colour": "#fff"}]}', `actor "x": unknown field \`colour\`, expected one of ${FIELDS}`],
  ['{"actors": [{"id": "x", "aliases": "X"}]}', 'actor "x": field "aliases": invalid type: string "X", expected an array'],
  ['{"actors": [{"id": "x", "aliases": ["X"], "patterns": ["(["]}]}', 'actor "x": field "patterns": "([" is not a valid regex: unclosed character class'],
];

eachBrowser((name, { newPage }) => {
  test(`${name}: highlight() rejects each faulty config object with the CLI's message and leaves the page as it was`, async () => {
    const page = await newPage({ width: 1000, height: 700 });
    await page.goto(`${server.url}/demo/`);
    await page.waitForSelector('html[data-ready]');
    const results = await page.evaluate(async (faults) => {
      const { highlight, scanText } = await import('/article-highlighter.js');
      const before = document.body.innerHTML;
      const out = [];
      for (const [json] of faults) {
        const config = JSON.parse(json);
        const messages = [];
        for (const call of [() => highlight(config, { root: 'article', sidebar: false }), () => scanText(config, 'X')]) {
          try {
            await call();
            messages.push('accepted');
          } catch (error) {
            messages.push(error.message);
          }
        }
        out.push(messages);
      }
      return { out, unchanged: document.body.innerHTML === before };
    }, FAULTS);
    assert.deepEqual(results.out, FAULTS.map(([, message]) => [message, message]));
    assert.ok(results.unchanged, 'the page is as it was');
    await page.close();
  });
});
