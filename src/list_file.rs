//! An actor list saved as a file: JSON or a table (CSV or TSV, see the [`table`](crate::table)
//! module), told apart as every host tells them apart, and its errors named by the file.
//!
//! The format is the file's extension's: `.json` is JSON; `.csv`, `.tsv` and `.txt` (what
//! spreadsheets save tab-separated text as) are tables. A file with another extension or none is
//! JSON when its first character other than white space (and a byte order mark) is `{`, as every
//! JSON config's is, and a table otherwise. The library never opens files (it also runs in the
//! browser): a host reads the bytes and passes them with the file's path.
//!
//! ```
//! use std::path::Path;
//! use article_highlighter::list_file::InFile;
//! use article_highlighter::Config;
//!
//! let path = Path::new("desk.tsv");
//! let bytes = b"name\tkind\taliases\nMuhammad Sadiq\tperson\tSadiq\n";
//! let config = Config::from_list_file(path, bytes).map_err(|error| InFile { path: "desk.tsv", error: &error }.to_string());
//! assert_eq!(config.unwrap().actors[0].id, "muhammad-sadiq");
//! ```

use std::fmt;
use std::path::Path;

use crate::{Config, ConfigError, TableError};

/// How an actor list is written: for a host that shows or keeps the format, such as a converter
/// that writes the other one.
///
/// ```
/// use std::path::Path;
/// use article_highlighter::list_file::ListFormat;
///
/// let bytes = b"{\"actors\": [{\"id\": \"un\", \"aliases\": [\"UN\"]}]}";
/// let target = match ListFormat::of(Path::new("desk.list"), bytes) {
///     ListFormat::Json => "csv",
///     ListFormat::Table => "json",
/// };
/// assert_eq!(target, "csv");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListFormat {
    /// A JSON config.
    Json,
    /// CSV or TSV.
    Table,
}

impl ListFormat {
    /// The format of the list in `bytes`, read from the file at `path`.
    ///
    /// ```
    /// use std::path::Path;
    /// use article_highlighter::list_file::ListFormat;
    ///
    /// assert_eq!(ListFormat::of(Path::new("actors.TSV"), b"{"), ListFormat::Table);
    /// assert_eq!(ListFormat::of(Path::new("actors"), b" \n{\"actors\": []}"), ListFormat::Json);
    /// assert_eq!(ListFormat::of(Path::new("actors"), b"id,name"), ListFormat::Table);
    /// ```
    pub fn of(path: &Path, bytes: &[u8]) -> ListFormat {
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

/// Why a list file cannot be used, in the words of the format it was read as.
///
/// ```
/// use std::path::Path;
/// use article_highlighter::list_file::ListError;
/// use article_highlighter::Config;
///
/// let error = Config::from_list_file(Path::new("desk.json"), b"\xff{}").unwrap_err();
/// assert_eq!(error, ListError::NotUtf8);
/// assert_eq!(error.to_string(), "the JSON is not UTF-8: save it in UTF-8");
///
/// let error = Config::from_list_file(Path::new("desk.csv"), b"").unwrap_err();
/// assert!(matches!(error, ListError::Table(_)));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ListError {
    /// A JSON list that is not UTF-8 text (a table says which line is not).
    NotUtf8,
    /// A JSON list that is not a valid config.
    Config(ConfigError),
    /// A table that is not a valid list.
    Table(TableError),
}

impl fmt::Display for ListError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ListError::NotUtf8 => f.write_str("the JSON is not UTF-8: save it in UTF-8"),
            ListError::Config(error) => write!(f, "{error}"),
            ListError::Table(error) => write!(f, "{error}"),
        }
    }
}

impl std::error::Error for ListError {}

/// A list's error after its file's name: `actors.csv:7: ...` where it is about a line of a
/// table, as compilers name a line, else `actors.json: ...`. Editors and terminals make such a
/// place a link to the line.
///
/// ```
/// use std::path::Path;
/// use article_highlighter::list_file::InFile;
/// use article_highlighter::Config;
///
/// let error = Config::from_list_file(Path::new("desk.json"), br#"{"actors": [{"id": "un"}]}"#).unwrap_err();
/// let message = InFile { path: "desk.json", error: &error }.to_string();
/// assert_eq!(message, r#"desk.json: actor "un": field "aliases": give at least one alias (or a pattern)"#);
///
/// let error = Config::from_list_file(Path::new("desk.csv"), b"id,aliases\nun,\n").unwrap_err();
/// let message = InFile { path: "desk.csv", error: &error }.to_string();
/// assert_eq!(message, r#"desk.csv:2: field "aliases": give at least one alias (or a pattern)"#);
/// ```
pub struct InFile<'a> {
    /// The file, as the user named it.
    pub path: &'a str,
    /// What is wrong with it.
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
            error => write!(f, "{path}: {error}"),
        }
    }
}

impl Config {
    /// Reads and validates the list in `bytes`, the contents of the file at `path`, in the
    /// format [`ListFormat::of`] says.
    ///
    /// ```
    /// use std::path::Path;
    /// use article_highlighter::list_file::InFile;
    /// use article_highlighter::Config;
    ///
    /// let config = Config::from_list_file(Path::new("desk.csv"), b"name,aliases\nUnited Nations,UN|United Nations\n");
    /// assert_eq!(config.unwrap().actors[0].id, "united-nations");
    ///
    /// let error = Config::from_list_file(Path::new("desk.csv"), b"name,kind\nSadiq,persn\n").unwrap_err();
    /// let message = InFile { path: "desk.csv", error: &error }.to_string();
    /// assert!(message.starts_with("desk.csv:2: field \"kind\": unknown variant `persn`"));
    /// ```
    pub fn from_list_file(path: &Path, bytes: &[u8]) -> Result<Config, ListError> {
        match ListFormat::of(path, bytes) {
            ListFormat::Table => Config::from_table(bytes).map_err(ListError::Table),
            ListFormat::Json => {
                let text = std::str::from_utf8(bytes).map_err(|_| ListError::NotUtf8)?;
                Config::from_json(text).map_err(ListError::Config)
            }
        }
    }
}
