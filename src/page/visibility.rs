//! Whether an element is rendered, from what the page file itself says.
//!
//! The shim asks the browser: `checkVisibility()` is false for an element with no box, because it
//! or an ancestor has `display: none`, because it is `display: contents`, or because it is inside
//! `content-visibility: hidden`. The browser knows every style sheet and the screen; a file has
//! only its markup, so this module reads what markup says:
//! - the browser's own style sheet: elements never rendered (`<head>`, `<template>`, `<rp>`,
//!   `<noembed>`...), `<slot>` (`display: contents`), a `<dialog>` that is not open, and the
//!   content of a closed `<details>` other than its `<summary>`;
//! - the page's own CSS, `style` attributes and `<style>` sheets, cascaded (`stylesheet`), with
//!   `@media` queries answered for an assumed laptop screen.
//!
//! What it cannot know: style sheets the page links to, and anything a script would change.
//! `visibility: hidden` counts on neither side (`checkVisibility()` without options ignores it).

use super::stylesheet::{declarations, Priority, Property, Sheets};
use super::{attr, is_named, Dom};

/// Elements that the browser's own style sheet never renders (`display: none`).
const NEVER_RENDERED: &[&str] = &[
    "area", "base", "basefont", "datalist", "head", "link", "meta", "noembed", "noframes", "param", "rp", "script",
    "style", "template", "title",
];

/// What a page's markup says about which elements are rendered.
#[derive(Debug, Default)]
pub struct Visibility {
    sheets: Sheets,
}

impl Visibility {
    pub fn new(sheets: Sheets) -> Visibility {
        Visibility { sheets }
    }

    /// Whether `el` has a box of its own: it is not `display: contents` (which
    /// `checkVisibility()` counts as no box, though what is inside has one), and it and every
    /// element it is in are rendered.
    pub fn is_rendered(&self, el: Dom<'_>) -> bool {
        let contents = is_named(el, &["slot"]) || self.value(el, Property::Display).as_deref() == Some("contents");
        !contents
            && !self.is_not_rendered(el)
            && el.ancestors().all(|ancestor| !self.is_not_rendered(ancestor) && !self.hides_content(ancestor, el))
    }

    /// The value the page's CSS gives `property` of `el`: its `style` attribute's or its sheets'.
    fn value(&self, el: Dom<'_>, property: Property) -> Option<String> {
        let inline = declarations(attr(el, "style").unwrap_or(""))
            .into_iter()
            .enumerate()
            .filter(|(_, d)| d.sets(property))
            .map(|(order, d)| (Priority { important: d.important, inline: true, specificity: 0, order }, d.value))
            .max_by_key(|(priority, _)| *priority);
        let sheet = self.sheets.value(el, property).map(|(priority, value)| (priority, value.to_owned()));
        inline.into_iter().chain(sheet).max_by_key(|(priority, _)| *priority).map(|(_, value)| value)
    }

    /// Whether `el`, and so everything inside it, is not rendered (`display: none`).
    fn is_not_rendered(&self, el: Dom<'_>) -> bool {
        if !el.value().is_element() {
            return false;
        }
        is_named(el, NEVER_RENDERED)
            || (is_named(el, &["dialog"]) && attr(el, "open").is_none())
            || self.value(el, Property::Display).as_deref() == Some("none")
    }

    /// Whether `ancestor` hides what is inside it, down to `el`: `content-visibility: hidden`,
    /// or a closed `<details>` for everything but its summary.
    fn hides_content(&self, ancestor: Dom<'_>, el: Dom<'_>) -> bool {
        if self.value(ancestor, Property::ContentVisibility).as_deref() == Some("hidden") {
            return true;
        }
        let closed = is_named(ancestor, &["details"]) && attr(ancestor, "open").is_none();
        closed && {
            let child = std::iter::once(el).chain(el.ancestors()).find(|n| n.parent() == Some(ancestor));
            let summary = ancestor.children().find(|c| is_named(*c, &["summary"]));
            child.is_some() && child != summary
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::Page;
    use scraper::Selector;

    fn rendered(html: &str, selector: &str) -> bool {
        let page = Page::parse(html);
        page.visibility().is_rendered(page.select(&Selector::parse(selector).unwrap()).unwrap())
    }

    #[test]
    fn inline_display_none_hides_the_element_and_what_is_in_it() {
        assert!(!rendered(r#"<div style="color: red; DISPLAY : None"><p>x</p></div>"#, "p"));
        assert!(!rendered(r#"<p style="display:none!important">x</p>"#, "p"));
        assert!(rendered(r#"<p style="display: none; display: block">x</p>"#, "p"));
        assert!(!rendered(r#"<p style="display: none !important; display: block">x</p>"#, "p"));
        assert!(rendered(r#"<p style="background: url('a;display:none')">x</p>"#, "p"));
        assert!(rendered(r#"<p style="/* display: none */ color: red">x</p>"#, "p"));
        assert!(rendered(r#"<p style="visibility: hidden">x</p>"#, "p"), "checkVisibility() ignores visibility");
    }

    #[test]
    fn display_contents_has_no_box_but_what_is_inside_has() {
        let html = r#"<div style="display: contents"><p>x</p></div>"#;
        assert!(!rendered(html, "div"));
        assert!(rendered(html, "p"));
    }

    #[test]
    fn content_visibility_hidden_hides_what_is_inside() {
        let html = r#"<div style="content-visibility: hidden"><p>x</p></div>"#;
        assert!(rendered(html, "div"));
        assert!(!rendered(html, "p"));
    }

    #[test]
    fn the_pages_sheets_against_its_style_attributes() {
        let html = r#"<style>.x { display: none } .y { display: none !important }</style>
            <p class=x style="display: block">1</p><p class=y style="display: block">2</p><p class=x>3</p>"#;
        let page = Page::parse(html);
        let shown: Vec<bool> =
            page.html().select(&Selector::parse("p").unwrap()).map(|p| page.visibility().is_rendered(*p)).collect();
        assert_eq!(shown, [true, false, false]);
    }

    #[test]
    fn the_browsers_own_rules() {
        assert!(!rendered("<ruby>漢<rp>(</rp><rt>kan</rt></ruby>", "rp"));
        assert!(rendered("<ruby>漢<rp>(</rp><rt>kan</rt></ruby>", "rt"));
        assert!(!rendered("<dialog><p>x</p></dialog>", "p"));
        assert!(rendered("<dialog open><p>x</p></dialog>", "p"));
        let details = "<details><summary><b>s</b></summary><div><p>x</p></div></details>";
        assert!(rendered(details, "b"));
        assert!(!rendered(details, "p"));
        assert!(rendered(&details.replace("<details>", "<details open>"), "p"));
    }
}
