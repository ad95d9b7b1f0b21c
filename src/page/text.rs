//! The text model, ported from the shim's `collectText` (`www/src/text.js`): the visible text under
//! a root element as one string, and the way back from an offset in it to a text node.
//!
//! The rules are the shim's, so that the core reads the same string from a file as from the live
//! page: every text node adds its characters one for one (raw line breaks and tabs become spaces,
//! except in `<pre>`); each block boundary adds U+2029 PARAGRAPH SEPARATOR, which belongs to no
//! node, and a `<br>` U+2028 LINE SEPARATOR (a second `<br>` after nothing but white space, a
//! paragraph break); script, style, form fields, hidden elements and the highlighter's own elements are left
//! out, and so is white space between blocks. The one difference is where "hidden" comes from:
//! the browser's computed style there, the markup here (see `visibility`).
//!
//! Offsets here are UTF-8 bytes (the shim's are UTF-16 code units over the same string): scan
//! the text with `Unit::Bytes` and the spans index both this text and each node's own text.
//!
//! ```
//! use article_highlighter::page::Page;
//!
//! let page = Page::parse("<p>“We are\n<b>ready</b>,”<br>Sadiq said.</p><script>var x;</script><p hidden>Menu</p>");
//! let model = page.article_text(page.body());
//! assert_eq!(model.text, "“We are ready,”\u{2028}Sadiq said.\u{2029}");
//! ```

use ego_tree::NodeId;
use scraper::Node;

use super::js_string::trim;
use super::visibility::Visibility;
use super::{attr, closest, parent_element, Dom};

/// Elements whose start and end part paragraphs.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "caption",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// Elements whose content is never article text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "textarea", "input", "select", "option", "button", "iframe", "object",
    "embed", "canvas", "svg", "math", "video", "audio",
];

/// What the core reads as the end of a paragraph that no name or quote spans.
pub(crate) const PARAGRAPH_BREAK: char = '\u{2029}';

/// What a `<br>` adds: a line break inside its paragraph, which the core reads as white space.
pub(crate) const LINE_BREAK: char = '\u{2028}';

/// The attribute that marks the highlighter's own elements, which are never scanned: a host that
/// adds elements to a page (marks, a sidebar) gives them this attribute, so that reading the
/// page again finds the article's text alone.
///
/// ```
/// use article_highlighter::page::text::OWN_UI;
/// use article_highlighter::page::Page;
///
/// let html = format!(r#"<article><p>Sadiq spoke.</p><aside {OWN_UI}="sidebar">Sadiq: 1 mention</aside></article>"#);
/// let page = Page::parse(&html);
/// assert_eq!(page.article_text(page.body()).text, "Sadiq spoke.\u{2029}");
/// ```
pub const OWN_UI: &str = "data-article-highlighter";

/// A text node's place in the collected text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Segment {
    pub node: NodeId,
    /// The byte offset of the node's first character in the text.
    pub start: usize,
    /// The node's length in bytes.
    pub len: usize,
}

/// The collected text and where each text node's characters are in it: scan
/// [`text`](TextModel::text), then find the nodes of a span with [`pieces`](TextModel::pieces).
///
/// ```
/// use article_highlighter::page::Page;
/// use article_highlighter::{Config, Scanner, Unit};
///
/// let page = Page::parse("<h1>Talks</h1><p>Sadiq arrived in Kabul.</p>");
/// let model = page.article_text(page.body());
/// let config = Config::from_json(r#"{"actors": [{"id": "kabul", "aliases": ["Kabul"]}]}"#).unwrap();
/// let report = Scanner::new(config).unwrap().scan(&model.text, Unit::Bytes);
/// let span = &report.mentions[0].span;
/// assert_eq!(&model.text[span.start..span.end], "Kabul");
/// ```
#[derive(Debug, Default)]
pub struct TextModel {
    /// What the core scans: the page's text as the shim collects it.
    pub text: String,
    /// Sorted by `start`.
    pub(crate) segments: Vec<Segment>,
}

/// The part `start..end` (node-relative bytes) of one text node that a span covers: what a host
/// wraps in a highlight.
///
/// ```
/// use article_highlighter::page::Page;
///
/// let page = Page::parse("<p>Talks in <i>Kabul</i> resumed.</p>");
/// let model = page.article_text(page.body());
/// let piece = model.pieces(9, 14)[0];
/// let node = page.html().tree.get(piece.node).unwrap();
/// assert_eq!(&node.value().as_text().unwrap()[piece.start..piece.end], "Kabul");
/// assert_eq!((piece.start, piece.end), (0, 5));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece {
    /// The text node.
    pub node: NodeId,
    /// Where the span starts in the node's text, in bytes.
    pub start: usize,
    /// Where it ends (exclusive).
    pub end: usize,
}

impl TextModel {
    /// The pieces of the byte span `start..end` of the text in each text node, in order, as the
    /// shim's `piecesOf`; paragraph breaks belong to no node and are left out.
    ///
    /// ```
    /// use article_highlighter::page::Page;
    /// use article_highlighter::{Config, Scanner, Unit};
    ///
    /// let page = Page::parse("<p>“We are <b>ready</b>,” Sadiq said.</p>");
    /// let model = page.article_text(page.body());
    /// let config = Config::from_json(r#"{"actors": [{"id": "sadiq", "aliases": ["Sadiq"]}]}"#).unwrap();
    /// let quote = &Scanner::new(config).unwrap().scan(&model.text, Unit::Bytes).quotes[0].span;
    /// let texts: Vec<&str> = model
    ///     .pieces(quote.start, quote.end)
    ///     .iter()
    ///     .map(|piece| &page.html().tree.get(piece.node).unwrap().value().as_text().unwrap()[piece.start..piece.end])
    ///     .collect();
    /// assert_eq!(texts, ["“We are ", "ready", ",”"]);
    /// ```
    pub fn pieces(&self, start: usize, end: usize) -> Vec<Piece> {
        if end <= start {
            return Vec::new();
        }
        let first = self.segments.partition_point(|s| s.start <= start).saturating_sub(1);
        self.segments[first..]
            .iter()
            .take_while(|s| s.start < end)
            .filter_map(|s| {
                let from = start.max(s.start) - s.start;
                let to = end.min(s.start + s.len) - s.start;
                (to > from).then_some(Piece { node: s.node, start: from, end: to })
            })
            .collect()
    }
}

/// The shim's `isHidden`: the `hidden` attribute, `aria-hidden="true"`, the highlighter's own
/// elements, or no box.
fn is_hidden(el: Dom<'_>, visibility: &Visibility) -> bool {
    attr(el, "hidden").is_some()
        || attr(el, "aria-hidden") == Some("true")
        || attr(el, OWN_UI).is_some()
        || !visibility.is_rendered(el)
}

fn is_block(node: Dom<'_>) -> bool {
    super::is_named(node, BLOCKS)
}

/// Collects the text under `root`, leaving out the subtrees of elements for which `exclude(el)`
/// is true (page furniture inside the article), as the shim's `collectText`. `exclude` sees the
/// elements left after the fixed rules, in page order, each once.
pub(crate) fn collect(root: Dom<'_>, visibility: &Visibility, exclude: &mut dyn FnMut(Dom<'_>) -> bool) -> TextModel {
    let mut collector = Collector { model: TextModel::default(), at_break: true, after_br: None };
    let accepts = |el: Dom<'_>, exclude: &mut dyn FnMut(Dom<'_>) -> bool| {
        !(super::is_named(el, SKIPPED) || is_hidden(el, visibility) || exclude(el))
    };
    // The shim's walk, step for step: into an accepted element, else on to the next
    // sibling, climbing (and closing blocks) until there is one.
    let mut next = root.first_child();
    while let Some(node) = next {
        let accepted = match node.value() {
            Node::Text(text) => {
                collector.add(node, text);
                false
            }
            Node::Element(_) => accepts(node, exclude),
            _ => false,
        };
        let br = accepted && super::is_named(node, &["br"]);
        if br {
            collector.br_break();
        } else if accepted && is_block(node) {
            collector.line_break();
        }
        if accepted && !br {
            if let Some(child) = node.first_child() {
                next = Some(child);
                continue;
            }
            if is_block(node) {
                collector.line_break();
            }
        }
        let mut at = node;
        next = loop {
            if let Some(sibling) = at.next_sibling() {
                break Some(sibling);
            }
            match at.parent() {
                Some(parent) if parent != root => {
                    if is_block(parent) {
                        collector.line_break();
                    }
                    at = parent;
                }
                _ => break None,
            }
        };
    }
    collector.model
}

struct Collector {
    model: TextModel,
    at_break: bool,
    /// Where the text stood after the last `<br>`'s line break (a byte offset).
    after_br: Option<usize>,
}

impl Collector {
    fn line_break(&mut self) {
        if !self.at_break {
            self.model.text.push(PARAGRAPH_BREAK);
            self.at_break = true;
        }
    }

    /// A `<br>`: a line break, or a paragraph break when only white space came since the last.
    fn br_break(&mut self) {
        if self.at_break {
            return;
        }
        if self.after_br.is_some_and(|at| trim(&self.model.text[at..]).is_empty()) {
            self.line_break();
            return;
        }
        self.model.text.push(LINE_BREAK);
        self.after_br = Some(self.model.text.len());
    }

    fn add(&mut self, node: Dom<'_>, data: &str) {
        // Indentation between blocks is not text a reader sees.
        if data.is_empty() || (self.at_break && trim(data).is_empty()) {
            return;
        }
        let text = &mut self.model.text;
        self.model.segments.push(Segment { node: node.id(), start: text.len(), len: data.len() });
        if parent_element(node).and_then(|p| closest(p, &["pre", "textarea"])).is_some() {
            text.push_str(data);
        } else {
            text.extend(data.chars().map(|c| if matches!(c, '\n' | '\r' | '\t' | '\u{c}') { ' ' } else { c }));
        }
        self.at_break = false;
    }
}

#[cfg(test)]
mod tests {
    use super::super::Page;
    use super::*;

    fn text_of(html: &str) -> String {
        let page = Page::parse(html);
        collect(page.body().unwrap(), page.visibility(), &mut |_| false).text.replace(PARAGRAPH_BREAK, "|")
    }

    #[test]
    fn blocks_part_paragraphs_and_inline_elements_do_not() {
        assert_eq!(text_of("<p>One <b>two</b></p><p>three</p>"), "One two|three|");
        assert_eq!(text_of("<div>a<br>b</div>\n  <ul>\n <li>c</li>\n</ul>"), "a\u{2028}b|c|");
        assert_eq!(text_of("<p>a<br>\n<br>b<br><br></p>"), "a\u{2028} |b\u{2028}|");
        assert_eq!(text_of("x<div></div>y"), "x|y");
    }

    #[test]
    fn skipped_and_hidden_elements_are_left_out() {
        let html = r#"<p>a<script>b</script><span hidden>c</span><span aria-hidden="true">d</span><span
            style="display:none">e</span><button>f</button><span data-article-highlighter="mark">g</span> h</p>"#;
        assert_eq!(text_of(html), "a h|");
    }

    #[test]
    fn line_breaks_become_spaces_except_in_pre() {
        assert_eq!(text_of("<p>a\nb\tc</p><pre>d\n e</pre>"), "a b c|d\n e|");
    }

    #[test]
    fn offsets_map_back_to_text_nodes() {
        let page = Page::parse("<p>Ünï <b>cödé</b> x</p><p>y</p>");
        let model = collect(page.body().unwrap(), page.visibility(), &mut |_| false);
        let starts: Vec<usize> = model.segments.iter().map(|s| s.start).collect();
        assert_eq!(starts, [0, 6, 12, 17]);
        let tree = &page.html().tree;
        for s in &model.segments {
            let data = &**tree.get(s.node).unwrap().value().as_text().unwrap();
            assert_eq!(&model.text[s.start..s.start + s.len], data);
        }
        // "ï cö" runs from the first node into the second.
        let pieces = model.pieces(3, 9);
        assert_eq!(pieces.iter().map(|p| (p.start, p.end)).collect::<Vec<_>>(), [(3, 6), (0, 3)]);
        // A span over a paragraph break covers no node there.
        assert_eq!(model.pieces(13, 18).len(), 2);
        assert!(model.pieces(5, 5).is_empty());
    }

    #[test]
    fn exclude_sees_each_remaining_element_once_in_page_order() {
        let page = Page::parse("<div id=a><script></script><nav id=b><p id=c>x</p></nav><p id=d>y</p></div>");
        let mut seen = Vec::new();
        let model = collect(page.body().unwrap(), page.visibility(), &mut |el| {
            seen.push(attr(el, "id").unwrap_or("").to_owned());
            attr(el, "id") == Some("b")
        });
        assert_eq!(seen, ["a", "b", "d"]);
        assert_eq!(model.text, "y\u{2029}");
    }
}
