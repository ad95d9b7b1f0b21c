//! Properties of every scan, over random texts built from the characters that make real pages
//! hard: quote marks of several kinds, apostrophes, emoji, soft hyphens, zero-width and no-break
//! spaces, line and paragraph breaks, and pieces of aliases, with any other character now and
//! then. A scan must never panic (a panic would cross into JavaScript), and every span must be
//! sorted, inside the text, and slice to its own `text` in each offset unit; the report's own
//! JSON text must be serde_json's, and its ASCII JSON (what the browser gets) the same value.
//!
//! The texts come from proptest, so a failure is shrunk to a smallest text that still fails (few
//! pieces, each as early in `PIECES` as will do), which proptest prints and saves in
//! `tests/properties.proptest-regressions` to try first on every later run (commit that file).

use std::sync::LazyLock;

use article_highlighter::{Config, Report, Scanner, Unit};
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::TestCaseError;

const PIECES: &[&str] = &[
    "interview",
    "statement",
    "according",
    "to",
    "Said",
    "saying",
    "beamed",
    "mocks",
    "''",
    "'''",
    "(",
    ")",
    "Mr.",
    "went",
    "on",
    "!",
    "?",
    ";",
    "book",
    "titled",
    "I",
    "we",
    "«",
    "»",
    "„",
    "‚",
    "「",
    "」",
    "Sadiq",
    "sadiq",
    "Muhammad",
    " ",
    " ",
    " ",
    "\u{a0}",
    "\n",
    "\u{2029}",
    "\u{ad}",
    "\u{200b}",
    "“",
    "”",
    "\"",
    "'",
    "’",
    "‘",
    "«",
    "»",
    ",",
    ".",
    ":",
    "—",
    "-",
    "said",
    "he",
    "she",
    "they",
    "that",
    "TTP",
    "ttp",
    "U.S.",
    "Taliban",
    "Tehreek-e-Taliban",
    "Pakistan",
    "😀",
    "👍🏽",
    "東京",
    "Київ",
    "İ",
    "ß",
    "x",
    "The",
    "a",
];

/// A text of up to 80 pieces, most from `PIECES`, some any character at all.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![9 => select(PIECES).prop_map(str::to_owned), 1 => any::<char>().prop_map(String::from)];
    prop::collection::vec(piece, 0..80).prop_map(|pieces| pieces.concat())
}

/// Compiled once: every case scans with it.
static SCANNER: LazyLock<Scanner> = LazyLock::new(scanner);

fn scanner() -> Scanner {
    let config = Config::from_json(
        r#"{"actors":[
        {"id":"sadiq","kind":"person","aliases":["Muhammad Sadiq","Sadiq"]},
        {"id":"ttp","kind":"group","aliases":["Tehreek-e-Taliban Pakistan","TTP"]},
        {"id":"taliban","kind":"group","aliases":["Taliban"]},
        {"id":"pakistan","kind":"state","aliases":["Pakistan"]},
        {"id":"usa","kind":"state","aliases":["U.S."],"patterns":["\\bUSA\\b"]},
        {"id":"kyiv","kind":"place","aliases":["Київ","東京"]}]}"#,
    )
    .unwrap();
    Scanner::new(config).unwrap()
}

/// Every span of the report as (start, end, text).
fn spans(report: &Report) -> Vec<(usize, usize, &str)> {
    let mut all = Vec::new();
    for m in &report.mentions {
        all.push((m.span.start, m.span.end, m.span.text.as_str()));
    }
    for q in &report.quotes {
        all.push((q.span.start, q.span.end, q.span.text.as_str()));
        if let Some(s) = &q.speaker {
            all.push((s.span.start, s.span.end, s.span.text.as_str()));
            if let Some(r) = &s.refers_to {
                all.push((r.start, r.end, r.text.as_str()));
            }
        }
        if let Some(c) = &q.cue {
            all.push((c.start, c.end, c.text.as_str()));
        }
    }
    all
}

fn slice(text: &str, unit: Unit, start: usize, end: usize) -> Option<String> {
    match unit {
        Unit::Bytes => text.get(start..end).map(str::to_owned),
        Unit::Chars => Some(text.chars().skip(start).take(end.checked_sub(start)?).collect()),
        Unit::Utf16 => {
            let units: Vec<u16> = text.encode_utf16().collect();
            String::from_utf16(units.get(start..end)?).ok()
        }
    }
}

/// The properties of one text's report in one unit.
fn sound(text: &str, unit: Unit) -> Result<(), TestCaseError> {
    let report = SCANNER.scan(text, unit);
    for (start, end, span_text) in spans(&report) {
        prop_assert!(start < end, "{unit}: an empty span at {start}");
        let sliced = slice(text, unit, start, end);
        prop_assert_eq!(sliced.as_deref(), Some(span_text), "{}: the span {}..{}", unit, start, end);
    }
    let sorted = |starts: Vec<usize>| starts.windows(2).all(|w| w[0] <= w[1]);
    prop_assert!(sorted(report.mentions.iter().map(|m| m.span.start).collect()), "{unit}: mentions out of order");
    prop_assert!(report.mentions.windows(2).all(|w| w[0].span.end <= w[1].span.start), "{unit}: mentions overlap");
    prop_assert!(sorted(report.quotes.iter().map(|q| q.span.start).collect()), "{unit}: quotes out of order");
    prop_assert_eq!(report.actors.iter().map(|a| a.count).sum::<usize>(), report.mentions.len(), "{}: counts", unit);
    let json = report.to_json();
    prop_assert_eq!(&json, &serde_json::to_string(&report).unwrap(), "{}: JSON text", unit);
    let ascii = report.to_ascii_json();
    let value = |json: &str| serde_json::from_str::<serde_json::Value>(json).unwrap();
    prop_assert!(ascii.is_ascii(), "{unit}: ASCII JSON with other characters: {ascii}");
    prop_assert_eq!(value(&ascii), value(&json), "{}: ASCII JSON text", unit);
    Ok(())
}

proptest! {
    // A case that fails is kept in tests/regressions/ and tried first from then on.
    #![proptest_config(ProptestConfig {
        failure_persistence: Some(Box::new(proptest::test_runner::FileFailurePersistence::Direct("tests/regressions/properties.txt"))),
        ..ProptestConfig::with_cases(3_000)
    })]

    #[test]
    fn random_texts_give_sound_reports(text in text()) {
        for unit in [Unit::Utf16, Unit::Chars, Unit::Bytes] {
            sound(&text, unit)?;
        }
    }
}

#[test]
fn an_unbalanced_mark_in_a_long_text_stays_in_its_paragraph() {
    let paragraph = "Sadiq met officials in Pakistan and spoke at length. ";
    let text = format!("He said “this never closes.\n{}", paragraph.repeat(20_000));
    let report = SCANNER.scan(&text, Unit::Utf16);
    assert_eq!(report.quotes.len(), 1);
    assert_eq!(report.quotes[0].span.text, "“this never closes.");
    assert_eq!(report.mentions.len(), 40_000);
}
