//! The one result shape shared by the CLI, the wasm API and the shim.
//!
//! Spans are `start`/`end` (end exclusive) in the report's `unit`, with the matched `text` so a
//! reader of the JSON never needs to slice it. Everything is sorted by `start`.

use serde::Serialize;

use crate::actors::Mention;
use crate::attribution::{Attribution, QuoteKind, Rule};
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
    /// Every byte offset the report will carry, for the converter.
    fn offsets(&self) -> impl Iterator<Item = usize> + '_ {
        let mentions = self.mentions.iter().flat_map(|m| [m.start, m.end]);
        let quotes = self.quotes.iter().flat_map(|q| q.pieces.iter().flat_map(|&(s, e)| [s, e]));
        let attributed = self.attributions.iter().flat_map(|a| {
            let speaker = a.speaker.map(|s| [(s.start, s.end), s.refers_to.unwrap_or((s.start, s.end))]);
            speaker.into_iter().flatten().chain(a.cue).flat_map(|(s, e)| [s, e])
        });
        mentions.chain(quotes).chain(attributed)
    }

    /// From the start of the first of `parts` to the end of the last.
    fn extent(&self, parts: &[usize]) -> (usize, usize) {
        let first = parts.first().map_or(0, |&i| self.quotes[i].start);
        let last = parts.last().map_or(first, |&i| self.quotes[i].end);
        (first, last)
    }

    pub fn report(&self, config: &Config, unit: Unit) -> Report {
        let converter = Converter::new(self.text, unit, self.offsets());
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
