//! Helpers shared by the integration tests: finding `../shared` and the seed fixtures in it.
// Each integration test is its own crate and uses only some of these helpers.
#![allow(dead_code)]

use std::path::PathBuf;

use serde_json::{json, Value};

/// `../shared` beside the project root, or `None` (with a message saying the test skips) when it
/// is absent: the project builds and tests without it, but the seed checks need it.
pub fn shared(test: &str) -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("SKIP {test}: ../shared is absent, so the seed fixtures cannot be read");
        None
    }
}

/// The seed article, its gold annotations, and the gold actors as a config of our format.
pub struct Seed {
    pub text: String,
    pub gold: Value,
    pub config: Value,
}

pub fn seed(test: &str) -> Option<Seed> {
    let fixtures = shared(test)?.join("fixtures");
    let text = std::fs::read_to_string(fixtures.join("seed-article.txt")).expect("seed article");
    let gold: Value =
        serde_json::from_str(&std::fs::read_to_string(fixtures.join("seed-gold.json")).expect("seed gold"))
            .expect("gold JSON");
    let config = json!({ "actors": gold["actors"] });
    Some(Seed { text, gold, config })
}

/// Compares a report (as JSON) with the gold: every mention exactly, and every quote's span,
/// text, kind, speaker actor and cue text.
pub fn assert_matches_gold(report: &Value, gold: &Value) {
    let mentions: Vec<Value> = report["mentions"]
        .as_array()
        .expect("mentions")
        .iter()
        .map(|m| json!({"start": m["start"], "end": m["end"], "text": m["text"], "actor": m["actor"]}))
        .collect();
    let want = gold["mentions"].as_array().expect("gold mentions");
    assert_eq!(mentions.len(), want.len(), "mention count");
    for (got, want) in mentions.iter().zip(want) {
        assert_eq!(got, want);
    }
    let quotes: Vec<Value> = report["quotes"]
        .as_array()
        .expect("quotes")
        .iter()
        .map(|q| {
            json!({"start": q["start"], "end": q["end"], "text": q["text"], "kind": q["kind"],
                   "speaker": q["speaker"]["actor"], "cue": q["cue"]["text"]})
        })
        .collect();
    assert_eq!(&Value::Array(quotes), &gold["quotes"]);
}
