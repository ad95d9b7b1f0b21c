//! `article-highlighter render`: a page with its highlights written into it, for readers with
//! JavaScript or without.
//!
//! The output is the page as a browser parses it, with:
//! - the highlights as the very `<mark>` elements the shim's marks painter makes (`marks`);
//! - a static sidebar listing the actors and quotes (`sidebar`);
//! - `<meta name="article-highlighter" content="pre-rendered">`: when the page also loads the shim
//!   (the embedding script tag, the bookmarklet, the extension), the shim takes the static marks
//!   and sidebar away, which gives back the page as it was, and highlights it itself, with all its
//!   interaction (`www/src/prerendered.js`);
//! - a UTF-8 charset declaration, since the output is UTF-8 whatever the input declared.
//!
//! Nothing else changes but the spelling of the markup: html5ever serializes the parsed tree again
//! (attributes quoted, implied tags written, character references as characters), which a browser
//! parses back into the same tree. The doctype is written as it was, so the page keeps its mode.

pub mod build;
mod marks;
mod sidebar;

use std::fmt;
use std::io;

use article_highlighter::Report;
use ego_tree::iter::Edge;
use ego_tree::NodeId;
use html5ever::serialize::{Serialize, SerializeOpts, Serializer, TraversalScope};
use html5ever::{ns, LocalName, QualName};
use scraper::node::Doctype;
use scraper::{Html, Node};

use article_highlighter::page::text::TextModel;
use article_highlighter::page::{attr, is_named, Page};
use build::el;

/// The `<meta>` that says a page is pre-rendered: its name and content.
const MARKER: (&str, &str) = ("article-highlighter", "pre-rendered");

/// Why a page cannot be rendered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RenderError {
    /// The page is already the output of `render`: its marks would hide its text from a new scan.
    AlreadyRendered,
}

impl fmt::Display for RenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RenderError::AlreadyRendered => write!(f, "the page is already pre-rendered (it has {})", marker_tag()),
        }
    }
}

fn marker_tag() -> String {
    format!(r#"<meta name="{}" content="{}">"#, MARKER.0, MARKER.1)
}

/// Writes `report`, scanned in bytes from `model` (the page's article text), into `page`, and
/// answers the page as HTML.
pub fn render(mut page: Page, model: &TextModel, report: &Report) -> Result<String, RenderError> {
    let is_meta = |node: &article_highlighter::page::Dom<'_>| is_named(*node, &["meta"]);
    if page.document().descendants().filter(is_meta).any(|meta| attr(meta, "name") == Some(MARKER.0)) {
        return Err(RenderError::AlreadyRendered);
    }
    let head = page.head().or_else(|| page.root_element()).map(|node| node.id());
    // A frameset page has no body to show a sidebar in.
    let body = page.body().filter(|body| is_named(*body, &["body"])).map(|node| node.id());
    // Every declaration of another charset says UTF-8 instead; with none, one is added.
    let charsets: Vec<NodeId> = page
        .document()
        .descendants()
        .filter(is_meta)
        .filter(|meta| {
            attr(*meta, "charset").is_some()
                || attr(*meta, "http-equiv").is_some_and(|v| v.eq_ignore_ascii_case("content-type"))
        })
        .map(|meta| meta.id())
        .collect();
    let tree = &mut page.html_mut().tree;
    marks::paint(tree, model, report);
    for &meta in &charsets {
        if let Some(Node::Element(element)) = tree.get_mut(meta).as_mut().map(|node| node.value()) {
            let (name, value) = if element.attr("charset").is_some() {
                ("charset", "utf-8")
            } else {
                ("content", "text/html; charset=utf-8")
            };
            element.attrs.insert(QualName::new(None, ns!(), LocalName::from(name)), value.into());
        }
    }
    if let Some(head) = head {
        if charsets.is_empty() {
            el("meta", &[("charset", "utf-8")], vec![]).prepend_to(tree, head);
        }
        el("meta", &[("name", MARKER.0), ("content", MARKER.1)], vec![]).append_to(tree, head);
        sidebar::room().append_to(tree, head);
    }
    if let Some(body) = body {
        sidebar::sidebar(report).append_to(tree, body);
    }
    Ok(serialize(page.html()))
}

/// The whole document as HTML, with scripting on (what `<noscript>` holds is written back as the
/// markup it was).
pub fn serialize(html: &Html) -> String {
    let mut out = Vec::new();
    let opts = SerializeOpts {
        scripting_enabled: true,
        traversal_scope: TraversalScope::ChildrenOnly(None),
        create_missing_parent: false,
    };
    html5ever::serialize(&mut out, &Document(html), opts).expect("writing to memory cannot fail");
    String::from_utf8(out).expect("the serializer writes UTF-8")
}

/// scraper's own serialization, with two things kept that it loses: the doctype's public and
/// system identifiers (they decide the page's mode), and the leading line break of a `<pre>`,
/// `<textarea>` or `<listing>` (a parser drops the first one after the start tag).
struct Document<'a>(&'a Html);

impl Serialize for Document<'_> {
    fn serialize<S: Serializer>(&self, out: &mut S, _: TraversalScope) -> io::Result<()> {
        for edge in self.0.tree.root().traverse() {
            match edge {
                Edge::Open(node) => match node.value() {
                    Node::Doctype(doctype) => out.write_doctype(&doctype_text(doctype))?,
                    Node::Comment(comment) => out.write_comment(comment)?,
                    Node::Text(text) => out.write_text(text)?,
                    Node::Element(element) => {
                        out.start_elem(element.name.clone(), element.attrs.iter().map(|(k, v)| (k, &**v)))?;
                        let keeps_newline = element.name.ns == ns!(html)
                            && matches!(element.name(), "pre" | "textarea" | "listing")
                            && node
                                .first_child()
                                .and_then(|c| c.value().as_text())
                                .is_some_and(|t| t.starts_with('\n'));
                        if keeps_newline {
                            out.write_text("\n")?;
                        }
                    }
                    _ => {}
                },
                Edge::Close(node) => {
                    if let Some(element) = node.value().as_element() {
                        out.end_elem(element.name.clone())?;
                    }
                }
            }
        }
        Ok(())
    }
}

/// What follows `<!DOCTYPE ` for `doctype`.
fn doctype_text(doctype: &Doctype) -> String {
    match (doctype.public_id(), doctype.system_id()) {
        ("", "") => doctype.name().to_owned(),
        ("", system) => format!(r#"{} SYSTEM "{system}""#, doctype.name()),
        (public, "") => format!(r#"{} PUBLIC "{public}""#, doctype.name()),
        (public, system) => format!(r#"{} PUBLIC "{public}" "{system}""#, doctype.name()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use article_highlighter::{Config, Scanner, Unit};

    fn rendered(html: &str) -> Result<String, RenderError> {
        let config = Config::from_json(
            r#"{"actors": [{"id": "sadiq", "name": "Sadiq <i>", "kind": "person", "aliases": ["Sadiq"]}]}"#,
        )
        .unwrap();
        let page = Page::parse(html);
        let model = page.article_text(None);
        let report = Scanner::new(config).unwrap().scan(&model.text, Unit::Bytes);
        render(page, &model, &report)
    }

    #[test]
    fn the_page_is_kept_but_for_marks_sidebar_and_meta() {
        let source = r#"<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01//EN" "http://www.w3.org/TR/html4/strict.dtd"><html lang=en><head><meta charset="windows-1252"><title>T</title></head><body><p class=x>Sadiq &amp; co<pre>

 kept</pre><noscript><img src="a.png"></noscript><textarea>
x</textarea></body></html>"#;
        let out = rendered(source).unwrap();
        assert!(out.starts_with(r#"<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01//EN" "http://www.w3.org/TR/html4/strict.dtd"><html lang="en"><head><meta charset="utf-8"><title>T</title><meta name="article-highlighter" content="pre-rendered"><style data-article-highlighter="prerendered-sidebar">@media (min-width: 900px) { html { margin-right: 340px !important; } }</style></head><body><p class="x"><mark data-article-highlighter="mention" data-actor="sadiq""#), "{out}");
        assert!(out.contains("</mark> &amp; co</p><pre>\n\n kept</pre><noscript><img src=\"a.png\"></noscript><textarea>x</textarea>"), "{out}");
        assert!(out.contains(r#"<article-highlighter-sidebar data-article-highlighter="prerendered-sidebar""#));
        assert!(
            out.contains(r#"<span class="name">Sadiq &lt;i&gt;</span>"#),
            "page text and names are text, never markup"
        );
        assert!(out.ends_with("</article-highlighter-sidebar></body></html>"));
        // A browser parses the output into the same page: parsing and writing it again changes nothing.
        assert_eq!(serialize(Page::parse(&out).html()), out);
    }

    #[test]
    fn a_charset_is_declared_when_the_page_has_none() {
        let out = rendered("<title>T</title><p>Sadiq</p>").unwrap();
        assert!(out.starts_with(r#"<html><head><meta charset="utf-8"><title>T</title>"#), "{out}");
        let out =
            rendered(r#"<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><p>x</p>"#).unwrap();
        assert!(out.contains(r#"<meta http-equiv="Content-Type" content="text/html; charset=utf-8">"#), "{out}");
    }

    #[test]
    fn a_pre_rendered_page_is_refused() {
        let out = rendered("<p>Sadiq</p>").unwrap();
        assert_eq!(rendered(&out), Err(RenderError::AlreadyRendered));
        assert_eq!(
            RenderError::AlreadyRendered.to_string(),
            r#"the page is already pre-rendered (it has <meta name="article-highlighter" content="pre-rendered">)"#
        );
    }
}
