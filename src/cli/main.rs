//! The command-line host of the core:
//! - `article-highlighter scan` reports on text files and HTML pages (a folder: every page in it),
//!   as JSON lines or CSV, for a site's index of actors and quotes, or as one who-about-whom table
//!   for them all (CSV, or the research site's HTML page);
//! - `article-highlighter render` writes a page pre-rendered: highlighted, with a static sidebar;
//! - `article-highlighter eval DIR` scores quotes and speakers against an annotated corpus;
//! - `article-highlighter config --to csv LIST` converts an actor list between JSON and a table.
//!
//! It reads arguments (with clap, whose derived parser gives `--help`, `--version`,
//! `--option=value`, `--` before paths that look like options, suggestions for typos, and a
//! usage error with status 2 for what it cannot read) and files, and calls the library. A page
//! is read as the in-browser shim reads it (`page`, a port of the shim's text model and article
//! finder) and written back by `render`; `sources` says which files a run reads, `lists` how the
//! actor list is read, `index` what `scan` prints (`about` its who-about-whom table).

mod about;
mod eval;
mod index;
mod lists;
mod names;
mod progress;
mod render;
mod sources;

use std::fmt;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use article_highlighter::list_file::{InFile, ListError, ListFormat};
use article_highlighter::page::text::TextModel;
use article_highlighter::page::Page;
use article_highlighter::{Scanner, Unit};
use clap::{Args, Parser, Subcommand};
use scraper::Selector;

use index::{Format, Index};
use progress::Progress;
use render::RenderError;
use sources::{Kind, MAX_FILE_BYTES};

/// Highlights actors and quoted statements in news articles.
#[derive(Parser)]
#[command(name = "article-highlighter", version, arg_required_else_help = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Reports the actors and quotes in text files, HTML pages and folders of pages.
    ///
    /// Scans each PATH for the actors in CONFIG and for quotes. A PATH is a text file, an HTML
    /// page (.html or .htm: the article on it, found as the in-browser highlighter finds it), or
    /// a folder (every page in it and in its folders, in name order). Prints one JSON report per
    /// line, {"file": PATH, "unit": ..., "mentions": [...], "quotes": [...], "actors": [...]}, or
    /// with --format csv one row per mention and per quote. --format who-about-whom prints one
    /// CSV table for all the files: the named speakers down the side, the actors their statements
    /// are about across, the number of such statements in each cell; --format html prints that
    /// table as a page whose counts link to their statements. On a terminal, stderr shows a
    /// progress bar.
    Scan(Scan),
    /// Prints a page with its highlights and a static sidebar, for readers without JavaScript.
    ///
    /// Prints PAGE with its actors and quotes highlighted and a sidebar listing them, in plain
    /// HTML that needs no JavaScript; where the page loads the highlighter's module, it takes over.
    Render(Render),
    /// Scores quote detection and speaker attribution against an annotated corpus.
    ///
    /// Reads a corpus in PolNeAR's layout (DIR/text/*.txt, DIR/attributions/*.ann) and prints
    /// quote precision, recall and F1, speaker accuracy, and a breakdown by rule and by error kind.
    Eval(Eval),
    /// Checks an actor list and prints it as JSON or as a CSV table.
    ///
    /// Reads LIST as --config does (JSON, or a CSV or TSV table, by its extension or else its
    /// content) and prints it in the format asked for: JSON with two-space indents, or CSV as
    /// spreadsheets open it (UTF-8 with a byte order mark, CRLF line ends, aliases separated by
    /// "|"). A list's own name and notes have no place in a table.
    Config(ConvertList),
}

/// What `scan` and `render` read: the actors, and which part of a page.
#[derive(Args)]
struct Input {
    /// The actors to find: a JSON config, or a CSV or TSV table (.csv, .tsv, .txt)
    #[arg(long, value_name = "CONFIG")]
    config: PathBuf,
    /// Read the first element this CSS selector matches on a page, instead of the article found
    #[arg(long, value_name = "SELECTOR", value_parser = Root::parse)]
    root: Option<Root>,
}

#[derive(Args)]
struct Scan {
    #[command(flatten)]
    input: Input,
    /// The unit of the offsets: utf16 (JavaScript string indices), chars or bytes
    #[arg(long = "offsets", value_name = "UNIT", default_value = "utf16", value_parser = str::parse::<Unit>)]
    unit: Unit,
    /// The output: json (a report per line), csv (a row per mention and per quote), or the
    /// who-about-whom table of all the files: who-about-whom (CSV) or html (a page)
    #[arg(long, value_name = "FORMAT", default_value = "json", value_parser = str::parse::<Format>)]
    format: Format,
    /// Text files, HTML pages (.html, .htm) and folders of pages
    #[arg(value_name = "PATH", required = true)]
    paths: Vec<PathBuf>,
}

#[derive(Args)]
struct Render {
    #[command(flatten)]
    input: Input,
    /// The HTML page
    #[arg(value_name = "PAGE")]
    page: PathBuf,
}

#[derive(Args)]
struct Eval {
    /// List every miss with its context
    #[arg(long)]
    errors: bool,
    /// The corpus: DIR/text/*.txt and DIR/attributions/*.ann
    #[arg(value_name = "DIR")]
    dir: PathBuf,
}

#[derive(Args)]
struct ConvertList {
    /// The format to print: json or csv
    #[arg(long, value_name = "FORMAT", value_parser = lists::parse_format)]
    to: ListFormat,
    /// The actor list: JSON, or a CSV or TSV table
    #[arg(value_name = "LIST")]
    list: PathBuf,
}

/// Why a run that clap accepted failed. Each prints as one line on stderr, and the process exits
/// with status 2, as it does for clap's usage errors.
#[derive(Debug)]
pub enum CliError {
    Read { path: String, error: io::Error },
    TooLarge { path: String, bytes: u64 },
    Config { path: String, error: Box<ListError> },
    NoRoot { path: String, selector: String },
    Render { path: String, error: RenderError },
    Eval(eval::EvalError),
    Write(io::Error),
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CliError::Read { path, error } => write!(f, "cannot read {path}: {error}"),
            CliError::TooLarge { path, bytes } => {
                write!(f, "cannot read {path}: {bytes} bytes is larger than the {MAX_FILE_BYTES}-byte limit")
            }
            CliError::Config { path, error } => write!(f, "{}", InFile { path, error }),
            CliError::NoRoot { path, selector } => {
                write!(f, "{path}: no element matches the root selector {selector:?}")
            }
            CliError::Render { path, error } => write!(f, "{path}: {error}"),
            CliError::Eval(e) => write!(f, "eval: {e}"),
            CliError::Write(e) => write!(f, "cannot write output: {e}"),
        }
    }
}

/// `--root`: a CSS selector, and how it was written.
#[derive(Clone)]
struct Root {
    text: String,
    selector: Selector,
}

impl Root {
    fn parse(text: &str) -> Result<Root, String> {
        let selector = Selector::parse(text).map_err(|e| format!("not a CSS selector: {e}"))?;
        Ok(Root { text: text.to_owned(), selector })
    }
}

fn load_scanner(path: &Path) -> Result<Scanner, CliError> {
    let config = lists::load(path)?;
    Scanner::new(config).map_err(|error| CliError::Config {
        path: path.display().to_string(),
        error: Box::new(ListError::Config(error)),
    })
}

/// The text of `page` that is scanned: under `--root` if given, else the article's.
fn page_text(page: &Page, root: Option<&Root>, path: &str) -> Result<TextModel, CliError> {
    let element = match root {
        Some(root) => Some(
            page.select(&root.selector)
                .ok_or_else(|| CliError::NoRoot { path: path.to_owned(), selector: root.text.clone() })?,
        ),
        None => None,
    };
    Ok(page.article_text(element))
}

/// Every path is checked before anything is printed, so a wrong one fails the run at once; a
/// file that turns out unreadable (not UTF-8, say) stops the run where it is.
fn scan(args: Scan) -> Result<(), CliError> {
    let scanner = load_scanner(&args.input.config)?;
    let sources = sources::expand(&args.paths)?;
    let mut index = Index::new(io::BufWriter::new(io::stdout().lock()), args.format).map_err(CliError::Write)?;
    let mut progress = Progress::new(sources.len());
    for source in &sources {
        let name = source.name();
        progress.step(&name);
        let text = sources::read(&source.path)?;
        let report = match source.kind {
            Kind::Text => scanner.scan(&text, args.unit),
            Kind::Page => {
                scanner.scan(&page_text(&Page::parse(&text), args.input.root.as_ref(), &name)?.text, args.unit)
            }
        };
        index.add(&name, &report).map_err(CliError::Write)?;
    }
    index.finish().map_err(CliError::Write)
}

fn render(args: Render) -> Result<(), CliError> {
    let scanner = load_scanner(&args.input.config)?;
    let path = args.page.display().to_string();
    let page = Page::parse(&sources::read(&args.page)?);
    let model = page_text(&page, args.input.root.as_ref(), &path)?;
    // Bytes: the spans index the text nodes themselves (see page::text).
    let report = scanner.scan(&model.text, Unit::Bytes);
    let html = render::render(page, &model, &report).map_err(|error| CliError::Render { path, error })?;
    io::stdout().lock().write_all(html.as_bytes()).map_err(CliError::Write)
}

fn eval(args: Eval) -> Result<(), CliError> {
    let report = eval::run(&args.dir, args.errors).map_err(CliError::Eval)?;
    io::stdout().lock().write_all(report.as_bytes()).map_err(CliError::Write)
}

fn main() -> ExitCode {
    // A usage error exits here, with clap's message and status 2; so do --help and --version,
    // with status 0.
    let result = match Cli::parse().command {
        Command::Scan(args) => scan(args),
        Command::Render(args) => render(args),
        Command::Eval(args) => eval(args),
        Command::Config(args) => lists::convert(&args.list, args.to)
            .and_then(|list| io::stdout().lock().write_all(list.as_bytes()).map_err(CliError::Write)),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("article-highlighter: {e}");
            ExitCode::from(2)
        }
    }
}
