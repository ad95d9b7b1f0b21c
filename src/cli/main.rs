//! The command-line host of the core:
//! - `article-highlighter scan --config CONFIG FILE...` prints one JSON report per file;
//! - `article-highlighter eval DIR` scores quotes and speakers against an annotated corpus.
//!
//! It only reads arguments and files and calls the library.

mod eval;

use std::fmt;
use std::io::{self, Write};
use std::process::ExitCode;

use article_highlighter::{Config, ConfigError, Report, Scanner, Unit, UnknownUnit};
use serde::Serialize;

const USAGE: &str = "\
usage: article-highlighter scan --config CONFIG [--offsets utf16|chars|bytes] FILE...
       article-highlighter eval [--errors] DIR

scan: scans each text FILE for the actors in CONFIG (JSON) and for quotes, and prints one JSON
report per line: {\"file\": FILE, \"unit\": ..., \"mentions\": [...], \"quotes\": [...], \"actors\": [...]}.
Offsets are UTF-16 code units unless --offsets says otherwise.

eval: scores quote detection and speaker attribution on a corpus in PolNeAR's layout (DIR/text/*.txt,
DIR/attributions/*.ann): quote precision, recall and F1, speaker accuracy, and a breakdown by rule
and by error kind. --errors lists every miss with its context.";

/// Files larger than this are refused rather than read into memory.
const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// Why a run failed. Each prints as one line on stderr, and the process exits with status 2.
#[derive(Debug)]
enum CliError {
    Usage(String),
    Unit(UnknownUnit),
    Read { path: String, error: io::Error },
    TooLarge { path: String, bytes: u64 },
    Config { path: String, error: ConfigError },
    Eval(eval::EvalError),
    Write(io::Error),
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CliError::Usage(message) => write!(f, "{message} (see --help)"),
            CliError::Unit(e) => write!(f, "--offsets: {e}"),
            CliError::Read { path, error } => write!(f, "cannot read {path}: {error}"),
            CliError::TooLarge { path, bytes } => {
                write!(f, "cannot read {path}: {bytes} bytes is larger than the {MAX_FILE_BYTES}-byte limit")
            }
            CliError::Config { path, error } => write!(f, "{path}: {error}"),
            CliError::Eval(e) => write!(f, "eval: {e}"),
            CliError::Write(e) => write!(f, "cannot write output: {e}"),
        }
    }
}

struct ScanArgs {
    config: String,
    unit: Unit,
    files: Vec<String>,
}

/// What the command line asks for.
enum Command {
    Help,
    Scan(ScanArgs),
    Eval { dir: String, errors: bool },
}

fn parse_args(args: &[String]) -> Result<Command, CliError> {
    let usage = |m: &str| CliError::Usage(m.to_owned());
    match args.first().map(String::as_str) {
        Some("scan") => {}
        Some("eval") => return parse_eval(&args[1..]),
        Some("-h" | "--help") | None => return Ok(Command::Help),
        Some(other) => return Err(CliError::Usage(format!("unknown command {other:?}"))),
    }
    let (mut config, mut unit, mut files) = (None, Unit::default(), Vec::new());
    let mut rest = args[1..].iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "--config" => config = Some(rest.next().ok_or_else(|| usage("--config needs a file"))?.clone()),
            "--offsets" => {
                let name = rest.next().ok_or_else(|| usage("--offsets needs a unit"))?;
                unit = name.parse().map_err(CliError::Unit)?;
            }
            flag if flag.starts_with("--") => return Err(CliError::Usage(format!("unknown option {flag:?}"))),
            file => files.push(file.to_owned()),
        }
    }
    let config = config.ok_or_else(|| usage("scan needs --config CONFIG"))?;
    if files.is_empty() {
        return Err(usage("scan needs at least one FILE"));
    }
    Ok(Command::Scan(ScanArgs { config, unit, files }))
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

fn read(path: &str) -> Result<String, CliError> {
    let bytes = std::fs::metadata(path).map_err(|error| CliError::Read { path: path.into(), error })?.len();
    if bytes > MAX_FILE_BYTES {
        return Err(CliError::TooLarge { path: path.into(), bytes });
    }
    std::fs::read_to_string(path).map_err(|error| CliError::Read { path: path.into(), error })
}

#[derive(Serialize)]
struct FileReport<'a> {
    file: &'a str,
    #[serde(flatten)]
    report: Report,
}

fn scan(args: ScanArgs) -> Result<(), CliError> {
    let config_error = |error| CliError::Config { path: args.config.clone(), error };
    let config = Config::from_json(&read(&args.config)?).map_err(config_error)?;
    let scanner = Scanner::new(config).map_err(config_error)?;
    // Read every file first so that a bad one fails the run before anything is printed.
    let texts = args.files.iter().map(|f| read(f)).collect::<Result<Vec<_>, _>>()?;
    let mut out = io::BufWriter::new(io::stdout().lock());
    for (file, text) in args.files.iter().zip(&texts) {
        let line = FileReport { file, report: scanner.scan(text, args.unit) };
        serde_json::to_writer(&mut out, &line).map_err(|e| CliError::Write(e.into()))?;
        out.write_all(b"\n").map_err(CliError::Write)?;
    }
    out.flush().map_err(CliError::Write)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = parse_args(&args).and_then(|command| match command {
        Command::Scan(scan_args) => scan(scan_args),
        Command::Eval { dir, errors } => {
            let report = eval::run(std::path::Path::new(&dir), errors).map_err(CliError::Eval)?;
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
