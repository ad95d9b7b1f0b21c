//! Helpers shared by the integration tests: finding `../shared` and the seed fixtures in it.
// Each integration test is its own crate and uses only some of these helpers.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::{json, Value};

/// The files of `../shared` that the seed checks read.
pub const SEED: [&str; 2] = ["fixtures/seed-article.txt", "fixtures/seed-gold.json"];

/// `../shared` beside the project root, when every path of it that `test` needs is there.
///
/// The project builds and tests without `../shared`, so a test that needs it skips when one of
/// those paths is absent. A skipped test still passes, and the test runner hides what a passing
/// test prints, so besides its `SKIP` line each skip leaves a note in `target/tmp/skipped/`, one
/// file per test, which `tests/run.sh` lists at the end of a run; a test that runs takes its
/// note away.
pub fn shared(test: &str, needs: &[&str]) -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared");
    let notes = Path::new(env!("CARGO_TARGET_TMPDIR")).join("skipped");
    let note = notes.join(format!("{}.{test}", env!("CARGO_CRATE_NAME")));
    let absent: Vec<String> =
        needs.iter().filter(|path| !dir.join(path).exists()).map(|path| format!("../shared/{path}")).collect();
    if absent.is_empty() {
        // A note left by an earlier run that skipped no longer holds.
        let _ = fs::remove_file(&note);
        return Some(dir);
    }
    let line = format!("{}::{test}: {} absent", env!("CARGO_CRATE_NAME"), absent.join(", "));
    eprintln!("SKIP {line}");
    fs::create_dir_all(&notes).expect("a folder for skip notes");
    fs::write(&note, format!("{line}\n")).expect("a skip note");
    None
}

/// The seed article, its gold annotations, and the gold actors as a config of our format.
pub struct Seed {
    pub text: String,
    pub gold: Value,
    pub config: Value,
}

impl Seed {
    /// Reads the [`SEED`] files of `shared`.
    pub fn read(shared: &Path) -> Seed {
        let fixtures = shared.join("fixtures");
        let text = fs::read_to_string(fixtures.join("seed-article.txt")).expect("seed article");
        let gold: Value =
            serde_json::from_str(&fs::read_to_string(fixtures.join("seed-gold.json")).expect("seed gold"))
                .expect("gold JSON");
        let config = json!({ "actors": gold["actors"] });
        Seed { text, gold, config }
    }
}

/// The seed fixtures, or `None` when `test` skips for want of them (see [`shared`]).
pub fn seed(test: &str) -> Option<Seed> {
    shared(test, &SEED).map(|dir| Seed::read(&dir))
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
