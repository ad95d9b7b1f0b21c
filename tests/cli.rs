//! The command-line binary: reports per file, offset units, and one-line errors with status 2.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_article-highlighter")).args(args).output().expect("run the CLI")
}

/// A fresh scratch folder for one test's files.
fn scratch(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("article-highlighter-{}-{test}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_owned()
}

fn lines(output: &Output) -> Vec<Value> {
    assert!(output.status.success(), "stderr: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout.clone()).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

fn error_line(output: &Output) -> String {
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8(output.stderr.clone()).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    stderr.trim_end().to_owned()
}

#[test]
fn seed_article_reproduces_the_gold() {
    let Some(seed) = common::seed("seed_article_reproduces_the_gold") else { return };
    let dir = scratch("seed");
    let config = write(&dir, "actors.json", &seed.config.to_string());
    let article = write(&dir, "seed-article.txt", &seed.text);
    let reports = lines(&run(&["scan", "--config", &config, &article]));
    assert_eq!(reports.len(), 1);
    assert_eq!(reports[0]["file"], article.as_str());
    assert_eq!(reports[0]["unit"], "utf16");
    common::assert_matches_gold(&reports[0], &seed.gold);
}

#[test]
fn offsets_in_each_unit_for_astral_text() {
    let dir = scratch("units");
    let config = write(
        &dir,
        "c.json",
        r#"{"actors":[{"id":"kyiv","aliases":["Київ"]},{"id":"bob","kind":"person","aliases":["Bob"]}]}"#,
    );
    let text = "😀 Київ — “Hi 🌍 there, friends,” Bob said.";
    let file = write(&dir, "a.txt", text);
    let expect =
        [("utf16", [3, 7, 10, 33, 34, 37]), ("chars", [2, 6, 9, 31, 32, 35]), ("bytes", [5, 13, 18, 47, 48, 51])];
    for (unit, [ks, ke, qs, qe, bs, be]) in expect {
        let report = &lines(&run(&["scan", "--config", &config, "--offsets", unit, &file]))[0];
        assert_eq!(report["unit"], unit);
        let m = &report["mentions"][0];
        assert_eq!(
            (m["start"].as_u64(), m["end"].as_u64(), m["text"].as_str()),
            (Some(ks), Some(ke), Some("Київ")),
            "{unit}"
        );
        let q = &report["quotes"][0];
        assert_eq!((q["start"].as_u64(), q["end"].as_u64()), (Some(qs), Some(qe)), "{unit}");
        let s = &q["speaker"];
        assert_eq!(
            (s["start"].as_u64(), s["end"].as_u64(), s["actor"].as_str()),
            (Some(bs), Some(be), Some("bob")),
            "{unit}"
        );
    }
}

#[test]
fn one_report_line_per_file() {
    let dir = scratch("many");
    let config = write(&dir, "c.json", r#"{"actors":[{"id":"un","aliases":["United Nations"]}]}"#);
    let a = write(&dir, "a.txt", "The United Nations met.");
    let b = write(&dir, "b.txt", "Nobody here.");
    let reports = lines(&run(&["scan", "--config", &config, &a, &b]));
    assert_eq!(reports.iter().map(|r| r["file"].as_str().unwrap()).collect::<Vec<_>>(), [a.as_str(), b.as_str()]);
    assert_eq!(reports[0]["actors"][0]["count"], 1);
    assert_eq!(reports[1]["mentions"].as_array().unwrap().len(), 0);
}

#[test]
fn errors_are_one_line_with_status_2() {
    let dir = scratch("errors");
    let text = write(&dir, "a.txt", "text");
    let bad = write(&dir, "bad.json", r##"{"actors":[{"id":"x","aliases":["X"],"colour":"#fff"}]}"##);
    assert_eq!(
        error_line(&run(&["scan", "--config", &bad, &text])),
        format!(r#"article-highlighter: {bad}: actor "x": unknown field "colour""#)
    );
    let regex = write(&dir, "regex.json", r#"{"actors":[{"id":"x","aliases":["X"],"patterns":["(["]}]}"#);
    assert!(error_line(&run(&["scan", "--config", &regex, &text])).contains(r#"actor "x": field "patterns""#));
    let not_json = write(&dir, "nj.json", "{actors:");
    assert!(error_line(&run(&["scan", "--config", &not_json, &text])).contains("config is not valid JSON"));
    let good = write(&dir, "good.json", r#"{"actors":[{"id":"x","aliases":["X"]}]}"#);
    let missing = dir.join("missing.txt");
    assert!(error_line(&run(&["scan", "--config", &good, &text, missing.to_str().unwrap()])).contains("cannot read"));
    assert!(error_line(&run(&["scan", "--config", &good, "--offsets", "utf8", &text])).contains("unknown offset unit"));
    assert!(error_line(&run(&["scan", &text])).contains("--config"));
    assert!(error_line(&run(&["frobnicate"])).contains("unknown command"));
    assert!(run(&["--help"]).status.success());
}
