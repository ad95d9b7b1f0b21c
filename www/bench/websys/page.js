// The in-page half of the web-sys benchmark: run.mjs serves this file at /websys/page.js beside
// the crate's wasm-bindgen output (/websys/pkg/) and the built shim (/text.js, /article.js), opens
// a freshly loaded page and calls measure(). It checks that the Rust walks collect what the
// reduced JavaScript walk does, then times the four ways to collect the text in interleaved rounds.
import init, { collectByProperties, collectByTreeWalker } from '/websys/pkg/websys_bench.js';
import { BLOCKS, OWN_UI, PARAGRAPH_BREAK, SKIPPED, collectText } from '/text.js';
import { findArticle } from '/article.js';

/**
 * text.js's collectText with the rules the Rust walks keep, line for line otherwise: by tag
 * name and attributes only, without checkVisibility() and without the computed-style check where
 * two words meet across an element (so no `crossed` list), and without `exclude` and `within`.
 * It is the like-for-like JavaScript to set against them.
 */
export function collectReduced(root) {
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
  const isHidden = (el) => el.hidden || el.getAttribute('aria-hidden') === 'true' || el.hasAttribute(OWN_UI);
  const rejected = (el) => SKIPPED.has(el.nodeName.toUpperCase()) || isHidden(el);
  const isBlock = (el) => BLOCKS.has(el.nodeName.toUpperCase());
  const isPreformatted = (node) => node.parentElement?.closest('pre, textarea') != null;

  let node = root.firstChild;
  while (node) {
    let child = null;
    if (node.nodeType === Node.TEXT_NODE) {
      const data = node.data;
      if (data.length > 0 && !(atBreak && !/\S/.test(data))) {
        segments.push({ node, start: length, data });
        parts.push(/[\n\r\t\f]/.test(data) && !isPreformatted(node) ? data.replace(/[\n\r\t\f]/g, ' ') : data);
        length += data.length;
        atBreak = false;
      }
    } else if (node.nodeType === Node.ELEMENT_NODE && !rejected(node)) {
      const block = isBlock(node);
      if (block) lineBreak();
      child = node.firstChild;
      if (!child && block) lineBreak();
    }
    if (child) {
      node = child;
      continue;
    }
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
      if (node && node !== root && isBlock(node)) lineBreak();
    }
    node = node && node !== root ? node.nextSibling : null;
  }
  return { text: parts.join(''), segments };
}

/** Where a Rust walk's answer first differs from the reduced walk's, or null when it does not. */
function difference(rust, reduced) {
  if (rust.text !== reduced.text) {
    let i = 0;
    while (rust.text[i] === reduced.text[i]) i += 1;
    return `text differs at ${i} of ${reduced.text.length}: ${JSON.stringify(rust.text.slice(i, i + 40))} vs ${JSON.stringify(reduced.text.slice(i, i + 40))}`;
  }
  if (rust.starts.length !== reduced.segments.length || rust.nodes.length !== reduced.segments.length) {
    return `${rust.starts.length} starts and ${rust.nodes.length} nodes for ${reduced.segments.length} segments`;
  }
  const at = reduced.segments.findIndex((s, i) => s.start !== rust.starts[i] || s.node !== rust.nodes[i]);
  return at < 0 ? null : `segment ${at} differs`;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * The time of one call of `work`: repeated until `minMs` have passed and divided, since
 * performance.now() is coarse (0.1 ms without cross-origin isolation) beside a small page's walk.
 */
function sample(work, minMs) {
  let runs = 0;
  let elapsed = 0;
  const started = performance.now();
  do {
    work();
    runs += 1;
    elapsed = performance.now() - started;
  } while (elapsed < minMs);
  return elapsed / runs;
}

/**
 * On this page, under `root` (a CSS selector, or "find" for the element the shim's findArticle
 * picks): the check, then `rounds` rounds of one sample of each method, in an order that turns
 * by one each round so that none always runs first or after the same one. Answers the medians
 * and every sample, in ms.
 */
export async function measure({ root, rounds, minMs, warmups }) {
  await init();
  const element = root === 'find' ? findArticle(document) : document.querySelector(root);
  if (!element) throw new Error(`no root for ${root}`);
  const methods = {
    jsFull: () => collectText(element),
    jsReduced: () => collectReduced(element),
    rustProperties: () => collectByProperties(element),
    rustTreeWalker: () => collectByTreeWalker(element),
  };

  const reduced = collectReduced(element);
  const full = collectText(element);
  const mismatches = {};
  for (const name of ['rustProperties', 'rustTreeWalker']) {
    const problem = difference(methods[name](), reduced);
    if (problem) mismatches[name] = problem;
  }

  // Warm-ups: the engine's optimising tiers (JavaScript's and wasm's) take over, and the first
  // getComputedStyle() calls of collectText have had the page's style computed.
  const names = Object.keys(methods);
  for (let i = 0; i < warmups; i += 1) for (const name of names) methods[name]();

  const times = Object.fromEntries(names.map((name) => [name, []]));
  for (let r = 0; r < rounds; r += 1) {
    for (let k = 0; k < names.length; k += 1) {
      const name = names[(r + k) % names.length];
      times[name].push(sample(methods[name], minMs));
    }
  }
  return {
    root: `${element.localName}${element.id ? `#${element.id}` : ''}`,
    chars: reduced.text.length,
    segments: reduced.segments.length,
    elements: element.getElementsByTagName('*').length,
    fullChars: full.text.length,
    fullSameAsReduced: full.text === reduced.text,
    mismatches,
    medians: Object.fromEntries(names.map((name) => [name, median(times[name])])),
    times,
  };
}
