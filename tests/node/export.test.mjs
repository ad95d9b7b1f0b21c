// Exports as a reader's notes: every mention and quote, the page named, and page text that stays
// text (no spreadsheet formulas, no Markdown links or HTML).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toCSV, toJSON, toMarkdown } from '../../www/src/export.js';

const page = { title: 'A [linked] *page*', url: 'https://news.example/a?b=1' };
const report = {
  unit: 'utf16',
  mentions: [
    { actor: 'un', start: 4, end: 18, text: 'United Nations' },
    { actor: 'x', start: 30, end: 31, text: 'X' },
  ],
  quotes: [
    {
      start: 40, end: 80, text: '“<img src=x onerror=alert(1)>, said,”', pieces: [{ start: 40, end: 80, text: '“<img src=x onerror=alert(1)>, said,”' }],
      kind: 'statement', speaker: { actor: null, start: 81, end: 90, text: '=HYPERLINK("evil")', refers_to: null },
      cue: { start: 81, end: 95, text: '=HYPERLINK("evil") said' }, rule: 'after', confidence: 0.9,
    },
    { start: 100, end: 107, text: '“sold”', pieces: [{ start: 100, end: 107, text: '“sold”' }], kind: 'term', speaker: null, cue: null, rule: null, confidence: 0 },
  ],
  actors: [
    { id: 'un', name: 'United Nations', kind: 'organization', color: '#1971c2', count: 1 },
    { id: 'x', name: 'X', kind: 'other', color: '#6741d9', count: 1 },
    { id: 'none', name: 'Nobody', kind: 'person', color: '#d9480f', count: 0 },
  ],
};

test('JSON holds the whole report and names the page', () => {
  const data = JSON.parse(toJSON(report, page));
  assert.deepEqual(data, { title: page.title, url: page.url, ...report });
});

test('CSV: one row per mention and quote, quoted cells, formulas defused', () => {
  const rows = toCSV(report, page).trimEnd().split('\r\n');
  assert.equal(rows.length, 1 + 2 + 2);
  assert.equal(rows[1], 'A [linked] *page*,https://news.example/a?b=1,mention,United Nations,United Nations,4,18,,,');
  assert.equal(rows[3], `A [linked] *page*,https://news.example/a?b=1,quote,"'=HYPERLINK(""evil"")","“<img src=x onerror=alert(1)>, said,”",40,80,statement,"'=HYPERLINK(""evil"") said",after`);
  assert.equal(rows[4], 'A [linked] *page*,https://news.example/a?b=1,quote,,“sold”,100,107,term,,');
});

test('Markdown: actors, quotes by speaker, terms apart; page text cannot become markup', () => {
  const text = toMarkdown(report, page);
  assert.equal(text, [
    '# A \\[linked\\] \\*page\\*', '', '<https://news.example/a?b=1>', '',
    '## Actors', '', '- United Nations (organization): 1', '- X (other): 1', '',
    '## Quotes', '', '### =HYPERLINK("evil")', '',
    '> “\\<img src=x onerror=alert(1)\\>, said,” — =HYPERLINK("evil") said', '',
    '## Quoted terms and titles', '', '- “sold”', '',
  ].join('\n'));
});
