//! Article Highlighter finds the *actors* (people, organisations, states, armed groups) named in
//! a news article and the *quoted statements* in it, and works out who said each quote.
//!
//! The core is pure Rust over a `&str`; the same code runs in the browser (compiled to
//! WebAssembly, see `wasm.rs`) and on the command line (`main.rs`). Three types are the heart of
//! the public surface:
//! - [`Config`]: the actor list, parsed and validated from JSON;
//! - [`Scanner`]: a config compiled for matching (build it once, scan many texts);
//! - [`Report`]: what a scan found, with offsets in the [`Unit`] the caller asks for.
//!
//! Their parts live in modules named for them: [`config`] (an actor, its kind, the limits a
//! config must keep to), [`report`] (mentions, quotes, speakers), [`table`] and [`list_file`]
//! (lists kept in spreadsheets and files). Every public item's documentation has an example that
//! runs as a doc test.
//!
//! A config is read from JSON ([`Config::from_json`]), from a spreadsheet's table
//! ([`Config::from_table`]), or from a file's bytes in whichever of the two it holds
//! ([`Config::from_list_file`]).
//!
//! ```
//! use article_highlighter::{Config, Scanner, Unit};
//!
//! let config = Config::from_json(r#"{"actors": [
//!     {"id": "sadiq", "name": "Muhammad Sadiq", "kind": "person", "aliases": ["Muhammad Sadiq", "Sadiq"]},
//!     {"id": "ttp", "name": "Tehreek-e-Taliban Pakistan", "kind": "group", "aliases": ["Tehreek-e-Taliban Pakistan", "TTP"]}
//! ]}"#).unwrap();
//! let scanner = Scanner::new(config).unwrap();
//! let report = scanner.scan("“The TTP is a danger,” Sadiq said.", Unit::Utf16);
//!
//! assert_eq!(report.mentions[0].actor, "ttp");
//! assert_eq!((report.mentions[0].span.start, report.mentions[0].span.end), (5, 8));
//! let speaker = report.quotes[0].speaker.as_ref().unwrap();
//! assert_eq!(speaker.actor.as_deref(), Some("sadiq"));
//! assert_eq!(report.quotes[0].cue.as_ref().unwrap().text, "Sadiq said");
//! ```
//!
//! Internally a scan runs in layers, each in its own module: `fold` normalises the text for
//! matching, `actors` finds mentions, `quotes` pairs quote marks, `attribution` finds cues and
//! speakers, the people among them and whom each quote is about, `offsets` converts byte offsets to the caller's unit and `report` assembles the
//! result. Beneath them, `paragraphs` finds the paragraph breaks that matching, quotes and
//! attribution all stay within, and `bytes` searches eight bytes at a time.
//!
//! With the `page` feature (on by default, with the command line), [`page`] reads a saved HTML
//! page as the in-browser highlighter reads a live one and gives the article's text to scan.

#![warn(missing_docs)]

mod actors;
mod attribution;
mod bytes;
pub mod config;
mod fold;
mod ids;
pub mod list_file;
mod offsets;
#[cfg(all(feature = "page", not(target_arch = "wasm32")))]
pub mod page;
mod paragraphs;
mod quotes;
pub mod report;
pub mod table;
#[cfg(target_arch = "wasm32")]
mod wasm;

pub use config::{Config, ConfigError};
pub use offsets::{Unit, UnknownUnit};
pub use report::Report;
pub use table::TableError;

use actors::Matcher;
use attribution::Attributor;
use report::Findings;

/// A config compiled for scanning. Building it compiles the alias automaton and any regex
/// patterns, so build it once per config and reuse it: a scan only reads it, and one scanner
/// serves every text (and every thread: it is `Send` and `Sync`).
///
/// ```
/// use article_highlighter::{Config, Scanner, Unit};
///
/// let config = Config::from_json(r#"{"actors": [{"id": "un", "aliases": ["United Nations", "UN"]}]}"#).unwrap();
/// let scanner = Scanner::new(config).unwrap();
/// let texts = ["The UN met on Monday.", "No one was named.", "The United Nations and the UN."];
/// let counts: Vec<usize> = texts.iter().map(|text| scanner.scan(text, Unit::Chars).mentions.len()).collect();
/// assert_eq!(counts, [1, 0, 2]);
/// ```
pub struct Scanner {
    config: Config,
    matcher: Matcher,
    attributor: Attributor,
}

impl Scanner {
    /// Compiles `config`. Fails only on a regex pattern that does not compile or is too large.
    ///
    /// ```
    /// use article_highlighter::{Config, Scanner};
    ///
    /// let config = Config::from_json(r#"{"actors": [{"id": "un", "patterns": ["\\bU\\.?N\\b"]}]}"#).unwrap();
    /// assert!(Scanner::new(config).is_ok());
    ///
    /// let config = Config::from_json(r#"{"actors": [{"id": "un", "patterns": ["U(N"]}]}"#).unwrap();
    /// let error = Scanner::new(config).err().unwrap();
    /// assert!(error.to_string().starts_with("actor \"un\": field \"patterns\""));
    /// ```
    pub fn new(config: Config) -> Result<Scanner, ConfigError> {
        let matcher = Matcher::new(&config)?;
        Ok(Scanner { config, matcher, attributor: Attributor::default() })
    }

    /// Checks that `config` would compile, as [`Scanner::new`] does, without building the
    /// alias automaton (only the patterns can fail): for an editor that validates as one types.
    ///
    /// ```
    /// use article_highlighter::{Config, Scanner};
    ///
    /// let config = Config::from_json(r#"{"actors": [{"id": "un", "patterns": ["\\bU\\.?N\\b"]}]}"#).unwrap();
    /// assert_eq!(Scanner::check(&config), Ok(()));
    ///
    /// let config = Config::from_json(r#"{"actors": [{"id": "un", "patterns": ["U(N"]}]}"#).unwrap();
    /// let error = Scanner::check(&config).unwrap_err();
    /// assert_eq!(error.field(), Some("patterns"));
    /// ```
    pub fn check(config: &Config) -> Result<(), ConfigError> {
        actors::compile_patterns(config).map(drop)
    }

    /// The config it was compiled from: the actors' names, kinds and colours, for showing what a
    /// report's ids stand for.
    ///
    /// ```
    /// use article_highlighter::{Config, Scanner, Unit};
    ///
    /// let config = Config::from_json(r#"{"actors": [{"id": "sadiq", "name": "Muhammad Sadiq", "aliases": ["Sadiq"]}]}"#).unwrap();
    /// let scanner = Scanner::new(config).unwrap();
    /// let report = scanner.scan("Sadiq spoke first.", Unit::Bytes);
    /// let actor = scanner.config().actors.iter().find(|a| a.id == report.mentions[0].actor).unwrap();
    /// assert_eq!(actor.name, "Muhammad Sadiq");
    /// ```
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Finds every mention and quote in `text`, with offsets in `unit`.
    ///
    /// The same findings in each unit: here "Kabul" starts after a 4-byte emoji, which is 2
    /// UTF-16 units and 1 character.
    ///
    /// ```
    /// use article_highlighter::{Config, Scanner, Unit};
    ///
    /// let config = Config::from_json(r#"{"actors": [{"id": "kabul", "aliases": ["Kabul"]}]}"#).unwrap();
    /// let scanner = Scanner::new(config).unwrap();
    /// let starts: Vec<usize> = [Unit::Bytes, Unit::Utf16, Unit::Chars]
    ///     .into_iter()
    ///     .map(|unit| scanner.scan("📍 Kabul", unit).mentions[0].span.start)
    ///     .collect();
    /// assert_eq!(starts, [5, 3, 2]);
    /// ```
    pub fn scan(&self, text: &str, unit: Unit) -> Report {
        let mentions = self.matcher.find(text);
        let quotes = quotes::find(text);
        let attributed = self.attributor.attribute(text, &quotes, &mentions, &self.config);
        Findings { text, mentions: &mentions, quotes: &quotes, attributed: &attributed }.report(&self.config, unit)
    }
}
