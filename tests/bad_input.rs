//! Texts built to be as hard as a page can make them (issue 18's bad input): one quote of
//! 100,000 words, 10,000 quotes in one paragraph, a text of nothing but names, and a name
//! repeated 50,000 times. Each must scan in time in proportion to its length, which a test sees
//! by scanning a text and the same text four times over (linear: about 4 times as long; a pass
//! that goes back over what it found: 16), and on a small stack whatever the length.
//!
//! Timings are the fastest of three scans, and the bound is generous (8 times for 4 times the
//! text), so a busy machine does not fail them; a quadratic pass would take 16 times. Both texts
//! of a pair are longer than 256 KiB, where the aliases' DFA takes over from their NFA
//! (`src/actors.rs`), so that both are scanned the same way.

use std::time::{Duration, Instant};

use article_highlighter::{Config, Report, Scanner, Unit};

fn scanner() -> Scanner {
    let config = Config::from_json(
        r#"{"actors":[
        {"id":"sadiq","kind":"person","aliases":["Muhammad Sadiq","Sadiq"]},
        {"id":"ttp","kind":"group","aliases":["Tehreek-e-Taliban Pakistan","TTP"]},
        {"id":"pakistan","kind":"state","aliases":["Pakistan"]}]}"#,
    )
    .unwrap();
    Scanner::new(config).unwrap()
}

/// A stack far smaller than a thread's default (2 MiB in Rust, 8 MiB for a main thread), and than
/// a browser's wasm stack: a scan whose depth grew with its input would overflow it on these texts.
const SMALL_STACK: usize = 256 * 1024;

/// The fastest of three scans of `text`, run on a thread with a small stack, and its report.
fn scan(text: &str) -> (Duration, Report) {
    std::thread::scope(|scope| {
        std::thread::Builder::new()
            .stack_size(SMALL_STACK)
            .spawn_scoped(scope, || {
                let scanner = scanner();
                let mut fastest = Duration::MAX;
                let mut report = None;
                for _ in 0..3 {
                    let started = Instant::now();
                    report = Some(scanner.scan(text, Unit::Utf16));
                    fastest = fastest.min(started.elapsed());
                }
                (fastest, report.unwrap())
            })
            .unwrap()
            .join()
            .unwrap()
    })
}

/// Scans `unit` repeated `n` and `4 * n` times; checks the larger took at most 8 times as long and
/// returns both reports for the caller's checks of what they found.
fn linear(what: &str, text: impl Fn(usize) -> String, n: usize) -> (Report, Report) {
    let (small, large) = (text(n), text(4 * n));
    let (small_took, small_report) = scan(&small);
    let (large_took, large_report) = scan(&large);
    assert!(
        large_took < small_took * 8,
        "{what}: {large_took:?} for {} bytes against {small_took:?} for {} bytes",
        large.len(),
        small.len()
    );
    (small_report, large_report)
}

#[test]
fn a_quote_of_100_000_words() {
    let quote =
        |words: usize| format!("Sadiq said: “{}and so it ends.”\n", "the people of Pakistan ".repeat(words / 4));
    let (small, report) = linear("one long quote", quote, 50_000);
    assert_eq!(small.quotes.len(), 1);
    assert_eq!(report.quotes.len(), 1);
    assert_eq!(report.quotes[0].kind, "statement");
    assert_eq!(report.quotes[0].speaker.as_ref().map(|s| s.span.text.as_str()), Some("Sadiq"));
    // Every "Pakistan" inside the quote (200,000 words, 50,000 of them the name), named in what
    // the quote is about.
    assert_eq!(report.quotes[0].about.len(), 50_000);
}

#[test]
fn ten_thousand_quotes_in_one_paragraph() {
    let quotes = |n: usize| {
        let quote = "“We will not go back to Pakistan,” Sadiq said, and “nobody will make us,” he added. ";
        format!("{}\n", quote.repeat(n / 2))
    };
    let (small, large) = linear("quotes in one paragraph", quotes, 10_000);
    assert_eq!(small.quotes.len(), 10_000);
    assert_eq!(large.quotes.len(), 40_000);
    assert!(large.quotes.iter().all(|q| q.speaker.is_some()), "every quote has its speaker");
}

#[test]
fn a_text_of_nothing_but_names() {
    let names = |n: usize| {
        let people = ["Jane Smith", "John Brown", "Muhammad Sadiq", "Ursula von der Leyen", "Ali Khan"];
        (0..n).map(|i| people[i % people.len()]).collect::<Vec<_>>().join(" ")
    };
    let (small, large) = linear("nothing but names", names, 50_000);
    assert_eq!(small.mentions.len(), 10_000);
    assert_eq!(large.mentions.len(), 40_000);
    assert!(large.quotes.is_empty());
}

#[test]
fn a_name_repeated_50_000_times() {
    let named = |n: usize| "“Yes,” Jane Smith said. Smith, the senator, agreed. “No,” she said.\n".repeat(n);
    let (_, report) = linear("one name repeated", named, 6_250);
    assert_eq!(report.people.len(), 1);
    assert_eq!(report.people[0].name, "Jane Smith");
    // 25,000 lines: "Jane Smith" and "Smith" 50,000 times, and both quotes of each line hers.
    let hers = report.quotes.iter().filter(|q| q.speaker.as_ref().is_some_and(|s| s.person.is_some())).count();
    assert_eq!(hers, 50_000);
}
