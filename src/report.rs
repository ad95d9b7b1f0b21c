//! The one result shape shared by the CLI, the wasm API and the shim.
//!
//! Spans are `start`/`end` (end exclusive) in the report's `unit`, with the matched `text` so a
//! reader of the JSON never needs to slice it. Everything is sorted by `start`.
//!
//! ```
//! use article_highlighter::{Config, Scanner, Unit};
//!
//! let config = Config::from_json(r#"{"actors": [{"id": "sadiq", "aliases": ["Sadiq"]}, {"id": "un", "aliases": ["UN"]}]}"#).unwrap();
//! let report = Scanner::new(config).unwrap().scan("The UN called. “We are ready,” Sadiq said.", Unit::Chars);
//! let starts: Vec<usize> = report.mentions.iter().map(|m| m.span.start).collect();
//! assert_eq!(starts, [4, 31]);
//! assert_eq!(report.mentions[0].span.text, "UN");
//! ```

use std::io;

use serde::Serialize;

use crate::actors::Mention;
use crate::attribution::{Attributions, QuoteKind, Referent, Rule};
use crate::config::Config;
use crate::ids::DerivedIds;
use crate::offsets::{Converter, Unit};
use crate::quotes::Quote;

/// What a scan found in one text. It serializes (serde) to the JSON that the command line prints
/// and the page reads.
///
/// ```
/// use article_highlighter::{Config, Scanner, Unit};
///
/// let config = Config::from_json(r#"{"actors": [{"id": "un", "aliases": ["United Nations"]}]}"#).unwrap();
/// let text = "“We are ready,” the United Nations said.";
/// let report = Scanner::new(config).unwrap().scan(text, Unit::Bytes);
///
/// let mention = &report.mentions[0];
/// assert_eq!(&text[mention.span.start..mention.span.end], "United Nations");
/// assert_eq!(report.quotes[0].span.text, "“We are ready,”");
/// assert_eq!(report.actors[0].count, 1);
///
/// let json = serde_json::to_value(&report).unwrap();
/// assert_eq!(json["unit"], "bytes");
/// assert_eq!(json["mentions"][0]["actor"], "un");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// The unit of every offset below: `utf16`, `chars` or `bytes` (see [`Unit`]).
    pub unit: &'static str,
    /// Every mention of a configured actor.
    pub mentions: Vec<MentionOut>,
    /// Every quote, with its speaker where one was found.
    pub quotes: Vec<QuoteOut>,
    /// Every configured actor, in config order, with how often it was mentioned.
    pub actors: Vec<ActorOut>,
    /// The named speakers who are not configured actors, one entry per person however the
    /// article names them, in the order of their first mention.
    pub people: Vec<PersonOut>,
}

/// A stretch of the scanned text. It carries its text so that a reader of the JSON never needs
/// to slice the original, in whatever unit the offsets are.
///
/// ```
/// use article_highlighter::{Config, Scanner, Unit};
///
/// let config = Config::from_json(r#"{"actors": [{"id": "kabul", "aliases": ["Kabul"]}]}"#).unwrap();
/// let text = "Snow fell on Kabul.";
/// let span = &Scanner::new(config).unwrap().scan(text, Unit::Bytes).mentions[0].span;
/// assert_eq!((span.start, span.end), (13, 18));
/// assert_eq!(span.text, &text[span.start..span.end]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Span {
    /// Where the stretch starts, in the report's unit.
    pub start: usize,
    /// Where it ends (exclusive), in the report's unit.
    pub end: usize,
    /// The text between them.
    pub text: String,
}

/// One mention of a configured actor: the words of the text that name it, for highlighting
/// them in the actor's colour.
///
/// ```
/// use article_highlighter::{Config, Scanner, Unit};
///
/// let config = Config::from_json(r#"{"actors": [{"id": "ttp", "aliases": ["Tehreek-e-Taliban Pakistan", "TTP"]}]}"#).unwrap();
/// let report = Scanner::new(config).unwrap().scan("The Tehreek-e-Taliban Pakistan (TTP) denied it.", Unit::Bytes);
/// let names: Vec<(&str, &str)> = report.mentions.iter().map(|m| (m.actor.as_str(), m.span.text.as_str())).collect();
/// assert_eq!(names, [("ttp", "Tehreek-e-Taliban Pakistan"), ("ttp", "TTP")]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MentionOut {
    /// The actor's id.
    pub actor: String,
    /// The words that name it, as the text writes them (flattened into the mention in JSON).
    #[serde(flatten)]
    pub span: Span,
}

/// One quote: a statement with who said it and the words that say so, or a quoted term or title.
///
/// ```
/// use article_highlighter::{Config, Scanner, Unit};
///
/// let config = Config::from_json(r#"{"actors": [{"id": "sadiq", "aliases": ["Sadiq"]}]}"#).unwrap();
/// let report = Scanner::new(config).unwrap().scan("“We are ready,” Sadiq said.", Unit::Chars);
/// let quote = &report.quotes[0];
/// assert_eq!((quote.span.text.as_str(), quote.kind), ("“We are ready,”", "statement"));
/// assert_eq!(quote.cue.as_ref().unwrap().text, "Sadiq said");
/// assert_eq!(quote.rule, Some("after"));
/// assert!(quote.confidence > 0.5);
/// ```
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
    /// Who said it, where a rule found someone; only statements have speakers.
    pub speaker: Option<SpeakerOut>,
    /// The words that attribute the quote ("Sadiq said").
    pub cue: Option<Span>,
    /// Which rule attributed it: `after`, `after-inverted`, `before`, `according-to`,
    /// `next-quote` or `follow-on`; null when none did.
    pub rule: Option<&'static str>,
    /// A prior for the rule, from 0 to 1 (less for a pronoun): not a calibrated probability.
    pub confidence: f64,
    /// Whom a statement's quoted words name: actors (by mention, role noun or pronoun) and
    /// people. Empty for terms and titles.
    pub about: Vec<AboutOut>,
}

/// The speaker of a quote: a configured actor, or words that name someone who is not on the list.
///
/// ```
/// use article_highlighter::{Config, Scanner, Unit};
///
/// let config = Config::from_json(r#"{"actors": [{"id": "sadiq", "kind": "person", "aliases": ["Sadiq"]}]}"#).unwrap();
/// let text = "“We are ready,” Sadiq said. “Talks will go on,” he added.";
/// let report = Scanner::new(config).unwrap().scan(text, Unit::Chars);
/// let speaker = report.quotes[1].speaker.as_ref().unwrap();
/// assert_eq!((speaker.actor.as_deref(), speaker.span.text.as_str()), (Some("sadiq"), "he"));
/// assert_eq!(speaker.refers_to.as_ref().unwrap().text, "Sadiq");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SpeakerOut {
    /// The configured actor's id, or null for a speaker who is not configured.
    pub actor: Option<String>,
    /// The words that name the speaker ("Sadiq", "he", "a senior official").
    #[serde(flatten)]
    pub span: Span,
    /// For a pronoun ("he"): the earlier name it stands for.
    pub refers_to: Option<Span>,
    /// For a speaker who is not a configured actor: the id of the person in `people` they are,
    /// named ("Smith"), by role ("the senator") or by a pronoun that refers to no actor.
    pub person: Option<String>,
}

/// A named speaker who is not a configured actor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PersonOut {
    /// Derived from the name ("jane-smith"), unique among the report's people and actors.
    pub id: String,
    /// The fullest name the article gives: "Jane Smith", or "Mr. Pruitt" with no full name.
    pub name: String,
    /// Every mention: names ("Jane Smith", "Smith", "Sen. Smith") and role nouns tied to the
    /// name ("the senator").
    pub mentions: Vec<Span>,
}

/// An actor or a person a quote names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AboutOut {
    #[serde(flatten)]
    pub who: Who,
    #[serde(flatten)]
    pub span: Span,
}

/// Written as `"actor": id` or `"person": id`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Who {
    Actor(String),
    Person(String),
}

/// A configured actor, as a sidebar lists it: every actor of the config, mentioned or not.
///
/// ```
/// use article_highlighter::{Config, Scanner, Unit};
///
/// let config = Config::from_json(r#"{"actors": [
///     {"id": "un", "name": "United Nations", "kind": "organization", "aliases": ["UN"]},
///     {"id": "sadiq", "kind": "person", "aliases": ["Sadiq"]}
/// ]}"#).unwrap();
/// let report = Scanner::new(config).unwrap().scan("The UN met. The UN spoke.", Unit::Chars);
/// let counts: Vec<(&str, usize)> = report.actors.iter().map(|a| (a.name.as_str(), a.count)).collect();
/// assert_eq!(counts, [("United Nations", 2), ("sadiq", 0)]);
/// assert_eq!(report.actors[0].kind, "organization");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActorOut {
    /// The actor's id.
    pub id: String,
    /// Its display name.
    pub name: String,
    /// Its kind: `person`, `organization`, `state`, `group`, `place` or `other`.
    pub kind: &'static str,
    /// Its CSS hex colour.
    pub color: String,
    /// How many mentions of it the text has (0 if none).
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
pub(crate) struct Findings<'a> {
    pub text: &'a str,
    pub mentions: &'a [Mention],
    pub quotes: &'a [Quote],
    pub attributed: &'a Attributions,
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
        let person_ids: Vec<String> = match self.attributed.people.names.is_empty() {
            true => Vec::new(),
            false => {
                let mut ids = DerivedIds::new(config.actors.iter().map(|a| a.id.as_str()).collect(), "person");
                self.attributed.people.names.iter().map(|name| ids.derive(name)).collect()
            }
        };
        let who = |referent: Referent| match referent {
            Referent::Actor(actor) => Who::Actor(id(actor)),
            Referent::Person(person) => Who::Person(person_ids[person].clone()),
        };
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
            .attributed
            .quotes
            .iter()
            .zip(&self.attributed.about)
            .zip(&self.attributed.people.speakers)
            .map(|((a, about), person)| QuoteOut {
                span: span(self.extent(&a.parts)),
                pieces: a.parts.iter().flat_map(|&i| &self.quotes[i].pieces).map(|&p| span(p)).collect(),
                kind: a.kind.as_str(),
                speaker: a.speaker.map(|s| SpeakerOut {
                    actor: s.actor.map(id),
                    span: span((s.start, s.end)),
                    refers_to: s.refers_to.map(span),
                    person: person.map(|p| person_ids[p].clone()),
                }),
                cue: a.cue.map(span),
                rule: a.rule.map(Rule::as_str),
                confidence: a.confidence,
                about: about.iter().map(|n| AboutOut { who: who(n.who), span: span((n.start, n.end)) }).collect(),
            })
            .collect();
        let mut people: Vec<PersonOut> = self
            .attributed
            .people
            .names
            .iter()
            .zip(&person_ids)
            .map(|(name, id)| PersonOut { id: id.clone(), name: name.clone(), mentions: Vec::new() })
            .collect();
        for n in &self.attributed.people.mentions {
            if let Referent::Person(p) = n.who {
                people[p].mentions.push(span((n.start, n.end)));
            }
        }
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
        Report { unit: unit.as_str(), mentions, quotes, actors, people }
    }
}

impl Report {
    /// The report as compact JSON text, as the command line prints it.
    ///
    /// ```
    /// use article_highlighter::{Config, Scanner, Unit};
    ///
    /// let config = Config::from_json(r#"{"actors": [{"id": "un", "aliases": ["UN"]}]}"#).unwrap();
    /// let json = Scanner::new(config).unwrap().scan("The UN met.", Unit::Utf16).to_json();
    /// assert!(json.starts_with(r#"{"unit":"utf16","mentions":[{"actor":"un","start":4,"end":6,"text":"UN"}]"#));
    /// ```
    pub fn to_json(&self) -> String {
        // Serializing these types cannot fail: every map key is a string and no value is a
        // non-finite float that serde_json refuses (it writes `null` for those).
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The same JSON in ASCII alone: every other character written as `\u` escapes. The wasm host
    /// hands reports over this way because browsers decode ASCII bytes into a string about four
    /// times faster than UTF-8 holding other characters (`tests/BENCHMARKS.md`, "Where a scan's
    /// time goes").
    ///
    /// ```
    /// use article_highlighter::{Config, Scanner, Unit};
    ///
    /// let config = Config::from_json(r#"{"actors": [{"id": "sadiq", "aliases": ["Sadiq"]}]}"#).unwrap();
    /// let report = Scanner::new(config).unwrap().scan("“Ça va,” Sadiq said.", Unit::Utf16);
    /// let json = report.to_ascii_json();
    /// assert!(json.is_ascii() && json.contains(r#""text":"\u201c\u00c7a va,\u201d""#));
    /// let value = |json: &str| serde_json::from_str::<serde_json::Value>(json).unwrap();
    /// assert_eq!(value(&json), value(&report.to_json()));
    /// ```
    pub fn to_ascii_json(&self) -> String {
        let mut out = Vec::with_capacity(256 + 128 * (self.mentions.len() + 4 * self.quotes.len()));
        let mut serializer = serde_json::Serializer::with_formatter(&mut out, AsciiFormatter);
        if self.serialize(&mut serializer).is_err() {
            return String::new();
        }
        // Only ASCII was written.
        String::from_utf8(out).unwrap_or_default()
    }
}

/// serde_json's compact format, with every character past ASCII in a string escaped as `\u`
/// (two for a character beyond the Basic Multilingual Plane, as JSON requires).
struct AsciiFormatter;

impl serde_json::ser::Formatter for AsciiFormatter {
    fn write_string_fragment<W: ?Sized + io::Write>(&mut self, writer: &mut W, fragment: &str) -> io::Result<()> {
        if fragment.is_ascii() {
            return writer.write_all(fragment.as_bytes());
        }
        let mut rest = fragment;
        while let Some(at) = rest.bytes().position(|b| !b.is_ascii()) {
            writer.write_all(&rest.as_bytes()[..at])?;
            let c = rest[at..].chars().next().unwrap_or_default();
            for unit in c.encode_utf16(&mut [0; 2]) {
                write!(writer, "\\u{unit:04x}")?;
            }
            rest = &rest[at + c.len_utf8()..];
        }
        writer.write_all(rest.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::Who;
    use crate::{Config, Scanner, Unit};

    /// `text[start..end]` in `unit`s.
    fn slice(text: &str, unit: Unit, start: usize, end: usize) -> String {
        match unit {
            Unit::Bytes => text[start..end].to_owned(),
            Unit::Chars => text.chars().skip(start).take(end - start).collect(),
            Unit::Utf16 => String::from_utf16(&text.encode_utf16().collect::<Vec<u16>>()[start..end]).unwrap(),
        }
    }

    #[test]
    fn people_and_about_spans_are_in_the_reports_unit() {
        // An actor's id is never a person's: Jane Smith is `jane-smith-2`.
        let config = Config::from_json(
            r#"{"actors":[{"id":"sadiq","kind":"person","aliases":["Sadiq"]},{"id":"jane-smith","aliases":["Lahore"]}]}"#,
        )
        .unwrap();
        let text = "😀 Пётр Иванов, the minister, arrived in Lahore.\n“Иванов is wrong 😀,” Sadiq said.\n\
                    “We won 👍🏽,” Иванов said.\n“Jane Smith knows Lahore,” the minister said.\n“Yes,” Jane Smith said.";
        for unit in [Unit::Utf16, Unit::Chars, Unit::Bytes] {
            let report = Scanner::new(config.clone()).unwrap().scan(text, unit);
            let people: Vec<(&str, &str, Vec<&str>)> = report
                .people
                .iter()
                .map(|p| (p.id.as_str(), p.name.as_str(), p.mentions.iter().map(|m| m.text.as_str()).collect()))
                .collect();
            assert_eq!(
                people,
                [
                    ("пётр-иванов", "Пётр Иванов", vec!["Пётр Иванов", "the minister", "Иванов", "Иванов", "the minister"]),
                    ("jane-smith-2", "Jane Smith", vec!["Jane Smith", "Jane Smith"]),
                ]
            );
            let persons: Vec<Option<&str>> =
                report.quotes.iter().map(|q| q.speaker.as_ref().and_then(|s| s.person.as_deref())).collect();
            assert_eq!(persons, [None, Some("пётр-иванов"), Some("пётр-иванов"), Some("jane-smith-2")]);
            let about: Vec<Vec<(&Who, &str)>> =
                report.quotes.iter().map(|q| q.about.iter().map(|a| (&a.who, a.span.text.as_str())).collect()).collect();
            let (ivanov, smith) = (Who::Person("пётр-иванов".into()), Who::Person("jane-smith-2".into()));
            let lahore = Who::Actor("jane-smith".into());
            assert_eq!(about, [vec![(&ivanov, "Иванов")], vec![], vec![(&smith, "Jane Smith"), (&lahore, "Lahore")], vec![]]);
            let spans = report.people.iter().flat_map(|p| &p.mentions).chain(report.quotes.iter().flat_map(|q| q.about.iter().map(|a| &a.span)));
            for span in spans {
                assert_eq!(slice(text, unit, span.start, span.end), span.text, "{unit}");
            }
        }
    }

    #[test]
    fn ascii_json_is_the_same_json() {
        let config =
            Config::from_json(r#"{"actors":[{"id":"ṣādiq \"\\ \u0001","name":"Ṣādiq 😀","aliases":["Ṣādiq"]}]}"#)
                .unwrap();
        let scanner = Scanner::new(config).unwrap();
        for text in ["", "“Ça va — 😀,” Ṣādiq said. 北京 \u{2028}\"x\" \u{1}\t\\ \u{7f}"] {
            let report = scanner.scan(text, Unit::Utf16);
            let ascii = report.to_ascii_json();
            assert!(ascii.is_ascii());
            if !text.is_empty() {
                assert!(ascii.contains(r"\u201c") && ascii.contains(r"\ud83d\ude00"), "{ascii}");
            }
            let value = |json: &str| serde_json::from_str::<serde_json::Value>(json).unwrap();
            assert_eq!(value(&ascii), value(&report.to_json()));
            assert_eq!(value(&ascii), serde_json::to_value(&report).unwrap());
        }
    }
}
