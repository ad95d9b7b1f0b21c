//! Finding the article on a page, ported rule for rule from the shim's `findArticle` and
//! `isBoilerplate` (`www/src/article.js`), where the reasons for each rule are given.
//!
//! In short: the story is the page's longest stretch of prose. Each block of the page's visible
//! text scores its length (UTF-16 code units, as the shim counts), less twice its link text (a
//! teaser of another story counts as link text), less `PROSE_LENGTH`; prose inside an
//! `<article>` counts double; furniture left out of the text counts against the run it parts.
//! The run of consecutive blocks with the highest total wins, and the article is the nearest
//! element holding it, or the page's own `[itemprop=articleBody]` when that holds most of it;
//! then the box around it, when that adds only the story's headline, standfirst and captions.

use std::collections::HashMap;

use ego_tree::NodeId;

use super::js_string::{trim, visible_length};
use super::text::{collect, TextModel, PARAGRAPH_BREAK};
use super::{attr, closest, contains, is_named, parent_element, text_content, Dom, Page};

const BOILERPLATE_TAGS: &[&str] = &["nav", "aside", "footer", "form", "menu", "header", "dialog"];
const BOILERPLATE_ROLES: &[&str] =
    &["navigation", "complementary", "contentinfo", "banner", "search", "menu", "menubar", "toolbar", "dialog"];

/// Words in a class or id that name page furniture.
const BOILERPLATE_WORDS: &[&str] = &[
    "ad",
    "ads",
    "adslot",
    "advert",
    "advertisement",
    "advertising",
    "sponsor",
    "sponsored",
    "promo",
    "promoted",
    "related",
    "recommended",
    "recommendations",
    "trending",
    "popular",
    "outbrain",
    "taboola",
    "newsletter",
    "subscribe",
    "subscription",
    "signup",
    "share",
    "sharing",
    "social",
    "comment",
    "comments",
    "disqus",
    "credit",
    "credits",
    "byline",
    "breadcrumb",
    "breadcrumbs",
    "tags",
    "topics",
    "footer",
    "nav",
    "navigation",
    "menu",
    "sidebar",
    "toolbar",
    "print",
    "cookie",
    "consent",
    "modal",
    "popup",
];

/// A line of prose shorter than this counts against the run it is in.
const PROSE_LENGTH: i64 = 50;

/// A box with this many paragraphs of at least this length may wrap the story (see `wraps_prose`).
const PROSE_PARAGRAPHS: usize = 3;
const PROSE_PARAGRAPH: usize = 150;

/// The words of an element's class and id: "sdc-articleRelated_stories" → sdc, article, related,
/// stories. ASCII letters and digits only, as the shim's `/[^a-z0-9]+/` split.
fn name_words(el: Dom<'_>) -> Vec<String> {
    let names = format!("{} {}", attr(el, "id").unwrap_or(""), attr(el, "class").unwrap_or(""));
    let mut spaced = String::with_capacity(names.len());
    let mut previous = ' ';
    for c in names.chars() {
        if previous.is_ascii_lowercase() && c.is_ascii_uppercase() {
            spaced.push(' ');
        }
        spaced.push(c);
        previous = c;
    }
    spaced
        .to_lowercase()
        .split(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit()))
        .filter(|word| !word.is_empty())
        .map(str::to_owned)
        .collect()
}

/// How many paragraphs of prose (`<p>` of `PROSE_PARAGRAPH` characters or more) are under `el`.
fn prose_paragraphs(el: Dom<'_>) -> usize {
    el.descendants()
        .skip(1)
        .filter(|p| is_named(*p, &["p"]) && visible_length(&text_content(*p)) >= PROSE_PARAGRAPH)
        .count()
}

/// Whether `el` wraps the prose around it: it holds several paragraphs, and most of its parent's.
fn wraps_prose(el: Dom<'_>) -> bool {
    let own = prose_paragraphs(el);
    own >= PROSE_PARAGRAPHS && own * 2 > prose_paragraphs(parent_element(el).unwrap_or(el))
}

/// Whether `el` is a bare list of links: three or more links among its children and no words of
/// its own between them. (A letter or digit is what `is_alphanumeric` says, which the shim's
/// `[\p{Alphabetic}\p{N}]` says too.)
fn is_link_list(el: Dom<'_>) -> bool {
    let mut links = 0;
    for child in el.children() {
        if child.value().as_text().is_some_and(|text| text.chars().any(char::is_alphanumeric)) {
            return false;
        }
        links += usize::from(is_named(child, &["a"]));
    }
    links >= 3
}

/// Whether `el` is the header of a story rather than of the page: a `<header>` inside an
/// `<article>` or `<main>`.
fn is_story_header(el: Dom<'_>) -> bool {
    is_named(el, &["header"]) && parent_element(el).and_then(|p| closest(p, &["article", "main"])).is_some()
}

/// Whether `el`, inside the article root, is page furniture rather than story text. The story's
/// captions and standfirst are story text.
pub fn is_boilerplate(el: Dom<'_>) -> bool {
    let furniture = (is_named(el, BOILERPLATE_TAGS) && !is_story_header(el))
        || attr(el, "role").is_some_and(|role| BOILERPLATE_ROLES.contains(&role))
        || name_words(el).iter().any(|word| BOILERPLATE_WORDS.contains(&word.as_str()))
        || is_link_list(el);
    furniture && !wraps_prose(el)
}

const HEADINGS: &[&str] = &["h1", "h2", "h3", "h4", "h5", "h6"];

/// Whether `el` holds a heading that is a link (the shim's `LINKED_HEADING` selector): a link
/// inside a heading, or a heading inside a link.
fn has_linked_heading(el: Dom<'_>) -> bool {
    el.descendants().skip(1).any(|n| {
        let above = |names: &[&str]| parent_element(n).and_then(|p| closest(p, names)).is_some();
        (is_named(n, &["a"]) && above(HEADINGS)) || (is_named(n, HEADINGS) && above(&["a"]))
    })
}

/// The shim's `teaserTest`: whether a text node is in a small box holding a linked headline and a
/// paragraph or two of its own, a teaser of another story. Boxes are judged once each.
fn in_teaser(node: Dom<'_>, boxes: &mut HashMap<NodeId, bool>) -> bool {
    let Some(paragraph) = parent_element(node).map(|p| closest(p, &["p"]).unwrap_or(p)) else { return false };
    let Some(container) = parent_element(paragraph) else { return false };
    *boxes.entry(container.id()).or_insert_with(|| {
        container.descendants().skip(1).filter(|n| is_named(*n, &["p"])).count() <= 2 && has_linked_heading(container)
    })
}

/// A block of collected text, or (without nodes) a piece of furniture left out between blocks.
struct Block<'a> {
    nodes: Option<(Dom<'a>, Dom<'a>)>,
    score: i64,
}

/// The blocks of collected text in page order, scored as the shim's `scoredBlocks`.
fn scored_blocks<'a>(page: &'a Page, model: &TextModel, furniture: &[Dom<'a>]) -> Vec<Block<'a>> {
    let tree = &page.html().tree;
    let node = |id: NodeId| tree.get(id).expect("a segment names a node of the page");
    // Page order, for "does this text come after that furniture".
    let order: HashMap<NodeId, usize> = page.document().descendants().enumerate().map(|(i, n)| (n.id(), i)).collect();
    let mut blocks = Vec::new();
    let mut teaser_boxes = HashMap::new();
    let (mut seg, mut start, mut left) = (0, 0, 0);
    let segments = &model.segments;
    for line in model.text.split(PARAGRAPH_BREAK) {
        let end = start + line.len();
        let first = segments.get(seg).map(|s| node(s.node));
        let mut last = first;
        let mut linked = 0;
        while seg < segments.len() && segments[seg].start < end {
            let text = node(segments[seg].node);
            last = Some(text);
            if parent_element(text).and_then(|p| closest(p, &["a"])).is_some() {
                linked += visible_length(text.value().as_text().map_or("", |t| t));
            }
            seg += 1;
        }
        start = end + PARAGRAPH_BREAK.len_utf8();
        let (Some(first), Some(last)) = (first, last) else { continue };
        if trim(line).is_empty() {
            continue;
        }
        if in_teaser(first, &mut teaser_boxes) {
            linked = visible_length(line);
        }
        while left < furniture.len() && order[&first.id()] > order[&furniture[left].id()] {
            let links = furniture[left].descendants().skip(1).filter(|n| is_named(*n, &["a"])).count();
            blocks.push(Block { nodes: None, score: -PROSE_LENGTH * (1 + links as i64) });
            left += 1;
        }
        let parent = parent_element(first);
        // A list item is rarely a paragraph of the story, and often a teaser of another one.
        let in_item = parent.and_then(|p| closest(p, &["li", "p"])).is_some_and(|el| is_named(el, &["li"]));
        let length = if in_item { 0 } else { visible_length(line) as i64 };
        let score = length - 2 * linked as i64 - PROSE_LENGTH;
        // Prose inside an <article> is more likely the story than prose outside one.
        let in_article = parent.and_then(|p| closest(p, &["article"])).is_some();
        blocks
            .push(Block { nodes: Some((first, last)), score: if score > 0 && in_article { 2 * score } else { score } });
    }
    blocks
}

/// The run of consecutive blocks with the highest total score, `(from, to, score)` (Kadane's
/// algorithm, the first of equal runs).
fn best_run(blocks: &[Block<'_>]) -> Option<(usize, usize, i64)> {
    let mut best: Option<(usize, usize, i64)> = None;
    let mut current: Option<(usize, usize, i64)> = None;
    for (i, block) in blocks.iter().enumerate() {
        let run = match current {
            Some((from, _, score)) if score > 0 => (from, i, score + block.score),
            _ => (i, i, block.score),
        };
        current = Some(run);
        if best.is_none_or(|(_, _, score)| run.2 > score) {
            best = Some(run);
        }
    }
    best
}

/// The page's own `[itemprop~=articleBody]`, when it holds most of the prose of the run.
fn declared_body<'a>(page: &'a Page, prose: &[&Block<'a>]) -> Option<Dom<'a>> {
    let weight = |el: Option<Dom<'_>>| -> i64 {
        let inside =
            |block: &&&Block<'_>| el.is_none_or(|el| block.nodes.is_some_and(|(first, _)| contains(el, first)));
        prose.iter().filter(inside).map(|block| block.score).sum()
    };
    let declared =
        |el: &Dom<'_>| attr(*el, "itemprop").is_some_and(|v| v.split_ascii_whitespace().any(|t| t == "articleBody"));
    page.document().descendants().filter(declared).find(|el| weight(Some(*el)) * 2 > weight(None))
}

/// How many characters (UTF-16 code units) of story text `el` holds.
fn story_length(page: &Page, el: Dom<'_>) -> usize {
    collect(el, page.visibility(), &mut |el| is_boilerplate(el)).text.encode_utf16().count()
}

/// Ancestors looked at for the story's own headline (see `with_headline`).
const HEADLINE_LEVELS: usize = 4;

/// The shim's `withHeadline`: the box around `article` that holds an `<h1>` and adds at most a
/// third of the article's text (the headline, standfirst and captions), never the body or the
/// root element; else the article itself.
fn with_headline<'a>(page: &'a Page, article: Dom<'a>, body: Dom<'a>) -> Dom<'a> {
    let has_h1 = |el: Dom<'_>| el.descendants().skip(1).any(|n| is_named(n, &["h1"]));
    if has_h1(article) {
        return article;
    }
    let boxes = std::iter::successors(parent_element(article), |el| parent_element(*el));
    for container in boxes.take(HEADLINE_LEVELS).take_while(|el| !contains(*el, body)) {
        if has_h1(container) {
            let own = story_length(page, article);
            return if story_length(page, container).saturating_sub(own) <= own / 3 { container } else { article };
        }
    }
    article
}

/// The element holding the article: the body (or the root element of a page with none) when the
/// page has no stretch of prose; `None` only for a page with no element at all.
pub fn find(page: &Page) -> Option<Dom<'_>> {
    let body = page.body().or_else(|| page.root_element())?;
    let mut furniture = Vec::new();
    let model = collect(body, page.visibility(), &mut |el| {
        let furniture_here = is_boilerplate(el);
        if furniture_here {
            furniture.push(el.id());
        }
        furniture_here
    });
    let tree = &page.html().tree;
    let furniture: Vec<Dom<'_>> = furniture.into_iter().filter_map(|id| tree.get(id)).collect();
    let blocks = scored_blocks(page, &model, &furniture);
    let Some((from, to, score)) = best_run(&blocks) else { return Some(body) };
    if score <= 0 {
        return Some(body);
    }
    let prose: Vec<&Block<'_>> = blocks[from..=to].iter().filter(|b| b.score > 0).collect();
    if let Some(declared) = declared_body(page, &prose) {
        return Some(with_headline(page, declared, body));
    }
    let (Some((first, _)), Some((_, last))) = (blocks[from].nodes, blocks[to].nodes) else { return Some(body) };
    let common = std::iter::successors(parent_element(first), |el| parent_element(*el)).find(|el| contains(*el, last));
    Some(common.map_or(body, |article| with_headline(page, article, body)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraph(n: usize) -> String {
        format!("<p>{}</p>", "The minister said that the talks on the new budget would go on next week. ".repeat(n))
    }

    /// The shim's made-up page (tests/browser/pages.test.mjs), with the same expected answer.
    #[test]
    fn the_story_inside_a_box_named_like_furniture() {
        let teaser = r#"<li><a href="/other">Another story</a> <span>A summary of another story, long enough to pass for a sentence.</span></li>"#;
        let html = format!(
            r##"<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
            <div class="content-with-sidebar">
              <h1>The headline</h1>
              <div id="story">{}{}
                <div class="share-bar"><a href="#">Facebook</a> <a href="#">Twitter</a></div>
                {}{}</div>
              <div class="rail"><ul>{}</ul></div>
            </div>
            <div class="footer-links"><a href="/about">About</a> <a href="/terms">Terms</a> <a href="/privacy">Privacy</a></div>"##,
            paragraph(4),
            paragraph(3),
            paragraph(5),
            paragraph(2),
            teaser.repeat(6)
        );
        let page = Page::parse(&html);
        let root = find(&page).unwrap();
        assert_eq!(attr(root, "id"), Some("story"));
        let text = collect(root, page.visibility(), &mut |el| is_boilerplate(el)).text;
        let lines: Vec<usize> = text.split(PARAGRAPH_BREAK).filter(|l| !trim(l).is_empty()).map(|l| l.len()).collect();
        assert_eq!(lines, [296, 222, 370, 148], "the four paragraphs, and nothing else");
    }

    /// The shim's second made-up page: the story in a main column beside teasers as deep as its
    /// paragraphs, each with a linked headline and a paragraph of its own.
    #[test]
    fn the_story_beside_teasers_with_its_headline_standfirst_and_caption() {
        let sentence = "The finance minister said on Monday that the talks on the new budget would go on next week in the capital. ";
        let story: String = [4, 3, 5, 2, 4, 3]
            .iter()
            .enumerate()
            .map(|(i, n)| format!("<p>Paragraph {}. {}</p>", i + 1, sentence.repeat(*n)))
            .collect();
        let teasers: String = (0..24)
            .map(|i| {
                format!(
                    r#"<div class="card"><h3><a href="/story-{i}">Another story number {i}, with a headline of some length</a></h3><p>The summary of story {i}: what happened, where and to whom, told in two sentences that read like prose. It goes on for long enough to pass for a paragraph of a story.</p><span class="time">2 hours ago</span></div>"#
                )
            })
            .collect();
        let html = format!(
            r#"<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
            <div class="layout">
              <div class="main" id="main">
                <h1>The minister’s budget talks go on</h1>
                <p class="standfirst">A week of talks ends without a deal, and the minister says the next will find one.</p>
                <figure><img alt=""><figcaption>The minister at the talks in the capital on Monday.</figcaption></figure>
                <div class="story">{story}</div>
              </div>
              <div class="more">{teasers}</div>
            </div>
            <footer><a href="/about">About</a> <a href="/terms">Terms</a> <a href="/privacy">Privacy</a></footer>"#
        );
        let page = Page::parse(&html);
        let root = find(&page).unwrap();
        assert_eq!(attr(root, "id"), Some("main"));
        let text = collect(root, page.visibility(), &mut |el| is_boilerplate(el)).text;
        let lines: Vec<&str> = text.split(PARAGRAPH_BREAK).map(trim).filter(|l| !l.is_empty()).collect();
        assert!(lines.contains(&"A week of talks ends without a deal, and the minister says the next will find one."));
        assert!(lines.contains(&"The minister at the talks in the capital on Monday."));
        assert_eq!(lines.iter().filter(|l| l.starts_with("Paragraph ")).count(), 6);
        assert!(!lines.iter().any(|l| l.contains("story number") || l.contains("hours ago")), "{lines:?}");
    }

    #[test]
    fn pages_without_prose_fall_back_to_the_body() {
        for (html, expected) in [
            ("", "body"),
            ("<frameset><frame src='about:blank'></frameset>", "frameset"),
            ("<nav><a href='/'>Home</a></nav><footer>© 2019</footer>", "body"),
        ] {
            let page = Page::parse(html);
            let root = find(&page).unwrap();
            assert_eq!(root.value().as_element().unwrap().name(), expected, "{html:?}");
        }
    }

    #[test]
    fn a_declared_article_body_wins_when_it_holds_most_of_the_prose() {
        let html = format!(
            r#"<div><div itemprop="text articleBody">{}{}</div>{}</div>"#,
            paragraph(3),
            paragraph(3),
            paragraph(1)
        );
        let page = Page::parse(&html);
        assert_eq!(attr(find(&page).unwrap(), "itemprop"), Some("text articleBody"));
    }

    #[test]
    fn furniture_by_tag_role_name_or_links() {
        let page = Page::parse(
            r#"<aside id=a></aside><div role="navigation" id=b></div><div class="sdc-articleRelated_stories" id=c></div>
            <div id=d><a>1</a> <a>2</a>, <a>3</a></div><div id=e><a>1</a> and <a>2</a> <a>3</a></div><div class="adorn" id=f></div>"#,
        );
        let found: Vec<&str> = page
            .body()
            .unwrap()
            .children()
            .filter(|n| n.value().is_element() && is_boilerplate(*n))
            .filter_map(|n| attr(n, "id"))
            .collect();
        assert_eq!(found, ["a", "b", "c", "d"]);
    }

    #[test]
    fn a_box_wrapping_most_of_the_prose_is_not_furniture() {
        let html = format!(
            "<div><form id=story>{}{}{}</form>{}</div>",
            paragraph(3),
            paragraph(3),
            paragraph(3),
            paragraph(3)
        );
        let page = Page::parse(&html);
        let form = page.select(&scraper::Selector::parse("form").unwrap()).unwrap();
        assert!(!is_boilerplate(form));
    }
}
