//! A saved HTML page, read the way the shim reads a live one (the `page` feature, on by default
//! with the command line; the Python package turns it on for its `article_text`).
//!
//! ```
//! use article_highlighter::page::Page;
//!
//! let page = Page::parse(
//!     "<nav><a href=/>Home</a> <a href=/world>World</a></nav>\
//!      <article><h1>Talks resume</h1><p>“We are ready,” Sadiq said on Monday.</p></article>",
//! );
//! // The menu is left out; blocks end in U+2029, the paragraph break the core reads.
//! let text = page.article_text(None).text;
//! assert_eq!(text, "Talks resume\u{2029}“We are ready,” Sadiq said on Monday.\u{2029}");
//! ```
//!
//! The shim (`www/src/`) reads the DOM a browser built from a page; this module reads the page's
//! markup. To find the same text, it must see the same tree: html5ever, Servo's HTML parser,
//! follows the standard's tree construction like every browser, so from the same bytes it builds
//! the same elements and the same text nodes (implied `<body>`, text fostered out of tables,
//! character references decoded, adjacent text merged), and an offset into the collected text
//! names the same character of the same text node on both sides. The submodules port the shim's
//! reading one for one:
//! - `text`: `collectText` (`www/src/text.js`), the text a reader sees and the way back from an
//!   offset in it to a text node;
//! - `article`: `findArticle` and `isBoilerplate` (`www/src/article.js`);
//! - `visibility`: what stands in for the browser's computed style, which a file does not have,
//!   read from the page's own CSS by `stylesheet`, whose `@media` rules `media` answers;
//! - `js_string`: JavaScript's white space and string lengths, which the ported rules count in.
//!
//! The tree is scraper's: html5ever building an ego-tree. That crate is maintained, its tree can
//! be edited in place (the renderer splits text nodes and adds elements), and it brings Servo's
//! CSS selector engine, which `--root` needs as the shim's `root` option does. The other trees of
//! html5ever do not fit: markup5ever_rcdom calls itself unsupported and meant for tests, and
//! lol_html streams the page and never holds a tree to find the article in.

mod article;
mod js_string;
mod media;
mod stylesheet;
pub mod text;
mod visibility;

use ego_tree::NodeRef;
use scraper::{Html, Node, Selector};

use stylesheet::Sheets;
use text::TextModel;
use visibility::Visibility;

/// A node of the parsed page: scraper's, which is html5ever's tree in an ego-tree. Walk it with
/// ego-tree's methods (`children`, `descendants`, `ancestors`) and test it with [`is_named`] and
/// [`attr`].
///
/// ```
/// use article_highlighter::page::{is_named, Dom, Page};
///
/// let page = Page::parse("<p>One.</p><div><p>Two.</p></div>");
/// let paragraphs: Vec<Dom<'_>> = page.document().descendants().filter(|node| is_named(*node, &["p"])).collect();
/// assert_eq!(paragraphs.len(), 2);
/// ```
pub type Dom<'a> = NodeRef<'a, Node>;

/// A parsed page: its tree, and what its own CSS hides, which decides the text a reader sees.
///
/// ```
/// use article_highlighter::page::Page;
/// use article_highlighter::{Config, Scanner, Unit};
///
/// let page = Page::parse("<style>.ad { display: none }</style><p>“We are ready,” Sadiq said.</p><p class=ad>Buy now</p>");
/// let text = page.article_text(page.body()).text;
/// assert!(!text.contains("Buy now"));
/// let config = Config::from_json(r#"{"actors": [{"id": "sadiq", "aliases": ["Sadiq"]}]}"#).unwrap();
/// let report = Scanner::new(config).unwrap().scan(&text, Unit::Bytes);
/// assert_eq!(report.quotes[0].speaker.as_ref().unwrap().actor.as_deref(), Some("sadiq"));
/// ```
pub struct Page {
    html: Html,
    visibility: Visibility,
}

impl Page {
    /// Parses `source` as a browser parses a page with scripting on (what `<noscript>` holds is
    /// text, not elements), which is how the shim sees it, and reads its CSS. Never fails: like a
    /// browser, it makes a tree of any text.
    ///
    /// ```
    /// use article_highlighter::page::Page;
    ///
    /// let page = Page::parse("<title>Talks</title><p>Sadiq &amp; the UN");
    /// assert!(page.head().is_some() && page.body().is_some());
    /// assert_eq!(page.article_text(page.body()).text, "Sadiq & the UN\u{2029}");
    /// ```
    pub fn parse(source: &str) -> Page {
        let html = Html::parse_document(source);
        let visibility = Visibility::new(Sheets::of(&html));
        Page { html, visibility }
    }

    /// Which elements the page renders, as its markup says (read when it was parsed: the tree
    /// may change since, not its CSS).
    pub(crate) fn visibility(&self) -> &Visibility {
        &self.visibility
    }

    /// The parsed tree, for writing it back out.
    ///
    /// ```
    /// use article_highlighter::page::Page;
    ///
    /// let page = Page::parse("<p>Sadiq spoke.");
    /// assert_eq!(page.html().html(), "<html><head></head><body><p>Sadiq spoke.</p></body></html>");
    /// ```
    pub fn html(&self) -> &Html {
        &self.html
    }

    /// The parsed tree, for painting highlights into it.
    ///
    /// ```
    /// use article_highlighter::page::Page;
    ///
    /// let mut page = Page::parse("<nav>Home</nav><p>Sadiq spoke.</p>");
    /// let nav = page.body().unwrap().first_child().unwrap().id();
    /// page.html_mut().tree.get_mut(nav).unwrap().detach();
    /// assert_eq!(page.html().html(), "<html><head></head><body><p>Sadiq spoke.</p></body></html>");
    /// ```
    pub fn html_mut(&mut self) -> &mut Html {
        &mut self.html
    }

    /// The document node, parent of the doctype and the root element: where to start a walk of
    /// the whole page, `<head>` included.
    ///
    /// ```
    /// use article_highlighter::page::{attr, is_named, Page};
    ///
    /// let page = Page::parse(r#"<meta name="author" content="A. Reporter"><p>Sadiq spoke."#);
    /// let author = page
    ///     .document()
    ///     .descendants()
    ///     .find(|node| is_named(*node, &["meta"]) && attr(*node, "name") == Some("author"))
    ///     .and_then(|meta| attr(meta, "content"));
    /// assert_eq!(author, Some("A. Reporter"));
    /// ```
    pub fn document(&self) -> Dom<'_> {
        self.html.tree.root()
    }

    /// `document.documentElement`: the `<html>` element.
    ///
    /// ```
    /// use article_highlighter::page::{attr, Page};
    ///
    /// let page = Page::parse(r#"<!doctype html><html lang="ur"><p>Sadiq spoke."#);
    /// assert_eq!(attr(page.root_element().unwrap(), "lang"), Some("ur"));
    /// ```
    pub fn root_element(&self) -> Option<Dom<'_>> {
        self.document().children().find(|node| node.value().is_element())
    }

    /// `document.head`: the root element's first `<head>` child, which the parser adds when the
    /// markup leaves it out.
    ///
    /// ```
    /// use article_highlighter::page::Page;
    ///
    /// let page = Page::parse("<title>Talks resume</title><p>Sadiq spoke.");
    /// let head = page.head().unwrap();
    /// assert_eq!(head.first_child().unwrap().first_child().unwrap().value().as_text().map(|t| &**t), Some("Talks resume"));
    /// ```
    pub fn head(&self) -> Option<Dom<'_>> {
        self.root_element()?.children().find(|node| is_named(*node, &["head"]))
    }

    /// `document.body`: the root element's first `<body>` or `<frameset>` child. Pass it to
    /// [`article_text`](Page::article_text) to scan the whole page rather than its article.
    ///
    /// ```
    /// use article_highlighter::page::Page;
    ///
    /// let page = Page::parse("<nav><a href=/>Home</a> <a href=/world>World</a></nav><p>Sadiq spoke.</p>");
    /// assert_eq!(page.article_text(page.body()).text, "Home World\u{2029}Sadiq spoke.\u{2029}");
    /// ```
    pub fn body(&self) -> Option<Dom<'_>> {
        self.root_element()?.children().find(|node| is_named(*node, &["body", "frameset"]))
    }

    /// The first element that `selector` matches, in page order, as `querySelector`: for a host
    /// that knows where a site keeps its article (the shim's `root` option).
    ///
    /// ```
    /// use article_highlighter::page::Page;
    /// use scraper::Selector;
    ///
    /// let page = Page::parse("<div class=story><p>Sadiq spoke.</p></div><div class=more><p>Read next</p></div>");
    /// let story = page.select(&Selector::parse(".story").unwrap());
    /// assert_eq!(page.article_text(story).text, "Sadiq spoke.\u{2029}");
    /// ```
    pub fn select(&self, selector: &Selector) -> Option<Dom<'_>> {
        self.html.select(selector).next().map(|element| *element)
    }

    /// The text the shim would scan: all of `root`'s when given (the shim's `root` option, with no
    /// furniture left out), else the article's found on the page, without its furniture.
    ///
    /// ```
    /// use article_highlighter::page::Page;
    ///
    /// let page = Page::parse(
    ///     "<header>Daily News</header>\
    ///      <article><h1>Talks resume</h1><p>“We are ready,” Sadiq said.</p><div class=share>Share</div></article>",
    /// );
    /// assert_eq!(page.article_text(None).text, "Talks resume\u{2029}“We are ready,” Sadiq said.\u{2029}");
    /// ```
    pub fn article_text(&self, root: Option<Dom<'_>>) -> TextModel {
        match root {
            Some(root) => text::collect(root, &self.visibility, &mut |_| false),
            None => article::find(self)
                .map(|article| text::collect(article, &self.visibility, &mut |el| article::is_boilerplate(el)))
                .unwrap_or_default(),
        }
    }
}

/// Whether `node` is an element whose local name is one of `names` (given in lowercase), as the
/// shim compares `nodeName.toUpperCase()`: HTML names are lowercase in the tree, foreign ones
/// (`foreignObject`) keep their case.
///
/// ```
/// use article_highlighter::page::{is_named, Page};
///
/// let page = Page::parse("<h2>Talks</h2><p>Sadiq spoke.</p>");
/// let headings = page.body().unwrap().children().filter(|node| is_named(*node, &["h1", "h2", "h3"])).count();
/// assert_eq!(headings, 1);
/// ```
pub fn is_named(node: Dom<'_>, names: &[&str]) -> bool {
    node.value().as_element().is_some_and(|el| names.iter().any(|name| el.name().eq_ignore_ascii_case(name)))
}

/// `node.closest(names)` for a selector list of tag names: `node` or its nearest ancestor named so.
pub(crate) fn closest<'a>(node: Dom<'a>, names: &[&str]) -> Option<Dom<'a>> {
    std::iter::once(node).chain(node.ancestors()).find(|n| is_named(*n, names))
}

/// `node.parentElement`.
pub(crate) fn parent_element(node: Dom<'_>) -> Option<Dom<'_>> {
    node.parent().filter(|parent| parent.value().is_element())
}

/// `outer.contains(node)`: whether `node` is `outer` or inside it.
pub(crate) fn contains(outer: Dom<'_>, node: Dom<'_>) -> bool {
    node == outer || node.ancestors().any(|a| a == outer)
}

/// `node.textContent` for an element: all the text under it, hidden or not.
pub(crate) fn text_content(node: Dom<'_>) -> String {
    node.descendants().filter_map(|n| n.value().as_text().map(|t| &**t)).collect()
}

/// The value of attribute `name` of element `node`; none for a node that is not an element.
///
/// ```
/// use article_highlighter::page::{attr, Page};
///
/// let page = Page::parse(r#"<p><a href="https://example.org/talks">Sadiq</a> spoke."#);
/// let link = page.body().unwrap().first_child().unwrap().first_child().unwrap();
/// assert_eq!(attr(link, "href"), Some("https://example.org/talks"));
/// assert_eq!(attr(link.first_child().unwrap(), "href"), None);
/// ```
pub fn attr<'a>(node: Dom<'a>, name: &str) -> Option<&'a str> {
    node.value().as_element()?.attr(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tree_is_the_browsers() {
        // Implied head and body, a character reference decoded, text fostered out of a table.
        let page = Page::parse("<title>t</title><p>a&amp;b<table>x<tr><td>y</table>");
        assert!(page.head().is_some());
        let body = page.body().unwrap();
        assert_eq!(text_content(body), "a&bxy");
        let p = body.first_child().unwrap();
        assert!(is_named(p, &["p"]));
        let texts: Vec<String> = p.children().filter_map(|n| n.value().as_text().map(|t| t.to_string())).collect();
        assert_eq!(texts, ["a&bx"], "the fostered text joins the text before the table");
    }

    #[test]
    fn noscript_holds_text_as_with_scripting_on() {
        let page = Page::parse("<body><noscript><p>off</p></noscript>");
        let noscript = page.body().unwrap().first_child().unwrap();
        assert!(noscript.first_child().unwrap().value().is_text());
    }

    #[test]
    fn dom_queries() {
        let page = Page::parse("<div id=a><p><b>x</b></p></div>");
        let selector = Selector::parse("#a b").unwrap();
        let b = page.select(&selector).unwrap();
        let text = b.first_child().unwrap();
        assert_eq!(closest(text, &["p", "li"]).map(|p| p.value().as_element().unwrap().name()), Some("p"));
        assert!(closest(text, &["li"]).is_none());
        let div = closest(b, &["div"]).unwrap();
        assert_eq!(attr(div, "id"), Some("a"));
        assert!(contains(div, text) && contains(div, div) && !contains(b, div));
        assert_eq!(parent_element(text), Some(b));
        assert!(parent_element(page.root_element().unwrap()).is_none());
    }
}
