// Room beside the article for the open sidebar. The sidebar stands over the right of the page;
// on a wide screen the article is left of it, but at 1,024 px (a small laptop, an iPad in
// landscape) it would cover the right third of the text, and on a phone whose text runs to the
// edge the collapsed tab would cover the ends of its lines. There the page's layout is narrowed by
// the panel's or the tab's width, so the article's column moves or narrows beside it.
//
// The narrowing is one rule, `html { margin-right }`, in a constructed stylesheet adopted by the
// document (as the highlights' styles are; a page's `style-src` does not block it): no element or
// attribute of the page changes, and taking the sheet away gives the page its layout back exactly.
// Where the article clears the sidebar anyway, the page is left alone.

/**
 * The room-maker for `doc`: set(width, article) keeps the right `width` px of the page clear of
 * `article` (0: gives the room back), remove() gives it back for good.
 */
export function makeRoom(doc) {
  const sheet = new doc.defaultView.CSSStyleSheet();
  let adopted = false;
  const adopt = (on) => {
    if (on === adopted) return;
    doc.adoptedStyleSheets = on ? [...doc.adoptedStyleSheets, sheet] : doc.adoptedStyleSheets.filter((s) => s !== sheet);
    adopted = on;
  };
  return {
    set(width, article) {
      // Measured as the page lays itself out, without the room made before.
      adopt(false);
      if (!(width > 0) || !article?.isConnected) return;
      if (article.getBoundingClientRect().right <= doc.documentElement.clientWidth - width) return;
      sheet.replaceSync(`html { margin-right: ${Math.ceil(width)}px !important; }`);
      adopt(true);
    },
    remove: () => adopt(false),
  };
}
