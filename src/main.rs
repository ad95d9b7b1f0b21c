//! The command-line host of the core: `article-highlighter scan --config CONFIG FILE...`.
//!
//! It only reads arguments and files, calls [`Scanner`], and prints one JSON report per line.

use std::fmt;
use std::io::{self, Write};
use std::process::ExitCode;

use article_highlighter::{Config, ConfigError, Report, Scanner, Unit, UnknownUnit};
use serde::Serialize;

const USAGE: &str = "\
usage: article-highlighter scan --config CONFIG [--offsets utf16|chars|bytes] FILE...

Scans each text FILE for the actors in CONFIG (JSON) and for quotes, and prints one JSON report
per line: {\"file\": FILE, \"unit\": ..., \"mentions\": [...], \"quotes\": [...], \"actors\": [...]}.
Offsets are UTF-16 code units unless --offsets says otherwise.";

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
            CliError::Write(e) => write!(f, "cannot write output: {e}"),
        }
    }
}

struct ScanArgs {
    config: String,
    unit: Unit,
    files: Vec<String>,
}

fn parse_args(args: &[String]) -> Result<Option<ScanArgs>, CliError> {
    let usage = |m: &str| CliError::Usage(m.to_owned());
    match args.first().map(String::as_str) {
        Some("scan") => {}
        Some("-h" | "--help") | None => return Ok(None),
        Some(other) => return Err(CliError::Usage(format!("unknown command {other:?}"))),
    }
    let (mut config, mut unit, mut files) = (None, Unit::default(), Vec::new());
    let mut rest = args[1..].iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "-h" | "--help" => return Ok(None),
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
    Ok(Some(ScanArgs { config, unit, files }))
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
    let result = parse_args(&args).and_then(|parsed| match parsed {
        Some(scan_args) => scan(scan_args),
        None => {
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
