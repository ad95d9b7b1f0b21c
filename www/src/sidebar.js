// The sidebar: actors with counts, and quotes grouped by speaker, beside the article.
//
// It lives in a shadow root so the page's CSS cannot restyle it, is styled by a constructed
// stylesheet (allowed under a page's `style-src`), and is built with DOM methods and textContent
// only: page text is never parsed as HTML.

import { OWN_UI } from './text.js';

const CSS_TEXT = `
:host { all: initial; }
.panel {
  position: fixed; top: 0; right: 0; bottom: 0; width: 340px; max-width: 85vw;
  box-sizing: border-box; overflow-y: auto; z-index: 2147483647;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: #1f2328; background: #ffffff; border-left: 1px solid #d0d7de;
  box-shadow: -4px 0 16px rgba(0, 0, 0, 0.08);
}
header {
  position: sticky; top: 0; background: #f6f8fa; border-bottom: 1px solid #d0d7de;
  padding: 12px 14px; display: flex; align-items: flex-start; gap: 8px;
}
header .titles { flex: 1; }
h1 { font-size: 15px; margin: 0; font-weight: 650; }
.summary { margin: 2px 0 0; color: #57606a; font-size: 12.5px; }
h2 {
  font-size: 11.5px; letter-spacing: 0.06em; text-transform: uppercase; color: #57606a;
  margin: 16px 14px 6px; font-weight: 650;
}
h3 { font-size: 13px; margin: 12px 14px 4px; font-weight: 650; display: flex; gap: 6px; align-items: center; }
ul { list-style: none; margin: 0; padding: 0 6px; }
button.entry {
  all: unset; box-sizing: border-box; width: 100%; cursor: pointer; border-radius: 6px;
  padding: 5px 8px; display: flex; align-items: center; gap: 8px;
}
button.entry:hover { background: #f3f4f6; }
button.entry:focus-visible, button.close:focus-visible { outline: 2px solid #0969da; outline-offset: 1px; }
.swatch { width: 12px; height: 12px; border-radius: 3px; flex: none; }
.name { flex: 1; }
.kind { color: #6e7781; font-size: 12px; }
.count {
  font-variant-numeric: tabular-nums; font-size: 12px; color: #24292f; background: #eaeef2;
  border-radius: 10px; padding: 0 7px; min-width: 14px; text-align: center;
}
button.entry.quote { display: block; padding: 6px 8px; }
.quote q { display: block; quotes: none; color: #24292f; }
.quote .cue { display: block; color: #57606a; font-size: 12px; margin-top: 2px; }
.terms { padding: 0 14px 16px; color: #57606a; }
.terms button.entry { display: inline; width: auto; padding: 1px 4px; color: #24292f; }
.empty { color: #6e7781; padding: 2px 14px; margin: 0; }
button.close {
  all: unset; cursor: pointer; width: 26px; height: 26px; border-radius: 6px; text-align: center;
  font-size: 18px; line-height: 26px; color: #57606a;
}
button.close:hover { background: #eaeef2; }
@media (prefers-color-scheme: dark) {
  .panel { color: #e6edf3; background: #0d1117; border-left-color: #30363d; }
  header { background: #161b22; border-bottom-color: #30363d; }
  .summary, h2, .quote .cue, .terms, .kind, .empty, button.close { color: #8d96a0; }
  button.entry:hover, button.close:hover { background: #21262d; }
  .count { background: #30363d; color: #e6edf3; }
  .quote q, .terms button.entry { color: #e6edf3; }
}
`;

const KIND_LABELS = {
  person: 'person', organization: 'organisation', state: 'state', group: 'group', place: 'place', other: '',
};

/** Shortens `text` to at most `max` characters at a word boundary. */
function clip(text, max) {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2))}…`;
}

function el(doc, tag, props = {}, ...children) {
  const node = doc.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'text') node.textContent = value;
    else if (key === 'onclick') node.addEventListener('click', value);
    else node.setAttribute(key, value);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

/** How a quote's speaker is labelled: the actor's name, else the name a pronoun refers to, else the speaker's words. */
function speakerLabel(quote, names) {
  const s = quote.speaker;
  if (!s) return null;
  if (s.actor) return names.get(s.actor) ?? s.actor;
  return (s.refers_to ?? s).text;
}

/**
 * Opens the sidebar for `report`.
 * @param {object} report the core's report
 * @param {{onSelect: (kind: 'mention'|'quote', index: number) => void, onClose: () => void}} handlers
 * @returns {{host: HTMLElement, remove(): void}}
 */
export function openSidebar(report, { onSelect, onClose }, doc = document) {
  const host = doc.createElement('article-highlighter-sidebar');
  host.setAttribute(OWN_UI, 'sidebar');
  const shadow = host.attachShadow({ mode: 'open' });
  const sheet = new doc.defaultView.CSSStyleSheet();
  sheet.replaceSync(CSS_TEXT);
  shadow.adoptedStyleSheets = [sheet];
  const e = (...args) => el(doc, ...args);

  const names = new Map(report.actors.map((a) => [a.id, a.name]));
  const found = report.actors.filter((a) => a.count > 0);
  const quotes = report.quotes.map((q, index) => ({ q, index }));
  const statements = quotes.filter(({ q }) => q.kind === 'statement');

  const panel = e('aside', { class: 'panel', role: 'complementary', 'aria-label': 'Article Highlighter' });
  const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;
  panel.append(e('header', {},
    e('div', { class: 'titles' },
      e('h1', { text: 'Article Highlighter' }),
      e('p', {
        class: 'summary',
        text: `${plural(report.mentions.length, 'mention', 'mentions')} of ${plural(found.length, 'actor', 'actors')} · `
          + `${plural(statements.length, 'quote', 'quotes')}`,
      })),
    e('button', { class: 'close', 'aria-label': 'Close the highlighter', title: 'Close', text: '×', onclick: onClose })));

  // Actors: a click walks through that actor's mentions, one per click.
  panel.append(e('h2', { text: 'Actors' }));
  const actorList = e('ul', { 'aria-label': 'Actors' });
  for (const actor of found) {
    const mentions = report.mentions.flatMap((m, i) => (m.actor === actor.id ? [i] : []));
    let next = 0;
    const count = e('span', { class: 'count', text: String(actor.count) });
    const button = e('button', {
      class: 'entry', 'data-actor': actor.id, 'aria-label': `${actor.name}, ${actor.count} mentions: go to the next`,
      onclick: () => {
        onSelect('mention', mentions[next]);
        count.textContent = `${next + 1}/${mentions.length}`;
        next = (next + 1) % mentions.length;
      },
    },
    e('span', { class: 'swatch' }),
    e('span', { class: 'name', text: actor.name }),
    e('span', { class: 'kind', text: KIND_LABELS[actor.kind] ?? '' }),
    count);
    button.querySelector('.swatch').style.setProperty('background', actor.color);
    actorList.append(e('li', {}, button));
  }
  panel.append(found.length ? actorList : e('p', { class: 'empty', text: 'No configured actor is mentioned.' }));

  // Quotes, grouped by speaker; unattributed last.
  panel.append(e('h2', { text: 'Quotes' }));
  const groups = new Map();
  for (const item of statements) {
    const label = speakerLabel(item.q, names) ?? '';
    if (!groups.has(label)) groups.set(label, []);
    groups.get(label).push(item);
  }
  const ordered = [...groups.keys()].sort((a, b) => (a === '') - (b === '') || groups.get(b).length - groups.get(a).length);
  for (const label of ordered) {
    const section = e('section', { class: 'speaker', 'data-speaker': label });
    const first = groups.get(label)[0].q.speaker;
    const color = first?.actor ? report.actors.find((a) => a.id === first.actor)?.color : null;
    const swatch = color ? e('span', { class: 'swatch' }) : null;
    swatch?.style.setProperty('background', color);
    section.append(e('h3', {}, swatch, e('span', { text: label || 'Unattributed' }),
      e('span', { class: 'count', text: String(groups.get(label).length) })));
    const list = e('ul', {});
    for (const { q, index } of groups.get(label)) {
      list.append(e('li', {}, e('button', {
        class: 'entry quote', 'data-quote': String(index), onclick: () => onSelect('quote', index),
      },
      e('q', { text: clip(q.pieces.map((p) => p.text).join(' … '), 220) }),
      q.cue ? e('span', { class: 'cue', text: `— ${q.cue.text}` }) : null)));
    }
    section.append(list);
    panel.append(section);
  }
  if (statements.length === 0) panel.append(e('p', { class: 'empty', text: 'No quoted statements.' }));

  // Scare quotes and titles are listed apart: nobody is quoted saying them.
  for (const [kind, heading] of [['term', 'Quoted terms'], ['title', 'Titles']]) {
    const items = quotes.filter(({ q }) => q.kind === kind);
    if (items.length === 0) continue;
    panel.append(e('h2', { text: heading }));
    const line = e('div', { class: 'terms' });
    items.forEach(({ q, index }, i) => {
      if (i) line.append(', ');
      line.append(e('button', {
        class: `entry ${kind}`, 'data-quote': String(index), text: clip(q.text, 60), onclick: () => onSelect('quote', index),
      }));
    });
    panel.append(line);
  }

  shadow.append(panel);
  doc.body.append(host);
  return { host, remove: () => host.remove() };
}
