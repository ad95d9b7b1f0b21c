//! The WebAssembly host of the core: a `Highlighter` class for JavaScript.
//!
//! It only converts types. A config arrives as JSON text, read by serde_json as the CLI reads a
//! file, or as a JavaScript object, read by serde-wasm-bindgen into the same derived types, so
//! errors read the same in both. Reports leave with UTF-16 offsets, the unit JavaScript strings
//! and DOM ranges use. The core never panics on any input, so no panic can cross into JavaScript.

use serde_wasm_bindgen::Deserializer;
use wasm_bindgen::prelude::*;

use crate::{Config, Scanner, Unit};

#[wasm_bindgen]
extern "C" {
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
        let config = match config.as_string() {
            Some(text) => Config::from_json(&text),
            None => Config::from_deserializer(Deserializer::from(config.clone()), Deserializer::from(config)),
        };
        let scanner = config.and_then(Scanner::new).map_err(|e| JsError::new(&e.to_string()))?;
        Ok(Highlighter { scanner })
    }

    /// Scans `text` and returns the report, offsets in UTF-16 code units. The report crosses as
    /// JSON text in ASCII, parsed by the engine's own `JSON.parse`: faster than objects built by
    /// serde-wasm-bindgen, for the seed article and the 1 MB benchmark text alike
    /// (`tests/BENCHMARKS.md`, "The core on the named crates").
    pub fn scan(&self, text: &str) -> Result<JsValue, JsError> {
        let report = self.scanner.scan(text, Unit::Utf16);
        json_parse(&report.to_ascii_json()).map_err(|_| JsError::new("the report could not be read back from JSON"))
    }
}
