//! The actor list a run reads (`--config`), as JSON or as a table (CSV or TSV, see the library's
//! `table` module), and `article-highlighter config`, which converts one into the other.
//!
//! The format is the file's extension's: `.json` is JSON; `.csv`, `.tsv` and `.txt` (what
//! spreadsheets save tab-separated text as) are tables. A file with another extension or none is
//! JSON when its first character other than white space (and a byte order mark) is `{`, as every
//! JSON config's is, and a table otherwise.

use std::fmt;
use std::fs;
use std::path::Path;

use article_highlighter::{Config, ConfigError, TableError};

use crate::sources::check_size;
use crate::CliError;

/// How a list is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListFormat {
    Json,
    /// CSV or TSV.
    Table,
}

impl ListFormat {
    /// `--to`'s values.
    pub fn parse(text: &str) -> Result<ListFormat, String> {
        match text {
            "json" => Ok(ListFormat::Json),
            "csv" => Ok(ListFormat::Table),
            _ => Err(format!("unknown list format {text:?} (use json or csv)")),
        }
    }

    /// The format of the list in `bytes`, read from `path`.
    fn of(path: &Path, bytes: &[u8]) -> ListFormat {
        let extension = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
        match extension.as_deref() {
            Some("json") => ListFormat::Json,
            Some("csv" | "tsv" | "txt") => ListFormat::Table,
            _ => {
                let text = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
                match text.iter().find(|b| !b.is_ascii_whitespace()) {
                    Some(b'{') => ListFormat::Json,
                    _ => ListFormat::Table,
                }
            }
        }
    }
}

/// Why a list cannot be used, in the words of the format it was read as.
#[derive(Debug)]
pub enum ListError {
    Config(ConfigError),
    Table(TableError),
}

/// A list's error, after its file's name: `actors.csv:7: ...` where it is about a line of a
/// table, as compilers name a line.
pub struct InFile<'a> {
    pub path: &'a str,
    pub error: &'a ListError,
}

impl fmt::Display for InFile<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path;
        match self.error {
            ListError::Table(error) => match error.line() {
                Some(line) => write!(f, "{path}:{line}: {}", error.reason()),
                None => write!(f, "{path}: {error}"),
            },
            ListError::Config(error) => write!(f, "{path}: {error}"),
        }
    }
}

fn list_error(path: &Path) -> impl Fn(ListError) -> CliError + '_ {
    move |error| CliError::Config { path: path.display().to_string(), error: Box::new(error) }
}

/// Reads and validates the list at `path`.
pub fn load(path: &Path) -> Result<Config, CliError> {
    check_size(path)?;
    let bytes = fs::read(path).map_err(|error| CliError::Read { path: path.display().to_string(), error })?;
    match ListFormat::of(path, &bytes) {
        ListFormat::Table => Config::from_table(&bytes).map_err(|e| list_error(path)(ListError::Table(e))),
        ListFormat::Json => {
            // The words of `fs::read_to_string`, which reads every other file.
            let text = String::from_utf8(bytes).map_err(|_| CliError::Read {
                path: path.display().to_string(),
                error: std::io::Error::new(std::io::ErrorKind::InvalidData, "stream did not contain valid UTF-8"),
            })?;
            Config::from_json(&text).map_err(|e| list_error(path)(ListError::Config(e)))
        }
    }
}

/// `config --to FORMAT`: the list at `path`, written in `format`.
pub fn convert(path: &Path, format: ListFormat) -> Result<String, CliError> {
    let config = load(path)?;
    article_highlighter::Scanner::check(&config).map_err(|e| list_error(path)(ListError::Config(e)))?;
    match format {
        // Two-space indents, as the README's examples; the starter lists are written the same.
        ListFormat::Json => Ok(serde_json::to_string_pretty(&config).unwrap_or_default() + "\n"),
        ListFormat::Table => config.to_table().map_err(|e| list_error(path)(ListError::Table(e))),
    }
}
