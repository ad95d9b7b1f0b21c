//! The static sidebar: what the shim's sidebar lists (`www/src/sidebar.js`), as plain HTML that a
//! reader without JavaScript sees: the actors mentioned, by kind, with counts; the quotes, grouped
//! by speaker, with their cues; quoted terms and titles apart.
//!
//! It sits in a declarative shadow root (`<template shadowrootmode="open">`), which the browser
//! attaches while parsing, with no script: the page's CSS cannot reach into it and its own
//! `<style>` (`sidebar.css`) reaches nothing outside it. A `<details open>` holds it, so a reader
//! folds it away by its title, again without script; on narrow screens it sits below the page
//! instead of over it. Its host is marked as the highlighter's own, so the shim never scans it
//! and takes it away when it starts (see `www/src/prerendered.js`).

use std::collections::HashMap;

use article_highlighter::config::Kind;
use article_highlighter::report::QuoteOut;
use article_highlighter::Report;

use super::build::{el, text, Markup};
use crate::names::Names;
use article_highlighter::page::text::OWN_UI;

const CSS: &str = include_str!("sidebar.css");
/// The rule of [`room`]: the panel's width (in sidebar.css) beside the page, from the width at
/// which the panel stops following the page.
const ROOM_CSS: &str = "@media (min-width: 900px) { html { margin-right: 340px !important; } }";

/// The heading of a kind's actors (as in the shim's `www/src/kinds.js`).
fn heading(kind: Kind) -> &'static str {
    match kind {
        Kind::Person => "People",
        Kind::Organization => "Organisations",
        Kind::State => "States",
        Kind::Group => "Groups",
        Kind::Place => "Places",
        Kind::Other => "Other",
    }
}

/// The value of `data-article-highlighter` on the static sidebar's host.
pub const HOST: &str = "prerendered-sidebar";

/// Shortens `text` to at most `max` characters at a word boundary, as the shim's `clip`.
fn clip(text: &str, max: usize) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let cut: String = flat.chars().take(max).collect();
    let end = cut
        .rfind(' ')
        .filter(|&at| cut[..at].chars().count() >= max / 2)
        .unwrap_or_else(|| cut.char_indices().nth(max / 2).map_or(cut.len(), |(at, _)| at));
    format!("{}…", &cut[..end])
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn swatch(color: &str) -> Markup {
    el("span", &[("class", "swatch"), ("style", &format!("background: {color}"))], vec![])
}

fn count(n: usize) -> Markup {
    el("span", &[("class", "count")], vec![text(n.to_string())])
}

fn actors(report: &Report) -> Vec<Markup> {
    let found: Vec<_> = report.actors.iter().filter(|a| a.count > 0).collect();
    let mut out = vec![el("h2", &[], vec![text("Actors")])];
    if found.is_empty() {
        out.push(el("p", &[("class", "empty")], vec![text("No configured actor is mentioned.")]));
    }
    for kind in Kind::ALL {
        let (kind, heading) = (kind.as_str(), heading(kind));
        let of_kind: Vec<_> = found.iter().filter(|a| a.kind == kind).collect();
        if of_kind.is_empty() {
            continue;
        }
        let items = of_kind
            .iter()
            .map(|a| {
                let name = el("span", &[("class", "name")], vec![text(&a.name)]);
                el("li", &[("class", "actor"), ("data-actor", &a.id)], vec![swatch(&a.color), name, count(a.count)])
            })
            .collect();
        let total = of_kind.iter().map(|a| a.count).sum();
        out.push(el(
            "section",
            &[("class", "group"), ("data-kind", kind)],
            vec![
                el("h3", &[], vec![el("span", &[], vec![text(heading)]), count(total)]),
                el("ul", &[("aria-label", heading)], items),
            ],
        ));
    }
    out
}

fn quotes(report: &Report) -> Vec<Markup> {
    let names = Names::of(report);
    let colors: HashMap<&str, &str> = report.actors.iter().map(|a| (a.id.as_str(), a.color.as_str())).collect();
    let mut groups: Vec<(String, Vec<&QuoteOut>)> = Vec::new();
    for quote in report.quotes.iter().filter(|q| q.kind == "statement") {
        let label = names.speaker(quote);
        match groups.iter_mut().find(|(l, _)| *l == label) {
            Some((_, group)) => group.push(quote),
            None => groups.push((label, vec![quote])),
        }
    }
    // The most quoted first, the unattributed last.
    groups.sort_by_key(|(label, group)| (label.is_empty(), std::cmp::Reverse(group.len())));
    let mut out = vec![el("h2", &[], vec![text("Quotes")])];
    if groups.is_empty() {
        out.push(el("p", &[("class", "empty")], vec![text("No quoted statements.")]));
    }
    for (label, group) in &groups {
        let actor = group[0].speaker.as_ref().and_then(|s| s.actor.as_deref());
        let mut heading: Vec<Markup> = actor.and_then(|a| colors.get(a)).map(|c| swatch(c)).into_iter().collect();
        heading.push(el("span", &[], vec![text(if label.is_empty() { "Unattributed" } else { label })]));
        heading.push(count(group.len()));
        let items = group
            .iter()
            .map(|q| {
                let said = q.pieces.iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join(" … ");
                let mut item = vec![el("q", &[], vec![text(clip(&said, 220))])];
                item.extend(
                    q.cue.as_ref().map(|cue| el("span", &[("class", "cue")], vec![text(format!("— {}", cue.text))])),
                );
                el("li", &[("class", "quote")], item)
            })
            .collect();
        let list_label = format!("Quotes of {}", if label.is_empty() { "unattributed speakers" } else { label });
        out.push(el(
            "section",
            &[("class", "speaker group"), ("data-speaker", label)],
            vec![el("h3", &[], heading), el("ul", &[("aria-label", &list_label)], items)],
        ));
    }
    // Scare quotes and titles are listed apart: nobody is quoted saying them.
    for (kind, heading) in [("term", "Quoted terms"), ("title", "Titles")] {
        let items: Vec<String> =
            report.quotes.iter().filter(|q| q.kind == kind).map(|q| clip(&q.span.text, 60)).collect();
        if !items.is_empty() {
            out.push(el("h2", &[], vec![text(heading)]));
            out.push(el("p", &[("class", "terms")], vec![text(items.join(", "))]));
        }
    }
    out
}

/// A style sheet for the page's head that keeps the sidebar's width free beside the page where
/// the sidebar stands over it (900 px and up), as the shim's room.js does while its sidebar is
/// open, so the sidebar never covers the article. With no script it cannot follow the sidebar's
/// folding: folded, the strip stays empty. It carries the host's mark, so a session that takes
/// the pre-rendered output away takes this away too.
pub fn room() -> Markup {
    el("style", &[(OWN_UI, HOST)], vec![text(ROOM_CSS)])
}

/// The sidebar for `report`, ready to append to the page's body.
pub fn sidebar(report: &Report) -> Markup {
    let found = report.actors.iter().filter(|a| a.count > 0).count();
    let statements = report.quotes.iter().filter(|q| q.kind == "statement").count();
    let summary = format!(
        "{} of {} · {}",
        plural(report.mentions.len(), "mention", "mentions"),
        plural(found, "actor", "actors"),
        plural(statements, "quote", "quotes")
    );
    let mut body = actors(report);
    body.extend(quotes(report));
    let panel = el(
        "details",
        &[("class", "panel"), ("open", ""), ("aria-label", "Article Highlighter")],
        vec![
            el(
                "summary",
                &[],
                vec![
                    el("span", &[("class", "title")], vec![text("Article Highlighter")]),
                    el("span", &[("class", "summary")], vec![text(summary)]),
                ],
            ),
            el("div", &[("class", "body")], body),
        ],
    );
    let shadow = el("template", &[("shadowrootmode", "open")], vec![el("style", &[], vec![text(CSS)]), panel]);
    // Inline !important beats any page rule (`* { display: none !important }`), as on the shim's host.
    let host_style = "all: initial !important; display: block !important;";
    el("article-highlighter-sidebar", &[(OWN_UI, HOST), ("style", host_style)], vec![shadow])
}

#[cfg(test)]
mod tests {
    use super::*;
    use article_highlighter::{Config, Scanner, Unit};

    fn report(text: &str) -> Report {
        let config = Config::from_json(
            r#"{"actors": [
                {"id": "sadiq", "name": "Muhammad Sadiq", "kind": "person", "aliases": ["Sadiq"]},
                {"id": "ttp", "name": "TTP <b>", "kind": "group", "aliases": ["TTP"]},
                {"id": "un", "kind": "organization", "aliases": ["United Nations"]}
            ]}"#,
        )
        .unwrap();
        Scanner::new(config).unwrap().scan(text, Unit::Utf16)
    }

    /// The texts of a markup tree, in order.
    fn texts(markup: &Markup, out: &mut Vec<String>) {
        match markup {
            Markup::Text(t) => out.push(t.clone()),
            Markup::Element { children, .. } => children.iter().for_each(|c| texts(c, out)),
        }
    }

    #[test]
    fn lists_actors_by_kind_and_quotes_by_speaker() {
        let r = report(
            "“The TTP is a danger,” Sadiq said. “We will see,” a spokesman said. Call it “peace.” “No,” said Sadiq.",
        );
        let mut out = Vec::new();
        texts(&sidebar(&r), &mut out);
        let shown = out[1..].join("|");
        assert_eq!(
            shown,
            "Article Highlighter|3 mentions of 2 actors · 3 quotes|Actors|People|2|Muhammad Sadiq|2|Groups|1|TTP <b>|1|\
             Quotes|Muhammad Sadiq|2|“The TTP is a danger,”|— Sadiq said|“No,”|— said Sadiq|\
             a spokesman|1|“We will see,”|— a spokesman said|Quoted terms|“peace.”"
        );
    }

    #[test]
    fn clip_cuts_at_a_word() {
        assert_eq!(clip("  one   two three ", 60), "one two three");
        assert_eq!(clip("one two three four", 10), "one two…");
        assert_eq!(clip("abcdefghijklmnop", 10), "abcde…");
    }
}
