// Painting a report onto the page, in one of two ways.
//
// - "highlights" (the default where the browser has it): the CSS Custom Highlight API. Ranges are
//   registered in CSS.highlights and styled by a constructed stylesheet adopted by the document,
//   so the page's DOM is never touched and a page's `style-src` policy does not block the styles.
// - "marks" (elsewhere, or on request): each highlighted piece of a text node is wrapped in <mark>.
//   The original text node is taken out and kept; remove() puts that very node back, so the DOM
//   is restored exactly (same nodes, same text splits) without normalize().
//
// Both return the same painter: {mode, count, focus(kind, index), remove()}.

import { OWN_UI, piecesOf, rangeOf } from './text.js';

const PREFIX = 'article-highlighter';

/** Whether this browser can paint with the CSS Custom Highlight API. */
export function hasHighlightApi() {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function'
    && 'adoptedStyleSheets' in Document.prototype;
}

/** A see-through fill of an actor's colour, so the text stays readable on it. */
function fill(color) {
  return `color-mix(in srgb, ${color} 26%, transparent)`;
}

const QUOTE_FILL = 'rgba(250, 204, 21, 0.22)';
const FOCUS_FILL = 'rgba(250, 176, 5, 0.65)';

/**
 * The spans to paint: [{kind: 'mention'|'quote', index, start, end, actor?, quoteKind?}]. A quote
 * is painted piece by piece, so the attribution between the pieces of a split quote is not.
 */
function spansOf(report, actorIndex) {
  const spans = report.mentions.map((m, index) => ({
    kind: 'mention', index, start: m.start, end: m.end, actor: actorIndex.get(m.actor),
  }));
  report.quotes.forEach((q, index) => {
    for (const piece of q.pieces) spans.push({ kind: 'quote', index, start: piece.start, end: piece.end, quoteKind: q.kind });
  });
  return spans;
}

/** The highlight (and style) name of a quote kind. */
const QUOTE_STYLES = { statement: 'quote', term: 'term', title: 'title' };
const TERM_LINE = 'underline dotted 2px #b08900';
const TITLE_LINE = 'underline double 1px #868e96';

function scrollToRange(range) {
  const node = range.startContainer;
  const el = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
  el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
}

function highlightPainter(model, report, actorIndex) {
  const doc = model.segments[0]?.node.ownerDocument ?? document;
  const view = doc.defaultView;
  const names = [];
  const rangesByKey = new Map();
  const sheet = new view.CSSStyleSheet();
  const rules = [
    `::highlight(${PREFIX}-quote) { background-color: ${QUOTE_FILL}; }`,
    `::highlight(${PREFIX}-term) { text-decoration: ${TERM_LINE}; }`,
    `::highlight(${PREFIX}-title) { text-decoration: ${TITLE_LINE}; }`,
    `::highlight(${PREFIX}-focus) { background-color: ${FOCUS_FILL}; }`,
  ];
  report.actors.forEach((actor, i) => {
    rules.push(`::highlight(${PREFIX}-actor-${i}) { background-color: ${fill(actor.color)}; `
      + `text-decoration: underline 2px ${actor.color}; text-underline-offset: 3px; }`);
  });
  for (const rule of rules) sheet.insertRule(rule, sheet.cssRules.length);

  const groups = new Map();
  const add = (name, range, priority) => {
    if (!groups.has(name)) {
      const h = new view.Highlight();
      h.priority = priority;
      groups.set(name, h);
    }
    groups.get(name).add(range);
  };
  let count = 0;
  for (const span of spansOf(report, actorIndex)) {
    const range = rangeOf(model, span.start, span.end);
    if (!range) continue;
    const key = `${span.kind}:${span.index}`;
    if (!rangesByKey.has(key)) rangesByKey.set(key, range);
    if (span.kind === 'mention') {
      add(`${PREFIX}-actor-${span.actor}`, range, 2);
      count += 1;
    } else {
      add(`${PREFIX}-${QUOTE_STYLES[span.quoteKind] ?? 'quote'}`, range, 1);
    }
  }
  for (const [name, h] of groups) {
    view.CSS.highlights.set(name, h);
    names.push(name);
  }
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  const focusName = `${PREFIX}-focus`;

  return {
    mode: 'highlights',
    count,
    focus(kind, index) {
      const range = rangesByKey.get(`${kind}:${index}`);
      if (!range) return;
      const h = new view.Highlight(range);
      h.priority = 3;
      view.CSS.highlights.set(focusName, h);
      scrollToRange(range);
    },
    remove() {
      for (const name of [...names, focusName]) view.CSS.highlights.delete(name);
      doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
    },
  };
}

function markPainter(model, report, actorIndex) {
  // For each text node: the pieces to wrap, with what covers each.
  const byNode = new Map();
  for (const span of spansOf(report, actorIndex)) {
    for (const piece of piecesOf(model, span.start, span.end)) {
      if (!byNode.has(piece.node)) byNode.set(piece.node, []);
      byNode.get(piece.node).push({ ...piece, span });
    }
  }
  const replaced = [];
  const marksByKey = new Map();
  const mentionKeys = new Set();
  const colors = report.actors.map((a) => a.color);
  try {
    for (const [node, pieces] of byNode) {
      const doc = node.ownerDocument;
      const cuts = new Set([0, node.data.length]);
      for (const p of pieces) {
        cuts.add(p.start);
        cuts.add(p.end);
      }
      const points = [...cuts].sort((a, b) => a - b);
      const created = [];
      for (let i = 0; i + 1 < points.length; i += 1) {
        const [from, to] = [points[i], points[i + 1]];
        let piece = doc.createTextNode(node.data.slice(from, to));
        for (const p of pieces.filter((q) => q.start <= from && to <= q.end)
          .sort((a, b) => (a.span.kind === 'mention' ? -1 : 1) - (b.span.kind === 'mention' ? -1 : 1))) {
          const mark = doc.createElement('mark');
          mark.setAttribute(OWN_UI, p.span.kind);
          mark.style.setProperty('color', 'inherit');
          mark.style.setProperty('padding', '0');
          if (p.span.kind === 'mention') {
            const color = colors[p.span.actor];
            mark.style.setProperty('background-color', fill(color));
            mark.style.setProperty('text-decoration', `underline 2px ${color}`);
            mentionKeys.add(p.span.index);
          } else if (p.span.quoteKind === 'statement') {
            mark.style.setProperty('background-color', QUOTE_FILL);
          } else {
            mark.style.setProperty('background-color', 'transparent');
            mark.style.setProperty('text-decoration', p.span.quoteKind === 'title' ? TITLE_LINE : TERM_LINE);
          }
          mark.appendChild(piece);
          const key = `${p.span.kind}:${p.span.index}`;
          if (!marksByKey.has(key)) marksByKey.set(key, mark);
          piece = mark;
        }
        created.push(piece);
      }
      const parent = node.parentNode;
      for (const c of created) parent.insertBefore(c, node);
      parent.removeChild(node);
      replaced.push({ node, parent, created });
    }
  } catch (error) {
    restore(replaced);
    throw error;
  }
  let focused = null;
  const unfocus = () => focused?.style.removeProperty('outline');
  return {
    mode: 'marks',
    count: mentionKeys.size,
    focus(kind, index) {
      const mark = marksByKey.get(`${kind}:${index}`);
      if (!mark) return;
      unfocus();
      mark.style.setProperty('outline', `2px solid ${FOCUS_FILL}`);
      focused = mark;
      mark.scrollIntoView({ block: 'center', behavior: 'smooth' });
    },
    remove() {
      unfocus();
      restore(replaced);
    },
  };
}

/** Puts each original text node back where its replacements stand, and takes them out. */
function restore(replaced) {
  for (const { node, parent, created } of replaced.splice(0).reverse()) {
    parent.insertBefore(node, created[0]);
    for (const c of created) c.remove();
  }
}

/**
 * Paints `report` over the text `model` it was scanned from.
 * @param {'auto'|'highlights'|'marks'} mode
 */
export function paint(model, report, mode = 'auto') {
  const actorIndex = new Map(report.actors.map((a, i) => [a.id, i]));
  const useHighlights = mode === 'highlights' || (mode === 'auto' && hasHighlightApi());
  if (mode === 'highlights' && !hasHighlightApi()) {
    throw new Error('this browser has no CSS Custom Highlight API; use paint: "marks"');
  }
  return useHighlights ? highlightPainter(model, report, actorIndex) : markPainter(model, report, actorIndex);
}
