//! What the command line reads: the files named, and for `scan` every page (`*.html`, `*.htm`)
//! in the folders named, found recursively, in name order. A file named `.html` or `.htm` (in any
//! case) is a page; any other is plain text. Links to files are followed, links to folders are
//! not, so a folder that links back to itself is read once.

use std::fs;
use std::path::{Path, PathBuf};

use crate::CliError;

/// Files larger than this are refused rather than read into memory.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// How a file is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Scanned as it is.
    Text,
    /// Parsed, and its article's text scanned.
    Page,
}

/// A file to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub path: PathBuf,
    pub kind: Kind,
}

impl Source {
    fn of(path: PathBuf) -> Source {
        let kind = if is_page(&path) { Kind::Page } else { Kind::Text };
        Source { path, kind }
    }

    /// The path as printed in reports and messages.
    pub fn name(&self) -> String {
        self.path.display().to_string()
    }
}

fn is_page(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"))
}

fn read_error(path: &Path) -> impl FnOnce(std::io::Error) -> CliError + '_ {
    move |error| CliError::Read { path: path.display().to_string(), error }
}

/// The files that `paths` name, folders expanded to the pages in them. Each is checked to be
/// there and not too large, so that a wrong path fails the run before anything is printed.
pub fn expand(paths: &[PathBuf]) -> Result<Vec<Source>, CliError> {
    let mut sources = Vec::new();
    for path in paths.iter().cloned() {
        if fs::metadata(&path).map_err(read_error(&path))?.is_dir() {
            pages_under(&path, &mut sources)?;
        } else {
            check_size(&path)?;
            sources.push(Source::of(path));
        }
    }
    Ok(sources)
}

fn pages_under(dir: &Path, sources: &mut Vec<Source>) -> Result<(), CliError> {
    let mut entries = fs::read_dir(dir)
        .map_err(read_error(dir))?
        .map(|entry| entry.map(|e| e.path()))
        .collect::<Result<Vec<_>, _>>()
        .map_err(read_error(dir))?;
    entries.sort();
    for path in entries {
        let link = fs::symlink_metadata(&path).map_err(read_error(&path))?.file_type().is_symlink();
        let metadata = fs::metadata(&path).map_err(read_error(&path))?;
        if metadata.is_dir() && !link {
            pages_under(&path, sources)?;
        } else if metadata.is_file() && is_page(&path) {
            check_size(&path)?;
            sources.push(Source::of(path));
        }
    }
    Ok(())
}

pub fn check_size(path: &Path) -> Result<(), CliError> {
    let bytes = fs::metadata(path).map_err(read_error(path))?.len();
    if bytes > MAX_FILE_BYTES {
        return Err(CliError::TooLarge { path: path.display().to_string(), bytes });
    }
    Ok(())
}

/// The text of the file at `path`, which must be UTF-8.
pub fn read(path: &Path) -> Result<String, CliError> {
    check_size(path)?;
    fs::read_to_string(path).map_err(read_error(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_give_their_pages_recursively_in_name_order() {
        let dir = std::env::temp_dir().join(format!("article-highlighter-sources-{}", std::process::id()));
        for (name, text) in [("b.HTM", "x"), ("a/z.html", "x"), ("a/notes.txt", "x"), ("c.html", "x")] {
            let path = dir.join(name);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, text).unwrap();
        }
        let notes = dir.join("a/notes.txt");
        let found = expand(&[dir.clone(), notes]).unwrap();
        let names: Vec<(String, Kind)> =
            found.iter().map(|s| (s.path.strip_prefix(&dir).unwrap().display().to_string(), s.kind)).collect();
        assert_eq!(
            names,
            [
                ("a/z.html".into(), Kind::Page),
                ("b.HTM".into(), Kind::Page),
                ("c.html".into(), Kind::Page),
                ("a/notes.txt".into(), Kind::Text)
            ]
        );
        assert!(matches!(expand(&[dir.join("missing")]), Err(CliError::Read { .. })));
        fs::remove_dir_all(dir).unwrap();
    }
}
