//! The WebAssembly host of the core: a `Highlighter` class for JavaScript.
//!
//! It only converts types. Configs and reports cross as JSON text: a config object as the text
//! `JSON.stringify` writes, read by serde_json as the CLI reads a file (so errors read the same in
//! both), and a report as text for `JSON.parse`, with UTF-16 offsets, the unit JavaScript strings
//! and DOM ranges use. serde-wasm-bindgen, which builds and reads JavaScript values field by
//! field, was slower both ways, for the seed article's config and report and for the benchmark's
//! 1 MB text and 10,000 actors alike (`tests/BENCHMARKS.md`, "The core on the named crates").
//! The core never panics on any input, so no panic can cross into JavaScript.

use wasm_bindgen::prelude::*;

use crate::{Config, ConfigError, Scanner, Unit};

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
        let text = match config.as_string() {
            Some(text) => Ok(text),
            // `undefined` (or a function) has no JSON text: it is no document, like `null`.
            None => json_stringify(&config).map(|json| json.as_string().unwrap_or_else(|| "null".to_owned())).map_err(
                |_| ConfigError::Syntax("it cannot be written as JSON (a cycle or a BigInt in it)".to_owned()),
            ),
        };
        let scanner = text
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
