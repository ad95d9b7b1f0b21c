//! Who said each quote: reporting-verb cues next to the quote, and the speaker they name.
//!
//! News prose attributes quotes in a few fixed shapes, and rules over a handful of words around
//! the quote find them without a parser. Roughly in the order they are tried (the exact order,
//! and the rarer shapes, are in [`rules`]):
//! 1. after the quote: “…,” Sadiq said / “…,” he confirmed / “…,” a senior official told reporters;
//! 2. after the quote, inverted: “…,” said Sadiq, the envoy;
//! 3. before it: Sadiq said: “…” / Sadiq, the envoy, told the crowd in Lahore: “…” / he said that “…”;
//! 4. "according to": “…,” according to Sadiq / According to Sadiq, “…”.
//!
//! Then the quotes around an attributed one: a quote split by its attribution (“…,” he said.
//! “…”) is one quote of several pieces with one speaker; a quote with no cue takes the speaker
//! of the quote just after it in the same paragraph, of a sentence just before it that reports
//! speech ("Lopez gave a long interview on Monday."), or of the quote before it when nobody
//! else has been named in between (a follow-on).
//!
//! A speaker is an actor mention, a name or noun phrase that is not configured ("a State
//! Department spokeswoman", "Smith": reported with no actor), or a pronoun, which refers back to
//! the latest compatible actor within two paragraphs. "I", "we" and "you" are never speakers. A
//! short quoted phrase with no cue is a `term` (scare quotes such as “sold,”), and so is a
//! subheading; the name of a work (“Face the Nation,”) is a `title`; neither gets a speaker.
//!
//! Where each part lives, following one quote through: [`windows`] cuts the text on either side
//! of it and [`tokens`] splits that into words; [`kinds`] tells a statement from a term or a
//! title; [`rules`] tries the cue shapes above in order, with [`cues`] (the reporting verbs)
//! and [`speakers`] (the phrase that names who speaks: "Sadiq", "the envoy", "Sen. Ted Cruz");
//! [`neighbours`] gives a quote with no cue the speaker of the quotes and sentences around it;
//! [`pronouns`] points "he" or "they" at the person it stands for.
//!
//! After attribution, and without changing it: [`people`] gathers the named speakers who are not
//! actors into people ("Jane Smith", "Smith", "Ms. Smith", "the senator" are one), and links
//! each such speaker, and a pronoun that refers to no actor, to one; [`about`] lists whom each
//! statement names.

mod about;
mod cues;
mod kinds;
mod neighbours;
mod people;
mod pronouns;
mod rules;
mod speakers;
#[cfg(test)]
mod testing;
mod tokens;
mod windows;

use std::collections::HashSet;

use crate::actors::Mention;
use crate::config::Config;
use crate::paragraphs::paragraph_starts;
use crate::quotes::{opens_single, Quote};

use tokens::{lower_is, Token};
use windows::Around;

pub use people::{Named, People, Referent};

/// Whether a quote is somebody's statement, a quoted word or phrase inside a sentence, or the
/// name of a work.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteKind {
    Statement,
    Term,
    Title,
}

/// Which rule attributed a quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// “…,” Sadiq said.
    After,
    /// “…,” said Sadiq.
    AfterInverted,
    /// Sadiq said: “…”
    Before,
    /// “…,” according to Sadiq.
    AccordingTo,
    /// No cue of its own; the speaker of the next quote in the same paragraph.
    NextQuote,
    /// No cue of its own; the speaker of the previous quote, nobody else named in between.
    FollowOn,
    /// No cue of its own; the speaker of the sentence before it, which reports speech.
    Context,
}

/// A speaker span in byte offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Speaker {
    pub start: usize,
    pub end: usize,
    /// The configured actor this speaker is, if any.
    pub actor: Option<usize>,
    /// For a pronoun: the earlier name it refers to.
    pub refers_to: Option<(usize, usize)>,
}

/// What attribution found for one reported quote.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribution {
    /// The quotes (indices into the quote list) that make up this one: more than one for a quote
    /// split by its attribution.
    pub parts: Vec<usize>,
    pub kind: QuoteKind,
    pub speaker: Option<Speaker>,
    pub cue: Option<(usize, usize)>,
    pub rule: Option<Rule>,
    /// A rough prior per rule, so a reader can weigh attributions; not a calibrated probability.
    pub confidence: f64,
}

/// How many paragraphs back a pronoun or a follow-on quote may reach.
const REACH_PARAGRAPHS: usize = 2;

/// Finds quote kinds, cues, speakers and people. Build once; it holds the word lists.
pub struct Attributor {
    verbs: HashSet<String>,
    names: people::NameWords,
}

impl Default for Attributor {
    fn default() -> Self {
        Attributor { verbs: cues::verb_forms(), names: people::NameWords::new() }
    }
}

/// How a quote was attributed: the rule, the cue span (none for a follow-on) and the speaker.
type Attributed = (Rule, Option<(usize, usize)>, Speaker);

/// The pieces a scan hands to attribution, with helpers over them.
struct Context<'a> {
    text: &'a str,
    mentions: &'a [Mention],
    config: &'a Config,
    /// Byte offsets where paragraphs start, for "within two paragraphs".
    paragraphs: Vec<usize>,
    /// Whether most quotes open with a single mark, as British papers quote: a paragraph that is
    /// nothing but a quote in single marks is then somebody speaking, not a subheading.
    single_marks: bool,
}

impl Context<'_> {
    fn word(&self, t: &Token) -> &str {
        &self.text[t.start..t.end]
    }

    fn is(&self, t: &Token, list: &[&str]) -> bool {
        t.word && lower_is(self.word(t), list)
    }

    fn punct(&self, t: &Token, chars: &str) -> bool {
        !t.word && chars.contains(self.word(t))
    }

    fn paragraph_of(&self, at: usize) -> usize {
        self.paragraphs.partition_point(|&p| p <= at).saturating_sub(1)
    }
}

/// What attribution finds in a text.
pub struct Attributions {
    /// One entry per reported quote, split quotes merged, in text order.
    pub quotes: Vec<Attribution>,
    /// The named speakers who are not actors, and the person each quote's speaker is.
    pub people: People,
    /// For each entry of `quotes`, whom its quoted words name.
    pub about: Vec<Vec<Named>>,
}

impl Attributor {
    /// Attributes `quotes` (sorted), then finds the people among the speakers and whom each
    /// quote is about.
    pub fn attribute(&self, text: &str, quotes: &[Quote], mentions: &[Mention], config: &Config) -> Attributions {
        let single = quotes.iter().filter(|q| opens_single(text, q.start)).count();
        let single_marks = single * 2 > quotes.len();
        let cx = Context { text, mentions, config, paragraphs: paragraph_starts(text), single_marks };
        let attributions = self.speakers(&cx, quotes);
        let people = self.people(&cx, quotes, &attributions);
        let about = about::about(&cx, quotes, &attributions, &people);
        Attributions { quotes: attributions, people, about }
    }

    /// One attribution per reported quote, split quotes merged.
    fn speakers(&self, cx: &Context, quotes: &[Quote]) -> Vec<Attribution> {
        let text = cx.text;
        // Each quote's windows and cue, one quote ahead of the loop, which reads the next quote's
        // cue: keeping them for every quote would hold gigabytes of tokens on a text of nothing
        // but short quotes.
        let mut ahead = quotes
            .iter()
            .enumerate()
            .map(|(i, q)| {
                let around = Around::new(text, q);
                let cue = self.find_cue(cx, q, &around);
                (i, around, cue)
            })
            .peekable();
        let mut out: Vec<Attribution> = Vec::new();
        // The latest attributed statement: its speaker, and where it ended.
        let mut last: Option<(Speaker, usize)> = None;
        while let Some((i, around, own_cue)) = ahead.next() {
            let q = &quotes[i];
            let next_cue = ahead.peek().and_then(|(_, _, cue)| *cue);
            let kind = self.kind(cx, q, &around.before, &around.after, own_cue.is_some());
            if kind != QuoteKind::Statement {
                out.push(Attribution { parts: vec![i], kind, speaker: None, cue: None, rule: None, confidence: 0.0 });
                continue;
            }
            let mut parts = vec![i];
            if own_cue.is_none() && self.first_person(cx, &around.after) {
                // “…,” I said: the writer speaks; no speaker, and nobody to follow on from.
                last = None;
                out.push(Attribution { parts, kind, speaker: None, cue: None, rule: None, confidence: 0.0 });
                continue;
            }
            let attributed = match own_cue {
                Some(cue) => Some((cue.rule, Some(cue.span), cue.speaker)),
                None => self.borrowed(cx, quotes, next_cue, &around.before, i, last),
            };
            // A quote split by its attribution: “…,” he said. “…” — the next quote, right after
            // the cue and with no cue of its own, is a further piece of this one.
            if let Some((Rule::After | Rule::AfterInverted | Rule::AccordingTo, Some(cue), _)) = attributed {
                if let Some(next) = quotes.get(i + 1) {
                    if next_cue.is_none() && self.continues(cx, cue.1, next.start) {
                        parts.push(i + 1);
                        // That quote is a piece of this one, not attributed on its own.
                        ahead.next();
                    }
                }
            }
            let (rule, cue, speaker) = match attributed {
                Some((rule, cue, speaker)) => (Some(rule), cue, Some(self.resolve(cx, quotes, speaker, q.start))),
                None => (None, None, None),
            };
            // Where this quote and its cue end: later sentences may name someone new.
            let end = quotes[*parts.last().unwrap_or(&i)].end.max(cue.map_or(0, |c| c.1));
            if let Some(s) = speaker {
                last = Some((s, end));
            }
            let confidence = confidence(rule, speaker.is_some_and(|s| s.refers_to.is_some()));
            out.push(Attribution { parts, kind, speaker, cue, rule, confidence });
        }
        out
    }
}

fn confidence(rule: Option<Rule>, by_pronoun: bool) -> f64 {
    let base = match rule {
        None => return 0.0,
        Some(Rule::After | Rule::AfterInverted) => 0.9,
        Some(Rule::AccordingTo | Rule::Before) => 0.85,
        Some(Rule::NextQuote) => 0.8,
        Some(Rule::FollowOn) => 0.6,
        Some(Rule::Context) => 0.5,
    };
    if by_pronoun {
        base - 0.125
    } else {
        base
    }
}
