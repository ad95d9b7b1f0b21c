// Scanning a long text in parts (www/src/chunks.js): the cuts fall at paragraph breaks, and the
// joined report is the one-call report wherever no quote or attribution crosses a cut.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const dist = new URL('../../www/dist/', import.meta.url);
const { initSync, Highlighter } = await import(new URL('pkg/article_highlighter.js', dist));
initSync({ module: readFileSync(new URL('pkg/article_highlighter_bg.wasm', dist)) });
const { PART_LENGTH, partStarts, scanInParts } = await import('../../www/src/chunks.js');
const { PARAGRAPH_BREAK } = await import('../../www/src/text.js');

const config = JSON.parse(readFileSync(new URL('demo/actors.json', dist), 'utf8'));
const demo = readFileSync(new URL('demo/index.html', dist), 'utf8');
const paragraphs = [...demo.matchAll(/<p>([\s\S]*?)<\/p>/g)].map(([, inner]) => inner.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim());

/** The demo article `times` over, one paragraph break between paragraphs, as the shim joins them. */
const article = (times) => Array.from({ length: times }, () => paragraphs.join(PARAGRAPH_BREAK)).join(PARAGRAPH_BREAK);

test('parts end at paragraph breaks, hold at most the limit, and cover the text', () => {
  const text = article(30);
  const starts = partStarts(text, 5000);
  assert.ok(starts.length > 10, `${starts.length} parts`);
  starts.forEach((start, i) => {
    const end = starts[i + 1] ?? text.length;
    assert.ok(end - start <= 5000 && end > start);
    if (i > 0) assert.equal(text[start - 1], PARAGRAPH_BREAK);
  });
  assert.deepEqual(partStarts(text), [0], `one part up to ${PART_LENGTH} characters`);
});

test('without paragraph breaks a cut falls after a space, and never inside a surrogate pair', () => {
  assert.deepEqual(partStarts('aaaa bbbb cccc', 7), [0, 5, 10]);
  const emoji = '😀'.repeat(10);
  for (const start of partStarts(emoji, 5)) assert.equal(start % 2, 0);
});

test('the joined report has the one-call mentions, counts and quotes, at offsets into the whole text', async () => {
  const text = article(40);
  const highlighter = new Highlighter(config);
  const whole = highlighter.scan(text);
  const seen = [];
  const joined = await scanInParts(highlighter, text, (done) => seen.push(done), 8000);
  assert.ok(seen.length > 10 && seen.at(-1) === 1 && seen.every((d, i) => i === 0 || d > seen[i - 1]), 'progress rises to 1');
  assert.deepEqual(joined.mentions, whole.mentions);
  assert.deepEqual(joined.actors, whole.actors);
  assert.ok(whole.quotes.length > 40);
  // Attribution may look back past a cut (a quote's speaker named in the paragraph before), so
  // the spans are compared, and every span must slice its own text from the whole.
  assert.deepEqual(joined.quotes.map((q) => [q.start, q.end, q.kind]), whole.quotes.map((q) => [q.start, q.end, q.kind]));
  for (const q of joined.quotes) {
    for (const span of [q, ...q.pieces, q.cue, q.speaker].filter(Boolean)) assert.equal(text.slice(span.start, span.end), span.text);
  }
});
