// The wasm build through Node: the same results as the native core, UTF-16 offsets that index
// JavaScript strings, config errors as JS Errors with the CLI's messages, and the shim's
// scanText/cache layer. Needs `www/scripts/build.sh` to have run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dist = new URL('../../www/dist/', import.meta.url);
const wasm = readFileSync(new URL('pkg/article_highlighter_bg.wasm', dist));
const { initSync, Highlighter } = await import(new URL('pkg/article_highlighter.js', dist));
initSync({ module: wasm });

const shared = fileURLToPath(new URL('../../../shared/fixtures/', import.meta.url));

test('seed article gives the seed gold through the JS API', (t) => {
  if (!existsSync(shared)) {
    t.skip('../shared is absent, so the seed fixtures cannot be read');
    return;
  }
  const text = readFileSync(`${shared}seed-article.txt`, 'utf8');
  const gold = JSON.parse(readFileSync(`${shared}seed-gold.json`, 'utf8'));
  const report = new Highlighter({ actors: gold.actors }).scan(text);
  assert.equal(report.unit, 'utf16');
  assert.deepEqual(report.mentions.map(({ start, end, text: t2, actor }) => ({ start, end, text: t2, actor })), gold.mentions);
  assert.deepEqual(
    report.quotes.map((q) => ({ start: q.start, end: q.end, text: q.text, kind: q.kind, speaker: q.speaker?.actor ?? null, cue: q.cue?.text ?? null })),
    gold.quotes,
  );
  assert.equal(report.actors.length, 11);
});

test('offsets are UTF-16 code units: they slice JavaScript strings exactly', () => {
  const h = new Highlighter({ actors: [
    { id: 'kyiv', kind: 'place', aliases: ['Київ'] },
    { id: 'sadiq', kind: 'person', aliases: ['Sadiq'] },
    { id: 'tokyo', kind: 'place', aliases: ['東京'] },
  ] });
  const text = '😀 Київ 𝒳 — “Sadiq’s 🌍 visit to 東京 went well,” Sadiq said. 👍🏽';
  const report = h.scan(text);
  assert.deepEqual(report.mentions.map((m) => [m.actor, m.start, m.end]), [
    ['kyiv', 3, 7], ['sadiq', 14, 19], ['tokyo', 34, 36], ['sadiq', 49, 54],
  ]);
  for (const span of [...report.mentions, ...report.quotes, report.quotes[0].speaker, report.quotes[0].cue]) {
    assert.equal(text.slice(span.start, span.end), span.text);
  }
  assert.equal(report.quotes[0].cue.text, 'Sadiq said');
  // UTF-16 differs from code points (😀 is one code point, two units) and from UTF-8 bytes.
  assert.notEqual([...text.slice(0, report.mentions[0].start)].length, report.mentions[0].start);
});

test('config errors are JS Errors with the same message as the CLI', () => {
  assert.throws(
    () => new Highlighter({ actors: [{ id: 'x', aliases: ['X'], colour: '#fff' }] }),
    (e) => e instanceof Error && e.message === 'actor "x": unknown field "colour"',
  );
  assert.throws(() => new Highlighter({ actors: [{ id: 'x', aliases: [''] }] }), { message: 'actor "x": field "aliases": must not be empty' });
  assert.throws(() => new Highlighter('{"actors": ['), /config is not valid JSON/);
  assert.throws(() => new Highlighter({ actors: [{ id: 'x', aliases: ['X'], patterns: ['(['] }] }), /actor "x": field "patterns"/);
  // An object crosses as its JSON text: one JSON cannot write is refused, undefined is no document.
  const cyclic = { actors: [] };
  cyclic.self = cyclic;
  assert.throws(() => new Highlighter(cyclic), { message: 'config is not valid JSON: it cannot be written as JSON (a cycle or a BigInt in it)' });
  assert.throws(() => new Highlighter(undefined), { message: 'config: field "(document)" must be an object with an "actors" array' });
  // Still usable after errors: nothing poisoned the module.
  assert.equal(new Highlighter('{"actors":[{"id":"x","aliases":["X"]}]}').scan('X marks').mentions.length, 1);
});

test('scanText compiles a config once and reuses it', async () => {
  const core = await import(new URL('core.js', dist));
  await core.loadCore(wasm);
  const config = { actors: [{ id: 'un', aliases: ['United Nations'] }] };
  const a = await core.highlighterFor(config);
  assert.equal(await core.highlighterFor(structuredClone(config)), a);
  const report = await core.scanText(config, 'The United Nations said “no.”');
  assert.equal(report.mentions[0].text, 'United Nations');
  await assert.rejects(core.scanText({ actors: 'none' }, 'x'), { message: 'config: field "actors" must be an array' });
});
