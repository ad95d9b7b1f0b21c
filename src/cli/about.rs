//! Who about whom across a corpus (issue 18): what `scan --format who-about-whom` prints as CSV
//! and `scan --format html` as the research site's page. The named speakers of statements run
//! down the side, the actors those statements are about across, and each cell counts the
//! statements of that speaker about that actor in every file scanned, as the sidebar's view does
//! for one page (`www/src/who-about-whom.js`).
//!
//! A speaker is known by name, as a reader names them (`names`): a configured actor by its name, a
//! person the core grouped by their full name, so Jane Smith quoted in two articles is one row.
//! Speakers no name is known for ("a spokeswoman") have no row. A statement that names an actor
//! twice counts once in its cell. In the page each count links to the list of its statements, each
//! with its file, so the page needs no script.

use std::collections::HashMap;
use std::io::{self, Write};

use article_highlighter::report::Who;
use article_highlighter::Report;
use scraper::Html;

use crate::index::csv_row;
use crate::names::Names;
use crate::render::build::{el, text, Markup};
use crate::render::serialize;

/// The page's styles: the table scrolls sideways with the speakers' column in view, the actors'
/// names read upwards, light and dark.
const CSS: &str = include_str!("about.css");

/// Names in the order first met, each with its index.
#[derive(Default)]
struct Numbered {
    names: Vec<String>,
    index: HashMap<String, usize>,
}

impl Numbered {
    fn of(&mut self, name: &str) -> usize {
        if let Some(&i) = self.index.get(name) {
            return i;
        }
        self.names.push(name.to_owned());
        self.index.insert(name.to_owned(), self.names.len() - 1);
        self.names.len() - 1
    }
}

/// A statement in a cell: its file and its words.
struct Statement {
    file: String,
    text: String,
}

/// The table, filled one report at a time.
#[derive(Default)]
pub struct WhoAboutWhom {
    speakers: Numbered,
    actors: Numbered,
    cells: HashMap<(usize, usize), Vec<Statement>>,
    /// The statements counted, each once however many actors it names.
    statements: usize,
}

impl WhoAboutWhom {
    /// Counts the statements of `report`, read from `file`.
    pub fn add(&mut self, file: &str, report: &Report) {
        let names = Names::of(report);
        for quote in report.quotes.iter().filter(|q| q.kind == "statement") {
            let Some(speaker) = quote.speaker.as_ref().and_then(|s| s.actor.as_ref().or(s.person.as_ref())) else {
                continue;
            };
            let mut columns: Vec<usize> = Vec::new();
            for about in &quote.about {
                if let Who::Actor(actor) = &about.who {
                    let column = self.actors.of(names.name(actor));
                    if !columns.contains(&column) {
                        columns.push(column);
                    }
                }
            }
            if columns.is_empty() {
                continue;
            }
            let row = self.speakers.of(names.name(speaker));
            let text = quote.span.text.split_whitespace().collect::<Vec<_>>().join(" ");
            self.statements += 1;
            for column in columns {
                self.cells
                    .entry((row, column))
                    .or_default()
                    .push(Statement { file: file.to_owned(), text: text.clone() });
            }
        }
    }

    /// The rows and the columns as indexes, each with the most statements first, then by name.
    fn order(&self) -> (Vec<usize>, Vec<usize>) {
        let mut by_row = vec![0; self.speakers.names.len()];
        let mut by_column = vec![0; self.actors.names.len()];
        for (&(row, column), statements) in &self.cells {
            by_row[row] += statements.len();
            by_column[column] += statements.len();
        }
        let sorted = |counts: Vec<usize>, names: &[String]| {
            let mut order: Vec<usize> = (0..counts.len()).collect();
            order.sort_by(|&a, &b| counts[b].cmp(&counts[a]).then_with(|| names[a].cmp(&names[b])));
            order
        };
        (sorted(by_row, &self.speakers.names), sorted(by_column, &self.actors.names))
    }

    /// The table as CSV: a header naming the actors, then a row per speaker with the counts (an
    /// empty cell for none), cells quoted and formulas defused as in the CSV index.
    pub fn write_csv(&self, out: &mut dyn Write) -> io::Result<()> {
        let (rows, columns) = self.order();
        let mut header = vec!["speaker"];
        header.extend(columns.iter().map(|&c| self.actors.names[c].as_str()));
        csv_row(out, &header)?;
        for &row in &rows {
            let counts: Vec<String> = columns
                .iter()
                .map(|&c| self.cells.get(&(row, c)).map_or(String::new(), |s| s.len().to_string()))
                .collect();
            let mut cells = vec![self.speakers.names[row].as_str()];
            cells.extend(counts.iter().map(String::as_str));
            csv_row(out, &cells)?;
        }
        Ok(())
    }

    /// The research site's page: the table, each count a link to its statements listed below.
    pub fn html(&self, files: usize) -> String {
        let (rows, columns) = self.order();
        let anchor = |row: usize, column: usize| format!("s{row}-a{column}");
        let mut head = vec![el("td", &[], vec![])];
        head.extend(
            columns
                .iter()
                .map(|&c| el("th", &[("scope", "col")], vec![el("span", &[], vec![text(&self.actors.names[c])])])),
        );
        let mut body = Vec::new();
        let mut lists = Vec::new();
        for &row in &rows {
            let speaker = &self.speakers.names[row];
            let mut cells = vec![el("th", &[("scope", "row")], vec![text(speaker)])];
            for &column in &columns {
                let Some(statements) = self.cells.get(&(row, column)) else {
                    cells.push(el("td", &[], vec![]));
                    continue;
                };
                let id = anchor(row, column);
                let actor = &self.actors.names[column];
                let label = format!("{} of {speaker} about {actor}", plural(statements.len()));
                let link = el(
                    "a",
                    &[("href", &format!("#{id}")), ("aria-label", &label)],
                    vec![text(statements.len().to_string())],
                );
                cells.push(el("td", &[], vec![link]));
                let items = statements
                    .iter()
                    .map(|s| {
                        el(
                            "li",
                            &[],
                            vec![el("q", &[], vec![text(&s.text)]), text(" "), el("cite", &[], vec![text(&s.file)])],
                        )
                    })
                    .collect();
                lists.push(el(
                    "section",
                    &[("id", &id)],
                    vec![
                        el("h2", &[], vec![text(format!("{speaker} about {actor}"))]),
                        el("ul", &[], items),
                        el("p", &[], vec![el("a", &[("href", "#table")], vec![text("Back to the table")])]),
                    ],
                ));
            }
            body.push(el("tr", &[], cells));
        }
        let summary = format!(
            "{} of {} about {} in {files} {}. Speakers down the side, the actors they speak about across; a count lists its statements.",
            count(self.statements, "statement", "statements"),
            count(rows.len(), "named speaker", "named speakers"),
            count(columns.len(), "actor", "actors"),
            if files == 1 { "file" } else { "files" },
        );
        let table = if rows.is_empty() {
            el("p", &[], vec![text("No statement of a named speaker names an actor.")])
        } else {
            el(
                "div",
                &[("class", "matrix"), ("id", "table")],
                vec![el("table", &[], vec![el("thead", &[], vec![el("tr", &[], head)]), el("tbody", &[], body)])],
            )
        };
        let mut main = vec![el("h1", &[], vec![text("Who about whom")]), el("p", &[], vec![text(summary)]), table];
        main.extend(lists);
        page("Who about whom", el("main", &[], main))
    }
}

/// "1 quote", "2 quotes".
fn plural(n: usize) -> String {
    count(n, "quote", "quotes")
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A whole HTML document around `main`, with the page's styles.
fn page(title: &str, main: Markup) -> String {
    let mut html =
        Html::parse_document("<!DOCTYPE html><html lang=en><head><meta charset=utf-8></head><body></body></html>");
    let (head, body) = {
        let root = html.root_element();
        let child = |name: &str| root.children().find(|n| n.value().as_element().is_some_and(|e| e.name() == name));
        (child("head").expect("parsed with a head").id(), child("body").expect("parsed with a body").id())
    };
    let meta = el("meta", &[("name", "viewport"), ("content", "width=device-width, initial-scale=1")], vec![]);
    for markup in [meta, el("title", &[], vec![text(title)]), el("style", &[], vec![text(CSS)])] {
        markup.append_to(&mut html.tree, head);
    }
    main.append_to(&mut html.tree, body);
    serialize(&html)
}

#[cfg(test)]
mod tests {
    use super::*;
    use article_highlighter::{Config, Scanner, Unit};
    use scraper::Selector;

    fn scanner() -> Scanner {
        let config = Config::from_json(
            r#"{"actors": [{"id": "sadiq", "name": "Muhammad Sadiq", "kind": "person", "aliases": ["Sadiq"]},
                           {"id": "ttp", "name": "Tehreek-e-Taliban Pakistan", "kind": "group", "aliases": ["TTP"]},
                           {"id": "pk", "name": "Pakistan", "kind": "state", "aliases": ["Pakistan"]}]}"#,
        )
        .unwrap();
        Scanner::new(config).unwrap()
    }

    /// Two articles: Sadiq on the TTP twice (once naming it twice), Jane Smith, who is not on the
    /// list, on the TTP in both, and on Pakistan once; a description, and John Doe, who names no
    /// actor, have no row.
    fn table() -> WhoAboutWhom {
        let scanner = scanner();
        let mut table = WhoAboutWhom::default();
        let first = "“The TTP is a danger, the TTP above all,” Sadiq said. “The TTP <must> go,” Jane Smith said. \
                     “Pakistan waits,” a spokeswoman said. “We wait,” John Doe said.";
        let second = "“Pakistan and the TTP must talk,” Jane Smith said. “So must the TTP,” Sadiq said.";
        table.add("a.html", &scanner.scan(first, Unit::Utf16));
        table.add("b/c.html", &scanner.scan(second, Unit::Utf16));
        table
    }

    #[test]
    fn counts_across_files_by_name_most_quoted_first() {
        let mut out = Vec::new();
        table().write_csv(&mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "speaker,Tehreek-e-Taliban Pakistan,Pakistan\r\nJane Smith,2,1\r\nMuhammad Sadiq,2,\r\n"
        );
    }

    #[test]
    fn the_page_links_each_count_to_its_statements_and_keeps_text_as_text() {
        let html = Html::parse_document(&table().html(2));
        let select = |css: &str| -> Vec<String> {
            html.select(&Selector::parse(css).unwrap()).map(|e| e.text().collect::<String>()).collect()
        };
        assert_eq!(select("thead th"), ["Tehreek-e-Taliban Pakistan", "Pakistan"]);
        assert_eq!(select("tbody th"), ["Jane Smith", "Muhammad Sadiq"]);
        assert_eq!(select("tbody td"), ["2", "1", "2", ""]);
        let link = html.select(&Selector::parse("tbody tr:first-child td a").unwrap()).next().unwrap();
        let target = link.value().attr("href").unwrap().trim_start_matches('#').to_owned();
        let section = html.select(&Selector::parse(&format!("section[id='{target}']")).unwrap()).next().unwrap();
        let items: Vec<String> =
            section.select(&Selector::parse("li").unwrap()).map(|e| e.text().collect::<String>()).collect();
        assert_eq!(items, ["“The TTP <must> go,” a.html", "“Pakistan and the TTP must talk,” b/c.html"]);
        let back = section.select(&Selector::parse("p a").unwrap()).next().unwrap().value().attr("href").unwrap();
        assert_eq!(
            select(&format!("{back} tbody th")),
            ["Jane Smith", "Muhammad Sadiq"],
            "each list links back to the table"
        );
        assert_eq!(select("h1"), ["Who about whom"]);
        assert!(select("main > p")[0].starts_with("4 statements of 2 named speakers about 2 actors in 2 files."));
    }
}
