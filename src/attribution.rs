//! Who said each quote: reporting-verb cues next to the quote, and the speaker they name.
//!
//! News prose attributes quotes in a few fixed shapes, and rules over a handful of words around
//! the quote find them without a parser:
//! - after the quote: “…,” Sadiq said / “…,” he confirmed / “…,” said Sadiq;
//! - before it: Sadiq said: “…” / Sadiq said that “…”.
//!
//! The speaker is an actor mention, a capitalised name that is not configured (reported with no
//! actor), or a pronoun, which refers back to the latest person named before it. A short quoted
//! phrase with no cue is a `term` (scare quotes such as “sold,”), never given a speaker.

use std::collections::HashSet;

use crate::actors::Mention;
use crate::config::{Config, Kind};
use crate::quotes::{is_paragraph_break, Quote};

/// Whether a quote is somebody's statement or a quoted word or phrase inside a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteKind {
    Statement,
    Term,
}

/// Which cue shape attributed a quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// “…,” Sadiq said.
    After,
    /// “…,” said Sadiq.
    AfterInverted,
    /// Sadiq said: “…”
    Before,
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

/// What attribution found for one quote.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Attribution {
    pub kind: QuoteKind,
    pub speaker: Option<Speaker>,
    pub cue: Option<(usize, usize)>,
    pub rule: Option<Rule>,
    /// A rough prior per rule, so a reader can weigh attributions; not a calibrated probability.
    pub confidence: f64,
}

/// Quotes of at most this many words with no cue are terms.
const TERM_MAX_WORDS: usize = 4;
/// How far from a quote (in bytes) a cue is looked for.
const WINDOW: usize = 160;

/// Reporting verbs (base forms) with regular inflections.
const REGULAR_VERBS: &[&str] = &[
    "acknowledge",
    "add",
    "advise",
    "allege",
    "announce",
    "answer",
    "argue",
    "ask",
    "assert",
    "boast",
    "caution",
    "charge",
    "claim",
    "comment",
    "complain",
    "concede",
    "conclude",
    "confirm",
    "contend",
    "continue",
    "counter",
    "declare",
    "deny",
    "describe",
    "emphasise",
    "emphasize",
    "estimate",
    "exclaim",
    "explain",
    "insist",
    "joke",
    "lament",
    "maintain",
    "mention",
    "note",
    "object",
    "observe",
    "pledge",
    "post",
    "predict",
    "proclaim",
    "promise",
    "protest",
    "question",
    "recall",
    "reckon",
    "recount",
    "reiterate",
    "remark",
    "remind",
    "repeat",
    "reply",
    "report",
    "respond",
    "retort",
    "reveal",
    "scoff",
    "shout",
    "sigh",
    "state",
    "stress",
    "suggest",
    "testify",
    "tweet",
    "underscore",
    "urge",
    "vow",
    "warn",
    "whisper",
    "wonder",
    "yell",
];

/// Reporting verbs whose forms do not follow the spelling rules in [`inflections`].
const IRREGULAR_VERBS: &[&[&str]] = &[
    &["say", "says", "said", "saying"],
    &["agree", "agrees", "agreed", "agreeing"],
    &["tell", "tells", "told", "telling"],
    &["write", "writes", "wrote", "written", "writing"],
    &["think", "thinks", "thought", "thinking"],
    &["speak", "speaks", "spoke", "spoken", "speaking"],
    &["admit", "admits", "admitted", "admitting"],
    &["quip", "quips", "quipped", "quipping"],
    &["snap", "snaps", "snapped", "snapping"],
    &["plead", "pleads", "pleaded", "pled", "pleading"],
];

/// Words that may stand between a speaker and the verb: "Sadiq also said", "she later told".
const ADVERBS: &[&str] = &[
    "also",
    "later",
    "then",
    "once",
    "again",
    "earlier",
    "further",
    "previously",
    "recently",
    "had",
    "has",
    "have",
    "would",
    "will",
];

/// Capitalised words that start sentences but are not names.
const NOT_NAMES: &[&str] = &[
    "A", "An", "And", "As", "At", "But", "By", "For", "He", "Her", "His", "I", "If", "In", "It", "Its", "Mr", "Mr.",
    "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "On", "Or", "She", "So", "That", "The", "Their", "They", "This", "To",
    "We", "When", "While", "You",
];

/// The third, sixth and eighth forms of a regular verb: "warns", "warned", "warning".
fn inflections(base: &str) -> [String; 4] {
    let stem = base.strip_suffix('e').unwrap_or(base);
    let (s, ed, ing) = if let Some(y_stem) = base.strip_suffix('y').filter(|s| !s.ends_with(['a', 'e', 'o', 'u'])) {
        (format!("{y_stem}ies"), format!("{y_stem}ied"), format!("{base}ing"))
    } else if base.ends_with('e') {
        (format!("{base}s"), format!("{base}d"), format!("{stem}ing"))
    } else if base.ends_with(['s', 'x', 'z']) || base.ends_with("sh") || base.ends_with("ch") {
        (format!("{base}es"), format!("{base}ed"), format!("{base}ing"))
    } else {
        (format!("{base}s"), format!("{base}ed"), format!("{base}ing"))
    };
    [base.to_owned(), s, ed, ing]
}

/// A word or a punctuation character near a quote.
#[derive(Debug, Clone, Copy)]
struct Token {
    start: usize,
    end: usize,
    word: bool,
}

/// The tokens of `text[from..to]`. Words keep inner periods, apostrophes and hyphens ("U.S.",
/// "O’Brien", "al-Assad").
fn tokenize(text: &str, from: usize, to: usize) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut chars = text[from..to].char_indices().map(|(i, c)| (from + i, c)).peekable();
    while let Some((at, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if !c.is_alphanumeric() {
            tokens.push(Token { start: at, end: at + c.len_utf8(), word: false });
            continue;
        }
        let mut end = at + c.len_utf8();
        while let Some(&(i, c)) = chars.peek() {
            let joins = ".'’-".contains(c) && text[i + c.len_utf8()..to].starts_with(char::is_alphanumeric);
            let abbreviation = c == '.' && text[at..i].contains('.');
            if c.is_alphanumeric() || joins || abbreviation {
                end = i + c.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        tokens.push(Token { start: at, end, word: true });
    }
    tokens
}

/// The largest char boundary at or below `i`.
fn floor_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The paragraph-bounded window of `WINDOW` bytes after (or before) `at`.
fn window_after(text: &str, at: usize) -> (usize, usize) {
    let end = floor_boundary(text, (at + WINDOW).min(text.len()));
    (at, text[at..end].find(is_paragraph_break).map_or(end, |n| at + n))
}

fn window_before(text: &str, at: usize) -> (usize, usize) {
    let start = floor_boundary(text, at.saturating_sub(WINDOW));
    let paragraph = text[start..at].char_indices().rev().find(|&(_, c)| is_paragraph_break(c));
    (paragraph.map_or(start, |(i, c)| start + i + c.len_utf8()), at)
}

/// Finds quote kinds, cues and speakers. Build once; it holds the verb list.
pub struct Attributor {
    verbs: HashSet<String>,
}

impl Default for Attributor {
    fn default() -> Self {
        let mut verbs: HashSet<String> = REGULAR_VERBS.iter().flat_map(|v| inflections(v)).collect();
        verbs.extend(IRREGULAR_VERBS.iter().flat_map(|forms| forms.iter().map(|f| f.to_string())));
        Attributor { verbs }
    }
}

/// The pieces a scan hands to attribution.
struct Context<'a> {
    text: &'a str,
    mentions: &'a [Mention],
    config: &'a Config,
}

impl Attributor {
    /// One attribution per quote, in the same order.
    pub fn attribute(&self, text: &str, quotes: &[Quote], mentions: &[Mention], config: &Config) -> Vec<Attribution> {
        let cx = Context { text, mentions, config };
        quotes.iter().map(|q| self.attribute_one(&cx, q)).collect()
    }

    fn attribute_one(&self, cx: &Context, q: &Quote) -> Attribution {
        let found = self.cue_after(cx, q).or_else(|| self.cue_before(cx, q));
        let words =
            cx.text[q.inner.0..q.inner.1].split_whitespace().filter(|w| w.contains(char::is_alphanumeric)).count();
        match found {
            Some((rule, cue, mut speaker)) => {
                let by_pronoun = self.is_pronoun(cx.text, &speaker);
                if by_pronoun {
                    speaker = resolve_pronoun(cx, speaker);
                }
                let confidence = match (rule, by_pronoun) {
                    (Rule::After | Rule::AfterInverted, false) => 0.9,
                    (Rule::Before, false) => 0.85,
                    (Rule::After | Rule::AfterInverted, true) => 0.75,
                    (Rule::Before, true) => 0.7,
                };
                Attribution {
                    kind: QuoteKind::Statement,
                    speaker: Some(speaker),
                    cue: Some(cue),
                    rule: Some(rule),
                    confidence,
                }
            }
            None => Attribution {
                kind: if words <= TERM_MAX_WORDS { QuoteKind::Term } else { QuoteKind::Statement },
                speaker: None,
                cue: None,
                rule: None,
                confidence: 0.0,
            },
        }
    }

    fn is_verb(&self, text: &str, t: &Token) -> bool {
        t.word && self.verbs.contains(&text[t.start..t.end].to_lowercase())
    }

    fn is_pronoun(&self, text: &str, s: &Speaker) -> bool {
        s.actor.is_none() && pronoun(&text[s.start..s.end]).is_some()
    }

    /// “…,” Sadiq said / “…,” said Sadiq.
    fn cue_after(&self, cx: &Context, q: &Quote) -> Option<(Rule, (usize, usize), Speaker)> {
        let (from, to) = window_after(cx.text, q.end);
        let tokens = tokenize(cx.text, from, to);
        let skip = tokens.iter().take_while(|t| !t.word && ",—–".contains(&cx.text[t.start..t.end])).count();
        let tokens = &tokens[skip..];
        if let Some((speaker, next)) = self.speaker_from(cx, tokens, 0) {
            let verb = next + adverbs(cx.text, &tokens[next..]);
            if let Some(v) = tokens.get(verb).filter(|t| self.is_verb(cx.text, t)) {
                return Some((Rule::After, (speaker.start, v.end), speaker));
            }
        }
        let verb = tokens.first().filter(|t| self.is_verb(cx.text, t))?;
        let (speaker, _) = self.speaker_from(cx, tokens, 1)?;
        Some((Rule::AfterInverted, (verb.start, speaker.end), speaker))
    }

    /// Sadiq said: “…” / Sadiq said that “…”.
    fn cue_before(&self, cx: &Context, q: &Quote) -> Option<(Rule, (usize, usize), Speaker)> {
        let (from, to) = window_before(cx.text, q.start);
        let tokens = tokenize(cx.text, from, to);
        let mut end = tokens.len();
        if end > 0 && !tokens[end - 1].word && ":,".contains(&cx.text[tokens[end - 1].start..tokens[end - 1].end]) {
            end -= 1;
        }
        if end > 0 && cx.text[tokens[end - 1].start..tokens[end - 1].end].eq_ignore_ascii_case("that") {
            end -= 1;
        }
        let verb = end.checked_sub(1).map(|i| tokens[i]).filter(|t| self.is_verb(cx.text, t))?;
        let before_verb = &tokens[..end - 1];
        let subject_end = before_verb.len() - adverbs_back(cx.text, before_verb);
        let speaker = self.speaker_ending(cx, &before_verb[..subject_end])?;
        Some((Rule::Before, (speaker.start, verb.end), speaker))
    }

    /// A speaker starting at `tokens[i]`, and the index of the token after it.
    fn speaker_from(&self, cx: &Context, tokens: &[Token], i: usize) -> Option<(Speaker, usize)> {
        let first = tokens.get(i).filter(|t| t.word)?;
        let word = &cx.text[first.start..first.end];
        if let Some(m) = mention_where(cx.mentions, |m| m.start, first.start) {
            let next = tokens.iter().position(|t| t.start >= m.end).unwrap_or(tokens.len());
            return Some((named(m.start, m.end, Some(m.actor)), next));
        }
        if pronoun(word).is_some() {
            return Some((named(first.start, first.end, None), i + 1));
        }
        let count = tokens[i..].iter().take_while(|t| self.is_name_word(cx.text, t)).take(4).count();
        (count > 0).then(|| (named(first.start, tokens[i + count - 1].end, None), i + count))
    }

    /// A speaker whose last token is the last of `tokens`.
    fn speaker_ending(&self, cx: &Context, tokens: &[Token]) -> Option<Speaker> {
        let last = tokens.last().filter(|t| t.word)?;
        if let Some(m) = mention_where(cx.mentions, |m| m.end, last.end) {
            return Some(named(m.start, m.end, Some(m.actor)));
        }
        if pronoun(&cx.text[last.start..last.end]).is_some() {
            return Some(named(last.start, last.end, None));
        }
        let count = tokens.iter().rev().take_while(|t| self.is_name_word(cx.text, t)).take(4).count();
        (count > 0).then(|| named(tokens[tokens.len() - count].start, last.end, None))
    }

    fn is_name_word(&self, text: &str, t: &Token) -> bool {
        let word = &text[t.start..t.end];
        t.word && word.starts_with(char::is_uppercase) && !NOT_NAMES.contains(&word) && !self.is_verb(text, t)
    }
}

/// The mention whose `key` (its start or its end: both are sorted) equals `at`, found by binary search.
fn mention_where(mentions: &[Mention], key: fn(&Mention) -> usize, at: usize) -> Option<&Mention> {
    let i = mentions.partition_point(|m| key(m) < at);
    mentions.get(i).filter(|m| key(m) == at)
}

fn named(start: usize, end: usize, actor: Option<usize>) -> Speaker {
    Speaker { start, end, actor, refers_to: None }
}

/// Which kinds of actor a pronoun can stand for.
fn pronoun(word: &str) -> Option<fn(Kind) -> bool> {
    match word.to_lowercase().as_str() {
        "he" | "she" => Some(|k| k == Kind::Person),
        "they" => Some(|k| k != Kind::Place),
        _ => None,
    }
}

/// How many leading tokens are adverbs ("also", "later", "openly").
fn adverbs(text: &str, tokens: &[Token]) -> usize {
    tokens.iter().take_while(|t| is_adverb(text, t)).take(2).count()
}

fn adverbs_back(text: &str, tokens: &[Token]) -> usize {
    tokens.iter().rev().take_while(|t| is_adverb(text, t)).take(2).count()
}

fn is_adverb(text: &str, t: &Token) -> bool {
    let word = &text[t.start..t.end];
    t.word
        && (ADVERBS.contains(&word) || (word.len() > 4 && word.ends_with("ly") && word.starts_with(char::is_lowercase)))
}

/// Points a pronoun at the latest compatible actor mentioned before it.
fn resolve_pronoun(cx: &Context, speaker: Speaker) -> Speaker {
    let Some(fits) = pronoun(&cx.text[speaker.start..speaker.end]) else { return speaker };
    let before = cx.mentions.partition_point(|m| m.end <= speaker.start);
    match cx.mentions[..before].iter().rev().find(|m| fits(cx.config.actors[m.actor].kind)) {
        Some(m) => Speaker { actor: Some(m.actor), refers_to: Some((m.start, m.end)), ..speaker },
        None => speaker,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actors::Matcher;
    use crate::quotes;

    const ACTORS: &str = r#"{"actors":[
        {"id":"sadiq","kind":"person","aliases":["Muhammad Sadiq","Sadiq"]},
        {"id":"maria","kind":"person","aliases":["Maria Lopez"]},
        {"id":"pakistan","kind":"state","aliases":["Pakistan"]}]}"#;

    /// What attribution found for one quote: kind, speaker text, speaker actor id, cue text.
    type Found = (QuoteKind, Option<String>, Option<String>, Option<String>);

    /// (quote text, what was found) for each quote in `text`.
    fn attribute(text: &str) -> Vec<(String, Found)> {
        let config = Config::from_json(ACTORS).unwrap();
        let mentions = Matcher::new(&config).unwrap().find(text);
        let quotes = quotes::find(text);
        let found = Attributor::default().attribute(text, &quotes, &mentions, &config);
        quotes
            .iter()
            .zip(found)
            .map(|(q, a)| {
                let found = (
                    a.kind,
                    a.speaker.map(|s| text[s.start..s.end].to_owned()),
                    a.speaker.and_then(|s| s.actor).map(|i| config.actors[i].id.clone()),
                    a.cue.map(|(s, e)| text[s..e].to_owned()),
                );
                (text[q.start..q.end].to_owned(), found)
            })
            .collect()
    }

    fn one(text: &str) -> Found {
        let all = attribute(text);
        assert_eq!(all.len(), 1, "{all:?}");
        all.into_iter().next().unwrap().1
    }

    fn s(x: &str) -> Option<String> {
        Some(x.to_owned())
    }

    #[test]
    fn inflections_follow_spelling() {
        assert_eq!(inflections("warn"), ["warn", "warns", "warned", "warning"]);
        assert_eq!(inflections("note"), ["note", "notes", "noted", "noting"]);
        assert_eq!(inflections("testify"), ["testify", "testifies", "testified", "testifying"]);
        assert_eq!(inflections("stress"), ["stress", "stresses", "stressed", "stressing"]);
        let a = Attributor::default();
        for v in [
            "said",
            "says",
            "told",
            "added",
            "noted",
            "warned",
            "confirmed",
            "concluded",
            "asked",
            "stressed",
            "argued",
            "insisted",
            "recalled",
            "wrote",
            "tweeted",
            "posted",
            "admitted",
        ] {
            assert!(a.verbs.contains(v), "{v}");
        }
    }

    #[test]
    fn verb_after_quote_names_the_actor() {
        assert_eq!(
            one("“We will not back down from this,” Sadiq said on Monday."),
            (QuoteKind::Statement, s("Sadiq"), s("sadiq"), s("Sadiq said"))
        );
        assert_eq!(
            one("“We will not back down from this,” said Muhammad Sadiq."),
            (QuoteKind::Statement, s("Muhammad Sadiq"), s("sadiq"), s("said Muhammad Sadiq"))
        );
        assert_eq!(
            one("“Talks resume in the spring,” Sadiq later told reporters."),
            (QuoteKind::Statement, s("Sadiq"), s("sadiq"), s("Sadiq later told"))
        );
    }

    #[test]
    fn pronoun_goes_to_the_latest_person_before_it() {
        let text = "Maria Lopez spoke first. Then Sadiq took the floor in Pakistan.\n“Some of it has already happened,” he confirmed.";
        assert_eq!(one(text), (QuoteKind::Statement, s("he"), s("sadiq"), s("he confirmed")));
    }

    #[test]
    fn speaker_before_the_quote() {
        assert_eq!(
            one("Maria Lopez said: “The border stays open for now.”"),
            (QuoteKind::Statement, s("Maria Lopez"), s("maria"), s("Maria Lopez said"))
        );
        assert_eq!(
            one("Sadiq also warned that “nobody is safe while this goes on.”"),
            (QuoteKind::Statement, s("Sadiq"), s("sadiq"), s("Sadiq also warned"))
        );
    }

    #[test]
    fn a_speaker_who_is_not_an_actor_is_still_reported() {
        assert_eq!(
            one("“The figures will be revised next week,” Jonathan Pryce said."),
            (QuoteKind::Statement, s("Jonathan Pryce"), None, s("Jonathan Pryce said"))
        );
    }

    #[test]
    fn scare_quotes_are_terms_without_speaker() {
        assert_eq!(
            one("Fighters were trained and even “sold,” to other factions."),
            (QuoteKind::Term, None, None, None)
        );
        assert_eq!(
            one("It was a long day. “None of this has anything to do with us.” The end."),
            (QuoteKind::Statement, None, None, None)
        );
    }
}
