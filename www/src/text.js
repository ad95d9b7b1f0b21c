// The text model: the visible text under a root element as one string, and the way back from a
// UTF-16 offset in that string to a (text node, offset) position in the DOM.
//
// Every text node contributes its characters one for one, so offsets map back exactly; raw line
// breaks and tabs inside a text node become spaces (HTML shows them as spaces, and the core reads
// "\n" as a paragraph end). Block boundaries (<p>, <li>, <div>, table cells ...) add a break
// (U+2029 PARAGRAPH SEPARATOR) that belongs to no node, so words in adjacent blocks never fuse and
// no name or quote is matched across them; so do elements that only the page's CSS makes blocks,
// where two words would otherwise meet across them. A <br> is a line break inside its paragraph
// (U+2028 LINE SEPARATOR, which a name may span as it spans a space: "Imran<br>Khan" in a
// headline), and two of them in a row a paragraph break, as pages part paragraphs with them. Script, style, form fields, hidden elements and the
// highlighter's own UI are skipped.

/** Elements that break the text where they start and where they end. */
export const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'CAPTION', 'DD', 'DETAILS', 'DIALOG', 'DIV',
  'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5',
  'H6', 'HEADER', 'HGROUP', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY',
  'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);

/** Elements whose content is never text a reader reads. */
export const SKIPPED = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON',
  'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'SVG', 'MATH', 'VIDEO', 'AUDIO',
]);

/** What the core reads as the end of a paragraph that no name or quote spans. */
export const PARAGRAPH_BREAK = '\u2029';

/** What a <br> adds: a line break, which the core reads as white space. */
export const LINE_BREAK = '\u2028';

/** The attribute that marks the highlighter's own elements, which are never scanned. */
export const OWN_UI = 'data-article-highlighter';

/**
 * Takes `node` out of the page, if it is in it. Not `node.remove()`: Prototype.js replaces
 * Element.prototype.remove with one that throws for a node that has no parent.
 */
export function takeOut(node) {
  node.parentNode?.removeChild(node);
}

function isHidden(el) {
  if (el.hidden || el.getAttribute('aria-hidden') === 'true' || el.hasAttribute(OWN_UI)) return true;
  return typeof el.checkVisibility === 'function' ? !el.checkVisibility() : false;
}

/**
 * Where a text starts, or ends, with a letter, digit or combining sign (दिल्ली ends with one):
 * two such ends meeting across an element boundary make one word. Tested on the two code units
 * at that end, which hold a whole character.
 */
const WORD_START = /^[\p{L}\p{N}\p{M}]/u;
const WORD_END = /[\p{L}\p{N}\p{M}]$/u;

/**
 * Whether the page's CSS lays `el` out as a block though its tag is not one (a span with
 * `display: block`, a custom element): its words must not run into its neighbours'. A float
 * computes as a block too, but the float that matters here is a drop cap, the first letter of
 * the word that follows it.
 */
function isStyledBlock(el) {
  const view = el.ownerDocument.defaultView;
  if (!view) return false;
  const { display, float } = view.getComputedStyle(el);
  const inline = display.startsWith('inline') || display.startsWith('ruby') || display === 'contents' || display === 'none';
  return !inline && float === 'none';
}

function isPreformatted(node) {
  return node.parentElement?.closest('pre, textarea') != null;
}

/**
 * Collects the text under `root`, leaving out the subtrees of elements for which `exclude(el)`
 * is true (page furniture inside the article, for example), and, given a `within` range (the
 * reader's selection), the text nodes it does not touch.
 * @returns {{text: string, segments: {node: Text, start: number, data: string}[]}} segments
 *   sorted by start, each a text node, the offset of its first character in `text` and the text
 *   it had then.
 */
export function collectText(root, { exclude = () => false, within = null } = {}) {
  const parts = [];
  const segments = [];
  let length = 0;
  let atBreak = true;
  const lineBreak = () => {
    if (!atBreak) {
      parts.push(PARAGRAPH_BREAK);
      length += 1;
      atBreak = true;
    }
  };
  // Where the text stood after the last <br>'s line break (an index of parts), or -1.
  let afterBr = -1;
  const brBreak = () => {
    if (atBreak) return;
    if (afterBr !== -1 && !/\S/.test(parts.slice(afterBr).join(''))) {
      lineBreak();
      return;
    }
    parts.push(LINE_BREAK);
    length += 1;
    afterBr = parts.length;
  };
  const rejected = (el) => SKIPPED.has(el.nodeName.toUpperCase()) || isHidden(el) || exclude(el);
  const isBlock = (el) => BLOCKS.has(el.nodeName.toUpperCase());
  // Elements entered or left since the last text collected. Asking for an element's style is
  // slow, so it is asked only where a word ends and another begins across them.
  const crossed = [];

  // A walk in document order over the nodes' own properties: a TreeWalker with a filter calls
  // from the engine into JavaScript at every step, and walking it took four times as long on a
  // 1 MB page. Only elements that are not rejected are entered, so every ancestor climbed
  // through is one of those.
  let node = root.firstChild;
  while (node) {
    let child = null;
    if (node.nodeType === Node.TEXT_NODE) {
      const data = node.data;
      // Indentation between blocks is not text a reader sees.
      if (data.length > 0 && !(atBreak && !/\S/.test(data)) && (!within || within.intersectsNode(node))) {
        if (crossed.length > 0 && !atBreak && WORD_START.test(data.slice(0, 2))
          && WORD_END.test(parts[parts.length - 1].slice(-2)) && crossed.some(isStyledBlock)) {
          lineBreak();
        }
        crossed.length = 0;
        segments.push({ node, start: length, data });
        parts.push(/[\n\r\t\f]/.test(data) && !isPreformatted(node) ? data.replace(/[\n\r\t\f]/g, ' ') : data);
        length += data.length;
        atBreak = false;
      }
    } else if (node.nodeName.toUpperCase() === 'BR' && !rejected(node)) {
      brBreak();
      crossed.length = 0;
    } else if (node.nodeType === Node.ELEMENT_NODE && !rejected(node)) {
      // A block breaks the text where it starts and where it ends.
      const block = isBlock(node);
      if (block) lineBreak();
      else crossed.push(node);
      child = node.firstChild;
      if (!child && block) lineBreak();
    }
    if (child) {
      node = child;
      continue;
    }
    // Climb until a next sibling is found, closing each block we leave.
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
      if (node && node !== root) {
        if (isBlock(node)) lineBreak();
        else crossed.push(node);
      }
    }
    node = node && node !== root ? node.nextSibling : null;
  }
  return { text: parts.join(''), segments };
}

/** The index of the last segment starting at or before `offset`. */
function segmentAt(segments, offset) {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segments[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The DOM positions of the UTF-16 span `start..end` of the collected text, as the pieces of it
 * that fall in each text node: [{node, start, end}] with node-relative offsets. Characters that
 * belong to no node (block breaks) are left out. None when the page has changed the text of a
 * node the span touches since it was collected, or taken the node out (a scan takes time, and a
 * long page's scan gives the page turns between its parts): its offsets would fall on other
 * text, or nowhere.
 */
export function piecesOf(model, start, end) {
  const { segments } = model;
  const pieces = [];
  if (segments.length === 0 || end <= start) return pieces;
  for (let i = segmentAt(segments, start); i < segments.length && segments[i].start < end; i += 1) {
    const { node, start: at, data } = segments[i];
    if (node.data !== data || !node.isConnected) return [];
    const from = Math.max(start, at) - at;
    const to = Math.min(end, at + data.length) - at;
    if (to > from) pieces.push({ node, start: from, end: to });
  }
  return pieces;
}

/** A StaticRange over the span `start..end`, or null when it covers no node's text. */
export function rangeOf(model, start, end) {
  const pieces = piecesOf(model, start, end);
  if (pieces.length === 0) return null;
  const first = pieces[0];
  const last = pieces[pieces.length - 1];
  return new StaticRange({
    startContainer: first.node,
    startOffset: first.start,
    endContainer: last.node,
    endOffset: last.end,
  });
}
