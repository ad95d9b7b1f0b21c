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
use std::time::{Duration, Instant};

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
    "Jane",
    "Smith",
    "Ms.",
    "the senator",
    "Пётр",
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
        for a in &q.about {
            all.push((a.span.start, a.span.end, a.span.text.as_str()));
        }
    }
    for m in report.people.iter().flat_map(|p| &p.mentions) {
        all.push((m.start, m.end, m.text.as_str()));
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
    for q in &report.quotes {
        prop_assert!(sorted(q.about.iter().map(|a| a.span.start).collect()), "{unit}: about out of order");
    }
    for p in &report.people {
        prop_assert!(sorted(p.mentions.iter().map(|m| m.start).collect()), "{unit}: people's mentions out of order");
    }
    prop_assert_eq!(report.actors.iter().map(|a| a.count).sum::<usize>(), report.mentions.len(), "{}: counts", unit);
    let people: Vec<&str> = report.people.iter().map(|p| p.id.as_str()).collect();
    for q in &report.quotes {
        let person = q.speaker.as_ref().and_then(|s| s.person.as_deref());
        prop_assert!(person.is_none_or(|p| people.contains(&p)), "{unit}: a speaker's unknown person {person:?}");
    }
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

/// The fastest of two scans of `text`, and its report.
fn fastest_scan(text: &str) -> (Duration, Report) {
    let mut fastest = Duration::MAX;
    let mut report = None;
    for _ in 0..2 {
        let started = Instant::now();
        report = Some(SCANNER.scan(text, Unit::Utf16));
        fastest = fastest.min(started.elapsed());
    }
    (fastest, report.unwrap())
}

#[test]
fn a_name_repeated_50_000_times_takes_time_in_proportion() {
    // One person named, tied to a role, quoted, and referred to 50,000 times over, against a text
    // of the same length and as many quotes with nobody in it to gather: people are gathered by
    // looking their names up in maps, never by going back over the people or mentions found.
    let named = "“Yes, Smith,” Jane Smith said. Smith, the senator, agreed. “No,” she said.\n".repeat(50_000);
    let nobody = "“Yes, smith,” jane smith said. smith, the senator, agreed. “No,” she said.\n".repeat(50_000);
    assert_eq!(named.len(), nobody.len());
    let (baseline, _) = fastest_scan(&nobody);
    let (took, report) = fastest_scan(&named);
    assert_eq!(report.people.len(), 1);
    // Every "Jane Smith", "Smith" and "the senator" but the first "Smith", before any full name.
    assert_eq!(report.people[0].mentions.len(), 4 * 50_000 - 1);
    let linked = report.quotes.iter().filter(|q| q.speaker.as_ref().is_some_and(|s| s.person.is_some())).count();
    assert_eq!(linked, 2 * 50_000);
    assert!(took < baseline * 4, "{took:?} for the names against {baseline:?} for the baseline");
}
