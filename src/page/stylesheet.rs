//! The page's own CSS, read for the few properties that decide whether an element is rendered
//! (`display`, `content-visibility`): from its `style` attributes and its `<style>` elements.
//!
//! The CSS is parsed by cssparser and its selectors by `selectors` (Servo's, the crates scraper is
//! built on), and each value is cascaded as a browser does: `!important` first, then a `style`
//! attribute before any rule, then the more specific selector (matched in the page's quirks
//! mode), then the later rule. `@media` rules apply when their query holds on the screen the output
//! is assumed to be read on (`media`); `@supports` and `@layer` rules apply as written (layers
//! are not ordered apart); other at-rules, and selectors that need a live page (`:hover`,
//! `::before`), hold nothing here. Style sheets the page links to (`<link rel=stylesheet>`) are
//! not read: they are not in the file.

use std::collections::HashMap;

use cssparser::{
    parse_important, AtRuleParser, CowRcStr, DeclarationParser, Delimiter, ParseError, Parser, ParserState,
    QualifiedRuleParser, RuleBodyItemParser, RuleBodyParser, StyleSheetParser, ToCss,
};
use ego_tree::NodeId;
use html5ever::tree_builder::QuirksMode as DocumentMode;
use scraper::selector::{Parser as SelectorParser, Simple};
use scraper::{ElementRef, Html};
use selectors::context::{
    MatchingContext, MatchingForInvalidation, MatchingMode, NeedsSelectorFlags, QuirksMode, SelectorCaches,
};
use selectors::matching::matches_selector;
use selectors::parser::{ParseRelative, SelectorList};

use super::{attr, is_named, media, Dom};

/// The properties read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Property {
    Display,
    ContentVisibility,
}

impl Property {
    fn named(name: &str) -> Option<Property> {
        match name {
            "display" => Some(Property::Display),
            "content-visibility" => Some(Property::ContentVisibility),
            _ => None,
        }
    }
}

/// One `property: value` of a declaration block, both lowercased, `!important` taken off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Declaration {
    pub property: String,
    pub value: String,
    pub important: bool,
}

impl Declaration {
    /// Whether it sets `property`.
    pub fn sets(&self, property: Property) -> bool {
        Property::named(&self.property) == Some(property)
    }
}

/// Where a declaration stands in the cascade: the greater wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Priority {
    pub important: bool,
    pub inline: bool,
    pub specificity: u32,
    pub order: usize,
}

/// Reads a declaration block: each declaration as property, value and importance. Values are
/// normalised to lowercase tokens separated by one space (`display: BLOCK /* x */ Flex` is
/// "block flex"); nested rules are left out.
struct DeclarationReader;

impl<'i> DeclarationParser<'i> for DeclarationReader {
    type Declaration = Declaration;
    type Error = ();

    fn parse_value(
        &mut self,
        name: CowRcStr<'i>,
        input: &mut Parser<'i>,
        _: &ParserState,
    ) -> Result<Declaration, ParseError<()>> {
        let mut tokens = Vec::new();
        input.parse_until_before(Delimiter::Bang, |value| {
            while let Ok(token) = value.next() {
                tokens.push(token.to_css_string().to_ascii_lowercase());
            }
            Ok::<_, ParseError<()>>(())
        })?;
        let important = input.try_parse(parse_important).is_ok();
        Ok(Declaration { property: name.to_ascii_lowercase(), value: tokens.join(" "), important })
    }
}

impl<'i> AtRuleParser<'i> for DeclarationReader {
    type Prelude = ();
    type AtRule = Declaration;
    type Error = ();
}

impl<'i> QualifiedRuleParser<'i> for DeclarationReader {
    type Prelude = ();
    type QualifiedRule = Declaration;
    type Error = ();
}

impl<'i> RuleBodyItemParser<'i, Declaration, ()> for DeclarationReader {
    fn parse_declarations(&self) -> bool {
        true
    }
    fn parse_qualified(&self) -> bool {
        false
    }
}

fn declarations_in(input: &mut Parser<'_>) -> Vec<Declaration> {
    RuleBodyParser::new(input, &mut DeclarationReader).filter_map(Result::ok).collect()
}

/// The declarations of a `style` attribute.
pub fn declarations(style: &str) -> Vec<Declaration> {
    declarations_in(&mut Parser::new(style))
}

/// All of what is left of `input`, as written.
fn rest_of<'i>(input: &mut Parser<'i>) -> &'i str {
    let start = input.position();
    while input.next().is_ok() {}
    input.slice_from(start)
}

/// Reads a style sheet: each style rule whose conditions hold, in order, as its selectors (as
/// written) and declarations.
struct SheetReader<'o> {
    rules: &'o mut Vec<(String, Vec<Declaration>)>,
}

impl<'i> QualifiedRuleParser<'i> for SheetReader<'_> {
    type Prelude = String;
    type QualifiedRule = ();
    type Error = ();

    fn parse_prelude(&mut self, input: &mut Parser<'i>) -> Result<String, ParseError<()>> {
        Ok(rest_of(input).to_owned())
    }

    fn parse_block(
        &mut self,
        selectors: String,
        _: &ParserState,
        input: &mut Parser<'i>,
    ) -> Result<(), ParseError<()>> {
        self.rules.push((selectors, declarations_in(input)));
        Ok(())
    }
}

impl<'i> AtRuleParser<'i> for SheetReader<'_> {
    /// Whether the rules inside apply.
    type Prelude = bool;
    type AtRule = ();
    type Error = ();

    fn parse_prelude(&mut self, name: CowRcStr<'i>, input: &mut Parser<'i>) -> Result<bool, ParseError<()>> {
        let condition = rest_of(input);
        Ok(match name.to_ascii_lowercase().as_str() {
            "media" => media::matches(condition),
            "supports" | "layer" => true,
            _ => false,
        })
    }

    fn rule_without_block(&mut self, _: bool, _: &ParserState) -> Result<(), ()> {
        Ok(())
    }

    fn parse_block(&mut self, applies: bool, _: &ParserState, input: &mut Parser<'i>) -> Result<(), ParseError<()>> {
        if applies {
            StyleSheetParser::new(input, self).for_each(drop);
        }
        Ok(())
    }
}

/// The style rules of a sheet whose conditions hold, in order: (selectors, declarations).
fn style_rules(css: &str, rules: &mut Vec<(String, Vec<Declaration>)>) {
    StyleSheetParser::new(&mut Parser::new(css), &mut SheetReader { rules }).for_each(drop);
}

/// The style rules of the page's `<style>` sheets that apply, in order (`<template>` content is
/// not in the page; a sheet of another type than CSS, or for other media, does not apply).
fn page_rules(html: &Html) -> Vec<(String, Vec<Declaration>)> {
    let mut rules = Vec::new();
    for style in html.tree.root().descendants().filter(|n| is_named(*n, &["style"])) {
        let css_type = attr(style, "type").unwrap_or("").trim();
        let is_css = css_type.is_empty() || css_type.eq_ignore_ascii_case("text/css");
        let in_template = style.ancestors().any(|a| is_named(a, &["template"]));
        if is_css && !in_template && media::matches(attr(style, "media").unwrap_or("")) {
            let css: String = style.children().filter_map(|t| t.value().as_text().map(|t| &**t)).collect();
            style_rules(&css, &mut rules);
        }
    }
    rules
}

/// The values the page's `<style>` sheets give each `Property` of each element, with their
/// priority in the cascade.
#[derive(Debug, Default)]
pub struct Sheets {
    values: HashMap<(NodeId, Property), (Priority, String)>,
}

impl Sheets {
    pub fn of(html: &Html) -> Sheets {
        let elements: Vec<ElementRef<'_>> = html.tree.root().descendants().filter_map(ElementRef::wrap).collect();
        let mode = match html.quirks_mode {
            DocumentMode::Quirks => QuirksMode::Quirks,
            DocumentMode::LimitedQuirks => QuirksMode::LimitedQuirks,
            DocumentMode::NoQuirks => QuirksMode::NoQuirks,
        };
        let mut caches = SelectorCaches::default();
        let mut sheets = Sheets::default();
        for (order, (selectors, declarations)) in page_rules(html).iter().enumerate() {
            let declared: Vec<(Property, &Declaration)> =
                declarations.iter().filter_map(|d| Some((Property::named(&d.property)?, d))).collect();
            if declared.is_empty() {
                continue;
            }
            let Ok(list) =
                SelectorList::<Simple>::parse(&SelectorParser, &mut Parser::new(selectors), ParseRelative::No)
            else {
                continue;
            };
            for selector in list.slice() {
                let mut context = MatchingContext::new(
                    MatchingMode::Normal,
                    None,
                    &mut caches,
                    mode,
                    NeedsSelectorFlags::No,
                    MatchingForInvalidation::No,
                );
                for element in elements.iter().filter(|el| matches_selector(selector, 0, None, *el, &mut context)) {
                    for &(property, d) in &declared {
                        let specificity = selector.specificity();
                        let priority = Priority { important: d.important, inline: false, specificity, order };
                        sheets.set(element.id(), property, priority, &d.value);
                    }
                }
            }
        }
        sheets
    }

    /// Gives `property` of `node` this value, unless it has one of a higher priority.
    fn set(&mut self, node: NodeId, property: Property, priority: Priority, value: &str) {
        let slot = self.values.entry((node, property)).or_insert_with(|| (priority, value.to_owned()));
        if priority > slot.0 {
            *slot = (priority, value.to_owned());
        }
    }

    /// The value the sheets give `property` of `el`, with its priority.
    pub fn value(&self, el: Dom<'_>, property: Property) -> Option<(Priority, &str)> {
        self.values.get(&(el.id(), property)).map(|(priority, value)| (*priority, value.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declarations_split_outside_strings_and_comments() {
        let found = declarations(
            "color: red; DISPLAY : None !IMPORTANT; content: 'a;b' /* c; */; x; display: BLOCK /* x */ Flex",
        );
        let shown: Vec<(&str, &str, bool)> = found.iter().map(|d| (&*d.property, &*d.value, d.important)).collect();
        assert_eq!(
            shown,
            [
                ("color", "red", false),
                ("display", "none", true),
                ("content", "\"a;b\"", false),
                ("display", "block flex", false)
            ]
        );
    }

    #[test]
    fn rules_under_conditions_that_hold() {
        let css = "@charset 'x'; a { display: none } @media print { b { x: y } } @media screen and (min-width: 768px) { c, d { e: f } }
             @font-face { font-family: x } /* i { display: none } */ @supports (display: grid) { @media (max-width: 600px) { g { h: i } } h { j: k } }";
        let mut rules = Vec::new();
        style_rules(css, &mut rules);
        let selectors: Vec<&str> = rules.iter().map(|(s, _)| s.trim()).collect();
        assert_eq!(selectors, ["a", "c, d", "h"]);
        assert_eq!(rules[0].1, [Declaration { property: "display".into(), value: "none".into(), important: false }]);
    }

    #[test]
    fn the_cascade_of_the_sheets() {
        let html = Html::parse_document(
            r#"<style>#a { display: none } p { display: block } .b { display: none !important } p.c { display: none }
               .C { display: flex } @media (max-width: 500px) { #d { display: none } } li:hover { display: none }</style>
               <p id=a>1</p><p class=b>2</p><p class=c>3</p><p id=d>4</p><li>5</li>"#,
        );
        let sheets = Sheets::of(&html);
        let shown: Vec<Option<&str>> = html
            .tree
            .root()
            .descendants()
            .filter(|n| is_named(*n, &["p", "li"]))
            .map(|n| sheets.value(n, Property::Display).map(|(_, v)| v))
            .collect();
        // No doctype: quirks mode, where class names match in any case (so .C beats .c's rule
        // order... and p.c is more specific still).
        assert_eq!(shown, [Some("none"), Some("none"), Some("none"), Some("block"), None]);
    }
}
