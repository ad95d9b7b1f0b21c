//! `article-highlighter eval` on PolNeAR's dev split (in `../shared/corpora/polnear`): the
//! targets of the quotes-and-speakers work hold, quote F1 ≥ 0.92 and speaker accuracy ≥ 0.90.

mod common;

use std::process::Command;

/// The dev split's texts and annotations, in `../shared`.
const DEV: [&str; 2] = ["corpora/polnear/dev/text", "corpora/polnear/dev/attributions"];

/// Reads a figure such as `F1 0.931` from the eval output.
fn figure(output: &str, label: &str) -> f64 {
    let at = output.find(label).unwrap_or_else(|| panic!("{label:?} in {output}")) + label.len();
    output[at..]
        .split_whitespace()
        .next()
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("a number after {label:?}"))
}

#[test]
fn dev_split_scores() {
    let Some(shared) = common::shared("dev_split_scores", &DEV) else { return };
    let dev = shared.join("corpora/polnear/dev");
    let out = Command::new(env!("CARGO_BIN_EXE_article-highlighter")).arg("eval").arg(&dev).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    println!("{text}");
    assert!(text.contains("(84 articles)"), "{text}");
    let f1 = figure(&text, "F1");
    let speaker = figure(&text, "speaker accuracy");
    assert!(f1 >= 0.92, "quote F1 {f1} is below the 0.92 target\n{text}");
    assert!(speaker >= 0.90, "speaker accuracy {speaker} is below the 0.90 target\n{text}");
}

#[test]
fn errors_list_each_miss_with_context() {
    let Some(shared) = common::shared("errors_list_each_miss_with_context", &DEV) else { return };
    let dev = shared.join("corpora/polnear/dev");
    let out =
        Command::new(env!("CARGO_BIN_EXE_article-highlighter")).args(["eval", "--errors"]).arg(&dev).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let misses = text.lines().filter(|l| l.starts_with("- [")).count();
    let counted: usize = text
        .lines()
        .skip_while(|l| *l != "by error kind")
        .skip(1)
        .take_while(|l| !l.is_empty())
        .filter_map(|l| l.split_whitespace().last()?.parse::<usize>().ok())
        .sum();
    assert!(misses > 0 && misses == counted, "{misses} listed, {counted} counted");
}

#[test]
fn a_missing_corpus_is_a_clear_error() {
    let out =
        Command::new(env!("CARGO_BIN_EXE_article-highlighter")).args(["eval", "/nonexistent/corpus"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.starts_with("article-highlighter: eval: cannot read /nonexistent/corpus/attributions"), "{err}");
}
