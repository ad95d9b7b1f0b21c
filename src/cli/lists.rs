//! The actor list a run reads (`--config`), as JSON or as a table, told apart as the library's
//! `list_file` module says, and `article-highlighter config`, which converts one into the other.

use std::fs;
use std::path::Path;

use article_highlighter::list_file::{ListError, ListFormat};
use article_highlighter::Config;

use crate::sources::check_size;
use crate::CliError;

/// `--to`'s values.
pub fn parse_format(text: &str) -> Result<ListFormat, String> {
    match text {
        "json" => Ok(ListFormat::Json),
        "csv" => Ok(ListFormat::Table),
        _ => Err(format!("unknown list format {text:?} (use json or csv)")),
    }
}

fn list_error(path: &Path) -> impl Fn(ListError) -> CliError + '_ {
    move |error| CliError::Config { path: path.display().to_string(), error: Box::new(error) }
}

/// Reads and validates the list at `path`.
pub fn load(path: &Path) -> Result<Config, CliError> {
    check_size(path)?;
    let bytes = fs::read(path).map_err(|error| CliError::Read { path: path.display().to_string(), error })?;
    Config::from_list_file(path, &bytes).map_err(list_error(path))
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
