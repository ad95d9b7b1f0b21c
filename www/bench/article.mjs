// The long article pages of the benchmark, built from real news paragraphs: the hand-marked
// article texts of the 25 saved pages in ../shared/corpora/pages (84 KB in all), or the demo
// article when that folder is absent. They are repeated to the size asked, each repetition in
// another order and with other words set in inline markup (<em>, <strong>, <a>), so that names
// fall across element boundaries as on real pages and no two stretches of the page are alike.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PAGES = fileURLToPath(new URL('../../../shared/corpora/pages/', import.meta.url));
export const hasPages = existsSync(join(PAGES, 'INDEX.tsv'));

/** The page names of the saved-pages corpus, in INDEX.tsv order. */
export function pageNames() {
  const [, ...rows] = readFileSync(join(PAGES, 'INDEX.tsv'), 'utf8').trim().split('\n');
  return rows.map((row) => row.split('\t')[0]);
}

/** Real paragraphs to build pages from, and where they come from. */
export function sourceParagraphs() {
  if (hasPages) {
    const paragraphs = pageNames().flatMap((name) => readFileSync(join(PAGES, name, 'gold.txt'), 'utf8').split(/\n\s*\n/));
    return { paragraphs: paragraphs.map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean), source: 'the gold texts of the 25 saved pages' };
  }
  const demo = readFileSync(new URL('../demo/index.html', import.meta.url), 'utf8');
  const paragraphs = [...demo.matchAll(/<p>([\s\S]*?)<\/p>/g)].map(([, inner]) => decodeEntities(inner.replace(/<[^>]+>/g, '')).trim());
  return { paragraphs: paragraphs.filter(Boolean), source: 'the demo article (../shared is absent)' };
}

function decodeEntities(html) {
  return html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

function escapeHtml(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A small seeded generator (xorshift32), so every run builds the very same page. */
function random(seed) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 2 ** 32;
  };
}

function shuffled(items, next) {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const INLINE = [
  (w) => `<em>${w}</em>`,
  (w) => `<strong>${w}</strong>`,
  (w) => `<a href="#n">${w}</a>`,
];

/** One paragraph as HTML, about one capitalised word in five set in inline markup. */
function paragraphHtml(text, next) {
  const words = text.split(' ').map((word) => {
    const html = escapeHtml(word);
    if (!/^\p{Lu}/u.test(word) || next() >= 0.2) return html;
    return INLINE[Math.floor(next() * INLINE.length)](html);
  });
  return `<p>${words.join(' ')}</p>`;
}

/**
 * A whole page: an <article> of paragraphs holding at least `chars` characters of text.
 * @returns {{html: string, chars: number, repetitions: number}}
 */
export function articlePage(paragraphs, chars, title) {
  const next = random(2026);
  const body = [];
  let length = 0;
  let repetitions = 0;
  while (length < chars) {
    repetitions += 1;
    for (const paragraph of shuffled(paragraphs, next)) {
      body.push(paragraphHtml(paragraph, next));
      length += paragraph.length;
      if (length >= chars) break;
    }
  }
  const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body { font: 16px/1.5 serif; max-width: 42em; margin: 2em auto; }</style></head>
<body><main><article>
<h1>${escapeHtml(title)}</h1>
${body.join('\n')}
</article></main></body>
</html>
`;
  return { html, chars: length, repetitions };
}
