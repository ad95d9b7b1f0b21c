//! Actor lists as spreadsheet tables: CSV or TSV text, one actor a row.
//!
//! Journalists keep lists in spreadsheets, so a config can also be read from the table a
//! spreadsheet saves, and written back as one. The columns are those of an actor in a JSON config:
//!
//! ```text
//! id,name,kind,aliases,color,notes,patterns,caseSensitive
//! ```
//!
//! A header row is required; columns may come in any order, their names in any case, and all but
//! one of `id` and `name` may be left out. Reading is as forgiving as spreadsheets need:
//! - the separator is `,`, `;` (what Excel writes where the decimal point is a comma) or a tab,
//!   whichever splits the header row into the most cells (quotes respected);
//! - UTF-8 with or without a byte order mark; quoted cells with doubled quotes and line breaks
//!   inside; `\n` or `\r\n` line ends; rows where every cell is blank are skipped;
//! - every cell is trimmed of surrounding white space, but `patterns` (a regex may mean a space);
//! - `aliases` are separated by `|`, `patterns` by line breaks (a regex uses `|`); empty items
//!   are skipped, so a trailing `|` does no harm;
//! - a blank cell is an absent field: a blank `color` is the kind's default, a blank `kind` is
//!   `other`, a blank `caseSensitive` the automatic case rule (`true` and `false` in any case);
//! - a blank `id` is derived from the name as [`crate::ids`] says ("Imran Khan" → `imran-khan`,
//!   "U.S. Army" → `us-army`). If it collides with an id written in the table or derived before,
//!   it gets `-2`, `-3`, ... An id the table writes twice is an error, as in JSON.
//!
//! The rows are then read into the very document a JSON config is read into and validated the
//! same way, so every rule and message of the JSON path holds, with the row's line (the physical
//! line of the file its row starts on, from 1) in place of the actor: `line 7: field "kind":
//! unknown variant ...`. Nothing is returned but a whole config or the first error.
//!
//! Writing (export) gives CSV as RFC 4180 has it: `,` separators, cells quoted where they need it,
//! `\r\n` line ends, and a UTF-8 byte order mark first, without which Excel reads UTF-8 as the
//! local code page. Columns `id,name,kind,aliases,color,notes`, then `patterns` and
//! `caseSensitive` only when an actor has them, so that nothing of an actor is lost: reading the
//! written table gives back the same config. A list's own `name` and `notes` have no place in a
//! table and are not written. What a table cannot hold is refused, naming the actor: an alias
//! with `|` in it, a pattern with a line break, and a value with white space around it (which
//! reading would trim).
//!
//! ```
//! use article_highlighter::Config;
//!
//! let csv = "name,kind,aliases\nMuhammad Sadiq,person,Sadiq|Muhammad Sadiq\n\"Tehreek-e-Taliban Pakistan\",group,TTP\n";
//! let config = Config::from_table(csv.as_bytes()).unwrap();
//! let ids: Vec<&str> = config.actors.iter().map(|actor| actor.id.as_str()).collect();
//! assert_eq!(ids, ["muhammad-sadiq", "tehreek-e-taliban-pakistan"]);
//! assert_eq!(Config::from_table(config.to_table().unwrap().as_bytes()).unwrap(), config);
//! ```

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;

use csv_core::{ReadRecordResult, Reader, ReaderBuilder, Terminator, WriteResult, Writer, WriterBuilder};

use crate::config::{limits, Document, Entry, Flag, List, Location, Object, Text};
use crate::ids::DerivedIds;
use crate::{Config, ConfigError, Scanner};

/// The columns, as the header writes them.
const COLUMNS: [&str; 8] = ["id", "name", "kind", "aliases", "color", "notes", "patterns", "caseSensitive"];

/// A row of the table: its cells, as written.
type Record = Vec<String>;

/// What separates the aliases in a cell.
const ALIAS_SEPARATOR: char = '|';

/// Separators a table may use, in the order ties are broken.
const SEPARATORS: [u8; 3] = [b',', b';', b'\t'];

/// Read after the table, as a record of its own: if it comes back as one, every quote the table
/// opened was closed; if not, an open quote swallowed it. (The NUL byte cannot be in a table
/// that reaches the reader.)
const SENTINEL: &[u8] = b"\n\0";

/// What is wrong with a table, or why a config cannot be written as one. The message names the
/// line, as a spreadsheet numbers its rows; a config error inside the rows
/// ([`TableError::Config`]) is named by its row's line too.
///
/// ```
/// use article_highlighter::{Config, TableError};
///
/// let error = Config::from_table(b"name,colour\nSadiq,red\n").unwrap_err();
/// assert_eq!(error, TableError::UnknownColumn { name: "colour".to_owned() });
/// assert_eq!(
///     error.to_string(),
///     "line 1: unknown column \"colour\": the columns are id, name, kind, aliases, color, notes, patterns, caseSensitive"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TableError {
    /// Larger than [`limits::CONFIG_BYTES`].
    TooLarge {
        /// The table's size.
        bytes: usize,
    },
    /// UTF-16 text (a byte order mark says so), as Excel's "Unicode text" is.
    Utf16,
    /// A NUL byte: a binary file, not text.
    Binary {
        /// The line the byte is on, from 1.
        line: usize,
    },
    /// Bytes that are not UTF-8.
    NotUtf8 {
        /// The line of the first such byte, from 1.
        line: usize,
    },
    /// No header row.
    Empty,
    /// A quoted cell whose closing quote never comes; `line` is where its row starts.
    UnclosedQuote {
        /// The line, from 1.
        line: usize,
    },
    /// A header cell that names no column (on line 1).
    UnknownColumn {
        /// The cell as written.
        name: String,
    },
    /// A column named twice (on line 1).
    RepeatedColumn {
        /// The column's name.
        name: String,
    },
    /// A header with neither `id` nor `name`.
    NoNameColumn,
    /// A row with more or fewer cells than the header.
    ColumnCount {
        /// The row's line, from 1.
        line: usize,
        /// The row's cells.
        found: usize,
        /// The header's cells.
        expected: usize,
    },
    /// More rows than a config may have actors ([`limits::ACTORS`]); `line` is the first too many.
    TooManyRows {
        /// The line, from 1.
        line: usize,
    },
    /// A row with neither an id nor a name to derive one from.
    NoName {
        /// The row's line, from 1.
        line: usize,
    },
    /// The rows do not make a valid config; the error names the row's line where it is about one.
    Config(ConfigError),
    /// Writing: a value that a table cannot hold as it is.
    Unwritable {
        /// The actor.
        at: Location,
        /// The column the value belongs in.
        field: &'static str,
        /// The value.
        value: String,
        /// What in it a table cannot hold.
        reason: &'static str,
    },
}

impl TableError {
    /// The line of the table the error is about, from 1: for an editor that shows the row, or a
    /// message in a form of its own. None for an error about the whole table.
    ///
    /// ```
    /// use article_highlighter::Config;
    ///
    /// let error = Config::from_table(b"name,aliases\n\"Sadiq,Sadiq\n").unwrap_err();
    /// assert_eq!(error.line(), Some(2));
    /// assert_eq!(Config::from_table(b"").unwrap_err().line(), None);
    /// ```
    pub fn line(&self) -> Option<usize> {
        match self {
            TableError::Binary { line }
            | TableError::NotUtf8 { line }
            | TableError::UnclosedQuote { line }
            | TableError::ColumnCount { line, .. }
            | TableError::TooManyRows { line }
            | TableError::NoName { line } => Some(*line),
            TableError::UnknownColumn { .. } | TableError::RepeatedColumn { .. } | TableError::NoNameColumn => Some(1),
            TableError::Config(error) => error.line(),
            TableError::TooLarge { .. } | TableError::Empty | TableError::Utf16 | TableError::Unwritable { .. } => None,
        }
    }

    /// The message after `line N: ` (the whole message when it names no line), for a message that
    /// names the place its own way (`actors.csv:7: `, see `InFile`).
    pub(crate) fn reason(&self) -> TableReason<'_> {
        TableReason(self)
    }
}

/// The message of a [`TableError`] without its line (see [`TableError::reason`]).
pub(crate) struct TableReason<'a>(&'a TableError);

impl fmt::Display for TableReason<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            TableError::TooLarge { bytes } => {
                write!(f, "the table is too large: {bytes} bytes (the limit is {} bytes)", limits::CONFIG_BYTES)
            }
            TableError::Utf16 => f.write_str("the table is UTF-16 text: save it as CSV in UTF-8"),
            TableError::Binary { .. } => f.write_str("this is not a text table: it holds a NUL byte (a binary file?)"),
            TableError::NotUtf8 { .. } => f.write_str("the text is not UTF-8: save the table as CSV in UTF-8"),
            TableError::Empty => {
                write!(f, "the table is empty: it needs a header row such as {}", COLUMNS[..6].join(","))
            }
            TableError::UnclosedQuote { .. } => {
                f.write_str("a quoted cell in this row is never closed: its quote runs to the end of the table")
            }
            TableError::UnknownColumn { name } => {
                write!(f, "unknown column {name:?}: the columns are {}", COLUMNS.join(", "))
            }
            TableError::RepeatedColumn { name } => write!(f, "column {name:?} is named twice"),
            TableError::NoNameColumn => f.write_str("the header needs a \"name\" or an \"id\" column"),
            TableError::ColumnCount { found, expected, .. } => {
                write!(f, "{found} cells where the header has {expected}")
            }
            TableError::TooManyRows { .. } => {
                write!(f, "too many rows: a list holds at most {} actors", limits::ACTORS)
            }
            TableError::NoName { .. } => f.write_str("give a name (or an id)"),
            TableError::Config(error) if error.line().is_some() => write!(f, "{}", error.reason()),
            TableError::Config(error) => write!(f, "{error}"),
            TableError::Unwritable { at, field, value, reason } => {
                write!(f, "{at}: field {field:?}: {value:?} cannot be written to a table: {reason}")
            }
        }
    }
}

impl fmt::Display for TableError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line() {
            Some(line) => write!(f, "line {line}: {}", self.reason()),
            None => write!(f, "{}", self.reason()),
        }
    }
}

impl std::error::Error for TableError {}

/// A column of the table, by its field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Id,
    Name,
    Kind,
    Aliases,
    Color,
    Notes,
    Patterns,
    CaseSensitive,
}

const EVERY_COLUMN: [Column; 8] = [
    Column::Id,
    Column::Name,
    Column::Kind,
    Column::Aliases,
    Column::Color,
    Column::Notes,
    Column::Patterns,
    Column::CaseSensitive,
];

impl Column {
    fn name(self) -> &'static str {
        COLUMNS[self as usize]
    }

    fn named(name: &str) -> Option<Column> {
        EVERY_COLUMN.into_iter().find(|column| column.name().eq_ignore_ascii_case(name))
    }
}

impl Config {
    /// Reads a config from a table's bytes (see the [module](crate::table) documentation).
    ///
    /// ```
    /// use article_highlighter::Config;
    ///
    /// let csv = "name;kind;aliases\r\nMuhammad Sadiq;person;Muhammad Sadiq|Sadiq\r\nU.S. Army;;U.S. Army\r\n";
    /// let config = Config::from_table(csv.as_bytes()).unwrap();
    /// assert_eq!(config.actors[0].id, "muhammad-sadiq");
    /// assert_eq!(config.actors[0].aliases, ["Muhammad Sadiq", "Sadiq"]);
    /// assert_eq!(config.actors[1].id, "us-army");
    ///
    /// let error = Config::from_table(b"name,kind\nSadiq,persn\n").unwrap_err();
    /// assert_eq!(error.line(), Some(2));
    /// assert!(error.to_string().starts_with("line 2: field \"kind\": unknown variant `persn`"));
    /// ```
    pub fn from_table(bytes: &[u8]) -> Result<Config, TableError> {
        let text = decode(bytes)?;
        let records = records(text)?;
        let (header, rows) = records.split_first().ok_or(TableError::Empty)?;
        let columns = columns(&header.1)?;
        let rows: Vec<&(usize, Record)> =
            rows.iter().filter(|(_, record)| record.iter().any(|cell| !cell.trim().is_empty())).collect();
        let written: HashSet<&str> = rows.iter().filter_map(|(_, record)| cell(record, &columns, Column::Id)).collect();
        let mut ids = DerivedIds::new(written, "actor");
        let mut entries = Vec::with_capacity(rows.len());
        let mut lines = Vec::with_capacity(rows.len());
        for &(line, record) in &rows {
            if record.len() != columns.len() {
                return Err(TableError::ColumnCount { line: *line, found: record.len(), expected: columns.len() });
            }
            let id = match (cell(record, &columns, Column::Id), cell(record, &columns, Column::Name)) {
                (Some(id), _) => Cow::Borrowed(id),
                (None, Some(name)) => Cow::Owned(ids.derive(name)),
                (None, None) => return Err(TableError::NoName { line: *line }),
            };
            let at = Location::Actor { index: entries.len(), id: None, line: Some(*line) };
            entries.push(Object(entry(id, record, &columns, at)?));
            lines.push(*line);
        }
        let document = Document { name: None, notes: None, actors: List(entries) };
        let config = Config::validate(document).map_err(|e| TableError::Config(e.on_lines(&lines)))?;
        // Patterns are compiled here too, so that a bad one is named by its line as well.
        Scanner::check(&config).map_err(|e| TableError::Config(e.on_lines(&lines)))?;
        Ok(config)
    }

    /// Writes the config as CSV (see the [module](crate::table) documentation), for a
    /// spreadsheet: reading the table back gives the same config. Fails on a value a table cannot
    /// hold, such as an alias with `|` in it.
    ///
    /// ```
    /// use article_highlighter::Config;
    ///
    /// let config = Config::from_json(r#"{"actors": [{"id": "sadiq", "name": "Muhammad Sadiq", "kind": "person", "aliases": ["Muhammad Sadiq", "Sadiq"]}]}"#).unwrap();
    /// let csv = config.to_table().unwrap();
    /// assert_eq!(csv, "\u{feff}id,name,kind,aliases,color,notes\r\nsadiq,Muhammad Sadiq,person,Muhammad Sadiq|Sadiq,,\r\n");
    /// assert_eq!(Config::from_table(csv.as_bytes()).unwrap(), config);
    ///
    /// let config = Config::from_json(r#"{"actors": [{"id": "pti", "aliases": ["PTI | Insaf"]}]}"#).unwrap();
    /// let error = config.to_table().unwrap_err();
    /// assert_eq!(error.to_string(), r#"actor "pti": field "aliases": "PTI | Insaf" cannot be written to a table: "|" separates a table's aliases"#);
    /// ```
    pub fn to_table(&self) -> Result<String, TableError> {
        let mut columns = EVERY_COLUMN[..6].to_vec();
        if self.actors.iter().any(|actor| !actor.patterns.is_empty()) {
            columns.push(Column::Patterns);
        }
        if self.actors.iter().any(|actor| actor.case_sensitive().is_some()) {
            columns.push(Column::CaseSensitive);
        }
        let writer = WriterBuilder::new().terminator(Terminator::CRLF).build();
        let mut out = Csv { writer, bytes: "\u{feff}".into() };
        out.record(columns.iter().map(|column| column.name()));
        for (index, actor) in self.actors.iter().enumerate() {
            let at = Location::Actor { index, id: Some(actor.id.clone()), line: None };
            let unwritable = |field, value: &str, reason| TableError::Unwritable {
                at: at.clone(),
                field,
                value: value.to_owned(),
                reason,
            };
            let trimmed = |field, value: &str| {
                if value.trim() == value {
                    Ok(())
                } else {
                    Err(unwritable(field, value, "reading a table trims the white space around it"))
                }
            };
            trimmed("id", &actor.id)?;
            trimmed("name", &actor.name)?;
            for alias in &actor.aliases {
                trimmed("aliases", alias)?;
                if alias.contains(ALIAS_SEPARATOR) {
                    return Err(unwritable("aliases", alias, "\"|\" separates a table's aliases"));
                }
            }
            if let Some(pattern) = actor.patterns.iter().find(|p| p.contains(['\n', '\r'])) {
                return Err(unwritable("patterns", pattern, "line breaks separate a table's patterns"));
            }
            let notes = actor.notes.as_deref().unwrap_or_default();
            trimmed("notes", notes)?;
            let case = match actor.case_sensitive() {
                Some(true) => "true",
                Some(false) => "false",
                None => "",
            };
            let aliases = actor.aliases.join("|");
            let patterns = actor.patterns.join("\n");
            let cell = |column| match column {
                Column::Id => actor.id.as_str(),
                Column::Name => &actor.name,
                Column::Kind => actor.kind.as_str(),
                Column::Aliases => &aliases,
                Column::Color => actor.written_color().unwrap_or_default(),
                Column::Notes => notes,
                Column::Patterns => &patterns,
                Column::CaseSensitive => case,
            };
            out.record(columns.iter().map(|&column| cell(column)));
        }
        Ok(out.text())
    }
}

/// CSV being written: csv-core quotes each cell that needs it and ends each row.
struct Csv {
    writer: Writer,
    bytes: Vec<u8>,
}

impl Csv {
    fn record<'a>(&mut self, cells: impl Iterator<Item = &'a str>) {
        for (index, cell) in cells.enumerate() {
            if index > 0 {
                self.step(|writer, output| writer.delimiter(output));
            }
            let mut input = cell.as_bytes();
            loop {
                let mut output = [0; 256];
                let (result, read, wrote) = self.writer.field(input, &mut output);
                self.bytes.extend_from_slice(&output[..wrote]);
                input = &input[read..];
                if result == WriteResult::InputEmpty {
                    break;
                }
            }
        }
        self.step(|writer, output| writer.terminator(output));
    }

    /// Runs a step that writes a few bytes: a closing quote and a separator or a line end.
    fn step(&mut self, step: impl FnOnce(&mut Writer, &mut [u8]) -> (WriteResult, usize)) {
        let mut output = [0; 8];
        let (_, wrote) = step(&mut self.writer, &mut output);
        self.bytes.extend_from_slice(&output[..wrote]);
    }

    /// The text: the cells' UTF-8, with ASCII quotes, separators and line ends between.
    fn text(self) -> String {
        String::from_utf8_lossy(&self.bytes).into_owned()
    }
}

/// The table's text: UTF-8, without its byte order mark, and without NUL bytes (binary files
/// have them; text never does).
fn decode(bytes: &[u8]) -> Result<&str, TableError> {
    if bytes.len() > limits::CONFIG_BYTES {
        return Err(TableError::TooLarge { bytes: bytes.len() });
    }
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Err(TableError::Utf16);
    }
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let line = |offset: usize| 1 + bytes[..offset].iter().filter(|&&b| b == b'\n').count();
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(TableError::Binary { line: line(offset) });
    }
    std::str::from_utf8(bytes).map_err(|e| TableError::NotUtf8 { line: line(e.valid_up_to()) })
}

/// The table's records, each with the line it starts on, header first. Reading stops at the first
/// row past [`limits::ACTORS`], so a huge table is refused in the time of the limit.
fn records(text: &str) -> Result<Vec<(usize, Record)>, TableError> {
    let mut reader = reader(separator(text));
    // The text, then the sentinel; an empty input is the end, for csv-core.
    let mut chunks = [text.as_bytes(), SENTINEL].into_iter();
    let mut input: &[u8] = b"";
    let (mut fields, mut ends) = (vec![0; 1024], vec![0; 16]);
    let (mut field_bytes, mut field_count) = (0, 0);
    // Where the current record starts in the input, and the bytes read before `input`.
    let (mut start, mut offset) = (0, 0);
    let mut records = Vec::new();
    let (mut line, mut counted) = (1, 0);
    loop {
        while input.is_empty() {
            match chunks.next() {
                Some(chunk) => input = chunk,
                None => break,
            }
        }
        let (result, read, wrote, ended) =
            reader.read_record(input, &mut fields[field_bytes..], &mut ends[field_count..]);
        input = &input[read..];
        offset += read;
        field_bytes += wrote;
        field_count += ended;
        match result {
            ReadRecordResult::InputEmpty => {}
            ReadRecordResult::OutputFull => fields.resize(fields.len() * 2, 0),
            ReadRecordResult::OutputEndsFull => ends.resize(ends.len() * 2, 0),
            ReadRecordResult::End => break,
            ReadRecordResult::Record => {
                // A record's bytes begin with the blank lines before it, which the reader skips.
                let first = start.min(text.len());
                let first = first + text[first..].bytes().take_while(|b| matches!(b, b'\r' | b'\n')).count();
                line += text.as_bytes()[counted..first].iter().filter(|&&b| b == b'\n').count();
                counted = first;
                start = offset;
                // The cells split the UTF-8 text at ASCII bytes, so each is UTF-8.
                let mut cells = Vec::with_capacity(field_count);
                let mut from = 0;
                for &end in &ends[..field_count] {
                    cells.push(String::from_utf8_lossy(&fields[from..end]).into_owned());
                    from = end;
                }
                (field_bytes, field_count) = (0, 0);
                if cells.len() == 1 && cells[0].as_bytes() == &SENTINEL[1..] {
                    return Ok(records);
                }
                if records.len() > limits::ACTORS {
                    return Err(TableError::TooManyRows { line });
                }
                records.push((line, cells));
            }
        }
    }
    match records.last() {
        Some((line, _)) => Err(TableError::UnclosedQuote { line: *line }),
        None => Ok(records),
    }
}

/// csv-core's reader for `separator`: RFC 4180 quoting (a doubled quote inside quotes is one),
/// `\n` or `\r\n` ends, blank lines skipped.
fn reader(separator: u8) -> Reader {
    ReaderBuilder::new().delimiter(separator).build()
}

/// The separator that splits the header row into the most cells; `,` when none splits it.
fn separator(text: &str) -> u8 {
    let cells = |separator: u8| {
        let mut reader = reader(separator);
        // Only counted: each step may write over the last one's bytes.
        let (mut fields, mut ends) = ([0; 1024], [0; 64]);
        let (mut input, mut count) = (text.as_bytes(), 0);
        loop {
            let (result, read, _, ended) = reader.read_record(input, &mut fields, &mut ends);
            input = &input[read..];
            count += ended;
            // Once the input is empty, the next step reads its end.
            if matches!(result, ReadRecordResult::Record | ReadRecordResult::End) {
                return count;
            }
        }
    };
    // `max_by_key` keeps the last of equals: ties go to the earliest in SEPARATORS.
    SEPARATORS.into_iter().rev().max_by_key(|&separator| cells(separator)).unwrap_or(b',')
}

/// The header's columns, in order.
fn columns(header: &Record) -> Result<Vec<Column>, TableError> {
    let mut columns = Vec::with_capacity(header.len());
    for name in header.iter().map(|name| name.trim()) {
        let column = Column::named(name).ok_or_else(|| TableError::UnknownColumn { name: name.to_owned() })?;
        if columns.contains(&column) {
            return Err(TableError::RepeatedColumn { name: column.name().to_owned() });
        }
        columns.push(column);
    }
    if !columns.contains(&Column::Id) && !columns.contains(&Column::Name) {
        return Err(TableError::NoNameColumn);
    }
    Ok(columns)
}

/// A row's cell in `column` as written; none when the table has no such column.
fn raw<'a>(record: &'a Record, columns: &[Column], column: Column) -> Option<&'a str> {
    record.get(columns.iter().position(|&c| c == column)?).map(String::as_str)
}

/// A row's cell in `column`, trimmed; none when the table has no such column or the cell is blank.
fn cell<'a>(record: &'a Record, columns: &[Column], column: Column) -> Option<&'a str> {
    raw(record, columns, column).map(str::trim).filter(|cell| !cell.is_empty())
}

/// A row, as the config's document has an actor.
fn entry<'a>(id: Cow<'a, str>, record: &'a Record, columns: &[Column], at: Location) -> Result<Entry<'a>, TableError> {
    let cell = |column| cell(record, columns, column);
    let text = |column| cell(column).map(|value| Text(Cow::Borrowed(value)));
    let list = |items: &mut dyn Iterator<Item = &'a str>| {
        List(items.filter(|item| !item.is_empty()).map(|item| Text(item.into())).collect())
    };
    let case_sensitive = match cell(Column::CaseSensitive) {
        None => None,
        Some(value) if value.eq_ignore_ascii_case("true") => Some(Flag(true)),
        Some(value) if value.eq_ignore_ascii_case("false") => Some(Flag(false)),
        Some(value) => {
            return Err(TableError::Config(ConfigError::Invalid {
                at,
                field: Column::CaseSensitive.name().into(),
                reason: format!("{value:?} is not true or false"),
            }))
        }
    };
    // Patterns are the one cell not trimmed: a space in a regex means a space.
    let patterns = raw(record, columns, Column::Patterns).filter(|cell| !cell.trim().is_empty());
    Ok(Entry {
        id: Text(id),
        name: text(Column::Name),
        kind: cell(Column::Kind).map(|kind| Text(Cow::Owned(kind.to_lowercase()))),
        aliases: cell(Column::Aliases).map(|aliases| list(&mut aliases.split(ALIAS_SEPARATOR).map(str::trim))),
        patterns: patterns.map(|patterns| list(&mut patterns.lines())),
        color: text(Column::Color),
        case_sensitive,
        notes: text(Column::Notes),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{CaseRule, Kind};
    use proptest::prelude::*;

    fn read(text: &str) -> Result<Config, String> {
        Config::from_table(text.as_bytes()).map_err(|e| e.to_string())
    }

    fn err(text: &str) -> String {
        read(text).unwrap_err()
    }

    #[test]
    fn reads_what_spreadsheets_save() {
        // Excel in a comma-decimal locale: BOM, `;`, CRLF, a quoted cell with a doubled quote,
        // a `;` and a line break; header names in any case and order.
        let excel = "\u{feff}Name;ID;Kind;Aliases;Notes;Color\r\n\
                     Muhammad Sadiq;sadiq;Person;Muhammad Sadiq | Sadiq |;\"envoy; \"\"special\"\"\r\nrepresentative\";\r\n\
                     ;;;;;\r\n\
                     Tehreek-e-Taliban Pakistan;;group;TTP|Pakistani Taliban;;#c2255c\r\n";
        let config = read(excel).unwrap();
        assert_eq!(config.actors.len(), 2);
        let sadiq = &config.actors[0];
        assert_eq!((sadiq.id.as_str(), sadiq.name.as_str(), sadiq.kind), ("sadiq", "Muhammad Sadiq", Kind::Person));
        assert_eq!(sadiq.aliases, ["Muhammad Sadiq", "Sadiq"]);
        assert_eq!(sadiq.notes.as_deref(), Some("envoy; \"special\"\r\nrepresentative"));
        assert_eq!(sadiq.color, Kind::Person.default_color());
        let ttp = &config.actors[1];
        assert_eq!((ttp.id.as_str(), ttp.color.as_str()), ("tehreek-e-taliban-pakistan", "#c2255c"));
        // Tabs, and a header of one column.
        let tsv = read("name\taliases\tcaseSensitive\nTTP\tTTP\tTRUE\n").unwrap();
        assert_eq!((tsv.actors[0].id.as_str(), tsv.actors[0].case), ("ttp", CaseRule::Sensitive));
        assert_eq!(read("name\n").map(|c| c.actors.len()), Ok(0));
        // Patterns, one a line, untrimmed.
        let c = read("id,patterns\nx,\"\\bX\\d+\n Y \"\n").unwrap();
        assert_eq!(c.actors[0].patterns, ["\\bX\\d+", " Y "]);
    }

    #[test]
    fn derived_ids_are_unique_and_written_ones_must_be() {
        let c = read("id,name,aliases\n,U.S. Army,US Army\n,Imran  Khan,Khan\nimran-khan,Other Khan,O\n,Imran Khan,I\n,Пётр Иванов,Пётр\n,„…“,X\n")
            .unwrap();
        let ids: Vec<&str> = c.actors.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["us-army", "imran-khan-2", "imran-khan", "imran-khan-3", "пётр-иванов", "actor"]);
        assert_eq!(
            err("id,name,aliases\na,A,A\nb,B,B\na,C,C\n"),
            r#"line 4: field "id": "a" is already used by another actor"#
        );
        assert_eq!(err("id,name,aliases\n,,A\n"), "line 2: give a name (or an id)");
    }

    #[test]
    fn bad_tables_name_the_line() {
        assert_eq!(
            err("id,name,kind,aliases\nx,X,person,X\n\ny,Y,persn,Y\n"),
            "line 4: field \"kind\": unknown variant `persn`, expected one of `person`, `organization`, `state`, `group`, `place`, `other`"
        );
        assert_eq!(err("id,name,aliases\nx,\"X\nY\",X\ny,Y\n"), "line 4: 2 cells where the header has 3");
        assert_eq!(
            err("id,name,aliases\nx,X,X\ny,\"Y,Y\nz,Z,Z\n"),
            "line 3: a quoted cell in this row is never closed: its quote runs to the end of the table"
        );
        assert_eq!(
            err("id,name,colour\n"),
            "line 1: unknown column \"colour\": the columns are id, name, kind, aliases, color, notes, patterns, caseSensitive"
        );
        assert_eq!(err("id,Name,NAME\n"), "line 1: column \"name\" is named twice");
        assert_eq!(err("kind,aliases\n"), "line 1: the header needs a \"name\" or an \"id\" column");
        assert_eq!(err(""), "the table is empty: it needs a header row such as id,name,kind,aliases,color,notes");
        assert_eq!(
            err("\u{feff}\r\n"),
            "the table is empty: it needs a header row such as id,name,kind,aliases,color,notes"
        );
        assert_eq!(err("id,aliases\nx,\n"), r#"line 2: field "aliases": give at least one alias (or a pattern)"#);
        assert_eq!(err("id,aliases\nx,X\ny,Y|.\n"), r#"line 3: field "aliases": "." has no letter or digit"#);
        assert_eq!(
            err("id,aliases,color\nx,X,red\n"),
            r##"line 2: field "color": "red" is not a hex colour such as "#d33" or "#1971c2""##
        );
        assert_eq!(
            err("id,aliases,caseSensitive\nx,X,yes\n"),
            r#"line 2: field "caseSensitive": "yes" is not true or false"#
        );
        assert_eq!(err("id,patterns\nx,(\n"), r#"line 2: field "patterns": "(" is not a valid regex: unclosed group"#);
        assert_eq!(
            err("id,aliases\nx,X\n\u{0}\n"),
            "line 3: this is not a text table: it holds a NUL byte (a binary file?)"
        );
        let latin1 = b"id,aliases\nx,Caf\xe9\n";
        assert_eq!(
            Config::from_table(latin1).unwrap_err().to_string(),
            "line 2: the text is not UTF-8: save the table as CSV in UTF-8"
        );
        assert_eq!(Config::from_table(b"\xff\xfei\0d\0").unwrap_err(), TableError::Utf16);
    }

    #[test]
    fn a_huge_table_is_refused_at_the_limit() {
        let mut table = String::from("id,aliases\n");
        for i in 0..50_000 {
            table.push_str(&format!("a{i},A{i}\n"));
        }
        let started = std::time::Instant::now();
        assert_eq!(err(&table), "line 20002: too many rows: a list holds at most 20000 actors");
        assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
        let at_limit: String = table.lines().take(20_001).map(|l| format!("{l}\n")).collect();
        assert_eq!(read(&at_limit).map(|c| c.actors.len()), Ok(20_000));
    }

    #[test]
    fn writes_csv_for_spreadsheets() {
        let config = Config::from_json(
            r##"{"name":"L","actors":[{"id":"sadiq","name":"Muhammad \"Mo\" Sadiq","kind":"person","aliases":["Sadiq","Sadiq, M."],"notes":"envoy\nto Kabul"},
                {"id":"ttp","kind":"group","aliases":["TTP"],"color":"#123"}]}"##,
        )
        .unwrap();
        let table = config.to_table().unwrap();
        assert_eq!(
            table,
            "\u{feff}id,name,kind,aliases,color,notes\r\n\
             sadiq,\"Muhammad \"\"Mo\"\" Sadiq\",person,\"Sadiq|Sadiq, M.\",,\"envoy\nto Kabul\"\r\n\
             ttp,ttp,group,TTP,#123,\r\n"
        );
        let read_back = Config::from_table(table.as_bytes()).unwrap();
        assert_eq!(read_back.actors, config.actors);
        let with_patterns =
            Config::from_json(r#"{"actors":[{"id":"x","patterns":["X\\d","Y|Z"],"caseSensitive":true}]}"#).unwrap();
        let table = with_patterns.to_table().unwrap();
        assert_eq!(
            table,
            "\u{feff}id,name,kind,aliases,color,notes,patterns,caseSensitive\r\nx,x,other,,,,\"X\\d\nY|Z\",true\r\n"
        );
        assert_eq!(Config::from_table(table.as_bytes()).unwrap(), with_patterns);
    }

    #[test]
    fn what_a_table_cannot_hold_is_refused() {
        let refused = |json: &str| Config::from_json(json).unwrap().to_table().unwrap_err().to_string();
        assert_eq!(
            refused(r#"{"actors":[{"id":"x","aliases":["X|Y"]}]}"#),
            r#"actor "x": field "aliases": "X|Y" cannot be written to a table: "|" separates a table's aliases"#
        );
        assert_eq!(
            refused(r#"{"actors":[{"id":"x","aliases":["X "]}]}"#),
            r#"actor "x": field "aliases": "X " cannot be written to a table: reading a table trims the white space around it"#
        );
        assert_eq!(
            refused(r#"{"actors":[{"id":"x","patterns":["X\nY"]}]}"#),
            r#"actor "x": field "patterns": "X\nY" cannot be written to a table: line breaks separate a table's patterns"#
        );
    }

    #[test]
    fn the_fixture_configs_survive_a_table() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/");
        for path in ["tests/browser/fixtures/world-actors.json", "www/demo/actors.json"] {
            let Ok(json) = std::fs::read_to_string(format!("{dir}{path}")) else { panic!("{path} is absent") };
            let config = Config::from_json(&json).unwrap();
            let table = config.to_table().unwrap();
            assert!(Config::from_table(table.as_bytes()).unwrap().actors == config.actors, "{path}");
        }
    }

    /// Strings a table must keep as they are: any text but white space around it, with the
    /// characters that need quoting, and letters of other scripts.
    fn value() -> impl Strategy<Value = String> {
        "[a-zA-Zé中ك0-9]([a-zA-Z 0-9,;\"\t\r\nπ؛é中ك'-]{0,12}[a-zA-Z0-9é中ك])?"
    }

    fn actor() -> impl Strategy<Value = serde_json::Value> {
        (
            value(),
            value(),
            prop::sample::select(Kind::ALL.map(Kind::as_str).to_vec()),
            prop::collection::vec("[a-zA-Z中]([a-zA-Z é\"中,]{0,6}[a-zA-Z中])?", 1..4),
            prop::option::of(prop::sample::select(vec!["#d33", "#1971c2", "#2f9e44"])),
            prop::option::of(value()),
            prop::option::of(any::<bool>()),
        )
            .prop_map(|(id, name, kind, aliases, color, notes, case)| {
                serde_json::json!({"id": id, "name": name, "kind": kind, "aliases": aliases, "color": color,
                                   "notes": notes, "caseSensitive": case})
            })
    }

    proptest! {
        // The cases that failed once are kept under tests/, where the crate's test data lives.
        #![proptest_config(ProptestConfig {
            failure_persistence: Some(Box::new(proptest::test_runner::FileFailurePersistence::Direct("tests/regressions/table.txt"))),
            ..ProptestConfig::with_cases(300)
        })]

        #[test]
        fn a_written_table_reads_back_as_the_config(actors in prop::collection::vec(actor(), 0..6)) {
            let mut seen = HashSet::new();
            let actors: Vec<_> = actors.into_iter().filter(|a| seen.insert(a["id"].as_str().unwrap().to_owned())).collect();
            let config = Config::from_json(&serde_json::json!({"actors": actors}).to_string()).unwrap();
            let table = config.to_table().unwrap();
            prop_assert_eq!(Config::from_table(table.as_bytes()).unwrap().actors, config.actors);
        }
    }
}
