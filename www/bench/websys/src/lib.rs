//! The article's text collected in Rust through web-sys, to time against the shim's JavaScript
//! `collectText` (www/src/text.js). Not part of the product: run.mjs beside Cargo.toml builds
//! this crate and runs it in Chromium on the benchmark's 1 MB page and on the saved pages.
//!
//! The rules are text.js's by tag name, which is all a walk can do without asking the page's CSS:
//! skipped tags, the `hidden` and `aria-hidden="true"` attributes and the highlighter's own UI
//! are left out; a block tag breaks the text (U+2029) where it starts and where it ends; a text
//! node adds its characters one for one, raw line breaks and tabs as spaces outside `<pre>`;
//! white space alone right after a break is indentation, not text. Left out, as in run.mjs's
//! reduced JavaScript walk that these are checked against: `checkVisibility()` and the computed
//! style of non-block elements where two words meet, which would cost a call to the page here
//! just as they do there.
//!
//! Two ways to walk, both in document order and neither entering a rejected element:
//! `collectByProperties` reads the nodes' own properties (firstChild, nextSibling, ...), as
//! text.js does; `collectByTreeWalker` moves a TreeWalker that shows elements and text only (no
//! filter: a filter would call back from the engine at every step). Each answers
//! `{text, starts, nodes}`: the string, each text node's start in it in UTF-16 units (a
//! Uint32Array), and the text nodes (an Array), in the same order.

use js_sys::{Array, Object, Reflect, Uint32Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CharacterData, Element, Node, TreeWalker};

/// What the core reads as the end of a paragraph that no name or quote spans.
const PARAGRAPH_BREAK: char = '\u{2029}';

/// The attribute that marks the highlighter's own elements, which are never scanned.
const OWN_UI: &str = "data-article-highlighter";

/// NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT: comments and the like are never visited.
const SHOW_ELEMENTS_AND_TEXT: u32 = 0x1 | 0x4;

/// text.js's BLOCKS: tags that break the text where they start and where they end.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "ADDRESS" | "ARTICLE" | "ASIDE" | "BLOCKQUOTE" | "BR" | "CAPTION" | "DD" | "DETAILS" | "DIALOG"
            | "DIV" | "DL" | "DT" | "FIELDSET" | "FIGCAPTION" | "FIGURE" | "FOOTER" | "FORM" | "H1" | "H2"
            | "H3" | "H4" | "H5" | "H6" | "HEADER" | "HGROUP" | "HR" | "LI" | "MAIN" | "NAV" | "OL" | "P"
            | "PRE" | "SECTION" | "SUMMARY" | "TABLE" | "TBODY" | "TD" | "TFOOT" | "TH" | "THEAD" | "TR"
            | "UL"
    )
}

/// text.js's SKIPPED: tags whose content is never text a reader reads.
fn is_skipped(name: &str) -> bool {
    matches!(
        name,
        "SCRIPT" | "STYLE" | "NOSCRIPT" | "TEMPLATE" | "TEXTAREA" | "INPUT" | "SELECT" | "OPTION"
            | "BUTTON" | "IFRAME" | "OBJECT" | "EMBED" | "CANVAS" | "SVG" | "MATH" | "VIDEO" | "AUDIO"
    )
}

/// White space as JavaScript's `\s` knows it, so that "white space alone" means what `/\S/`
/// means in text.js (Rust's `char::is_whitespace` differs on U+0085 and U+FEFF).
fn is_js_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\u{b}' | '\u{c}' | '\r' | ' ' | '\u{a0}' | '\u{1680}' | '\u{2000}'..='\u{200a}'
            | '\u{2028}' | '\u{2029}' | '\u{202f}' | '\u{205f}' | '\u{3000}' | '\u{feff}'
    )
}

/// The raw line breaks and tabs that HTML shows as spaces (and the core would read as breaks).
fn is_raw_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\t' | '\u{c}')
}

/// The element's tag name in capitals, as text.js compares it (`nodeName.toUpperCase()`).
fn name_of(element: &Node) -> String {
    let mut name = element.node_name();
    name.make_ascii_uppercase();
    name
}

/// Whether the element's subtree is left out: a skipped tag, hidden, or the highlighter's own.
/// `hasAttribute('hidden')` is what `el.hidden` reflects on an HTML element.
fn is_rejected(element: &Element, name: &str) -> bool {
    is_skipped(name)
        || element.has_attribute("hidden")
        || element.get_attribute("aria-hidden").as_deref() == Some("true")
        || element.has_attribute(OWN_UI)
}

/// text.js's isPreformatted: inside `<pre>` (or `<textarea>`), line breaks are the page's own.
fn is_preformatted(node: &Node) -> bool {
    node.parent_element()
        .and_then(|parent| parent.closest("pre, textarea").ok().flatten())
        .is_some()
}

/// The text as it is built, with the way back from offsets to text nodes.
struct Collector {
    text: String,
    /// The length of `text` in UTF-16 units, the offsets JavaScript uses.
    units: u32,
    at_break: bool,
    starts: Vec<u32>,
    nodes: Array,
}

impl Collector {
    fn new() -> Self {
        Collector { text: String::new(), units: 0, at_break: true, starts: Vec::new(), nodes: Array::new() }
    }

    /// Ends the paragraph, once: breaks never follow one another or open the text.
    fn line_break(&mut self) {
        if !self.at_break {
            self.text.push(PARAGRAPH_BREAK);
            self.units += 1;
            self.at_break = true;
        }
    }

    fn add_text(&mut self, node: &Node) {
        let data = node.unchecked_ref::<CharacterData>().data();
        // Indentation between blocks is not text a reader sees.
        if data.is_empty() || (self.at_break && data.chars().all(is_js_space)) {
            return;
        }
        self.starts.push(self.units);
        self.nodes.push(node);
        if data.contains(is_raw_break) && !is_preformatted(node) {
            self.text.extend(data.chars().map(|c| if is_raw_break(c) { ' ' } else { c }));
        } else {
            self.text.push_str(&data);
        }
        self.units += data.encode_utf16().count() as u32;
        self.at_break = false;
    }

    /// `{text, starts, nodes}` as a plain object, so nothing is left for JavaScript to free.
    fn finish(self) -> JsValue {
        let out = Object::new();
        let set = |key: &str, value: &JsValue| Reflect::set(&out, &JsValue::from_str(key), value).unwrap_throw();
        set("text", &JsValue::from_str(&self.text));
        set("starts", &Uint32Array::from(self.starts.as_slice()));
        set("nodes", &self.nodes);
        out.into()
    }
}

/// How the walk moves: the nodes' own properties, or a TreeWalker.
trait Moves {
    fn first_child(&self, node: &Node) -> Option<Node>;
    fn next_sibling(&self, node: &Node) -> Option<Node>;
    fn parent(&self, node: &Node) -> Option<Node>;
}

struct Properties;

impl Moves for Properties {
    fn first_child(&self, node: &Node) -> Option<Node> {
        node.first_child()
    }
    fn next_sibling(&self, node: &Node) -> Option<Node> {
        node.next_sibling()
    }
    fn parent(&self, node: &Node) -> Option<Node> {
        node.parent_node()
    }
}

/// A TreeWalker moves from its current node, which is always the `node` the walk is at.
impl Moves for TreeWalker {
    fn first_child(&self, _: &Node) -> Option<Node> {
        TreeWalker::first_child(self).unwrap_throw()
    }
    fn next_sibling(&self, _: &Node) -> Option<Node> {
        TreeWalker::next_sibling(self).unwrap_throw()
    }
    fn parent(&self, _: &Node) -> Option<Node> {
        TreeWalker::parent_node(self).unwrap_throw()
    }
}

/// The walk in document order, text.js's, over `moves`. Where text.js asks an element's tag
/// name again when it leaves it, this keeps whether each element entered is a block on a stack:
/// every call to the page costs a crossing, and a name costs a string copied into wasm memory.
fn collect(moves: &impl Moves, first: Option<Node>) -> JsValue {
    let mut out = Collector::new();
    // For each element entered and not yet left, innermost last: whether it is a block. Empty
    // when the walk is at a child of the root.
    let mut open_blocks: Vec<bool> = Vec::new();
    let mut next = first;
    while let Some(mut node) = next {
        let mut child = None;
        match node.node_type() {
            Node::TEXT_NODE => out.add_text(&node),
            Node::ELEMENT_NODE => {
                let name = name_of(&node);
                if !is_rejected(node.unchecked_ref(), &name) {
                    let block = is_block(&name);
                    if block {
                        out.line_break();
                    }
                    child = moves.first_child(&node);
                    if child.is_some() {
                        open_blocks.push(block);
                    } else if block {
                        out.line_break();
                    }
                }
            }
            _ => {}
        }
        if child.is_some() {
            next = child;
            continue;
        }
        // Climb until a next sibling is found, closing each block left; the root is not left.
        next = loop {
            if let Some(sibling) = moves.next_sibling(&node) {
                break Some(sibling);
            }
            match open_blocks.pop() {
                None => break None,
                Some(block) => {
                    if block {
                        out.line_break();
                    }
                    node = moves.parent(&node).unwrap_throw();
                }
            }
        };
    }
    out.finish()
}

/// The text under `root`, walked over the nodes' own properties.
#[wasm_bindgen(js_name = collectByProperties)]
pub fn collect_by_properties(root: &Element) -> JsValue {
    collect(&Properties, root.first_child())
}

/// The text under `root`, walked with a TreeWalker showing elements and text.
#[wasm_bindgen(js_name = collectByTreeWalker)]
pub fn collect_by_tree_walker(root: &Element) -> JsValue {
    let document = root.owner_document().unwrap_throw();
    let walker = document.create_tree_walker_with_what_to_show(root, SHOW_ELEMENTS_AND_TEXT).unwrap_throw();
    let first = TreeWalker::first_child(&walker).unwrap_throw();
    collect(&walker, first)
}
