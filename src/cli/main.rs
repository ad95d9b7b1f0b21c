//! The command-line host of the core:
//! - `article-highlighter scan` reports on text files and HTML pages (a folder: every page in it),
//!   as JSON lines or CSV, for a site's index of actors and quotes;
//! - `article-highlighter render` writes a page pre-rendered: highlighted, with a static sidebar;
//! - `article-highlighter eval DIR` scores quotes and speakers against an annotated corpus.
//!
//! It reads arguments and files and calls the library. A page is read as the in-browser shim
//! reads it (`page`, a port of the shim's text model and article finder) and written back by
//! `render`; `sources` says which files a run reads, `index` what `scan` prints.

mod eval;
mod index;
mod names;
mod page;
mod progress;
mod render;
mod sources;

use std::fmt;
use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use article_highlighter::{Config, ConfigError, Scanner, Unit, UnknownUnit};
use scraper::Selector;

use index::{Format, Index, UnknownFormat};
use page::text::TextModel;
use page::Page;
use progress::Progress;
use render::RenderError;
use sources::{Kind, MAX_FILE_BYTES};

const USAGE: &str = "\
usage: article-highlighter scan --config CONFIG [--offsets utf16|chars|bytes] [--format json|csv]
                                [--root SELECTOR] PATH...
       article-highlighter render --config CONFIG [--root SELECTOR] PAGE > OUT.html
       article-highlighter eval [--errors] DIR

scan: scans each PATH for the actors in CONFIG (JSON) and for quotes. A PATH is a text file, an
HTML page (.html or .htm: the article on it, found as the in-browser highlighter finds it), or a
folder (every page in it and in its folders). Prints one JSON report per line,
{\"file\": PATH, \"unit\": ..., \"mentions\": [...], \"quotes\": [...], \"actors\": [...]}, or with
--format csv one row per mention and per quote. Offsets are UTF-16 code units of the text scanned
unless --offsets says otherwise. On a terminal, stderr shows a progress bar.

render: prints PAGE with its actors and quotes highlighted and a sidebar listing them, in plain
HTML that needs no JavaScript; where the page loads the highlighter's module, it takes over.

--root SELECTOR: scan the first element the CSS selector matches instead of the article found.

eval: scores quote detection and speaker attribution on a corpus in PolNeAR's layout (DIR/text/*.txt,
DIR/attributions/*.ann): quote precision, recall and F1, speaker accuracy, and a breakdown by rule
and by error kind. --errors lists every miss with its context.";

/// Why a run failed. Each prints as one line on stderr, and the process exits with status 2.
#[derive(Debug)]
pub enum CliError {
    Usage(String),
    Unit(UnknownUnit),
    Format(UnknownFormat),
    Read { path: String, error: io::Error },
    TooLarge { path: String, bytes: u64 },
    Config { path: String, error: ConfigError },
    NoRoot { path: String, selector: String },
    Render { path: String, error: RenderError },
    Eval(eval::EvalError),
    Write(io::Error),
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CliError::Usage(message) => write!(f, "{message} (see --help)"),
            CliError::Unit(e) => write!(f, "--offsets: {e}"),
            CliError::Format(e) => write!(f, "--format: {e}"),
            CliError::Read { path, error } => write!(f, "cannot read {path}: {error}"),
            CliError::TooLarge { path, bytes } => {
                write!(f, "cannot read {path}: {bytes} bytes is larger than the {MAX_FILE_BYTES}-byte limit")
            }
            CliError::Config { path, error } => write!(f, "{path}: {error}"),
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
struct Root {
    text: String,
    selector: Selector,
}

/// The options of `scan` and `render`.
struct Options {
    config: String,
    unit: Unit,
    format: Format,
    root: Option<Root>,
    paths: Vec<String>,
}

/// What the command line asks for.
enum Command {
    Help,
    Scan(Options),
    Render(Options),
    Eval { dir: String, errors: bool },
}

fn parse_args(args: &[String]) -> Result<Command, CliError> {
    let (command, rest) = match args.split_first() {
        Some((command, rest)) => (command.as_str(), rest),
        None => return Ok(Command::Help),
    };
    match command {
        "scan" => Ok(parse_options(rest, true)?.map_or(Command::Help, Command::Scan)),
        "render" => match parse_options(rest, false)? {
            Some(options) if options.paths.len() == 1 => Ok(Command::Render(options)),
            Some(_) => Err(CliError::Usage("render takes one PAGE".into())),
            None => Ok(Command::Help),
        },
        "eval" => parse_eval(rest),
        "-h" | "--help" => Ok(Command::Help),
        other => Err(CliError::Usage(format!("unknown command {other:?}"))),
    }
}

/// The options of `scan` (with `--offsets` and `--format`) or `render`; `None` asks for help.
fn parse_options(args: &[String], scan: bool) -> Result<Option<Options>, CliError> {
    let usage = |m: &str| CliError::Usage(m.to_owned());
    let (mut config, mut unit, mut format, mut root, mut paths) =
        (None, Unit::default(), Format::default(), None, Vec::new());
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let mut value = |what: &str| rest.next().ok_or_else(|| usage(&format!("{arg} needs {what}")));
        match arg.as_str() {
            "-h" | "--help" => return Ok(None),
            "--config" => config = Some(value("a file")?.clone()),
            "--root" => {
                let text = value("a CSS selector")?.clone();
                let selector = Selector::parse(&text)
                    .map_err(|e| CliError::Usage(format!("--root {text:?} is not a CSS selector: {e}")))?;
                root = Some(Root { text, selector });
            }
            "--offsets" if scan => unit = value("a unit")?.parse().map_err(CliError::Unit)?,
            "--format" if scan => format = value("a format")?.parse().map_err(CliError::Format)?,
            flag if flag.starts_with("--") => return Err(CliError::Usage(format!("unknown option {flag:?}"))),
            path => paths.push(path.to_owned()),
        }
    }
    let command = if scan { "scan" } else { "render" };
    let config = config.ok_or_else(|| CliError::Usage(format!("{command} needs --config CONFIG")))?;
    if paths.is_empty() {
        return Err(CliError::Usage(format!("{command} needs a {}", if scan { "PATH" } else { "PAGE" })));
    }
    Ok(Some(Options { config, unit, format, root, paths }))
}

fn parse_eval(args: &[String]) -> Result<Command, CliError> {
    let (mut dir, mut errors) = (None, false);
    for arg in args {
        match arg.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "--errors" => errors = true,
            flag if flag.starts_with("--") => return Err(CliError::Usage(format!("unknown option {flag:?}"))),
            _ if dir.is_some() => return Err(CliError::Usage("eval takes one DIR".into())),
            path => dir = Some(path.to_owned()),
        }
    }
    let dir = dir.ok_or_else(|| CliError::Usage("eval needs a DIR".into()))?;
    Ok(Command::Eval { dir, errors })
}

fn load_scanner(path: &str) -> Result<Scanner, CliError> {
    let config_error = |error| CliError::Config { path: path.to_owned(), error };
    let config = Config::from_json(&sources::read(Path::new(path))?).map_err(config_error)?;
    Scanner::new(config).map_err(config_error)
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
fn scan(options: Options) -> Result<(), CliError> {
    let scanner = load_scanner(&options.config)?;
    let sources = sources::expand(&options.paths)?;
    let mut index = Index::new(io::BufWriter::new(io::stdout().lock()), options.format).map_err(CliError::Write)?;
    let mut progress = Progress::new(sources.len());
    for source in &sources {
        let name = source.name();
        progress.step(&name);
        let text = sources::read(&source.path)?;
        let report = match source.kind {
            Kind::Text => scanner.scan(&text, options.unit),
            Kind::Page => {
                scanner.scan(&page_text(&Page::parse(&text), options.root.as_ref(), &name)?.text, options.unit)
            }
        };
        index.add(&name, &report).map_err(CliError::Write)?;
    }
    index.finish().map_err(CliError::Write)
}

fn render(options: Options) -> Result<(), CliError> {
    let scanner = load_scanner(&options.config)?;
    let path = &options.paths[0];
    let page = Page::parse(&sources::read(Path::new(path))?);
    let model = page_text(&page, options.root.as_ref(), path)?;
    // Bytes: the spans index the text nodes themselves (see page::text).
    let report = scanner.scan(&model.text, Unit::Bytes);
    let html = render::render(page, &model, &report).map_err(|error| CliError::Render { path: path.clone(), error })?;
    io::stdout().lock().write_all(html.as_bytes()).map_err(CliError::Write)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = parse_args(&args).and_then(|command| match command {
        Command::Scan(options) => scan(options),
        Command::Render(options) => render(options),
        Command::Eval { dir, errors } => {
            let report = eval::run(Path::new(&dir), errors).map_err(CliError::Eval)?;
            io::stdout().lock().write_all(report.as_bytes()).map_err(CliError::Write)
        }
        Command::Help => {
            println!("{USAGE}");
            Ok(())
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("article-highlighter: {e}");
            ExitCode::from(2)
        }
    }
}
