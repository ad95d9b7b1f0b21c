//! The highlights as `<mark>` elements, exactly as the shim's marks painter (`markPainter` in
//! `www/src/paint.js`) wraps them on a live page: each text node that a span touches is replaced
//! by its pieces, cut at every span boundary; a piece under a span is wrapped in a `<mark>` per
//! span covering it, a mention's inside its quote's. Each mark has the painter's attributes
//! (`data-article-highlighter`, `data-actor` or `data-kind`) and inline style, so a pre-rendered
//! page looks as a live one painted with marks; the browser test checks both agree, style included.
//! The one exception: text in `<xmp>` or `<plaintext>` (obsolete raw-text elements, which markup
//! cannot put a mark into) is left unmarked.

use std::collections::{BTreeSet, HashMap};

use article_highlighter::Report;
use ego_tree::{NodeId, Tree};
use scraper::Node;

use super::build::{el, text, Markup};
use article_highlighter::page::is_named;
use article_highlighter::page::text::{Piece, TextModel, OWN_UI};

const QUOTE_FILL: &str = "rgba(250, 204, 21, 0.22)";
/// Lines under quoted terms and titles: (style, thickness, colour).
const TERM_LINE: (&str, &str, &str) = ("dotted", "2px", "#b08900");
const TITLE_LINE: (&str, &str, &str) = ("double", "1px", "#868e96");

/// An underline as the painter's `underline` writes it: the longhands, since WebKit drops a
/// `text-decoration` shorthand that gives a thickness.
fn underline((style, thickness, color): (&str, &str, &str)) -> String {
    format!(
        " text-decoration-line: underline; text-decoration-style: {style}; text-decoration-color: {color}; \
         text-decoration-thickness: {thickness};"
    )
}

/// What a span highlights.
#[derive(Debug, Clone, Copy)]
enum Highlight<'r> {
    Mention { actor: &'r str, color: &'r str },
    Quote { kind: &'r str },
}

impl Highlight<'_> {
    /// The painter's `styleMark` for a visible highlight, as a style attribute.
    fn style(&self) -> String {
        let (background, line) = match *self {
            Highlight::Mention { color, .. } => {
                (format!("color-mix(in srgb, {color} 26%, transparent)"), underline(("solid", "2px", color)))
            }
            Highlight::Quote { kind: "statement" } => (QUOTE_FILL.to_owned(), String::new()),
            Highlight::Quote { kind } => {
                ("transparent".to_owned(), underline(if kind == "title" { TITLE_LINE } else { TERM_LINE }))
            }
        };
        format!("color: inherit; padding: 0; background-color: {background};{line}")
    }

    /// A `<mark>` around `inner`.
    fn wrap(&self, inner: Markup) -> Markup {
        let style = self.style();
        match *self {
            Highlight::Mention { actor, .. } => {
                el("mark", &[(OWN_UI, "mention"), ("data-actor", actor), ("style", &style)], vec![inner])
            }
            Highlight::Quote { kind } => {
                el("mark", &[(OWN_UI, "quote"), ("data-kind", kind), ("style", &style)], vec![inner])
            }
        }
    }
}

/// The spans to paint, as the painter's `spansOf`: every mention, then every piece of every quote
/// (so the attribution between the pieces of a split quote is not painted). Offsets in bytes.
fn spans(report: &Report) -> Vec<(usize, usize, Highlight<'_>)> {
    let colors: HashMap<&str, &str> = report.actors.iter().map(|a| (a.id.as_str(), a.color.as_str())).collect();
    let mentions = report.mentions.iter().map(|m| {
        let actor = m.actor.as_str();
        (m.span.start, m.span.end, Highlight::Mention { actor, color: colors.get(actor).copied().unwrap_or("") })
    });
    let quotes =
        report.quotes.iter().flat_map(|q| q.pieces.iter().map(|p| (p.start, p.end, Highlight::Quote { kind: q.kind })));
    mentions.chain(quotes).collect()
}

/// Wraps every highlight of `report` (scanned from `model`'s text in bytes) in marks in `tree`.
pub fn paint(tree: &mut Tree<Node>, model: &TextModel, report: &Report) {
    // For each text node, in the order first touched: the pieces to wrap, with what covers each.
    let mut by_node: Vec<(NodeId, Vec<(Piece, Highlight<'_>)>)> = Vec::new();
    let mut index: HashMap<NodeId, usize> = HashMap::new();
    for (start, end, highlight) in spans(report) {
        for piece in model.pieces(start, end) {
            let at = *index.entry(piece.node).or_insert_with(|| {
                by_node.push((piece.node, Vec::new()));
                by_node.len() - 1
            });
            by_node[at].1.push((piece, highlight));
        }
    }
    for (node, pieces) in by_node {
        let Some(original) = tree.get(node) else { continue };
        // <xmp> and <plaintext> hold raw text: a mark written there would be read back as text.
        if original.parent().is_some_and(|parent| is_named(parent, &["xmp", "plaintext"])) {
            continue;
        }
        let data = original.value().as_text().map(|t| t.to_string()).unwrap_or_default();
        let cuts: BTreeSet<usize> =
            [0, data.len()].into_iter().chain(pieces.iter().flat_map(|(p, _)| [p.start, p.end])).collect();
        let cuts: Vec<usize> = cuts.into_iter().collect();
        for window in cuts.windows(2) {
            let (from, to) = (window[0], window[1]);
            let mut covering: Vec<&Highlight<'_>> =
                pieces.iter().filter(|(p, _)| p.start <= from && to <= p.end).map(|(_, h)| h).collect();
            // Innermost first: a mention's mark sits inside its quote's mark.
            covering.sort_by_key(|h| !matches!(h, Highlight::Mention { .. }));
            let piece = covering.into_iter().fold(text(&data[from..to]), |inner, h| h.wrap(inner));
            piece.insert_before(tree, node);
        }
        tree.get_mut(node).expect("a node of the tree").detach();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::serialize;
    use article_highlighter::page::Page;
    use article_highlighter::{Config, Scanner, Unit};

    fn painted(html: &str) -> String {
        let config = Config::from_json(
            r##"{"actors": [{"id": "sadiq", "kind": "person", "aliases": ["Sadiq", "Muhammad Sadiq"], "color": "#d33"}]}"##,
        )
        .unwrap();
        let mut page = Page::parse(html);
        let model = page.article_text(page.body());
        let report = Scanner::new(config).unwrap().scan(&model.text, Unit::Bytes);
        paint(&mut page.html_mut().tree, &model, &report);
        let body = serialize(page.html());
        body[body.find("<body>").unwrap() + 6..body.find("</body>").unwrap()].to_owned()
    }

    const MENTION: &str = r##"<mark data-article-highlighter="mention" data-actor="sadiq" style="color: inherit; padding: 0; background-color: color-mix(in srgb, #d33 26%, transparent); text-decoration-line: underline; text-decoration-style: solid; text-decoration-color: #d33; text-decoration-thickness: 2px;">"##;
    const QUOTE: &str = r#"<mark data-article-highlighter="quote" data-kind="statement" style="color: inherit; padding: 0; background-color: rgba(250, 204, 21, 0.22);">"#;

    #[test]
    fn a_mention_inside_a_quote_is_marked_inside_the_quotes_mark() {
        assert_eq!(
            painted("<p>“Ask Sadiq,” he said.</p>"),
            format!("<p>{QUOTE}“Ask </mark>{QUOTE}{MENTION}Sadiq</mark></mark>{QUOTE},”</mark> he said.</p>")
        );
    }

    #[test]
    fn a_mention_across_elements_gets_a_mark_in_each() {
        assert_eq!(
            painted("<p>Muhammad <b>Sadiq</b> &amp; co</p>"),
            format!("<p>{MENTION}Muhammad </mark><b>{MENTION}Sadiq</mark></b> &amp; co</p>")
        );
    }

    #[test]
    fn raw_text_elements_are_left_unmarked() {
        assert_eq!(painted("<xmp>Sadiq <b></xmp>"), "<xmp>Sadiq <b></xmp>");
    }

    #[test]
    fn terms_are_underlined() {
        let html = painted("<p>Bombers are even “sold,” to factions.</p>");
        assert!(
            html.contains(
            r#"<mark data-article-highlighter="quote" data-kind="term" style="color: inherit; padding: 0; background-color: transparent; text-decoration-line: underline; text-decoration-style: dotted; text-decoration-color: #b08900; text-decoration-thickness: 2px;">“sold,”</mark>"#
        ), "{html}");
    }
}
