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
      kind: 'statement', speaker: { actor: null, person: null, start: 81, end: 90, text: '=HYPERLINK("evil")', refers_to: null },
      cue: { start: 81, end: 95, text: '=HYPERLINK("evil") said' }, rule: 'after', confidence: 0.9,
      about: [{ actor: 'un', start: 50, end: 52, text: 'UN' }, { person: 'jane-smith', start: 60, end: 65, text: 'Smith' }, { actor: 'un', start: 70, end: 72, text: 'UN' }],
    },
    {
      start: 100, end: 107, text: '“sold”', pieces: [{ start: 100, end: 107, text: '“sold”' }], kind: 'term', speaker: null, cue: null, rule: null, confidence: 0,
      about: [],
    },
    {
      start: 110, end: 120, text: '“Yes.”', pieces: [{ start: 110, end: 120, text: '“Yes.”' }], kind: 'statement',
      speaker: { actor: null, person: 'jane-smith', start: 121, end: 124, text: 'she', refers_to: { start: 60, end: 65, text: 'Smith' } },
      cue: { start: 121, end: 129, text: 'she said' }, rule: 'after', confidence: 0.8, about: [],
    },
  ],
  people: [{ id: 'jane-smith', name: 'Jane Smith', mentions: [{ start: 60, end: 65, text: 'Smith' }] }],
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
  assert.equal(rows.length, 1 + 2 + 3);
  assert.equal(rows[0], 'page_title,page_url,type,actor_or_speaker,text,start,end,kind,cue,rule,about');
  assert.equal(rows[1], 'A [linked] *page*,https://news.example/a?b=1,mention,United Nations,United Nations,4,18,,,,');
  assert.equal(rows[3], `A [linked] *page*,https://news.example/a?b=1,quote,"'=HYPERLINK(""evil"")","“<img src=x onerror=alert(1)>, said,”",40,80,statement,"'=HYPERLINK(""evil"") said",after,United Nations; Jane Smith`);
  assert.equal(rows[4], 'A [linked] *page*,https://news.example/a?b=1,quote,,“sold”,100,107,term,,,');
  // A pronoun that stands for a person is named by the person's full name.
  assert.equal(rows[5], 'A [linked] *page*,https://news.example/a?b=1,quote,Jane Smith,“Yes.”,110,120,statement,she said,after,');
});

test('Markdown: actors, quotes by speaker, terms apart; page text cannot become markup', () => {
  const text = toMarkdown(report, page);
  assert.equal(text, [
    '# A \\[linked\\] \\*page\\*', '', '<https://news.example/a?b=1>', '',
    '## Actors', '', '- United Nations (organization): 1', '- X (other): 1', '',
    '## Quotes', '', '### =HYPERLINK("evil")', '',
    '> “\\<img src=x onerror=alert(1)\\>, said,” — =HYPERLINK("evil") said', '',
    'About: United Nations, Jane Smith', '',
    '### Jane Smith', '', '> “Yes.” — she said', '',
    '## Quoted terms and titles', '', '- “sold”', '',
  ].join('\n'));
});

test('Markdown: &, ~ and what would start a list, a block quote or a heading stay text', () => {
  const quote = (start, text, kind, cue) => ({
    start, end: start + text.length, text, pieces: [{ start, end: start + text.length, text }], kind,
    speaker: cue ? { actor: 'first', person: null, start: 0, end: 1, text: '-' } : null,
    cue: cue ? { start: 0, end: cue.length, text: cue } : null, rule: cue ? 'after' : null, confidence: cue ? 0.9 : 0, about: [],
  });
  const actor = (id, name) => ({ id, name, kind: 'other', color: '#6741d9', count: 1 });
  const marked = {
    unit: 'utf16',
    mentions: [],
    people: [],
    quotes: [quote(10, '“AT&T&#39;s ~~old~~ &copy; plan”', 'statement', '+ said'), quote(50, '1) “ranked”', 'term')],
    actors: [
      actor('first', '1. First'), actor('minus', '- Minus'), actor('plus', '+ Plus'), actor('star', '* Star'),
      actor('quote', '> Quote'), actor('hash', '## Hash'), actor('rule', '---'), actor('year', '2024. A year'),
      actor('inside', 'Mid - line 3. + and 4) stay'),
    ],
  };
  assert.equal(toMarkdown(marked, { title: '12) Title & ~sub~', url: 'https://news.example/' }), [
    '# 12\\) Title \\& \\~sub\\~', '', '<https://news.example/>', '',
    '## Actors', '',
    '- 1\\. First (other): 1',
    '- \\- Minus (other): 1',
    '- \\+ Plus (other): 1',
    '- \\* Star (other): 1',
    '- \\> Quote (other): 1',
    '- \\#\\# Hash (other): 1',
    '- \\--- (other): 1',
    '- 2024\\. A year (other): 1',
    '- Mid - line 3. + and 4) stay (other): 1', '',
    '## Quotes', '', '### 1\\. First', '',
    '> “AT\\&T\\&\\#39;s \\~\\~old\\~\\~ \\&copy; plan” — \\+ said', '',
    '## Quoted terms and titles', '', '- 1\\) “ranked”', '',
  ].join('\n'));
});
