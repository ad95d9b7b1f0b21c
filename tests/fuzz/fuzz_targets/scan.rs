//! Scans arbitrary text: no panic, and every span sorted, inside the text, on character
//! boundaries, and slicing to its own `text` in the unit the first input byte picks.
#![no_main]

use std::sync::OnceLock;

use article_highlighter::report::Report;
use article_highlighter::{Config, Scanner, Unit};
use libfuzzer_sys::fuzz_target;

fn scanner() -> &'static Scanner {
    static SCANNER: OnceLock<Scanner> = OnceLock::new();
    SCANNER.get_or_init(|| {
        let config = Config::from_json(
            r#"{"actors":[
            {"id":"sadiq","kind":"person","aliases":["Muhammad Sadiq","Sadiq"]},
            {"id":"ttp","kind":"group","aliases":["Tehreek-e-Taliban Pakistan","TTP"]},
            {"id":"taliban","kind":"group","aliases":["Taliban"]},
            {"id":"usa","kind":"state","aliases":["U.S.","United States"],"patterns":["\\bUSA\\b"]},
            {"id":"kyiv","kind":"place","aliases":["Київ","東京","İstanbul"]},
            {"id":"it","kind":"organization","aliases":["it"],"caseSensitive":true}]}"#,
        )
        .expect("valid config");
        Scanner::new(config).expect("compiles")
    })
}

/// The text in every unit, to slice spans by.
struct Views {
    chars: Vec<char>,
    units: Vec<u16>,
}

/// The text of `start..end` counted in `unit`, or None if those offsets are not valid there.
fn slice(text: &str, views: &Views, unit: Unit, start: usize, end: usize) -> Option<String> {
    match unit {
        Unit::Bytes => text.get(start..end).map(str::to_owned),
        Unit::Chars => views.chars.get(start..end).map(|c| c.iter().collect()),
        Unit::Utf16 => String::from_utf16(views.units.get(start..end)?).ok(),
    }
}

fn check(text: &str, unit: Unit, report: &Report) {
    let views = Views { chars: text.chars().collect(), units: text.encode_utf16().collect() };
    let mut spans = Vec::new();
    for m in &report.mentions {
        spans.push(&m.span);
    }
    for q in &report.quotes {
        spans.push(&q.span);
        spans.extend(&q.pieces);
        if let Some(s) = &q.speaker {
            spans.push(&s.span);
            spans.extend(&s.refers_to);
        }
        spans.extend(&q.cue);
    }
    for s in spans {
        assert!(s.start < s.end, "empty or reversed span {s:?}");
        assert_eq!(slice(text, &views, unit, s.start, s.end).as_deref(), Some(s.text.as_str()), "{s:?}");
    }
    assert!(report.mentions.windows(2).all(|w| w[0].span.end <= w[1].span.start), "mentions overlap");
    assert!(report.quotes.windows(2).all(|w| w[0].span.start <= w[1].span.start), "quotes unsorted");
}

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else { return };
    let unit = [Unit::Utf16, Unit::Chars, Unit::Bytes][usize::from(first % 3)];
    let text = String::from_utf8_lossy(rest);
    let report = scanner().scan(&text, unit);
    check(&text, unit, &report);
});
