// Pages pre-rendered by `article-highlighter render` (src/cli/render/) carry their highlights as
// <mark> elements like the marks painter's, a static sidebar, and
// <meta name="article-highlighter" content="pre-rendered">. A session started on such a page
// (the embedding script tag, the bookmarklet, the extension) first takes all of that away, which
// gives back the page as its publisher wrote it: each run of text split by marks becomes one text
// node again, as the parser made it. Then it highlights the page like any other, with all its
// interaction. When the session ends, restore() puts the pre-rendered output back, so the page is
// again exactly as it was served.

import { OWN_UI, takeOut } from './text.js';

/** The value of OWN_UI on the static sidebar's host (src/cli/render/sidebar.rs). */
const STATIC_SIDEBAR = 'prerendered-sidebar';

const isOurMark = (node) => node?.nodeName === 'MARK' && node.hasAttribute(OWN_UI);
const isTextOrMark = (node) => node?.nodeType === Node.TEXT_NODE || isOurMark(node);

/** Takes `node` out of the page, remembering where it stood. */
function detach(node) {
  const place = { node, parent: node.parentNode, next: node.nextSibling };
  takeOut(node);
  return place;
}

/**
 * Takes the pre-rendered highlights and sidebar out of `doc`, if it has any: null when it has
 * none, else {restore()} to put them back.
 */
export function takePrerendered(doc) {
  const meta = doc.querySelector('meta[name="article-highlighter"][content="pre-rendered"]');
  if (!meta) return null;
  const detached = [meta, ...doc.querySelectorAll(`[${OWN_UI}="${STATIC_SIDEBAR}"]`)].map(detach);
  // Each run of text nodes and marks that render cut from one text node, and the node it was.
  const joined = [];
  for (const mark of doc.querySelectorAll(`mark[${OWN_UI}]`)) {
    if (!mark.isConnected || isOurMark(mark.parentNode)) continue;
    let first = mark;
    while (isTextOrMark(first.previousSibling)) first = first.previousSibling;
    const run = [];
    for (let node = first; isTextOrMark(node); node = node.nextSibling) run.push(node);
    const node = doc.createTextNode(run.map((n) => n.textContent).join(''));
    const parent = mark.parentNode;
    parent.insertBefore(node, first);
    for (const n of run) takeOut(n);
    joined.push({ node, parent, run });
  }
  return {
    restore() {
      for (const { node, parent, run } of joined.splice(0).reverse()) {
        for (const n of run) parent.insertBefore(n, node);
        takeOut(node);
      }
      for (const { node, parent, next } of detached.splice(0).reverse()) parent.insertBefore(node, next);
    },
  };
}
