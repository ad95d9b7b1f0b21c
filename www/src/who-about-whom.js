// The sidebar's who-about-whom view (issue 18): the named speakers of statements down the side,
// the actors their statements are about across, and in each cell how many statements that
// speaker made about that actor. A cell lists those statements under the table and takes the page
// to the first. The sidebar imports this module only when the reader opens the view, so a first
// click never downloads it (tests/node/payload.test.mjs).

import { namesOf } from './export.js';
import CSS_TEXT from './who-about-whom.css';

/** Speakers and actors the table shows at most, the most quoted first; the exports list every one. */
const LISTED = 200;

/** The shadow roots that have the view's stylesheet already. */
const styled = new WeakSet();

/**
 * The table's contents: `rows` (the ids of speakers, actors or people), `columns` (the ids of the
 * actors the statements are about), each most quoted first, and `cells`, the indexes of the
 * statements of each pair by the key `${row}\n${column}`. A statement that names an actor twice
 * counts once in its cell.
 */
function whoAboutWhom(report) {
  const cells = new Map();
  const rows = new Map();
  const columns = new Map();
  const tally = (counts, id) => counts.set(id, (counts.get(id) ?? 0) + 1);
  report.quotes.forEach((q, index) => {
    const speaker = q.speaker?.actor ?? q.speaker?.person;
    if (q.kind !== 'statement' || !speaker) return;
    for (const actor of new Set(q.about.map((a) => a.actor).filter(Boolean))) {
      const key = `${speaker}\n${actor}`;
      if (!cells.has(key)) cells.set(key, []);
      cells.get(key).push(index);
      tally(rows, speaker);
      tally(columns, actor);
    }
  });
  const names = namesOf(report);
  const byCount = (counts) => [...counts.keys()].sort((a, b) => counts.get(b) - counts.get(a) || names.get(a).localeCompare(names.get(b)));
  return { rows: byCount(rows), columns: byCount(columns), cells };
}

/**
 * The view for `report`, built with the sidebar's element builder `el` (dom.js) in `shadow`, whose
 * root gets the view's stylesheet. `onSelect('quote', index)` takes the page to a statement, as
 * the sidebar's own entries do.
 */
export function whoAboutWhomView(el, shadow, report, onSelect) {
  if (!styled.has(shadow)) {
    const sheet = new shadow.ownerDocument.defaultView.CSSStyleSheet();
    sheet.replaceSync(CSS_TEXT);
    shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
    styled.add(shadow);
  }
  const names = namesOf(report);
  const { rows, columns, cells } = whoAboutWhom(report);
  const shownColumns = columns.slice(0, LISTED);
  const listed = el('div', { class: 'about-quotes', 'aria-live': 'polite' });
  const show = (cell, speaker, actor, indexes) => {
    for (const old of cell.closest('table').querySelectorAll('.current')) old.classList.remove('current');
    cell.classList.add('current');
    const title = `${names.get(speaker)} about ${names.get(actor)}`;
    const list = el('ul', { role: 'list', 'aria-label': `Quotes of ${title}` });
    for (const index of indexes) {
      const text = report.quotes[index].pieces.map((p) => p.text).join(' … ');
      list.append(el('li', {}, el('button', { class: 'entry quote', 'data-quote': String(index), onclick: () => onSelect('quote', index) },
        el('q', { text }))));
    }
    listed.replaceChildren(el('h3', { text: title }), list);
    onSelect('quote', indexes[0]);
  };
  const named = (id) => el('span', { text: names.get(id), title: names.get(id) });
  const head = el('tr', {}, el('td', { class: 'corner' }), ...shownColumns.map((actor) => el('th', { scope: 'col' }, named(actor))));
  const tableRows = rows.slice(0, LISTED).map((speaker) => {
    const about = shownColumns.filter((actor) => cells.has(`${speaker}\n${actor}`));
    const search = [speaker, ...about].map((id) => names.get(id)).join(' ').toLowerCase();
    return el('tr', { 'data-search': search }, el('th', { scope: 'row' }, named(speaker)), ...shownColumns.map((actor) => {
      const indexes = cells.get(`${speaker}\n${actor}`);
      return el('td', {}, indexes ? el('button', {
        class: 'cell', text: String(indexes.length), 'data-speaker': speaker, 'data-actor': actor,
        'aria-label': `${indexes.length} ${indexes.length === 1 ? 'quote' : 'quotes'} of ${names.get(speaker)} about ${names.get(actor)}`,
        onclick: (e) => show(e.currentTarget, speaker, actor, indexes),
      }) : null);
    }));
  });
  const more = rows.length > LISTED || columns.length > LISTED
    ? el('p', { class: 'empty', text: `The ${LISTED} most quoted speakers and actors: the exports list every quote.` }) : null;
  return el('section', { class: 'group about', 'aria-label': 'Who about whom' },
    el('p', { class: 'hint', text: 'Speakers down the side, the actors they speak about across: a count lists those quotes.' }),
    el('div', { class: 'matrix' }, el('table', { 'aria-label': 'Statements of each speaker about each actor' },
      el('thead', {}, head), el('tbody', {}, ...tableRows))), more, listed);
}
