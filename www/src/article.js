// Finding the article on a page: the element whose text is the story, and the parts inside it
// that are not (navigation, related links, ads, comments).

const BOILERPLATE_TAGS = new Set(['NAV', 'ASIDE', 'FOOTER', 'FORM', 'MENU']);
const BOILERPLATE_ROLES = new Set(['navigation', 'complementary', 'contentinfo', 'banner', 'search', 'menu']);

/** The element holding the article: the page's `[itemprop=articleBody]` or `<article>`, else the body. */
export function findArticle(doc = document) {
  return doc.querySelector('[itemprop="articleBody"]') ?? doc.querySelector('article') ?? doc.body;
}

/** Whether `el`, inside the article root, is page furniture rather than story text. */
export function isBoilerplate(el) {
  return BOILERPLATE_TAGS.has(el.nodeName.toUpperCase()) || BOILERPLATE_ROLES.has(el.getAttribute('role'));
}
