//! Reads arbitrary bytes as a table: a config or a typed error, never a panic; a config that reads
//! is written back as a table (or refused with an error), and that table reads as the same actors.
#![no_main]

use article_highlighter::Config;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match Config::from_table(data) {
        Ok(config) => match config.to_table() {
            Ok(table) => {
                let back = Config::from_table(table.as_bytes()).expect("a written table reads");
                assert_eq!(back.actors, config.actors);
            }
            Err(error) => assert!(!error.to_string().is_empty()),
        },
        Err(error) => assert!(!error.to_string().is_empty()),
    }
});
