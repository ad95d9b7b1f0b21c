//! New markup for the page: HTML elements with attributes, and text, described as a value and
//! then put into the parsed tree. Text is only ever a text node, which the serializer escapes, so
//! no page text (a name, a quote) can become markup.

use ego_tree::{NodeId, Tree};
use html5ever::{ns, Attribute, LocalName, QualName};
use scraper::node::{Element, Text};
use scraper::Node;

/// An element or a text, with everything under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Markup {
    Element { name: &'static str, attrs: Vec<(&'static str, String)>, children: Vec<Markup> },
    Text(String),
}

/// An HTML element.
pub fn el(name: &'static str, attrs: &[(&'static str, &str)], children: Vec<Markup>) -> Markup {
    let attrs = attrs.iter().map(|&(name, value)| (name, value.to_owned())).collect();
    Markup::Element { name, attrs, children }
}

pub fn text(text: impl Into<String>) -> Markup {
    Markup::Text(text.into())
}

impl Markup {
    /// Puts the markup into `tree` as a detached node and answers it.
    fn create(self, tree: &mut Tree<Node>) -> NodeId {
        match self {
            Markup::Text(text) => tree.orphan(Node::Text(Text { text: text.into() })).id(),
            Markup::Element { name, attrs, children } => {
                let attrs = attrs
                    .into_iter()
                    .map(|(name, value)| Attribute {
                        name: QualName::new(None, ns!(), LocalName::from(name)),
                        value: value.into(),
                    })
                    .collect();
                let element = Element::new(QualName::new(None, ns!(html), LocalName::from(name)), attrs);
                let id = tree.orphan(Node::Element(element)).id();
                for child in children {
                    let child = child.create(tree);
                    tree.get_mut(id).expect("just made").append_id(child);
                }
                id
            }
        }
    }

    /// Adds the markup as the last child of `parent`.
    pub fn append_to(self, tree: &mut Tree<Node>, parent: NodeId) {
        let id = self.create(tree);
        tree.get_mut(parent).expect("a node of the tree").append_id(id);
    }

    /// Adds the markup as the first child of `parent`.
    pub fn prepend_to(self, tree: &mut Tree<Node>, parent: NodeId) {
        let id = self.create(tree);
        tree.get_mut(parent).expect("a node of the tree").prepend_id(id);
    }

    /// Adds the markup just before `sibling`.
    pub fn insert_before(self, tree: &mut Tree<Node>, sibling: NodeId) {
        let id = self.create(tree);
        tree.get_mut(sibling).expect("a node of the tree").insert_id_before(id);
    }
}
