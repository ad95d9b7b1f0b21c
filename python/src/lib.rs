//! The Python host of the core: `article_highlighter.Scanner`, and `article_text` for HTML pages.
//!
//! Like `wasm.rs` for the page, it only converts: a config from a dict, JSON text or a list file
//! into the core's `Config`, a unit's name into `Unit`, and a `Report` into Python dicts
//! and lists. Reports cross as the JSON text the command line prints, parsed by Python's own
//! `json` module, so a Python report is the CLI's by construction (less its `file` field).
//! Scans run with the GIL released, and `scan_many` spreads a list over every core with rayon.
//! `article_text` reads a page with the core's `page` module, as the command line reads a
//! `.html` file.

use std::path::Path;

use article_highlighter::list_file::{InFile, ListError};
use article_highlighter::page::Page;
use article_highlighter::{Config, Unit};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyDict, PyString};
use rayon::prelude::*;

/// An actor list compiled for scanning: build it once, scan many texts, from any thread.
///
/// `config` is a dict in the config's JSON shape, JSON text (a string that opens with `{`), or
/// the path of a list file: JSON, or a CSV or TSV table, told apart as the command line tells
/// them (by the extension, else the content). A bad config raises ValueError with the core's
/// one-line message; a file that cannot be read raises OSError.
#[pyclass(frozen, module = "article_highlighter")]
struct Scanner {
    inner: article_highlighter::Scanner,
}

#[pymethods]
impl Scanner {
    #[new]
    fn new(config: &Bound<'_, PyAny>) -> PyResult<Scanner> {
        let inner = match Source::of(config)? {
            Source::Json(text) => {
                let config = Config::from_json(&text).map_err(value_error)?;
                article_highlighter::Scanner::new(config).map_err(value_error)?
            }
            Source::File(path) => {
                let bytes = read_file(config.py(), &path)?;
                let in_file = |error: ListError| value_error(InFile { path: &path, error: &error });
                let config = Config::from_list_file(Path::new(&path), &bytes).map_err(in_file)?;
                article_highlighter::Scanner::new(config).map_err(|e| in_file(ListError::Config(e)))?
            }
        };
        Ok(Scanner { inner })
    }

    /// The report on `text` as dicts and lists, with offsets in `unit`: "chars" (code points,
    /// as Python indexes a str), "utf16" or "bytes" (UTF-8). The GIL is released while it runs.
    #[pyo3(signature = (text, unit = "chars"))]
    fn scan<'py>(&self, py: Python<'py>, text: &str, unit: &str) -> PyResult<Bound<'py, PyAny>> {
        let unit = parse_unit(unit)?;
        let json = py.detach(|| self.inner.scan(text, unit).to_json());
        loads(py, &json)
    }

    /// The reports on `texts`, in order, scanned in parallel on every core without the GIL.
    #[pyo3(signature = (texts, unit = "chars"))]
    fn scan_many<'py>(&self, py: Python<'py>, texts: Vec<PyBackedStr>, unit: &str) -> PyResult<Vec<Bound<'py, PyAny>>> {
        let unit = parse_unit(unit)?;
        let reports: Vec<String> =
            py.detach(|| texts.par_iter().map(|text| self.inner.scan(text, unit).to_json()).collect());
        reports.iter().map(|json| loads(py, json)).collect()
    }
}

/// The text the highlighter scans on an HTML page: the article found on it, without its menus,
/// asides and hidden parts, each block ended by U+2029 (the paragraph break the core reads), as
/// the command line reads a `.html` file. The GIL is released while it runs.
#[pyfunction]
fn article_text(py: Python<'_>, html: &str) -> String {
    py.detach(|| Page::parse(html).article_text(None).text)
}

/// Where a config comes from.
enum Source {
    /// JSON text: given as such, or a dict written as JSON.
    Json(String),
    /// A list file (JSON or a table, as `Config::from_list_file` tells), by its path.
    File(String),
}

impl Source {
    /// A dict is a config; a string is JSON text when it opens with `{` (as every JSON config
    /// does, and a path hardly ever), else a path; so is an `os.PathLike`.
    fn of(config: &Bound<'_, PyAny>) -> PyResult<Source> {
        let py = config.py();
        if config.is_instance_of::<PyDict>() {
            let text = py.import("json")?.call_method1("dumps", (config,))?.extract()?;
            return Ok(Source::Json(text));
        }
        if let Ok(text) = config.cast::<PyString>() {
            let text = text.to_str()?;
            let is_json = text.trim_start_matches(|c: char| c == '\u{feff}' || c.is_whitespace()).starts_with('{');
            return Ok(if is_json { Source::Json(text.to_owned()) } else { Source::File(text.to_owned()) });
        }
        match py.import("os")?.call_method1("fspath", (config,)) {
            Ok(path) if path.is_instance_of::<PyString>() => Ok(Source::File(path.extract()?)),
            _ => Err(PyTypeError::new_err(format!(
                "config must be a dict, JSON text or the path of a list file, not {}",
                config.get_type().name()?
            ))),
        }
    }
}

/// The bytes of the file at `path`, read by Python, so that one that cannot be read raises the
/// `OSError` a Python programmer expects (`FileNotFoundError: [Errno 2] No such file or
/// directory: 'actors.csv'`).
fn read_file(py: Python<'_>, path: &str) -> PyResult<Vec<u8>> {
    py.import("pathlib")?.getattr("Path")?.call1((path,))?.call_method0("read_bytes")?.extract()
}

fn parse_unit(unit: &str) -> PyResult<Unit> {
    unit.parse().map_err(value_error)
}

/// The core's one-line message as a `ValueError`.
fn value_error(error: impl std::fmt::Display) -> PyErr {
    PyValueError::new_err(error.to_string())
}

/// A report's JSON as Python dicts and lists.
fn loads<'py>(py: Python<'py>, json: &str) -> PyResult<Bound<'py, PyAny>> {
    py.import("json")?.call_method1("loads", (json,))
}

#[pymodule]
fn _core(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_class::<Scanner>()?;
    module.add_function(wrap_pyfunction!(article_text, module)?)?;
    module.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
