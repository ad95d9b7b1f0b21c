//! The WebAssembly host of the core: a `Highlighter` class for JavaScript.
//!
//! It only converts types. Configs arrive as a JavaScript object (or JSON text) and go through the
//! same validation as the CLI's, so errors read the same in both; reports leave as plain
//! JavaScript objects with UTF-16 offsets, the unit JavaScript strings and DOM ranges use.
//! The core never panics on any input, so no panic can cross into JavaScript.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::{Config, ConfigError, Scanner, Unit};

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
            None => serde_wasm_bindgen::from_value(config)
                .map_err(|e| ConfigError::Syntax(e.to_string()))
                .and_then(|value| Config::from_value(&value)),
        }
        .map_err(|e| JsError::new(&e.to_string()))?;
        let scanner = Scanner::new(config).map_err(|e| JsError::new(&e.to_string()))?;
        Ok(Highlighter { scanner })
    }

    /// Scans `text` and returns the report, offsets in UTF-16 code units.
    pub fn scan(&self, text: &str) -> Result<JsValue, JsError> {
        let report = self.scanner.scan(text, Unit::Utf16);
        report.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| JsError::new(&e.to_string()))
    }
}
