//! The one result shape shared by the CLI, the wasm API and the shim.
//!
//! Spans are `start`/`end` (end exclusive) in the report's `unit`, with the matched `text` so a
//! reader of the JSON never needs to slice it. Everything is sorted by `start`.

use std::fmt::Write;

use serde::Serialize;

use crate::actors::Mention;
use crate::attribution::{Attribution, QuoteKind, Rule};
use crate::bytes::{find_byte, holds, holds_below, holds_high};
use crate::config::Config;
use crate::offsets::{Converter, Unit};
use crate::quotes::Quote;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// The unit of every offset below.
    pub unit: &'static str,
    pub mentions: Vec<MentionOut>,
    pub quotes: Vec<QuoteOut>,
    /// Every configured actor, in config order, with how often it was mentioned.
    pub actors: Vec<ActorOut>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MentionOut {
    pub actor: String,
    #[serde(flatten)]
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteOut {
    /// From the first mark to the last; for a quote split by its attribution this includes the
    /// attribution between its pieces.
    #[serde(flatten)]
    pub span: Span,
    /// The quoted pieces, marks included: one per paragraph of a long quote, one per part of a
    /// quote split by its attribution.
    pub pieces: Vec<Span>,
    /// `statement`, `term` (a scare quote or quoted phrase) or `title` (the name of a work).
    pub kind: &'static str,
    pub speaker: Option<SpeakerOut>,
    /// The words that attribute the quote ("Sadiq said").
    pub cue: Option<Span>,
    /// Which rule attributed it: `after`, `after-inverted`, `before`, `according-to`,
    /// `next-quote` or `follow-on`; null when none did.
    pub rule: Option<&'static str>,
    pub confidence: f64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SpeakerOut {
    /// The configured actor's id, or null for a speaker who is not configured.
    pub actor: Option<String>,
    #[serde(flatten)]
    pub span: Span,
    /// For a pronoun ("he"): the earlier name it stands for.
    pub refers_to: Option<Span>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActorOut {
    pub id: String,
    pub name: String,
    pub kind: &'static str,
    pub color: String,
    pub count: usize,
}

impl QuoteKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Statement => "statement",
            QuoteKind::Term => "term",
            QuoteKind::Title => "title",
        }
    }
}

impl Rule {
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::After => "after",
            Rule::AfterInverted => "after-inverted",
            Rule::Before => "before",
            Rule::AccordingTo => "according-to",
            Rule::NextQuote => "next-quote",
            Rule::FollowOn => "follow-on",
            Rule::Context => "context",
        }
    }
}

/// The core's findings for one text, in byte offsets.
pub struct Findings<'a> {
    pub text: &'a str,
    pub mentions: &'a [Mention],
    pub quotes: &'a [Quote],
    pub attributions: &'a [Attribution],
}

impl Findings<'_> {
    /// From the start of the first of `parts` to the end of the last.
    fn extent(&self, parts: &[usize]) -> (usize, usize) {
        let first = parts.first().map_or(0, |&i| self.quotes[i].start);
        let last = parts.last().map_or(first, |&i| self.quotes[i].end);
        (first, last)
    }

    pub fn report(&self, config: &Config, unit: Unit) -> Report {
        let converter = Converter::new(self.text, unit);
        let span = |(start, end): (usize, usize)| Span {
            start: converter.convert(start),
            end: converter.convert(end),
            // A malformed span is a bug (the property tests look for them), never a panic
            // across the wasm boundary.
            text: self.text.get(start..end).unwrap_or_default().to_owned(),
        };
        let id = |actor: usize| config.actors[actor].id.clone();
        let mut counts = vec![0; config.actors.len()];
        let mentions = self
            .mentions
            .iter()
            .map(|m| {
                counts[m.actor] += 1;
                MentionOut { actor: id(m.actor), span: span((m.start, m.end)) }
            })
            .collect();
        let quotes = self
            .attributions
            .iter()
            .map(|a| QuoteOut {
                span: span(self.extent(&a.parts)),
                pieces: a.parts.iter().flat_map(|&i| &self.quotes[i].pieces).map(|&p| span(p)).collect(),
                kind: a.kind.as_str(),
                speaker: a.speaker.map(|s| SpeakerOut {
                    actor: s.actor.map(id),
                    span: span((s.start, s.end)),
                    refers_to: s.refers_to.map(span),
                }),
                cue: a.cue.map(span),
                rule: a.rule.map(Rule::as_str),
                confidence: a.confidence,
            })
            .collect();
        let actors = config
            .actors
            .iter()
            .zip(counts)
            .map(|(a, count)| ActorOut {
                id: a.id.clone(),
                name: a.name.clone(),
                kind: a.kind.as_str(),
                color: a.color.clone(),
                count,
            })
            .collect();
        Report { unit: unit.as_str(), mentions, quotes, actors }
    }
}

impl Report {
    /// The report as JSON text, exactly as `serde_json::to_string` writes it (the tests compare
    /// them), but by hand: the wasm host hands reports to JavaScript as JSON text, and serde_json's
    /// serializer would add about 2.5 KB gzipped to the page's payload (`tests/BENCHMARKS.md`,
    /// "Payload size").
    pub fn to_json(&self) -> String {
        self.write_json(false)
    }

    /// The same JSON in ASCII alone: every other character written as `\u` escapes. The wasm host
    /// hands reports over this way because browsers decode ASCII bytes into a string about four
    /// times faster than UTF-8 holding other characters (`tests/BENCHMARKS.md`, "Where a scan's
    /// time goes").
    pub fn to_ascii_json(&self) -> String {
        self.write_json(true)
    }

    fn write_json(&self, ascii: bool) -> String {
        let out = String::with_capacity(256 + 128 * (self.mentions.len() + 4 * self.quotes.len()));
        let mut w = JsonWriter { out, ascii };
        w.raw("{\"unit\":");
        w.string(self.unit);
        w.raw(",\"mentions\":");
        w.list(&self.mentions, |w, m| {
            w.raw("{\"actor\":");
            w.string(&m.actor);
            w.raw(",");
            w.span_fields(&m.span);
            w.raw("}");
        });
        w.raw(",\"quotes\":");
        w.list(&self.quotes, |w, q| {
            w.raw("{");
            w.span_fields(&q.span);
            w.raw(",\"pieces\":");
            w.list(&q.pieces, JsonWriter::span);
            w.raw(",\"kind\":");
            w.string(q.kind);
            w.raw(",\"speaker\":");
            w.option(q.speaker.as_ref(), |w, s| {
                w.raw("{\"actor\":");
                w.option(s.actor.as_deref(), JsonWriter::string);
                w.raw(",");
                w.span_fields(&s.span);
                w.raw(",\"refers_to\":");
                w.option(s.refers_to.as_ref(), JsonWriter::span);
                w.raw("}");
            });
            w.raw(",\"cue\":");
            w.option(q.cue.as_ref(), JsonWriter::span);
            w.raw(",\"rule\":");
            w.option(q.rule, JsonWriter::string);
            w.raw(",\"confidence\":");
            if q.confidence.is_finite() {
                w.raw(zmij::Buffer::new().format_finite(q.confidence));
            } else {
                w.raw("null");
            }
            w.raw("}");
        });
        w.raw(",\"actors\":");
        w.list(&self.actors, |w, a| {
            w.raw("{\"id\":");
            w.string(&a.id);
            w.raw(",\"name\":");
            w.string(&a.name);
            w.raw(",\"kind\":");
            w.string(a.kind);
            w.raw(",\"color\":");
            w.string(&a.color);
            w.raw(",\"count\":");
            w.number(a.count);
            w.raw("}");
        });
        w.raw("}");
        w.out
    }
}

/// Compact JSON text, as serde_json writes it, or in ASCII alone.
struct JsonWriter {
    out: String,
    /// Whether characters past ASCII are written as `\u` escapes.
    ascii: bool,
}

impl JsonWriter {
    fn raw(&mut self, text: &str) {
        self.out.push_str(text);
    }

    fn number(&mut self, n: usize) {
        // Writing to a String cannot fail.
        let _ = write!(self.out, "{n}");
    }

    /// A string literal: quotes, backslashes and control characters escaped, and in ASCII mode
    /// every character past ASCII.
    fn string(&mut self, s: &str) {
        self.out.push('"');
        let ascii = self.ascii;
        let mut rest = s;
        // Copy the runs between characters to escape whole.
        loop {
            let at = find_byte(
                rest.as_bytes(),
                0,
                |b| b < b' ' || b == b'"' || b == b'\\' || (ascii && !b.is_ascii()),
                |w| holds_below(w, b' ') || holds(w, b'"') || holds(w, b'\\') || (ascii && holds_high(w)),
            );
            if at == rest.len() {
                break;
            }
            self.out.push_str(&rest[..at]);
            let escaped = rest[at..].chars().next().unwrap_or_default();
            match escaped {
                '"' => self.out.push_str("\\\""),
                '\\' => self.out.push_str("\\\\"),
                '\n' => self.out.push_str("\\n"),
                '\r' => self.out.push_str("\\r"),
                '\t' => self.out.push_str("\\t"),
                '\u{8}' => self.out.push_str("\\b"),
                '\u{c}' => self.out.push_str("\\f"),
                _ => {
                    // Hex digits by hand: through `write!`, writing the benchmark's 1 MB text's
                    // report took a sixth longer.
                    for unit in escaped.encode_utf16(&mut [0; 2]) {
                        self.out.push_str("\\u");
                        for shift in [12, 8, 4, 0] {
                            self.out.push(char::from(b"0123456789abcdef"[usize::from(*unit >> shift & 0xf)]));
                        }
                    }
                }
            }
            rest = &rest[at + escaped.len_utf8()..];
        }
        self.out.push_str(rest);
        self.out.push('"');
    }

    /// `"start":…,"end":…,"text":…`, the fields a span adds to the object it is flattened into.
    fn span_fields(&mut self, span: &Span) {
        self.raw("\"start\":");
        self.number(span.start);
        self.raw(",\"end\":");
        self.number(span.end);
        self.raw(",\"text\":");
        self.string(&span.text);
    }

    fn span(&mut self, span: &Span) {
        self.raw("{");
        self.span_fields(span);
        self.raw("}");
    }

    fn option<T>(&mut self, value: Option<T>, write: impl FnOnce(&mut Self, T)) {
        match value {
            Some(value) => write(self, value),
            None => self.raw("null"),
        }
    }

    fn list<T>(&mut self, items: &[T], mut write: impl FnMut(&mut Self, &T)) {
        self.raw("[");
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.raw(",");
            }
            write(self, item);
        }
        self.raw("]");
    }
}

#[cfg(test)]
mod tests {
    use super::JsonWriter;
    use crate::{Config, Scanner, Unit};

    #[test]
    fn json_text_is_serde_jsons() {
        let config = Config::from_json(
            r#"{"actors":[{"id":"sadiq \"\\ \u0001","name":"Sa\tdiq","kind":"person","aliases":["Sadiq"]}]}"#,
        )
        .unwrap();
        let scanner = Scanner::new(config).unwrap();
        for text in ["", "“A\u{1}\t\\ \"b\" \u{2028} 😀 \u{7f},” Sadiq said. “And he said so,” he said."] {
            let report = scanner.scan(text, Unit::Utf16);
            assert_eq!(report.to_json(), serde_json::to_string(&report).unwrap());
        }
    }

    #[test]
    fn ascii_json_is_the_same_json() {
        let config = Config::from_json(r#"{"actors":[{"id":"ṣādiq","name":"Ṣādiq 😀","aliases":["Ṣādiq"]}]}"#).unwrap();
        let scanner = Scanner::new(config).unwrap();
        let report = scanner.scan("“Ça va — 😀,” Ṣādiq said. 北京 \u{2028}\"x\"", Unit::Utf16);
        let ascii = report.to_ascii_json();
        assert!(ascii.is_ascii() && ascii.contains(r"\u201c") && ascii.contains(r"\ud83d\ude00"));
        let value = |json: &str| serde_json::from_str::<serde_json::Value>(json).unwrap();
        assert_eq!(value(&ascii), value(&report.to_json()));
    }

    #[test]
    fn escapes_are_found_wherever_they_sit_in_a_word() {
        for pad in 0..17 {
            for special in ["\"", "\\", "\n", "\u{1}", "\u{1f}", "é", "😀", "\u{7f}", " "] {
                let text = format!("{}{special}tail{special}", "a".repeat(pad));
                let mut w = JsonWriter { out: String::new(), ascii: false };
                w.string(&text);
                assert_eq!(w.out, serde_json::to_string(&text).unwrap());
                let mut w = JsonWriter { out: String::new(), ascii: true };
                w.string(&text);
                assert!(w.out.is_ascii());
                assert_eq!(serde_json::from_str::<String>(&w.out).unwrap(), text);
            }
        }
    }
}
