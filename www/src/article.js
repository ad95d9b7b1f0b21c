// Finding the article on a page: the element whose text is the story, and the parts inside it
// that are not (navigation, related links, share bars, ads, comments).
//
// The story is the longest stretch of prose on the page. findArticle() reads the page's visible
// text once (collectText, so hidden elements and furniture are already left out), scores each
// block of it — long lines of plain text count for it, short lines, list items, links, teasers
// of other stories and the furniture left out count against it, prose inside an <article> counts
// double — and takes the run of consecutive blocks with the highest total (the maximum-sum run).
// The article is the nearest element holding that whole run, or the page's own
// `[itemprop=articleBody]` when that holds most of it; then the box around it, when that adds
// only the story's own headline, standfirst and captions.
//
// Furniture is told by tag, ARIA role, words in its class or id ("related", "share", "ad"), or
// by being a bare list of links; but a box holding most of the prose around it is never
// furniture, whatever it is called (pages wrap whole stories in a <form> or a "with-sidebar" box).

import { PARAGRAPH_BREAK, collectText } from './text.js';

const BOILERPLATE_TAGS = new Set(['NAV', 'ASIDE', 'FOOTER', 'FORM', 'MENU', 'HEADER', 'DIALOG']);
const BOILERPLATE_ROLES = new Set([
  'navigation', 'complementary', 'contentinfo', 'banner', 'search', 'menu', 'menubar', 'toolbar', 'dialog',
]);

/** Words in a class or id that name page furniture. */
const BOILERPLATE_WORDS = new Set([
  'ad', 'ads', 'adslot', 'advert', 'advertisement', 'advertising', 'sponsor', 'sponsored', 'promo',
  'promoted', 'related', 'recommended', 'recommendations', 'trending', 'popular', 'outbrain',
  'taboola', 'newsletter', 'subscribe', 'subscription', 'signup', 'share', 'sharing', 'social',
  'comment', 'comments', 'disqus', 'credit', 'credits', 'byline', 'breadcrumb',
  'breadcrumbs', 'tags', 'topics', 'footer', 'nav', 'navigation', 'menu', 'sidebar', 'toolbar',
  'print', 'cookie', 'consent', 'modal', 'popup',
]);

/** A line of prose shorter than this counts against the run it is in. */
const PROSE_LENGTH = 50;

/** A box with this many paragraphs of at least this length may wrap the story (see wrapsProse). */
const PROSE_PARAGRAPHS = 3;
const PROSE_PARAGRAPH = 150;

/** Length of a text once runs of white space are shown as one space. */
function visibleLength(text) {
  return text.replace(/\s+/g, ' ').trim().length;
}

/** The words of an element's class and id: "sdc-articleRelated_stories" → sdc, article, related, stories. */
function nameWords(el) {
  const names = `${el.getAttribute('id') ?? ''} ${el.getAttribute('class') ?? ''}`;
  return names.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/);
}

/** How many paragraphs of prose (<p> of PROSE_PARAGRAPH characters or more) are under `el`. */
function proseParagraphs(el) {
  let count = 0;
  for (const p of el.getElementsByTagName('p')) if (visibleLength(p.textContent) >= PROSE_PARAGRAPH) count += 1;
  return count;
}

/**
 * Whether `el` wraps the prose around it: it holds several paragraphs, and most of its parent's.
 * Then it is a layout box around the story, whatever it is called: pages put whole stories in a
 * <form>, an "ad-margins" or a "content-with-sidebar" box. A box of comment rules beside the story
 * holds prose too, but not most of it.
 */
function wrapsProse(el) {
  const own = proseParagraphs(el);
  return own >= PROSE_PARAGRAPHS && own * 2 > proseParagraphs(el.parentElement ?? el);
}

/**
 * Whether `el` is a bare list of links: three or more links among its children and no words of
 * its own between them (a menu, a row of tags, a hover card's list of stories). A letter is
 * \p{Alphabetic}, as Rust's char::is_alphanumeric says, so the command line's port agrees.
 */
function isLinkList(el) {
  let links = 0;
  for (const child of el.childNodes) {
    if (child.nodeType === Node.TEXT_NODE && /[\p{Alphabetic}\p{N}]/u.test(child.data)) return false;
    if (child.nodeName.toUpperCase() === 'A') links += 1;
  }
  return links >= 3;
}

/**
 * Whether `el` is the header of a story rather than of the page: a <header> inside an <article>
 * or <main> holds the story's headline and standfirst.
 */
function isStoryHeader(el) {
  return el.nodeName.toUpperCase() === 'HEADER' && el.parentElement?.closest('article, main') != null;
}

/**
 * Whether `el`, inside the article root, is page furniture rather than story text. The story's
 * captions and standfirst are story text.
 */
export function isBoilerplate(el) {
  const furniture = (BOILERPLATE_TAGS.has(el.nodeName.toUpperCase()) && !isStoryHeader(el))
    || BOILERPLATE_ROLES.has(el.getAttribute('role'))
    || nameWords(el).some((word) => BOILERPLATE_WORDS.has(word))
    || isLinkList(el);
  return furniture && !wrapsProse(el);
}

/** A heading that is a link: the headline of a teaser of another story. */
const LINKED_HEADING = 'h1 a, h2 a, h3 a, h4 a, h5 a, h6 a, a h1, a h2, a h3, a h4, a h5, a h6';

/**
 * A test of whether a text node is in a teaser of another story: a small box (a card) holding a
 * linked headline and a paragraph or two of its own. A story's paragraphs share their box with
 * many others, and its headline is no link. Pages put rows of such cards beside the story, as
 * deep in the page as its paragraphs and as long, which would otherwise read as more prose.
 */
function teaserTest() {
  const boxes = new Map();
  return (node) => {
    const paragraph = node.parentElement?.closest('p') ?? node.parentElement;
    const box = paragraph?.parentElement;
    if (!box) return false;
    if (!boxes.has(box)) boxes.set(box, box.getElementsByTagName('p').length <= 2 && box.querySelector(LINKED_HEADING) != null);
    return boxes.get(box);
  };
}

/** Whether `node` comes after the whole of `el` in the page. */
function follows(node, el) {
  return (el.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
}

/**
 * The blocks of collected text in page order, [{first, last, score}] with the first and last text
 * node of each. A block scores its length, less twice its link text (a menu, a list of other
 * stories; a teaser's text counts as a link), less PROSE_LENGTH: long prose counts for a run,
 * everything else against it. The `furniture` left out of the text (in page order) still parts
 * the prose around it: each piece scores as if it were an empty block per link in it.
 */
function scoredBlocks({ text, segments }, furniture) {
  const inTeaser = teaserTest();
  const blocks = [];
  let seg = 0;
  let start = 0;
  let left = 0;
  for (const line of text.split(PARAGRAPH_BREAK)) {
    const end = start + line.length;
    const first = segments[seg]?.node;
    let last = first;
    let linked = 0;
    for (; seg < segments.length && segments[seg].start < end; seg += 1) {
      last = segments[seg].node;
      if (last.parentElement?.closest('a')) linked += visibleLength(last.data);
    }
    start = end + 1;
    if (!/\S/.test(line)) continue;
    if (inTeaser(first)) linked = visibleLength(line);
    for (; left < furniture.length && follows(first, furniture[left]); left += 1) {
      blocks.push({ score: -PROSE_LENGTH * (1 + furniture[left].getElementsByTagName('a').length) });
    }
    // A list item is rarely a paragraph of the story, and often a teaser of another one.
    const length = first.parentElement?.closest('li, p')?.matches('li') ? 0 : visibleLength(line);
    const score = length - 2 * linked - PROSE_LENGTH;
    // Prose inside an <article> is more likely the story than prose outside one.
    blocks.push({ first, last, score: score > 0 && first.parentElement?.closest('article') ? 2 * score : score });
  }
  return blocks;
}

/** The run of consecutive blocks with the highest total score, {from, to, score} (Kadane's algorithm). */
function bestRun(blocks) {
  let best = null;
  let current = null;
  blocks.forEach((block, i) => {
    current = current && current.score > 0
      ? { from: current.from, to: i, score: current.score + block.score }
      : { from: i, to: i, score: block.score };
    if (!best || current.score > best.score) best = current;
  });
  return best;
}

/** The nearest element holding both nodes. */
function commonAncestor(a, b) {
  let el = a.parentElement;
  while (el && !el.contains(b)) el = el.parentElement;
  return el;
}

/** The page's own `[itemprop=articleBody]`, when it holds most of the prose of the run. */
function declaredBody(doc, prose) {
  const weight = (blocks) => blocks.reduce((sum, block) => sum + block.score, 0);
  const total = weight(prose);
  for (const el of doc.querySelectorAll('[itemprop~="articleBody"]')) {
    if (weight(prose.filter((block) => el.contains(block.first))) * 2 > total) return el;
  }
  return null;
}

/** How many characters of story text `el` holds. */
function storyLength(el) {
  return collectText(el, { exclude: isBoilerplate }).text.length;
}

/** Ancestors looked at for the story's own headline (see withHeadline). */
const HEADLINE_LEVELS = 4;

/**
 * The box around `article` that holds the story's headline (an <h1>) and whatever goes with it,
 * the standfirst, the lead picture's caption, when it adds little text of its own (a third of
 * the article's at most): those are part of the story, though prose too short to count. Else
 * the article itself.
 */
function withHeadline(article, body) {
  if (article.getElementsByTagName('h1').length > 0) return article;
  let box = article.parentElement;
  // Never the body or the root element: the page's own masthead may be an <h1>.
  for (let level = 0; level < HEADLINE_LEVELS && box && !box.contains(body); level += 1) {
    if (box.getElementsByTagName('h1').length > 0) {
      const own = storyLength(article);
      return storyLength(box) - own <= own / 3 ? box : article;
    }
    box = box.parentElement;
  }
  return article;
}

/**
 * The element holding the article. Falls back to the body (or the root element of a page with
 * none) when the page has no stretch of prose; null only for a document with no element at all.
 */
export function findArticle(doc = document) {
  const body = doc.body ?? doc.documentElement;
  if (!body) return null;
  const furniture = [];
  const exclude = (el) => isBoilerplate(el) && furniture.push(el) > 0;
  const blocks = scoredBlocks(collectText(body, { exclude }), furniture);
  const run = bestRun(blocks);
  if (!run || run.score <= 0) return body;
  const prose = blocks.slice(run.from, run.to + 1).filter((block) => block.score > 0);
  const article = declaredBody(doc, prose) ?? commonAncestor(blocks[run.from].first, blocks[run.to].last);
  return article ? withHeadline(article, body) : body;
}
