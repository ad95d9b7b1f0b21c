//! Properties of every scan, over many random texts built from the characters that make real
//! pages hard: quote marks of several kinds, apostrophes, emoji, soft hyphens, zero-width and
//! no-break spaces, line and paragraph breaks, and pieces of aliases. A scan must never panic (a
//! panic would cross into JavaScript), and every span must be sorted, inside the text, and slice
//! to its own `text` in each offset unit; the report's own JSON text must be serde_json's, and
//! its ASCII JSON (what the browser gets) the same value.

use article_highlighter::{Config, Report, Scanner, Unit};

/// A small deterministic generator (xorshift64*), so a failure can be replayed from its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

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

fn random_text(rng: &mut Rng) -> String {
    let len = rng.below(80);
    (0..len).map(|_| PIECES[rng.below(PIECES.len())]).collect()
}

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

#[test]
fn random_texts_give_sound_reports() {
    let scanner = scanner();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for case in 0..3_000 {
        let text = random_text(&mut rng);
        for unit in [Unit::Utf16, Unit::Chars, Unit::Bytes] {
            let report = scanner.scan(&text, unit);
            for (start, end, span_text) in spans(&report) {
                assert!(start < end, "case {case}: empty span in {text:?}");
                assert_eq!(slice(&text, unit, start, end).as_deref(), Some(span_text), "case {case} {unit}: {text:?}");
            }
            let starts = |v: Vec<usize>| v.windows(2).all(|w| w[0] <= w[1]);
            assert!(starts(report.mentions.iter().map(|m| m.span.start).collect()), "case {case}");
            assert!(report.mentions.windows(2).all(|w| w[0].span.end <= w[1].span.start), "case {case}: overlap");
            assert!(starts(report.quotes.iter().map(|q| q.span.start).collect()), "case {case}");
            assert_eq!(report.actors.iter().map(|a| a.count).sum::<usize>(), report.mentions.len());
            let json = report.to_json();
            assert_eq!(json, serde_json::to_string(&report).unwrap(), "case {case}: JSON text");
            let ascii = report.to_ascii_json();
            let value = |json: &str| serde_json::from_str::<serde_json::Value>(json).unwrap();
            assert!(ascii.is_ascii() && value(&ascii) == value(&json), "case {case}: ASCII JSON text");
        }
    }
}

#[test]
fn an_unbalanced_mark_in_a_long_text_stays_in_its_paragraph() {
    let scanner = scanner();
    let paragraph = "Sadiq met officials in Pakistan and spoke at length. ";
    let text = format!("He said “this never closes.\n{}", paragraph.repeat(20_000));
    let report = scanner.scan(&text, Unit::Utf16);
    assert_eq!(report.quotes.len(), 1);
    assert_eq!(report.quotes[0].span.text, "“this never closes.");
    assert_eq!(report.mentions.len(), 40_000);
}
