// The wasm functions an actor-list editor uses, through Node: actorsFromTable and actorsToTable
// (CSV/TSV tables, src/table.rs), checkConfig (validation that says which actor and field) and kinds.
// Needs `www/scripts/build.sh` to have run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const dist = new URL('../../www/dist/', import.meta.url);
const wasm = readFileSync(new URL('pkg/article_highlighter_bg.wasm', dist));
const { initSync, Highlighter, actorsFromTable, actorsToTable, checkConfig, kinds } = await import(new URL('pkg/article_highlighter.js', dist));
const { KIND_WORDS } = await import('../../www/src/kinds.js');
initSync({ module: wasm });

test('actorsFromTable reads what a spreadsheet saves and returns config JSON', () => {
  const table = '\ufeffName;Kind;Aliases;Color;Notes\r\nMuhammad Sadiq;Person;Muhammad Sadiq | Sadiq;;"envoy; ""MS"""\r\n'
    + 'Tehreek-e-Taliban Pakistan;group;TTP|Pakistani Taliban;#c2255c;\r\n';
  assert.equal(actorsFromTable(table), '{"actors":['
    + '{"id":"muhammad-sadiq","name":"Muhammad Sadiq","kind":"person","aliases":["Muhammad Sadiq","Sadiq"],"notes":"envoy; \\"MS\\""},'
    + '{"id":"tehreek-e-taliban-pakistan","name":"Tehreek-e-Taliban Pakistan","kind":"group","aliases":["TTP","Pakistani Taliban"]}]}');
  const tsv = 'id\tname\taliases\tpatterns\tcaseSensitive\tcolor\nun\tUnited Nations\tUN\t"U\\.N\\."\ttrue\t#123\n';
  assert.equal(actorsFromTable(tsv),
    '{"actors":[{"id":"un","name":"United Nations","kind":"other","aliases":["UN"],"patterns":["U\\\\.N\\\\."],"color":"#123","caseSensitive":true}]}');
  // What it returns is a config new Highlighter takes.
  assert.equal(new Highlighter(actorsFromTable(table)).scan('The TTP said so.').mentions[0].actor, 'tehreek-e-taliban-pakistan');
});

test('actorsFromTable throws line-numbered Errors', () => {
  const faults = [
    ['id,name,kind,aliases\nx,X,person,X\ny,Y,persn,Y\n',
      'line 3: field "kind": unknown variant `persn`, expected one of `person`, `organization`, `state`, `group`, `place`, `other`'],
    ['id,name,aliases\nx,"X,X\ny,Y,Y\n', 'line 2: a quoted cell in this row is never closed: its quote runs to the end of the table'],
    ['id,name,aliases\nx,X\n', 'line 2: 2 cells where the header has 3'],
    ['id,aliases\na,A\na,B\n', 'line 3: field "id": "a" is already used by another actor'],
    ['id,colour\n', 'line 1: unknown column "colour": the columns are id, name, kind, aliases, color, notes, patterns, caseSensitive'],
    ['id,aliases\n\0\u0001\u0002', 'line 2: this is not a text table: it holds a NUL byte (a binary file?)'],
    ['', 'the table is empty: it needs a header row such as id,name,kind,aliases,color,notes'],
  ];
  for (const [table, message] of faults) {
    assert.throws(() => actorsFromTable(table), (e) => e instanceof Error && e.message === message, message);
  }
  const rows = Array.from({ length: 50_000 }, (_, i) => `a${i},A${i}`).join('\n');
  const started = performance.now();
  assert.throws(() => actorsFromTable(`id,aliases\n${rows}\n`), { message: 'line 20002: too many rows: a list holds at most 20000 actors' });
  console.log(`50,000 rows refused in ${(performance.now() - started).toFixed(0)} ms`);
});

test('actorsToTable writes CSV that reads back as the same config', () => {
  const config = { actors: [
    { id: 'sadiq', name: 'Muhammad "Mo" Sadiq', kind: 'person', aliases: ['Sadiq', 'Sadiq, M.'], notes: 'envoy\nto Kabul' },
    { id: 'kabul', name: 'کابل', kind: 'place', aliases: ['Kabul', 'کابل'], color: '#0c8599' },
  ] };
  const table = actorsToTable(JSON.stringify(config));
  assert.equal(table, '\ufeffid,name,kind,aliases,color,notes\r\n'
    + 'sadiq,"Muhammad ""Mo"" Sadiq",person,"Sadiq|Sadiq, M.",,"envoy\nto Kabul"\r\n'
    + 'kabul,کابل,place,Kabul|کابل,,\r\n');
  // The kind's own colour is not written: blank reads back as it.
  assert.deepEqual(JSON.parse(actorsFromTable(table)),
    { actors: [config.actors[0], { id: 'kabul', name: 'کابل', kind: 'place', aliases: ['Kabul', 'کابل'] }] });
  assert.throws(() => actorsToTable('{"actors":[{"id":"x","aliases":["X|Y"]}]}'),
    { message: 'actor "x": field "aliases": "X|Y" cannot be written to a table: "|" separates a table\'s aliases' });
  assert.throws(() => actorsToTable('{"actors":[{"id":"x","aliases":["X"],"colour":"#fff"}]}'),
    { message: 'actor "x": unknown field `colour`, expected one of `id`, `name`, `kind`, `aliases`, `patterns`, `color`, `caseSensitive`, `notes`' });
});

test('checkConfig says what new Highlighter would throw, and where', () => {
  assert.equal(checkConfig({ actors: [{ id: 'x', aliases: ['X'] }] }), null);
  assert.equal(checkConfig('{"name":"Desk","notes":"CC0","actors":[]}'), null);
  const cases = [
    [{ actors: [{ id: 'a', aliases: ['A'] }, { id: 'b', aliases: ['B'], color: 'red' }] },
      { message: 'actor "b": field "color": "red" is not a hex colour such as "#d33" or "#1971c2"', actor: 1, id: 'b', field: 'color' }],
    [{ actors: [{ id: 'a', aliases: ['A'] }, { id: 'a', aliases: ['B'] }] },
      { message: 'actor #1: field "id": "a" is already used by another actor', actor: 1, id: 'a', field: 'id' }],
    [{ actors: [{ aliases: ['A'] }] }, { message: 'actor #0: missing field `id`', actor: 0, id: null, field: null }],
    [{ actors: [{ id: 'x', aliases: ['X'], colour: '#fff' }] },
      { message: 'actor "x": unknown field `colour`, expected one of `id`, `name`, `kind`, `aliases`, `patterns`, `color`, `caseSensitive`, `notes`', actor: 0, id: 'x', field: null }],
    [{ actors: [{ id: 'x', patterns: ['(['] }] },
      { message: 'actor "x": field "patterns": "([" is not a valid regex: unclosed character class', actor: 0, id: 'x', field: 'patterns' }],
    [{ actors: 'none' }, { message: 'config: field "actors": invalid type: string "none", expected an array', actor: null, id: null, field: 'actors' }],
    ['{"actors": [', { message: 'config is not valid JSON: EOF while parsing a list at line 1 column 12', actor: null, id: null, field: null }],
  ];
  for (const [config, fault] of cases) {
    assert.deepEqual(checkConfig(config), fault);
    assert.throws(() => new Highlighter(config), { message: fault.message });
  }
});

test('kinds names the kinds the config takes, in the order the shim has words for them, with the colours reports give', () => {
  const all = kinds();
  assert.deepEqual(all.map((k) => k.kind), KIND_WORDS.map(([kind]) => kind));
  for (const { kind, color } of all) {
    assert.match(color, /^#[0-9a-f]{6}$/);
    const report = new Highlighter({ actors: [{ id: 'a', kind, aliases: ['A'] }] }).scan('A');
    assert.equal(report.actors[0].color, color, kind);
  }
  assert.throws(() => new Highlighter({ actors: [{ id: 'a', kind: 'persn', aliases: ['A'] }] }),
    (e) => e.message.includes(all.map((k) => `\`${k.kind}\``).join(', ')));
});
