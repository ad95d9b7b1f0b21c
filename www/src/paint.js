// Painting a report onto the page, in one of two ways.
//
// - "highlights" (the default where the browser has it): the CSS Custom Highlight API. Ranges are
//   registered in CSS.highlights and styled by a constructed stylesheet adopted by the document,
//   so the page's DOM is never touched and a page's `style-src` policy does not block the styles.
// - "marks" (elsewhere, or on request): each highlighted piece of a text node is wrapped in <mark>
//   (data-actor names a mention's actor, data-kind a quote's kind). The original text node is
//   taken out and kept; remove() puts that very node back, so the DOM is restored exactly (same
//   nodes, same text splits) without normalize(). `article-highlighter render` writes these very
//   marks into a page (src/cli/render/marks.rs); the browser tests check the two agree.
//
// Both return the same painter: {mode, count, focus(kind, index), setHidden(actorIds),
// ticks(), entryAt(x, y, target), remove()}.

import { OWN_UI, piecesOf, rangeOf, takeOut } from './text.js';

const PREFIX = 'article-highlighter';

/** Whether this browser can paint with the CSS Custom Highlight API. */
export function hasHighlightApi() {
  // The document, not Document.prototype: MooTools 1.4 replaces the global Document.
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function'
    && typeof document !== 'undefined' && 'adoptedStyleSheets' in document;
}

/** A see-through fill of an actor's colour, so the text stays readable on it. */
function fill(color) {
  return `color-mix(in srgb, ${color} 26%, transparent)`;
}

const QUOTE_FILL = 'rgba(250, 204, 21, 0.22)';
const FOCUS_FILL = 'rgba(250, 176, 5, 0.65)';
/** Lines under quoted terms, titles and an actor's mentions: [style, thickness, colour]. */
const TERM_LINE = ['dotted', '2px', '#b08900'];
const TITLE_LINE = ['double', '1px', '#868e96'];
const mentionLine = (color) => ['solid', '2px', color];

/**
 * An underline as [property, value] pairs: the longhands, never the `text-decoration` shorthand.
 * WebKit (Safari) takes no thickness in the shorthand, so a mark's `underline 2px red` is dropped
 * whole there, and inside ::highlight() it paints no shorthand at all; of the longhands it paints
 * the line, its style and its colour (not the thickness or the offset, so its lines are thinner).
 * `article-highlighter render` writes the same declarations into its marks.
 */
function underline([style, thickness, color]) {
  return [['text-decoration-line', 'underline'], ['text-decoration-style', style],
    ['text-decoration-color', color], ['text-decoration-thickness', thickness]];
}

/** Declarations as CSS text. */
function declarations(pairs) {
  return pairs.map(([property, value]) => `${property}: ${value};`).join(' ');
}

/** The highlight (and style) name of a quote kind. */
const QUOTE_STYLES = { statement: 'quote', term: 'term', title: 'title' };

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

/** Entries the minimap measures at most: each costs a layout query. */
const MAX_TICKS = 4000;

/**
 * `entries` (in page order) or, when there are more than MAX_TICKS, every n-th of them: on a
 * huge page, measuring hundreds of thousands of highlights would take many seconds, and the
 * minimap could not show them apart anyway.
 */
function sampled(entries) {
  const step = Math.ceil(entries.length / MAX_TICKS);
  return step <= 1 ? entries : entries.filter((_, i) => i % step === 0);
}

/** Where a box sits on the page, as a fraction of the page height (for the minimap). */
function pageFraction(doc, rect) {
  const height = Math.max(doc.documentElement.scrollHeight, 1);
  return Math.min(1, Math.max(0, (rect.top + doc.defaultView.scrollY) / height));
}

/** The entry whose span holds the UTF-16 offset `at`: mentions first, then quote pieces. */
function entryAtOffset(report, at) {
  const { mentions } = report;
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid].end <= at) lo = mid + 1;
    else hi = mid;
  }
  if (lo < mentions.length && mentions[lo].start <= at) return { kind: 'mention', index: lo };
  const quote = report.quotes.findIndex((q) => q.pieces.some((p) => p.start <= at && at < p.end));
  return quote === -1 ? null : { kind: 'quote', index: quote };
}

/** The text node and offset under the point (x, y), in either browser's API. */
function caretAt(doc, x, y) {
  if (doc.caretPositionFromPoint) {
    const p = doc.caretPositionFromPoint(x, y);
    return p && { node: p.offsetNode, offset: p.offset };
  }
  const r = doc.caretRangeFromPoint?.(x, y);
  return r && { node: r.startContainer, offset: r.startOffset };
}

/**
 * The first of "article-highlighter", "article-highlighter-2", … whose focus highlight no other
 * painter holds. Highlights are named page-wide, and two sessions can share a page (a site's
 * embedded one and the reader's extension): each must paint, hide and remove only its own.
 */
function freePrefix(registry) {
  let prefix = PREFIX;
  for (let n = 2; registry.has(`${prefix}-focus`); n += 1) prefix = `${PREFIX}-${n}`;
  return prefix;
}

function highlightPainter(model, report, actorIndex) {
  const doc = model.segments[0]?.node.ownerDocument ?? document;
  const view = doc.defaultView;
  const registry = view.CSS.highlights;
  const prefix = freePrefix(registry);
  const focusName = `${prefix}-focus`;
  const focused = new view.Highlight();
  focused.priority = 3;
  const sheet = new view.CSSStyleSheet();
  const rules = [
    `::highlight(${prefix}-quote) { background-color: ${QUOTE_FILL}; }`,
    `::highlight(${prefix}-term) { ${declarations(underline(TERM_LINE))} }`,
    `::highlight(${prefix}-title) { ${declarations(underline(TITLE_LINE))} }`,
    `::highlight(${focusName}) { background-color: ${FOCUS_FILL}; }`,
  ];
  const groups = new Map();
  const rangesByKey = new Map();
  let count = 0;
  for (const span of spansOf(report, actorIndex)) {
    const range = rangeOf(model, span.start, span.end);
    if (!range) continue;
    const key = `${span.kind}:${span.index}`;
    if (!rangesByKey.has(key)) rangesByKey.set(key, range);
    const name = span.kind === 'mention' ? `${prefix}-actor-${span.actor}` : `${prefix}-${QUOTE_STYLES[span.quoteKind] ?? 'quote'}`;
    if (!groups.has(name)) {
      const h = new view.Highlight();
      h.priority = span.kind === 'mention' ? 2 : 1;
      groups.set(name, h);
    }
    groups.get(name).add(range);
    if (span.kind === 'mention') count += 1;
  }
  // A rule for each actor mentioned, not each configured: Chromium restyles the text for every
  // ::highlight() rule, so 10,000 rules for a long list cost seconds on every paint.
  for (const i of new Set(report.mentions.map((m) => actorIndex.get(m.actor)))) {
    const { color } = report.actors[i];
    rules.push(`::highlight(${prefix}-actor-${i}) { background-color: ${fill(color)}; `
      + `${declarations(underline(mentionLine(color)))} text-underline-offset: 3px; }`);
  }
  for (const rule of rules) sheet.insertRule(rule, sheet.cssRules.length);
  // Registered last, when nothing can fail any more; the focus highlight stays empty until a
  // sidebar entry is focused, and holds the prefix for this painter.
  registry.set(focusName, focused);
  for (const [name, h] of groups) registry.set(name, h);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  const segmentOf = new Map(model.segments.map((s) => [s.node, s.start]));
  let hidden = new Set();

  const measure = (range) => {
    const live = doc.createRange();
    live.setStart(range.startContainer, range.startOffset);
    live.setEnd(range.endContainer, range.endOffset);
    return live.getBoundingClientRect();
  };

  return {
    mode: 'highlights',
    count,
    focus(kind, index) {
      const range = rangesByKey.get(`${kind}:${index}`);
      if (!range) return;
      focused.clear();
      focused.add(range);
      const node = range.startContainer.parentElement;
      node?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    },
    setHidden(actorIds) {
      hidden = new Set(report.actors.flatMap((a, i) => (actorIds.has(a.id) ? [i] : [])));
      report.actors.forEach((_, i) => {
        const name = `${prefix}-actor-${i}`;
        if (!groups.has(name)) return;
        if (hidden.has(i)) registry.delete(name);
        else registry.set(name, groups.get(name));
      });
    },
    ticks() {
      const shown = [];
      for (const [key, range] of rangesByKey) {
        const [kind, index] = key.split(':');
        const actor = kind === 'mention' ? actorIndex.get(report.mentions[index].actor) : null;
        if (actor == null || !hidden.has(actor)) shown.push({ kind, index: Number(index), range, actor });
      }
      return sampled(shown).map(({ kind, index, range, actor }) => ({
        kind, index, at: pageFraction(doc, measure(range)), color: actor == null ? null : report.actors[actor].color,
      }));
    },
    entryAt(x, y) {
      const caret = caretAt(doc, x, y);
      const start = caret && segmentOf.get(caret.node);
      if (start == null) return null;
      return entryAtOffset(report, start + caret.offset);
    },
    remove() {
      for (const name of [...groups.keys(), focusName]) registry.delete(name);
      doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
    },
  };
}

function styleMark(mark, span, color, visible) {
  const set = (pairs) => pairs.forEach(([property, value]) => mark.style.setProperty(property, value));
  set([['color', 'inherit'], ['padding', '0']]);
  if (span.kind === 'mention') {
    set(visible ? [['background-color', fill(color)], ...underline(mentionLine(color))]
      : [['background-color', 'transparent'], ['text-decoration-line', 'none']]);
  } else if (span.quoteKind === 'statement') {
    mark.style.setProperty('background-color', QUOTE_FILL);
  } else {
    set([['background-color', 'transparent'], ...underline(span.quoteKind === 'title' ? TITLE_LINE : TERM_LINE)]);
  }
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
  const firstMark = new Map();
  const spanOfMark = new Map();
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
        // Innermost first: a mention's mark sits inside its quote's mark.
        const covering = pieces.filter((q) => q.start <= from && to <= q.end)
          .sort((a, b) => (a.span.kind === 'mention' ? -1 : 1) - (b.span.kind === 'mention' ? -1 : 1));
        for (const p of covering) {
          const mark = doc.createElement('mark');
          mark.setAttribute(OWN_UI, p.span.kind);
          if (p.span.kind === 'mention') mark.setAttribute('data-actor', report.actors[p.span.actor].id);
          else mark.setAttribute('data-kind', p.span.quoteKind);
          styleMark(mark, p.span, colors[p.span.actor], true);
          if (p.span.kind === 'mention') mentionKeys.add(p.span.index);
          mark.appendChild(piece);
          const key = `${p.span.kind}:${p.span.index}`;
          if (!firstMark.has(key)) firstMark.set(key, mark);
          spanOfMark.set(mark, p.span);
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
  let hidden = new Set();
  const unfocus = () => focused?.style.removeProperty('outline');
  return {
    mode: 'marks',
    count: mentionKeys.size,
    focus(kind, index) {
      const mark = firstMark.get(`${kind}:${index}`);
      if (!mark) return;
      unfocus();
      mark.style.setProperty('outline', `2px solid ${FOCUS_FILL}`);
      focused = mark;
      mark.scrollIntoView({ block: 'center', behavior: 'smooth' });
    },
    setHidden(actorIds) {
      hidden = new Set(report.actors.flatMap((a, i) => (actorIds.has(a.id) ? [i] : [])));
      for (const [mark, span] of spanOfMark) {
        if (span.kind === 'mention') styleMark(mark, span, colors[span.actor], !hidden.has(span.actor));
      }
    },
    ticks() {
      const shown = [...firstMark].filter(([, mark]) => {
        const span = spanOfMark.get(mark);
        return span.kind !== 'mention' || !hidden.has(span.actor);
      });
      return sampled(shown).map(([key, mark]) => {
        const span = spanOfMark.get(mark);
        const color = span.kind === 'mention' ? colors[span.actor] : null;
        return { kind: span.kind, index: Number(key.split(':')[1]), at: pageFraction(mark.ownerDocument, mark.getBoundingClientRect()), color };
      });
    },
    entryAt(x, y, target) {
      const mark = target?.closest?.(`mark[${OWN_UI}]`);
      const span = mark && spanOfMark.get(mark);
      return span ? { kind: span.kind, index: span.index } : null;
    },
    remove() {
      unfocus();
      restore(replaced);
    },
  };
}

/**
 * Puts each original text node back where its replacements stand, and takes them out. Where the
 * page has since rewritten what held them (`innerHTML`), its new content stays as it is and only
 * the replacements still in the page go.
 */
function restore(replaced) {
  for (const { node, parent, created } of replaced.splice(0).reverse()) {
    const anchor = created.find((c) => c.parentNode === parent);
    if (anchor) parent.insertBefore(node, anchor);
    for (const c of created) takeOut(c);
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
