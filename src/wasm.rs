//! The WebAssembly host of the core: a `Highlighter` class for JavaScript.
//!
//! It only converts types. Configs and reports cross as JSON text: a config object as the text
//! `JSON.stringify` writes, read by serde_json as the CLI reads a file (so errors read the same in
//! both), and a report as text for `JSON.parse`, with UTF-16 offsets, the unit JavaScript strings
//! and DOM ranges use. serde-wasm-bindgen, which builds and reads JavaScript values field by
//! field, was slower both ways, for the seed article's config and report and for the benchmark's
//! 1 MB text and 10,000 actors alike (`tests/BENCHMARKS.md`, "The core on the named crates").
//! The core never panics on any input, so no panic can cross into JavaScript.
//!
//! Besides the class, four functions serve an actor-list editor: `actorsFromTable` and
//! `actorsToTable` convert a list between a spreadsheet's CSV/TSV and JSON (`table.rs`),
//! `checkConfig` validates a list without compiling it, saying which actor and field is at fault,
//! and `kinds` names the kinds of actor and their colours.

use wasm_bindgen::prelude::*;

use crate::config::Kind;
use crate::{Config, ConfigError, Scanner, Unit};

/// A config given as a JavaScript object or its JSON text, as JSON text.
fn config_text(config: &JsValue) -> Result<String, ConfigError> {
    match config.as_string() {
        Some(text) => Ok(text),
        // `undefined` (or a function) has no JSON text: it is no document, like `null`.
        None => json_stringify(config)
            .map(|json| json.as_string().unwrap_or_else(|| "null".to_owned()))
            .map_err(|_| ConfigError::Syntax("it cannot be written as JSON (a cycle or a BigInt in it)".to_owned())),
    }
}

/// `actorsFromTable(text: string): string`: reads an actor list from a CSV or TSV table (the
/// header row names the columns `id,name,kind,aliases,color,notes`, and optionally `patterns` and
/// `caseSensitive`) and returns it as config JSON text, `{"actors":[...]}`, each actor with its
/// `id`, `name`, `kind` and `aliases`, and `patterns`, `color`, `caseSensitive` and `notes` where
/// the table gives them (a colour only where it is not the kind's default). Throws an `Error`
/// whose message names the line: `line 7: field "kind": ...`.
#[wasm_bindgen(js_name = actorsFromTable)]
pub fn actors_from_table(text: &str) -> Result<String, JsError> {
    let config = Config::from_table(text.as_bytes()).map_err(|e| JsError::new(&e.to_string()))?;
    serde_json::to_string(&config).map_err(|e| JsError::new(&e.to_string()))
}

/// `actorsToTable(configJson: string): string`: writes a config (JSON text) as a CSV table for
/// spreadsheets: a UTF-8 byte order mark, a header row, `,` separators, `\r\n` line ends, aliases
/// joined by `|`. Throws an `Error` with the message `new Highlighter` would give for an invalid
/// config, or saying which actor's value a table cannot hold (an alias with `|` in it, say).
#[wasm_bindgen(js_name = actorsToTable)]
pub fn actors_to_table(config_json: &str) -> Result<String, JsError> {
    let config = Config::from_json(config_json)
        .and_then(|config| Scanner::check(&config).map(|()| config))
        .map_err(|e| JsError::new(&e.to_string()))?;
    config.to_table().map_err(|e| JsError::new(&e.to_string()))
}

/// `checkConfig(config: object | string): null | {message, actor, id, field}`: validates a config
/// as `new Highlighter` does, without building its matcher. `null` when it is valid; else
/// `message` is what `new Highlighter` would throw, `actor` the 0-based index of the actor at
/// fault (or `null`), `id` that actor's id where it has a usable one (or `null`), and `field` the
/// config field at fault (`"aliases"`, `"color"`, ...), `null` where the message itself names it
/// (an unknown field) or the fault is the whole document's.
#[wasm_bindgen(js_name = checkConfig)]
pub fn check_config(config: JsValue) -> Result<JsValue, JsError> {
    let checked = config_text(&config).and_then(|text| Config::from_json(&text)).and_then(|c| Scanner::check(&c));
    let Err(error) = checked else { return Ok(JsValue::NULL) };
    #[derive(serde::Serialize)]
    struct Fault<'a> {
        message: String,
        actor: Option<usize>,
        id: Option<&'a str>,
        field: Option<&'a str>,
    }
    let (actor, id) = error.actor().unzip();
    let fault = Fault { message: error.to_string(), actor, id: id.flatten(), field: error.field() };
    let json = serde_json::to_string(&fault).map_err(|e| JsError::new(&e.to_string()))?;
    json_parse(&json).map_err(|_| JsError::new("the check could not be read back from JSON"))
}

/// `kinds(): [{kind, color}]`: every kind of actor, in the order the sidebar and the list editor
/// show them, with the colour an actor of that kind gets when its config gives none.
#[wasm_bindgen]
pub fn kinds() -> Result<JsValue, JsError> {
    #[derive(serde::Serialize)]
    struct KindOut {
        kind: &'static str,
        color: &'static str,
    }
    let kinds: Vec<KindOut> =
        Kind::ALL.iter().map(|k| KindOut { kind: k.as_str(), color: k.default_color() }).collect();
    let json = serde_json::to_string(&kinds).map_err(|e| JsError::new(&e.to_string()))?;
    json_parse(&json).map_err(|_| JsError::new("the kinds could not be read back from JSON"))
}

#[wasm_bindgen]
extern "C" {
    /// `JSON.stringify(value)`: throws on a cycle or a BigInt; `undefined` for `undefined` or a
    /// function.
    #[wasm_bindgen(catch, js_namespace = JSON, js_name = stringify)]
    fn json_stringify(value: &JsValue) -> Result<JsValue, JsValue>;

    /// `JSON.parse(text)`.
    #[wasm_bindgen(catch, js_namespace = JSON, js_name = parse)]
    fn json_parse(text: &str) -> Result<JsValue, JsValue>;
}

#[wasm_bindgen]
pub struct Highlighter {
    scanner: Scanner,
}

#[wasm_bindgen]
impl Highlighter {
    /// Validates and compiles a config: a JavaScript object such as `{actors: [...]}`, or its
    /// JSON text. Throws an `Error` whose message names the actor and field at fault.
    #[wasm_bindgen(constructor)]
    pub fn new(config: JsValue) -> Result<Highlighter, JsError> {
        let scanner = config_text(&config)
            .and_then(|text| Config::from_json(&text))
            .and_then(Scanner::new)
            .map_err(|e| JsError::new(&e.to_string()))?;
        Ok(Highlighter { scanner })
    }

    /// Scans `text` and returns the report, offsets in UTF-16 code units. The report is written
    /// in ASCII alone, which the engine decodes fastest.
    pub fn scan(&self, text: &str) -> Result<JsValue, JsError> {
        let report = self.scanner.scan(text, Unit::Utf16);
        json_parse(&report.to_ascii_json()).map_err(|_| JsError::new("the report could not be read back from JSON"))
    }
}
