//! The WebAssembly host of the core: a `Highlighter` class for JavaScript.
//!
//! It only converts types. Configs arrive as a JavaScript object (or JSON text) and go through the
//! same validation as the CLI's, so errors read the same in both; reports leave as plain
//! JavaScript objects with UTF-16 offsets, the unit JavaScript strings and DOM ranges use.
//! The core never panics on any input, so no panic can cross into JavaScript.
//!
//! Both directions cross as JSON text, through the engine's own `JSON.stringify` and
//! `JSON.parse`: the core reads configs and writes reports as JSON itself (`json.rs`,
//! [`crate::Report::to_json`]), so crossing this way adds next to nothing to the module, where a
//! serde bridge to JavaScript values cost about 9 KB gzipped of wasm and glue. Reports are written
//! in ASCII alone ([`crate::Report::to_ascii_json`]), which the engine decodes faster.

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
            Some(text) => text,
            None => match json_stringify(&config) {
                // `undefined` (or a function) has no JSON text: it is no document, like `null`.
                Ok(json) => json.as_string().unwrap_or_else(|| "null".to_owned()),
                Err(_) => {
                    let why = "it cannot be written as JSON (a cycle or a BigInt in it)";
                    return Err(JsError::new(&ConfigError::Syntax(why.to_owned()).to_string()));
                }
            },
        };
        let config = Config::from_json(&text).map_err(|e| JsError::new(&e.to_string()))?;
        let scanner = Scanner::new(config).map_err(|e| JsError::new(&e.to_string()))?;
        Ok(Highlighter { scanner })
    }

    /// Scans `text` and returns the report, offsets in UTF-16 code units.
    pub fn scan(&self, text: &str) -> Result<JsValue, JsError> {
        let report = self.scanner.scan(text, Unit::Utf16);
        json_parse(&report.to_ascii_json()).map_err(|_| JsError::new("the report could not be read back from JSON"))
    }
}
