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

const FIELDS = '`id`, `name`, `kind`, `aliases`, `patterns`, `color`, `caseSensitive`, `notes`';

test('config errors are JS Errors with the same message as the CLI, from an object or its JSON text', () => {
  // Each fault the config reader names, given both ways: an object crosses as its JSON text, read
  // as the CLI reads a file, so the messages agree (src/config.rs tests the CLI's).
  const faults = [
    [{ actors: [{ id: 'x', aliases: ['X'], colour: '#fff' }] }, `actor "x": unknown field \`colour\`, expected one of ${FIELDS}`],
    [{ actors: [{ aliases: ['X'], colour: '#fff', id: 'x' }] }, `actor "x": unknown field \`colour\`, expected one of ${FIELDS}`],
    [{ actors: [{ id: 'x', aliases: [''] }] }, 'actor "x": field "aliases": must not be empty'],
    [{ actors: [{ aliases: ['X'] }] }, 'actor #0: missing field `id`'],
    [{ actors: [{ id: 'x', aliases: 'X' }] }, 'actor "x": field "aliases": invalid type: string "X", expected an array'],
    [{ actors: [{ id: 'x', aliases: ['X', 3] }] }, 'actor "x": field "aliases": invalid type: integer `3`, expected a string'],
    [{ actors: [{ id: 'x', aliases: ['X'], kind: 'army' }] },
      'actor "x": field "kind": unknown variant `army`, expected one of `person`, `organization`, `state`, `group`, `place`, `other`'],
    [{ actors: [{ id: 'x', aliases: ['X'], caseSensitive: 'yes' }] }, 'actor "x": field "caseSensitive": invalid type: string "yes", expected true or false'],
    [{ actors: [{ id: 'x', aliases: ['X'], color: 'red' }] }, 'actor "x": field "color": "red" is not a hex colour such as "#d33" or "#1971c2"'],
    [{ actors: [{ id: 'x', aliases: ['.'] }] }, 'actor "x": field "aliases": "." has no letter or digit'],
    [{ actors: [{ id: 'a', aliases: ['A'] }, { id: 'a', aliases: ['B'] }] }, 'actor #1: field "id": "a" is already used by another actor'],
    [{ actors: [['x', 'X']] }, 'actor #0: invalid type: sequence, expected an object'],
    [{ actors: 'none' }, 'config: field "actors": invalid type: string "none", expected an array'],
    [{ actor: [] }, 'config: unknown field `actor`, expected one of `name`, `notes`, `actors`'],
    [{}, 'config: missing field `actors`'],
    [[], 'config: invalid type: sequence, expected an object'],
    // An own "__proto__" member, as JSON.parse makes one: a field like any other, so refused.
    [JSON.parse('{"actors": [], "__proto__": {"actors": []}}'), 'config: unknown field `__proto__`, expected one of `name`, `notes`, `actors`'],
    [JSON.parse('{"actors": [{"id": "x", "aliases": ["X"], "__proto__": "y"}]}'), `actor "x": unknown field \`__proto__\`, expected one of ${FIELDS}`],
  ];
  for (const [config, message] of faults) {
    assert.throws(() => new Highlighter(config), (e) => e instanceof Error && e.message === message, `object: ${message}`);
    assert.throws(() => new Highlighter(JSON.stringify(config)), { message }, `text: ${message}`);
  }
  assert.throws(() => new Highlighter('{"actors": ['), { message: 'config is not valid JSON: EOF while parsing a list at line 1 column 12' });
  assert.throws(() => new Highlighter({ actors: [{ id: 'x', aliases: ['X'], patterns: ['(['] }] }), /actor "x": field "patterns"/);
  // An object JSON cannot write is refused; undefined is no document.
  const cyclic = { actors: [{ id: 'x', aliases: ['X'] }] };
  cyclic.actors[0].self = cyclic;
  const unwritable = 'config is not valid JSON: it cannot be written as JSON (a cycle or a BigInt in it)';
  assert.throws(() => new Highlighter(cyclic), { message: unwritable });
  assert.throws(() => new Highlighter({ actors: [{ id: 10n, aliases: ['X'] }] }), { message: unwritable });
  assert.throws(() => new Highlighter(undefined), { message: 'config: invalid type: null, expected an object' });
  // Still usable after errors: nothing poisoned the module.
  assert.equal(new Highlighter('{"actors":[{"id":"x","aliases":["X"]}]}').scan('X marks').mentions.length, 1);
});

test('patterns are Unicode-aware in Cyrillic, Greek, Arabic and Han (the CLI test\'s fixture)', () => {
  const fixture = JSON.parse(readFileSync(new URL('../fixtures/unicode-patterns.json', import.meta.url), 'utf8'));
  const report = new Highlighter(fixture.config).scan(fixture.text);
  assert.deepEqual(report.mentions, fixture.mentions);
  for (const m of report.mentions) assert.equal(fixture.text.slice(m.start, m.end), m.text);
});

test('every combining mark (\\p{M}, the shim\'s word test) continues a word in the core too', () => {
  const marks = [];
  for (let code = 0; code <= 0x10ffff; code += 1) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    const c = String.fromCodePoint(code);
    if (/\p{M}/u.test(c)) marks.push(c);
  }
  // The core's tables (those of the regex crate) may be of an older Unicode version than the
  // engine's: a pattern \p{M} in the core tells which marks it knows.
  const known = new Set(new Highlighter({ actors: [{ id: 'm', patterns: ['\\p{M}'] }] }).scan(marks.join(' ')).mentions.map((m) => m.text));
  const shared = marks.filter((mark) => known.has(mark));
  const newer = marks.filter((mark) => !known.has(mark)).map((mark) => `U+${mark.codePointAt(0).toString(16)}`);
  console.log(`${marks.length} marks in Unicode ${process.versions.unicode}; the core's tables lack ${newer.length}: ${newer.join(' ')}`);
  assert.ok(shared.length > 2400 && newer.length < 100, `${shared.length} marks known to both`);
  // "Dan" then a mark is a longer word (or, composed, another letter), never a mention of Dan.
  const h = new Highlighter({ actors: [{ id: 'dan', aliases: ['Dan'] }] });
  const text = shared.map((mark) => `Dan${mark}`).join(' ');
  const found = h.scan(`${text} Dan`).mentions;
  const wrong = found.filter((m) => m.start !== text.length + 1).map((m) => `U+${text.codePointAt(m.end).toString(16)}`);
  assert.deepEqual(wrong, [], 'marks after which "Dan" was found');
  assert.equal(found.length - wrong.length, 1, 'the plain "Dan" at the end');
});

test('scanText compiles a config once and reuses it', async () => {
  const core = await import(new URL('core.js', dist));
  await core.loadCore(wasm);
  const config = { actors: [{ id: 'un', aliases: ['United Nations'] }] };
  const a = await core.highlighterFor(config);
  assert.equal(await core.highlighterFor(structuredClone(config)), a);
  const report = await core.scanText(config, 'The United Nations said “no.”');
  assert.equal(report.mentions[0].text, 'United Nations');
  await assert.rejects(core.scanText({ actors: 'none' }, 'x'), { message: 'config: field "actors": invalid type: string "none", expected an array' });
});

test('when the core traps, scanText and highlighterFor go on with a fresh instance', async () => {
  const core = await import(new URL('core.js', dist));
  await core.loadCore(wasm);
  const config = { actors: [{ id: 'un', aliases: ['United Nations'] }] };
  const trapped = await core.highlighterFor(config);
  // A real trap: the Highlighter's pointer into the wasm memory moved past its end.
  trapped.__wbg_ptr = 0xfffffff0;
  assert.throws(() => trapped.scan('x'), WebAssembly.RuntimeError);
  const warnings = [];
  const warn = console.warn;
  console.warn = (message) => warnings.push(message);
  try {
    const report = await core.scanText(config, 'The United Nations said “no.”');
    assert.deepEqual(report.mentions.map((m) => m.text), ['United Nations']);
  } finally {
    console.warn = warn;
  }
  assert.equal(warnings.length, 1);
  assert.match(warnings[0], /^Article Highlighter: the WebAssembly core trapped \(.+\); trying again on a fresh instance$/);
  const fresh = await core.highlighterFor(config);
  assert.notEqual(fresh, trapped, 'the trapped instance is no longer used');
  assert.equal(fresh.scan('United Nations').mentions.length, 1);
});
