//! The WebAssembly host of the core: a `Highlighter` class for JavaScript.
//!
//! It only converts types. Configs arrive as a JavaScript object (or JSON text) and go through the
//! same validation as the CLI's, so errors read the same in both; reports leave as plain
//! JavaScript objects with UTF-16 offsets, the unit JavaScript strings and DOM ranges use.
//! The core never panics on any input, so no panic can cross into JavaScript.
//!
//! Both directions cross as JSON text, parsed and printed by the engine's own `JSON`: building a
//! report object field by field from Rust costs a call across the boundary per field, which for a
//! long article took longer than the scan itself, and the serializer for it weighed on the
//! download.

use js_sys::JSON;
use wasm_bindgen::prelude::*;

use crate::{Config, Scanner, Unit};

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
            Some(text) => text,
            // An object JSON cannot print (a cycle, a BigInt) is a config error like any other.
            None => JSON::stringify(&config).ok().and_then(|s| s.as_string()).unwrap_or_default(),
        };
        let config = Config::from_json(&text).map_err(|e| JsError::new(&e.to_string()))?;
        let scanner = Scanner::new(config).map_err(|e| JsError::new(&e.to_string()))?;
        Ok(Highlighter { scanner })
    }

    /// Scans `text` and returns the report, offsets in UTF-16 code units.
    pub fn scan(&self, text: &str) -> Result<JsValue, JsError> {
        let report = self.scanner.scan(text, Unit::Utf16);
        let json = serde_json::to_string(&report).map_err(|e| JsError::new(&e.to_string()))?;
        JSON::parse(&json).map_err(|_| JsError::new("the report is not valid JSON"))
    }
}
