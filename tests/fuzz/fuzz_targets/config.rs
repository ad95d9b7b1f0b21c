//! Parses arbitrary config text: a config or a typed error, never a panic; a config that parses
//! compiles or fails with an error, and then scans.
#![no_main]

use article_highlighter::{Config, Scanner, Unit};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match Config::from_json(text) {
        Ok(config) => {
            if let Ok(scanner) = Scanner::new(config) {
                scanner.scan("“We will see,” Sadiq said of the TTP in Київ. 😀", Unit::Utf16);
            }
        }
        Err(error) => assert!(!error.to_string().is_empty()),
    }
});
