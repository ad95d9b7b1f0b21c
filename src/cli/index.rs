//! What `scan` prints: a site's index of actors and quotes, one document at a time.
//! - JSON: one line per document, its report with the `file` it came from;
//! - CSV: a header, then one row per mention and per quote, like the sidebar's CSV export
//!   (`www/src/export.js`) with the file in place of the page's title and address, and the
//!   actor's id beside its name. Cells are quoted as RFC 4180 says, rows end in CRLF, and a cell
//!   that a spreadsheet would read as a formula is kept as text;
//! - who about whom, as CSV or as the research site's HTML page: one table for the whole corpus,
//!   written once every document is read (`about`).

use std::fmt;
use std::io::{self, Write};
use std::str::FromStr;

use article_highlighter::Report;
use serde::Serialize;

use crate::about::WhoAboutWhom;
use crate::names::Names;

/// The output format of `scan`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    #[default]
    Json,
    Csv,
    /// The who-about-whom table, as CSV.
    WhoAboutWhom,
    /// The who-about-whom table, as an HTML page.
    Html,
}

/// A format name that is not one of `scan`'s.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownFormat(pub String);

impl fmt::Display for UnknownFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown format {:?} (use json, csv, who-about-whom or html)", self.0)
    }
}

impl std::error::Error for UnknownFormat {}

impl FromStr for Format {
    type Err = UnknownFormat;
    fn from_str(s: &str) -> Result<Format, UnknownFormat> {
        match s {
            "json" => Ok(Format::Json),
            "csv" => Ok(Format::Csv),
            "who-about-whom" => Ok(Format::WhoAboutWhom),
            "html" => Ok(Format::Html),
            _ => Err(UnknownFormat(s.to_owned())),
        }
    }
}

const CSV_HEADER: [&str; 11] =
    ["file", "type", "actor_id", "actor_or_speaker", "text", "start", "end", "kind", "cue", "rule", "about"];

/// A cell as CSV: quoted when it holds a quote, comma or line break; prefixed with `'` when it
/// starts like a formula (`=`, `+`, `-`, `@`, tab, CR), as the sidebar's export does.
fn csv_cell(value: &str) -> String {
    let safe = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{value}") } else { value.to_owned() };
    if safe.contains(['"', ',', '\n', '\r']) {
        format!("\"{}\"", safe.replace('"', "\"\""))
    } else {
        safe
    }
}

pub fn csv_row(out: &mut dyn Write, cells: &[&str]) -> io::Result<()> {
    let row: Vec<String> = cells.iter().map(|cell| csv_cell(cell)).collect();
    write!(out, "{}\r\n", row.join(","))
}

#[derive(Serialize)]
struct FileReport<'a> {
    file: &'a str,
    #[serde(flatten)]
    report: &'a Report,
}

/// Writes the documents' reports in one format.
pub struct Index<W: Write> {
    out: W,
    format: Format,
    /// For the who-about-whom formats: the table so far, and how many documents it counts.
    table: WhoAboutWhom,
    files: usize,
}

impl<W: Write> Index<W> {
    /// Starts the output (the CSV header).
    pub fn new(mut out: W, format: Format) -> io::Result<Index<W>> {
        if format == Format::Csv {
            csv_row(&mut out, &CSV_HEADER)?;
        }
        Ok(Index { out, format, table: WhoAboutWhom::default(), files: 0 })
    }

    /// Writes the report of one document.
    pub fn add(&mut self, file: &str, report: &Report) -> io::Result<()> {
        match self.format {
            Format::Json => {
                serde_json::to_writer(&mut self.out, &FileReport { file, report })?;
                self.out.write_all(b"\n")
            }
            Format::Csv => self.add_rows(file, report),
            Format::WhoAboutWhom | Format::Html => {
                self.table.add(file, report);
                self.files += 1;
                Ok(())
            }
        }
    }

    fn add_rows(&mut self, file: &str, report: &Report) -> io::Result<()> {
        let names = Names::of(report);
        for m in &report.mentions {
            let (start, end) = (m.span.start.to_string(), m.span.end.to_string());
            let row = [file, "mention", &m.actor, names.name(&m.actor), &m.span.text, &start, &end, "", "", "", ""];
            csv_row(&mut self.out, &row)?;
        }
        for q in &report.quotes {
            let (start, end) = (q.span.start.to_string(), q.span.end.to_string());
            let actor = q.speaker.as_ref().and_then(|s| s.actor.as_deref()).unwrap_or("");
            let speaker = names.speaker(q);
            let text = q.span.text.split_whitespace().collect::<Vec<_>>().join(" ");
            let cue = q.cue.as_ref().map_or("", |c| c.text.as_str());
            let about = names.about(q).join("; ");
            csv_row(
                &mut self.out,
                &[file, "quote", actor, &speaker, &text, &start, &end, q.kind, cue, q.rule.unwrap_or(""), &about],
            )?;
        }
        Ok(())
    }

    /// Ends the output: the who-about-whom formats write their table now.
    pub fn finish(mut self) -> io::Result<()> {
        match self.format {
            Format::WhoAboutWhom => self.table.write_csv(&mut self.out)?,
            Format::Html => self.out.write_all(self.table.html(self.files).as_bytes())?,
            Format::Json | Format::Csv => {}
        }
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use article_highlighter::{Config, Scanner, Unit};

    #[test]
    fn cells_are_quoted_and_formulas_defused() {
        assert_eq!(csv_cell("plain"), "plain");
        assert_eq!(csv_cell("a, b"), "\"a, b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("two\nlines"), "\"two\nlines\"");
        assert_eq!(csv_cell("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(csv_cell("-1,2"), "\"'-1,2\"");
    }

    #[test]
    fn one_row_per_mention_and_quote() {
        let config = Config::from_json(
            r#"{"actors": [{"id": "sadiq", "name": "Muhammad Sadiq", "kind": "person", "aliases": ["Sadiq"]},
                           {"id": "ttp", "name": "Tehreek-e-Taliban Pakistan", "kind": "group", "aliases": ["TTP"]}]}"#,
        )
        .unwrap();
        let text =
            "“Yes, “no,” maybe,” Sadiq said. “The TTP is a danger,” Jane Smith said. “So is the TTP,” Smith added.";
        let report = Scanner::new(config).unwrap().scan(text, Unit::Utf16);
        let mut out = Vec::new();
        let mut index = Index::new(&mut out, Format::Csv).unwrap();
        index.add("a,b.html", &report).unwrap();
        index.finish().unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "file,type,actor_id,actor_or_speaker,text,start,end,kind,cue,rule,about\r\n\
             \"a,b.html\",mention,sadiq,Muhammad Sadiq,Sadiq,20,25,,,,\r\n\
             \"a,b.html\",mention,ttp,Tehreek-e-Taliban Pakistan,TTP,37,40,,,,\r\n\
             \"a,b.html\",mention,ttp,Tehreek-e-Taliban Pakistan,TTP,83,86,,,,\r\n\
             \"a,b.html\",quote,sadiq,Muhammad Sadiq,\"“Yes, “no,” maybe,”\",0,19,statement,Sadiq said,after,\r\n\
             \"a,b.html\",quote,,Jane Smith,\"“The TTP is a danger,”\",32,54,statement,Jane Smith said,after,Tehreek-e-Taliban Pakistan\r\n\
             \"a,b.html\",quote,,Jane Smith,\"“So is the TTP,”\",72,88,statement,Smith added,after,Tehreek-e-Taliban Pakistan\r\n"
        );
    }
}
