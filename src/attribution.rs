//! Who said each quote: reporting-verb cues next to the quote, and the speaker they name.
//!
//! News prose attributes quotes in a few fixed shapes, and rules over a handful of words around
//! the quote find them without a parser. In the order they are tried:
//! 1. after the quote: “…,” Sadiq said / “…,” he confirmed / “…,” a senior official told reporters;
//! 2. after the quote, inverted: “…,” said Sadiq, the envoy;
//! 3. before it: Sadiq said: “…” / Sadiq, the envoy, told the crowd in Lahore: “…” / he said that “…”;
//! 4. "according to": “…,” according to Sadiq / According to Sadiq, “…”.
//!
//! Then the quotes around an attributed one: a quote split by its attribution (“…,” he said.
//! “…”) is one quote of several pieces with one speaker; a quote with no cue takes the speaker
//! of the quote just after it in the same paragraph, or of the quote before it when nobody else
//! has been named in between (a follow-on).
//!
//! A speaker is an actor mention, a name or noun phrase that is not configured ("a State
//! Department spokeswoman", "Smith": reported with no actor), or a pronoun, which refers back to
//! the latest compatible actor or named speaker within two paragraphs. "I", "we" and "you" are
//! never speakers. A short quoted phrase with no cue is a `term` (scare quotes such as “sold,”),
//! a quoted title after "book", "film", "titled"... is a `title`; neither gets a speaker.

use std::borrow::Cow;
use std::collections::HashSet;

use crate::actors::Mention;
use crate::config::{Config, Kind};
use crate::quotes::{self, break_len, is_paragraph_break, Quote};

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

/// Quotes of at most this many words with no cue are terms.
const TERM_MAX_WORDS: usize = 4;
/// How far from a quote (in bytes) a cue is looked for.
const WINDOW: usize = 240;
/// How many paragraphs back a pronoun or a follow-on quote may reach.
const REACH_PARAGRAPHS: usize = 2;

/// Reporting verbs (base forms) whose other forms follow the spelling rules in [`inflections`].
#[rustfmt::skip]
const REGULAR_VERBS: &[&str] = &[
    "acknowledge", "add", "advise", "allege", "announce", "answer", "argue", "ask", "assert", "boast", "caution",
    "charge", "chide", "claim", "comment", "complain", "concede", "conclude", "confirm", "contend", "continue",
    "assure", "bark", "beam", "gloat", "mock", "retaliate", "beg", "blast", "blog", "chant", "concur", "counter",
    "crack", "cry", "declare", "demand", "email", "fume", "gush", "hiss", "interject", "interrupt", "laugh", "marvel",
    "mumble", "murmur", "mutter", "point", "rail", "recite", "sneer", "thunder", "tout", "volunteer", "deny",
    "emphasise", "emphasize", "exclaim", "explain", "grumble", "insist", "joke", "lament", "maintain", "mention",
    "muse", "note", "object", "observe", "pledge", "post", "predict", "proclaim", "promise", "protest", "question",
    "recall", "reckon", "recount", "reiterate", "remark", "remind", "repeat", "reply", "report", "respond", "retort",
    "reveal", "scoff", "scream", "shout", "sigh", "state", "stress", "suggest", "testify", "tweet", "underscore",
    "urge", "vow", "warn", "whisper", "wonder", "yell",
];

/// Reporting verbs with irregular forms.
const IRREGULAR_VERBS: &[&[&str]] = &[
    &["say", "says", "said", "saying"],
    &["agree", "agrees", "agreed", "agreeing"],
    &["tell", "tells", "told", "telling"],
    &["write", "writes", "wrote", "written", "writing"],
    &["speak", "speaks", "spoke", "spoken", "speaking"],
    &["admit", "admits", "admitted", "admitting"],
    &["quip", "quips", "quipped", "quipping"],
    &["snap", "snaps", "snapped", "snapping"],
    &["plead", "pleads", "pleaded", "pled", "pleading"],
    &["put", "puts", "putting"],
    &["read", "reads"],
    &["sing", "sings", "sang", "singing"],
    &["swear", "swears", "swore", "sworn", "swearing"],
];

/// Words that may stand between a speaker and the verb: "Sadiq also said", "she had told",
/// "he was quoted as saying".
#[rustfmt::skip]
const AUXILIARIES: &[&str] = &[
    "also", "later", "then", "once", "again", "earlier", "further", "previously", "recently", "simply", "only", "has",
    "had", "have", "would", "will", "was", "is", "quoted", "as", "reportedly", "often", "once", "still", "now", "now",
];

/// Words that cannot be part of a speaker: they end a speaker phrase read backwards.
const NOT_IN_SPEAKER: &[&str] = &[
    "and", "but", "or", "nor", "so", "yet", "as", "while", "when", "whereas", "because", "although", "though", "if",
    "since", "after", "before", "until", "then", "that", "which", "who", "whom", "whose", "where", "what", "how",
    "why", "in", "on", "at", "to", "for", "with", "from", "by", "about", "into", "over", "than", "said", "says",
    "also", "not", "is", "was", "are", "were", "be", "been", "it's", "there",
];

/// Words a speaker phrase may start with besides names: "a", "the", "one", "another" ...
const DETERMINERS: &[&str] = &[
    "a", "an", "the", "one", "another", "his", "her", "their", "its", "this", "that", "these", "those", "some", "many",
    "several", "two", "three", "four", "both", "other", "most", "each", "our", "my", "your",
];

/// Words that start sentences but never begin a speaker.
const NOT_SPEAKER_START: &[&str] = &[
    "and",
    "but",
    "or",
    "so",
    "yet",
    "then",
    "now",
    "when",
    "while",
    "if",
    "as",
    "after",
    "before",
    "because",
    "adding",
    "noting",
    "saying",
    "in",
    "on",
    "at",
    "to",
    "for",
    "with",
    "from",
    "by",
    "about",
    "that",
    "which",
    "there",
    "here",
    "this",
    "it's",
    "not",
    "also",
    "later",
    "still",
    "just",
    "wait",
    "back",
    "ever",
    "even",
    "last",
    "first",
    "next",
    "once",
    "again",
    "earlier",
    "yesterday",
    "today",
    "tonight",
    "tomorrow",
    "meanwhile",
    "however",
    "instead",
    "indeed",
    "finally",
    "recently",
    "previously",
    "separately",
    "asked",
    "speaking",
    "asking",
];

/// Words that may follow a reporting verb in the same attribution: "said on Monday", "said of
/// the plan", "said in a statement".
#[rustfmt::skip]
const CUE_TAIL: &[&str] = &[
    "of", "in", "on", "at", "during", "after", "before", "to", "about", "with", "from", "for", "while", "when", "as",
    "last", "this", "earlier", "later", "yesterday", "today", "tonight", "recently", "again", "then", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "afterward", "afterwards",
];

/// Nouns that say a sentence is about speech: "during the interview", "in a statement".
#[rustfmt::skip]
const SPEECH_NOUNS: &[&str] = &[
    "interview", "statement", "speech", "remarks", "address", "tweet", "tweets", "email", "letter", "post", "message",
    "testimony", "conference", "rally", "debate", "op-ed", "video",
];

/// Nouns for names of works: a quote right after one of these is a title.
#[rustfmt::skip]
const WORK_NOUNS: &[&str] = &[
    "book", "books", "film", "films", "movie", "movies", "song", "songs", "album", "show", "series", "article",
    "essay", "column", "op-ed", "headline", "titled", "entitled", "novel", "memoir", "play", "poem", "documentary",
    "episode", "podcast", "report", "program", "programme", "slogan", "hashtag",
];

/// The forms of a regular verb: base, third person, past, gerund.
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
/// "O’Brien", "al-Assad"), the period of a title or initial ("Mr.", "W.") and the apostrophe of
/// a plural possessive ("the rebels’ spokesman").
fn tokenize(text: &str, from: usize, to: usize) -> Vec<Token> {
    let mut tokens = Vec::with_capacity((to - from) / 4);
    let mut at = from;
    while at < to {
        if text.as_bytes()[at] == b' ' {
            at += 1;
            continue;
        }
        let c = char_at(text, at);
        let mut end = at + c.len_utf8();
        if c.is_whitespace() {
            at = end;
            continue;
        }
        if !c.is_alphanumeric() {
            // Two apostrophes print a double quote in some newspapers: one token.
            if c == '\'' && text[end..to].starts_with('\'') {
                end += 1;
            }
            tokens.push(Token { start: at, end, word: false });
            at = end;
            continue;
        }
        while end < to {
            end += text.as_bytes()[end..to].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
            if end == to {
                break;
            }
            let c = char_at(text, end);
            let next = end + c.len_utf8();
            let joins = matches!(c, '.' | '\'' | '’' | '-') && text[next..to].starts_with(char::is_alphanumeric);
            let abbreviation = c == '.' && is_abbreviation(&text[at..end]);
            let possessive = matches!(c, '\'' | '’') && quotes::may_be_possessive(&text[..to], end, &text[end..next]);
            if !(c.is_alphanumeric() || joins || abbreviation || possessive) {
                break;
            }
            end = next;
        }
        tokens.push(Token { start: at, end, word: true });
        at = end;
    }
    tokens
}

/// The character starting at byte `at`, decoded without a UTF-8 iterator for ASCII.
fn char_at(text: &str, at: usize) -> char {
    match text.as_bytes()[at] {
        byte if byte.is_ascii() => char::from(byte),
        _ => text[at..].chars().next().unwrap_or(char::REPLACEMENT_CHARACTER),
    }
}

/// Titles and abbreviations whose period belongs to them.
const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Sgt", "Capt", "Prof", "Rev", "Pres", "Sec",
    "Atty", "Supt", "Jr", "Sr", "St", "Maj", "Adm", "Cmdr", "Insp", "Det", "Inc", "Co", "Corp", "Ltd", "No", "vs",
    "Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec", "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla",
    "Ga", "Ill", "Ind", "Kan", "Ky", "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla",
    "Ore", "Pa", "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo",
];

/// Whether `word` has the shape of every one of [`TITLES`] (a test checks it): a cheap test that
/// spares most words the search of the list, since every sentence's last word comes here.
fn may_be_title(word: &str) -> bool {
    word.len() <= 5 && (word.starts_with(|c: char| c.is_ascii_uppercase()) || word == "vs")
}

/// Words whose period belongs to them: titles, initials and dotted abbreviations.
fn is_abbreviation(word: &str) -> bool {
    // "R-Ky." and "(D-Nev.)": a party and a state.
    let last = word.rsplit('-').next().unwrap_or(word);
    (may_be_title(last) && TITLES.contains(&last))
        || (word.chars().count() == 1 && word.starts_with(char::is_uppercase))
        || word.contains('.')
}

/// The largest char boundary at or below `i`.
fn floor_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The paragraph-bounded window of [`WINDOW`] bytes after `at`.
fn window_after(text: &str, at: usize) -> (usize, usize) {
    let end = floor_boundary(text, (at + WINDOW).min(text.len()));
    (at, quotes::next_break(&text.as_bytes()[..end], at).0)
}

/// The paragraph-bounded window of [`WINDOW`] bytes before `at`.
fn window_before(text: &str, at: usize) -> (usize, usize) {
    let start = floor_boundary(text, at.saturating_sub(WINDOW));
    let bytes = &text.as_bytes()[..at];
    let mut i = at;
    while i > start {
        i -= 1;
        let len = break_len(bytes, i);
        if len > 0 {
            return (i + len, at);
        }
    }
    (start, at)
}

/// The tokens of the windows right before and right after a quote, which most rules read.
struct Around {
    /// [`window_before`] the quote's start.
    before: Vec<Token>,
    /// [`window_after`] the quote's end.
    after: Vec<Token>,
}

impl Around {
    fn new(text: &str, q: &Quote) -> Around {
        let (from, to) = window_before(text, q.start);
        let before = tokenize(text, from, to);
        let (from, to) = window_after(text, q.end);
        Around { before, after: tokenize(text, from, to) }
    }
}

/// For a quote opening its paragraph: the paragraph before it, trimmed, and the tokens of its
/// last window.
fn previous_paragraph(text: &str, quote_start: usize) -> (&str, Vec<Token>) {
    let previous = text[..window_before(text, quote_start).0].trim_end();
    let (from, to) = window_before(text, previous.len());
    (previous, tokenize(text, from, to))
}

/// Whether `word` in lower case is one of `words` (all in lower case), without allocating for
/// the usual ASCII word.
fn lower_is(word: &str, words: &[&str]) -> bool {
    if word.is_ascii() {
        words.iter().any(|w| w.eq_ignore_ascii_case(word))
    } else {
        words.contains(&word.to_lowercase().as_str())
    }
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

/// A cue found for one quote.
#[derive(Debug, Clone, Copy)]
struct Cue {
    rule: Rule,
    span: (usize, usize),
    speaker: Speaker,
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

    /// The configured actor a speaker span names: a person mentioned in it, else the last actor.
    fn actor_in(&self, start: usize, end: usize) -> Option<usize> {
        let from = self.mentions.partition_point(|m| m.start < start);
        let inside = self.mentions[from..].iter().take_while(|m| m.end <= end);
        let mut best = None;
        for m in inside {
            if best.is_none() || self.config.actors[m.actor].kind == Kind::Person {
                best = Some(m.actor);
            }
        }
        best
    }
}

/// Where each non-blank paragraph starts.
fn paragraph_starts(text: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut at = 0;
    for line in quotes::paragraphs(text) {
        if !line.trim().is_empty() {
            starts.push(at);
        }
        at += line.len();
    }
    if starts.is_empty() {
        starts.push(0);
    }
    starts
}

impl Attributor {
    /// Attributes `quotes` (sorted): one entry per reported quote, split quotes merged.
    pub fn attribute(&self, text: &str, quotes: &[Quote], mentions: &[Mention], config: &Config) -> Vec<Attribution> {
        let cx = Context { text, mentions, config, paragraphs: paragraph_starts(text) };
        // Each quote's windows and cue, one quote ahead of the loop, which reads the next quote's
        // cue: keeping them for every quote would hold gigabytes of tokens on a text of nothing
        // but short quotes.
        let mut ahead = quotes
            .iter()
            .enumerate()
            .map(|(i, q)| {
                let around = Around::new(text, q);
                let cue = self.find_cue(&cx, q, &around);
                (i, around, cue)
            })
            .peekable();
        let mut out: Vec<Attribution> = Vec::new();
        // The latest attributed statement: its speaker, and where it ended.
        let mut last: Option<(Speaker, usize)> = None;
        while let Some((i, around, own_cue)) = ahead.next() {
            let q = &quotes[i];
            let next_cue = ahead.peek().and_then(|(_, _, cue)| *cue);
            let kind = self.kind(&cx, q, &around.before, own_cue.is_some());
            if kind != QuoteKind::Statement {
                out.push(Attribution { parts: vec![i], kind, speaker: None, cue: None, rule: None, confidence: 0.0 });
                continue;
            }
            let mut parts = vec![i];
            if own_cue.is_none() && self.first_person(&cx, &around.after) {
                // “…,” I said: the writer speaks; no speaker, and nobody to follow on from.
                last = None;
                out.push(Attribution { parts, kind, speaker: None, cue: None, rule: None, confidence: 0.0 });
                continue;
            }
            let attributed = match own_cue {
                Some(cue) => Some((cue.rule, Some(cue.span), cue.speaker)),
                None => self.borrowed(&cx, quotes, next_cue, &around.before, i, last),
            };
            // A quote split by its attribution: “…,” he said. “…” — the next quote, right after
            // the cue and with no cue of its own, is a further piece of this one.
            if let Some((Rule::After | Rule::AfterInverted | Rule::AccordingTo, Some(cue), _)) = attributed {
                if let Some(next) = quotes.get(i + 1) {
                    if next_cue.is_none() && self.continues(&cx, cue.1, next.start) {
                        parts.push(i + 1);
                        // That quote is a piece of this one, not attributed on its own.
                        ahead.next();
                    }
                }
            }
            let (rule, cue, speaker) = match attributed {
                Some((rule, cue, speaker)) => (Some(rule), cue, Some(self.resolve(&cx, speaker, q.start))),
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

    /// For a quote with no cue: the speaker of the next quote in its paragraph, or a follow-on.
    fn borrowed(
        &self,
        cx: &Context,
        quotes: &[Quote],
        next_cue: Option<Cue>,
        before: &[Token],
        i: usize,
        last: Option<(Speaker, usize)>,
    ) -> Option<Attributed> {
        let q = &quotes[i];
        if let (Some(next), Some(cue)) = (quotes.get(i + 1), next_cue) {
            let between = &cx.text[q.end..next.start];
            if matches!(cue.rule, Rule::After | Rule::AfterInverted)
                && between.trim().is_empty()
                && !between.contains(is_paragraph_break)
            {
                return Some((Rule::NextQuote, Some(cue.span), cue.speaker));
            }
        }
        let context = self.context(cx, before, q.start);
        let Some((speaker, end)) = last else {
            return context.map(|c| (Rule::Context, Some(c.span), c.speaker));
        };
        // A sentence that reports speech after the last attributed quote names the speaker.
        if let Some(c) = context.filter(|c| c.span.0 > end) {
            return Some((Rule::Context, Some(c.span), c.speaker));
        }
        let near = cx.paragraph_of(q.start) - cx.paragraph_of(end) <= REACH_PARAGRAPHS;
        // Nobody else named in between: no actor mention, and no other attributed quote.
        let named_between = cx.mentions[cx.mentions.partition_point(|m| m.start < end)..]
            .iter()
            .take_while(|m| m.end <= q.start)
            .any(|m| speaker.actor != Some(m.actor) && cx.config.actors[m.actor].kind == Kind::Person);
        (near && !named_between && q.start > end).then_some((Rule::FollowOn, None, speaker))
    }

    /// The sentence right before a quote, when it reports speech ("Trump spoke only in bromides
    /// during the interview.", "Smith said the plan had failed."): its speaker.
    fn context(&self, cx: &Context, before: &[Token], quote_start: usize) -> Option<Cue> {
        let tokens = match before {
            [] => Cow::Owned(previous_paragraph(cx.text, quote_start).1),
            _ => Cow::Borrowed(before),
        };
        let end = tokens.len() - usize::from(tokens.last().is_some_and(|t| cx.punct(t, ".")));
        let start =
            tokens[..end].iter().rposition(|t| cx.punct(t, ".!?;") || quotes::is_mark(cx.word(t))).map_or(0, |i| i + 1);
        let sentence = &tokens[start..end];
        let speech = sentence.iter().position(|t| self.is_verb(cx, t) || cx.is(t, SPEECH_NOUNS))?;
        let speaker = self
            .phrase_backward(cx, &sentence[..speech])
            .filter(|s| {
                pronoun(&cx.text[s.start..s.end]).is_some() || cx.text[s.start..s.end].starts_with(char::is_uppercase)
            })
            .or_else(|| self.sentence_subject(cx, sentence))?;
        let verb = sentence[speech];
        Some(Cue { rule: Rule::Context, span: (speaker.start.min(verb.start), speaker.end.max(verb.end)), speaker })
    }

    /// Whether the writer attributes the quote to themselves: “…,” I said / we told him.
    fn first_person(&self, cx: &Context, after: &[Token]) -> bool {
        let mut words = after.iter().skip_while(|t| cx.punct(t, ",—–-"));
        let subject = words.next().is_some_and(|t| cx.is(t, &["i", "we"]));
        subject && words.take(3).any(|t| self.is_verb(cx, t))
    }

    /// Whether a quote starting at `next` continues the sentence of a cue ending at `cue_end`:
    /// only punctuation and space between them, within the paragraph.
    fn continues(&self, cx: &Context, cue_end: usize, next: usize) -> bool {
        let between = &cx.text[cue_end.min(next)..next];
        between.len() < 40
            && !between.contains(is_paragraph_break)
            && between.chars().all(|c| c.is_whitespace() || ",.;:—–-".contains(c))
    }

    fn kind(&self, cx: &Context, q: &Quote, before: &[Token], has_cue: bool) -> QuoteKind {
        let inner = &cx.text[q.inner.0..q.inner.1];
        // Only the first few words count (a quote can be paragraphs long): enough to tell a term.
        let words = || inner.split_whitespace().filter(|w| w.contains(char::is_alphanumeric));
        let after_work_noun = before.iter().rev().take(3).any(|t| cx.is(t, WORK_NOUNS));
        if after_work_noun && !has_cue {
            let title_case = words().next().is_some()
                && words()
                    .filter(|w| w.chars().count() > 3)
                    .all(|w| w.starts_with(|c: char| c.is_uppercase() || !c.is_alphabetic()))
                && !inner.trim_end().ends_with(['.', '!', '?', ',']);
            if title_case {
                return QuoteKind::Title;
            }
        }
        let count = words().take(TERM_MAX_WORDS + 1).count();
        if has_cue || count > TERM_MAX_WORDS {
            return QuoteKind::Statement;
        }
        let previous_word = before.iter().rev().find(|t| t.word);
        // A short quote opening its sentence is a statement ("“No.”"); inside one, a term.
        let starts_sentence = match before.last() {
            None => true,
            Some(t) => cx.punct(t, ".!?:;—–") || (!t.word && previous_word.is_none()),
        };
        let ends_sentence = inner.trim_end().ends_with(['.', '!', '?']);
        if starts_sentence && (ends_sentence || count > 2) {
            QuoteKind::Statement
        } else {
            QuoteKind::Term
        }
    }

    /// A reporting verb. Capitalised words are names ("The Huffington Post", "Mr. Said"), so
    /// a verb must be in lower case; [`Self::is_verb_any_case`] serves a sentence's first word.
    fn is_verb(&self, cx: &Context, t: &Token) -> bool {
        t.word && cx.word(t).starts_with(char::is_lowercase) && self.verbs.contains(cx.word(t))
    }

    fn is_verb_any_case(&self, cx: &Context, t: &Token) -> bool {
        t.word && self.verbs.contains(&cx.word(t).to_lowercase())
    }

    /// A reporting verb at `tokens[i]`, counting "went on" and "goes on".
    fn verb_at(&self, cx: &Context, tokens: &[Token], i: usize) -> bool {
        // After a determiner the word is a noun: "the statement", "a post", "the state".
        let noun = || i > 0 && cx.is(&tokens[i - 1], DETERMINERS);
        (self.is_verb(cx, &tokens[i]) && !noun())
            || (cx.is(&tokens[i], &["went", "goes", "go"]) && tokens.get(i + 1).is_some_and(|t| cx.is(t, &["on"])))
            || (cx.is(&tokens[i], &["shot", "fired", "hit"]) && tokens.get(i + 1).is_some_and(|t| cx.is(t, &["back"])))
    }

    fn find_cue(&self, cx: &Context, q: &Quote, around: &Around) -> Option<Cue> {
        let closes_sentence = cx.text[q.inner.0..q.inner.1].trim_end().ends_with(['.', '!', '?']);
        self.cue_after(cx, &around.after, closes_sentence)
            .or_else(|| self.cue_before(cx, &around.before, q.start))
            .or_else(|| self.signature(cx, q.end))
    }

    /// A quote signed on the next line: “…” ⏎ – Bernie Sanders.
    fn signature(&self, cx: &Context, quote_end: usize) -> Option<Cue> {
        let rest = &cx.text[quote_end..];
        let gap = rest.len() - rest.trim_start().len();
        if !rest[..gap].contains(is_paragraph_break) {
            return None;
        }
        let (from, to) = window_after(cx.text, quote_end + gap);
        let tokens = tokenize(cx.text, from, to);
        let dash = tokens.first().filter(|t| cx.punct(t, "-—–"))?;
        let end = tokens.iter().position(|t| cx.punct(t, ".")).unwrap_or(tokens.len());
        if end > 6 {
            return None;
        }
        let speaker = self.phrase_forward(cx, &tokens[1..end])?;
        Some(Cue { rule: Rule::After, span: (dash.start, speaker.end), speaker })
    }

    /// “…,” Sadiq said / “…,” said Sadiq / “…,” according to Sadiq.
    fn cue_after(&self, cx: &Context, tokens: &[Token], closes_sentence: bool) -> Option<Cue> {
        let skip = tokens.iter().take_while(|t| cx.punct(t, ",—–-")).count();
        let tokens = &tokens[skip..];
        let first = tokens.first().filter(|t| t.word)?;
        if cx.is(first, &["according"]) && tokens.get(1).is_some_and(|t| cx.is(t, &["to"])) {
            let speaker = self.phrase_forward(cx, &tokens[2..])?;
            return Some(Cue { rule: Rule::AccordingTo, span: (first.start, tokens[1].end), speaker });
        }
        // "said Sadiq" (never "saying the city ...", which reports rather than attributes).
        let verb_at = tokens.iter().take(3).position(|t| self.is_verb(cx, t) || !cx.is(t, AUXILIARIES));
        if let Some(v) = verb_at.filter(|&v| self.is_verb(cx, &tokens[v]) && !cx.word(&tokens[v]).ends_with("ing")) {
            let speaker = self.phrase_forward(cx, &tokens[v + 1..])?;
            return Some(Cue { rule: Rule::AfterInverted, span: (tokens[v].start, speaker.end), speaker });
        }
        // "Sadiq said": the subject runs up to the first reporting verb of the sentence; a long
        // appositive may stand between them ("Smith, director of ... at the institute, said").
        let sentence = &tokens[..tokens.iter().position(|t| cx.punct(t, ".!?;")).unwrap_or(tokens.len())];
        let verb = (0..sentence.len().min(12)).find(|&i| self.verb_at(cx, sentence, i)).or_else(|| {
            let comma = sentence.iter().take(6).position(|t| cx.punct(t, ","))?;
            (comma..sentence.len().min(40)).find(|&i| self.verb_at(cx, sentence, i))
        });
        let Some(verb) = verb else {
            return self
                .inverted_later(cx, sentence)
                .or_else(|| self.unknown_verb(cx, sentence, closes_sentence))
                .or_else(|| self.unknown_verb_inverted(cx, sentence));
        };
        let mut subject = &sentence[..verb];
        while subject.last().is_some_and(|t| cx.is(t, AUXILIARIES)) {
            subject = &subject[..subject.len() - 1];
        }
        if let Some(comma) = subject.iter().position(|t| cx.punct(t, ",")) {
            // "Smith, a strategist, said" names Smith; "the dawn of a movement, Smith says" and
            // "another friend, Jane Doe, told" name the one right before the verb.
            let last_comma = subject.iter().rposition(|t| cx.punct(t, ",")).unwrap_or(comma);
            let tail = &subject[last_comma + 1..];
            let tail_is_name = !tail.is_empty()
                && tail.len() <= 4
                && tail
                    .iter()
                    .all(|t| t.word && (cx.word(t).starts_with(char::is_uppercase) || pronoun(cx.word(t)).is_some()));
            let head = &subject[..comma];
            let head_fits = head.first().is_some_and(|t| !cx.is(t, NOT_SPEAKER_START) && !cx.is(t, NOT_IN_SPEAKER));
            subject = if tail_is_name || (!head_fits && !tail.is_empty()) { tail } else { head };
        }
        let Some(speaker) = self.subject(cx, subject) else {
            return self.inverted_later(cx, sentence);
        };
        if closes_sentence {
            // After a finished sentence, “….” He added, “…” introduces the next quote, and
            // “….” He says referees are ... reports something else.
            let next = sentence.get(verb + 1);
            let introduces_next = next.is_some_and(|t| cx.punct(t, ",:"))
                && sentence.get(verb + 2).is_some_and(|t| quotes::is_mark(cx.word(t)));
            let goes_on = sentence.len() - verb > 6
                && cx.word(first).starts_with(char::is_uppercase)
                && next.is_some_and(|t| t.word && !cx.is(t, CUE_TAIL))
                && !cx.is(&sentence[verb], &["told", "tells", "asked", "asks"]);
            if introduces_next || goes_on {
                return None;
            }
        }
        Some(Cue { rule: Rule::After, span: (speaker.start, sentence[verb].end), speaker })
    }

    /// “…” that Sanders can catch up, said Jane Doe: an inverted cue later in the sentence.
    fn inverted_later(&self, cx: &Context, sentence: &[Token]) -> Option<Cue> {
        let at =
            (1..sentence.len().min(30)).find(|&i| cx.punct(&sentence[i - 1], ",") && self.verb_at(cx, sentence, i))?;
        let speaker = self.phrase_forward(cx, &sentence[at + 1..])?;
        Some(Cue { rule: Rule::AfterInverted, span: (sentence[at].start, speaker.end), speaker })
    }

    /// “…,” he mocks. / “…,” an angry Jane Doe retorted: a verb we do not list, recognised by
    /// its shape (a word in -s or -ed right after a short subject, ending the clause).
    fn unknown_verb(&self, cx: &Context, sentence: &[Token], closes_sentence: bool) -> Option<Cue> {
        if closes_sentence {
            return None;
        }
        let verb = (1..sentence.len().min(5)).find(|&i| {
            let w = cx.word(&sentence[i]);
            sentence[i].word
                && w.starts_with(char::is_lowercase)
                && (w.ends_with("ed") || (w.ends_with('s') && !w.ends_with("ss")))
                && sentence.get(i + 1).is_none_or(|t| !t.word || cx.is(t, CUE_TAIL))
        })?;
        let subject = &sentence[..verb];
        let first = cx.word(&subject[0]);
        if !(first.starts_with(char::is_uppercase) || pronoun(first).is_some() || cx.is(&subject[0], DETERMINERS)) {
            return None;
        }
        let speaker = self.subject(cx, subject)?;
        Some(Cue { rule: Rule::After, span: (speaker.start, sentence[verb].end), speaker })
    }

    /// “…!” beamed Jane Doe: an unlisted verb in -ed, inverted before a name.
    fn unknown_verb_inverted(&self, cx: &Context, sentence: &[Token]) -> Option<Cue> {
        let (verb, name) = (sentence.first()?, sentence.get(1)?);
        let w = cx.word(verb);
        let names = cx.word(name).starts_with(char::is_uppercase) || cx.is(name, DETERMINERS);
        if !(w.starts_with(char::is_lowercase) && w.ends_with("ed") && names) {
            return None;
        }
        let speaker = self.phrase_forward(cx, &sentence[1..])?;
        Some(Cue { rule: Rule::AfterInverted, span: (verb.start, speaker.end), speaker })
    }

    /// Sadiq said: “…” / Sadiq told the crowd in Lahore: “…” / he said that “…” / Said Sadiq, “…”.
    /// A quote opening its paragraph may take its cue from the paragraph before, if that one ends
    /// with a colon ("Reporter Jane Doe says:").
    fn cue_before(&self, cx: &Context, before: &[Token], quote_start: usize) -> Option<Cue> {
        let tokens = match before {
            [] => match previous_paragraph(cx.text, quote_start) {
                (previous, tokens) if previous.ends_with(':') => Cow::Owned(tokens),
                _ => return None,
            },
            _ => Cow::Borrowed(before),
        };
        let mut end = tokens.len();
        if end > 0 && cx.is(&tokens[end - 1], &["that"]) {
            end -= 1;
        }
        let colon = end > 0 && cx.punct(&tokens[end - 1], ":");
        let comma = end > 0 && cx.punct(&tokens[end - 1], ",—");
        if colon || comma {
            end -= 1;
        }
        let clause = &tokens[..end];
        let sentence_start = clause.iter().rposition(|t| cx.punct(t, ".!?;")).map_or(0, |i| i + 1);
        let sentence = &clause[sentence_start..];
        if sentence.len() > 2 && cx.is(&sentence[0], &["according"]) && cx.is(&sentence[1], &["to"]) {
            let speaker = self.phrase_forward(cx, &sentence[2..])?;
            return Some(Cue { rule: Rule::AccordingTo, span: (sentence[0].start, sentence[1].end), speaker });
        }
        if (comma || colon) && (2..=8).contains(&sentence.len()) && self.is_verb_any_case(cx, &sentence[0]) {
            // "Said Sadiq, “…”"
            if let Some(speaker) = self.phrase_forward(cx, &sentence[1..]) {
                return Some(Cue { rule: Rule::Before, span: (sentence[0].start, speaker.end), speaker });
            }
        }
        // How far back the verb may stand: "told the crowd in Lahore:", "said in an interview, “…”".
        let reach = if colon {
            14
        } else if comma {
            7
        } else {
            1
        };
        let verb = (sentence_start..end).rev().take(reach).find(|&i| self.verb_at(cx, clause, i));
        let Some(verb) = verb else {
            // "... doesn’t surprise pollster Jane Doe: “…”": the name before the colon; "She
            // then turned to the crowd: “…”": the sentence's subject.
            if colon && sentence.last().is_some_and(|t| cx.word(t).starts_with(char::is_uppercase)) {
                if let Some(speaker) = self.phrase_backward(cx, sentence) {
                    return Some(Cue { rule: Rule::Before, span: (speaker.start, speaker.end), speaker });
                }
            }
            let speaker = colon
                .then(|| self.sentence_subject(cx, sentence).or_else(|| self.nearest_name(cx, sentence)))
                .flatten()?;
            return Some(Cue { rule: Rule::Before, span: (speaker.start, speaker.end), speaker });
        };
        let mut subject = &clause[sentence_start..verb];
        while subject.last().is_some_and(|t| cx.is(t, AUXILIARIES)) {
            subject = &subject[..subject.len() - 1];
        }
        // "She released a statement saying", "He backed Obama and said": the subject of the
        // sentence speaks, not the object before the verb.
        let gerund = cx.word(&clause[verb]).ends_with("ing");
        let coordinated = subject.last().is_some_and(|t| cx.is(t, &["and"]));
        let speaker = if (gerund || coordinated) && !subject.last().is_some_and(|t| cx.punct(t, ",")) {
            self.sentence_subject(cx, &clause[sentence_start..])?
        } else if subject.last().is_some_and(|t| cx.punct(t, ",")) && gerund {
            // "Nefzi said, adding, “…”": the speaker of that verb; "Clinton rallied supporters,
            // saying: “…”": the subject of the sentence.
            let before = &subject[..subject.len() - 1];
            match before.last() {
                Some(_) if self.verb_at(cx, before, before.len() - 1) => {
                    self.phrase_backward(cx, &before[..before.len() - 1])?
                }
                _ => self.sentence_subject(cx, &clause[sentence_start..])?,
            }
        } else {
            if subject.last().is_some_and(|t| cx.punct(t, ",")) {
                // "In Ohio, Gov. Jane Doe (R-OH), said": the name between the commas; "Smith, a
                // strategist, said": skip back over the appositive.
                let open = subject[..subject.len() - 1].iter().rposition(|t| cx.punct(t, ","))?;
                let between = &subject[open + 1..subject.len() - 1];
                let named_between = between.first().is_some_and(|t| cx.word(t).starts_with(char::is_uppercase));
                subject = if named_between { between } else { &subject[..open] };
            }
            // "When he returned he began by saying, “…”": failing a subject right before the
            // verb, the nearest pronoun before it.
            self.phrase_backward(cx, subject).or_else(|| self.nearest_name(cx, subject))?
        };
        // The subject stands before its verb in every shape above; a phrase the sentence's subject
        // search finds after it ("speaking … Pakistan’s envoy:") is not who is speaking.
        if speaker.end > clause[verb].start {
            return None;
        }
        Some(Cue { rule: Rule::Before, span: (speaker.start, clause[verb].end), speaker })
    }

    /// A speaker that is exactly `tokens` (the subject before a verb).
    fn subject(&self, cx: &Context, tokens: &[Token]) -> Option<Speaker> {
        let (first, last) = (tokens.first()?, tokens.last()?);
        let allowed =
            |t: &Token| (t.word && (!cx.is(t, NOT_IN_SPEAKER) || cx.is(t, &["of"]))) || cx.punct(t, "()-'’&.");
        if tokens.len() > 8 || !tokens.iter().all(allowed) {
            return None;
        }
        // "political scientist Jane Doe": a lower-case start is fine before a name.
        let names_someone = tokens.iter().any(|t| t.word && cx.word(t).starts_with(char::is_uppercase));
        self.check_speaker(cx, first, last, names_someone)
    }

    /// The speaker phrase at the start of `tokens`: "Sadiq", "the envoy", "Sen. Ted Cruz". It
    /// must end where the phrase plainly ends (punctuation, a preposition, the end of the
    /// paragraph), so "said the city embodied ..." is not taken for a speaker.
    fn phrase_forward(&self, cx: &Context, tokens: &[Token]) -> Option<Speaker> {
        let first = tokens.first().filter(|t| t.word)?;
        if let Some(m) = mention_where(cx.mentions, |m| m.start, first.start) {
            return Some(named(m.start, m.end, Some(m.actor)));
        }
        // A verb after "of" is a noun: "secretary of state".
        let len = (0..tokens.len().min(9))
            .take_while(|&i| {
                let t = &tokens[i];
                let noun = i > 0 && cx.is(&tokens[i - 1], &["of"]);
                t.word && (!cx.is(t, NOT_IN_SPEAKER) || cx.is(t, &["of"])) && (noun || !self.is_verb(cx, t))
            })
            .count();
        let ends_plainly = tokens.get(len).is_none_or(|t| !t.word || cx.is(t, NOT_IN_SPEAKER) || self.is_verb(cx, t));
        if len > 8 || !ends_plainly {
            return None;
        }
        let mut phrase = &tokens[..len];
        while phrase.last().is_some_and(|t| cx.is(t, &["of", "the", "a"])) {
            phrase = &phrase[..phrase.len() - 1];
        }
        let names_someone = phrase.iter().any(|t| cx.word(t).starts_with(char::is_uppercase));
        self.check_speaker(cx, phrase.first()?, phrase.last()?, names_someone)
    }

    /// The last pronoun or capitalised name in `tokens` that does not open them: "Mr. Trump" in
    /// "so subdued that Mr. Trump was prompted to".
    fn nearest_name(&self, cx: &Context, tokens: &[Token]) -> Option<Speaker> {
        let capitalized = |t: &Token| t.word && cx.word(t).starts_with(char::is_uppercase);
        let i =
            (1..tokens.len()).rev().find(|&i| cx.is(&tokens[i], &["he", "she", "they"]) || capitalized(&tokens[i]))?;
        if !capitalized(&tokens[i]) {
            return Some(named(tokens[i].start, tokens[i].end, None));
        }
        let first = (1..=i).rev().take_while(|&j| capitalized(&tokens[j])).last()?;
        self.check_speaker(cx, &tokens[first], &tokens[i], false)
    }

    /// The subject of a sentence, when it is a name or a pronoun: "Sanders" in "At the debate,
    /// Sanders compared himself to Clinton".
    fn sentence_subject(&self, cx: &Context, mut sentence: &[Token]) -> Option<Speaker> {
        // A dateline: "WASHINGTON (AP) — ".
        if let Some(dash) = sentence.iter().take(6).position(|t| cx.punct(t, "—–")) {
            let caps = |t: &Token| !t.word || !cx.word(t).chars().any(char::is_lowercase);
            if sentence[..dash].iter().all(caps) {
                sentence = &sentence[dash + 1..];
            }
        }
        if sentence.first().is_some_and(|t| cx.is(t, &["and", "but", "so", "yet", "or"])) {
            sentence = &sentence[1..];
        }
        if sentence.first().is_some_and(|t| cx.is(t, NOT_SPEAKER_START) || cx.is(t, NOT_IN_SPEAKER)) {
            let comma = sentence.iter().position(|t| cx.punct(t, ","))?;
            sentence = &sentence[comma + 1..];
        }
        let first = sentence.first().filter(|t| t.word)?;
        if let Some(m) = mention_where(cx.mentions, |m| m.start, first.start) {
            return Some(named(m.start, m.end, Some(m.actor)));
        }
        if pronoun(cx.word(first)).is_some() {
            return self.check_speaker(cx, first, first, false);
        }
        let capitalized = |t: &Token| t.word && cx.word(t).starts_with(char::is_uppercase);
        let len = sentence
            .iter()
            .take(6)
            .take_while(|t| capitalized(t) || cx.is(t, &["of", "de", "van", "von", "al", "bin"]))
            .count();
        let mut name = &sentence[..len];
        while name.last().is_some_and(|t| !capitalized(t)) {
            name = &name[..name.len() - 1];
        }
        if cx.is(first, DETERMINERS) {
            // "The New York Times reported", "his campaign sent": a name with its article, or a
            // determiner and one noun.
            let names = sentence[1..].iter().take(5).take_while(|t| capitalized(t)).count();
            let len = 1 + if names > 0 { names } else { usize::from(sentence.get(1).is_some_and(|t| t.word)) };
            let last = sentence[len - 1];
            return (len > 1).then(|| named(first.start, last.end, cx.actor_in(first.start, last.end)));
        }
        self.check_speaker(cx, name.first()?, name.last()?, false)
    }

    /// The speaker phrase at the end of `tokens`: "Sadiq" in "In Lahore, Sadiq".
    fn phrase_backward(&self, cx: &Context, mut tokens: &[Token]) -> Option<Speaker> {
        // "Sen. Jane Doe (D-Ill.)": the name before the parenthesis.
        if tokens.last().is_some_and(|t| cx.punct(t, ")")) {
            let open = tokens.iter().rposition(|t| cx.punct(t, "("))?;
            tokens = &tokens[..open];
        }
        let last = tokens.last().filter(|t| t.word)?;
        if let Some(m) = mention_where(cx.mentions, |m| m.end, last.end) {
            return Some(named(m.start, m.end, Some(m.actor)));
        }
        let len = tokens
            .iter()
            .rev()
            .take(8)
            .take_while(|t| t.word && (!cx.is(t, NOT_IN_SPEAKER) || cx.is(t, &["of"])) && !self.is_verb(cx, t))
            // "Sanders’ surge doesn’t surprise pollster Jane Doe": no speaker's phrase holds a
            // negated verb.
            .take_while(|t| !["n’t", "n't", "N’T", "N'T"].iter().any(|n| cx.word(t).ends_with(n)))
            .count();
        let mut phrase = &tokens[tokens.len() - len..];
        // Start at a word a speaker can start with: a name, a determiner or a pronoun.
        while let Some(first) = phrase.first() {
            let word = cx.word(first);
            let starts = word.starts_with(char::is_uppercase) || cx.is(first, DETERMINERS) || pronoun(word).is_some();
            if starts && !cx.is(first, NOT_SPEAKER_START) && !cx.is(first, &["of"]) {
                break;
            }
            phrase = &phrase[1..];
        }
        // "Friday the mayor of the city": a determiner inside starts the phrase (not after "of").
        let inner = (1..phrase.len()).find(|&i| cx.is(&phrase[i], DETERMINERS) && !cx.is(&phrase[i - 1], &["of"]));
        if let Some(i) = inner {
            phrase = &phrase[i..];
        }
        self.check_speaker(cx, phrase.first()?, phrase.last()?, false)
    }

    /// Accepts `first..last` as a speaker if it can be one: a name, a pronoun other than I, we
    /// and you, or a phrase starting with a determiner or a capital (or, when `loose`, any phrase
    /// naming someone); never a sentence opener such as "and" or "there".
    fn check_speaker(&self, cx: &Context, first: &Token, last: &Token, loose: bool) -> Option<Speaker> {
        let word = cx.word(first);
        if lower_is(word, &["i", "we", "you", "me", "us"]) || cx.is(first, NOT_SPEAKER_START) {
            return None;
        }
        if cx.is(first, &["it"]) && first.end != last.end {
            return None;
        }
        // "delivering Cross’ speech": a plural possessive belongs to what follows it.
        if cx.word(last).ends_with(['’', '\'']) {
            return None;
        }
        let starts = loose
            || word.starts_with(char::is_uppercase)
            || cx.is(first, DETERMINERS)
            || pronoun(word).is_some()
            || (first.end == last.end && word.ends_with(['s', 'S']) && word.len() > 3);
        if !starts || !cx.text[first.start..last.end].contains(char::is_alphabetic) {
            return None;
        }
        Some(named(first.start, last.end, cx.actor_in(first.start, last.end)))
    }

    /// Points a pronoun at the latest compatible actor, or named speaker, within reach.
    fn resolve(&self, cx: &Context, speaker: Speaker, quote_start: usize) -> Speaker {
        let Some(fits) = pronoun(&cx.text[speaker.start..speaker.end]) else { return speaker };
        let at = speaker.start.min(quote_start);
        let first_paragraph = cx.paragraph_of(at).saturating_sub(REACH_PARAGRAPHS);
        let reach = cx.paragraphs[first_paragraph];
        let before = cx.mentions.partition_point(|m| m.end <= at);
        let found = cx.mentions[..before]
            .iter()
            .rev()
            .take_while(|m| m.start >= reach)
            .find(|m| fits(cx.config.actors[m.actor].kind));
        match found {
            Some(m) => Speaker { actor: Some(m.actor), refers_to: Some((m.start, m.end)), ..speaker },
            None => speaker,
        }
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
    if lower_is(word, &["he", "she"]) {
        Some(|k| k == Kind::Person)
    } else if lower_is(word, &["they"]) {
        Some(|k| k != Kind::Place)
    } else if lower_is(word, &["it"]) {
        Some(|k| matches!(k, Kind::Organization | Kind::State | Kind::Group))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actors::Matcher;
    use crate::quotes;

    const ACTORS: &str = r#"{"actors":[
        {"id":"sadiq","kind":"person","aliases":["Muhammad Sadiq","Sadiq"]},
        {"id":"maria","kind":"person","aliases":["Maria Lopez","Lopez"]},
        {"id":"pakistan","kind":"state","aliases":["Pakistan"]}]}"#;

    /// What attribution found for one reported quote: its pieces, kind, speaker text, speaker
    /// actor id, cue text and rule.
    #[derive(Debug, PartialEq)]
    struct Found {
        pieces: Vec<String>,
        kind: QuoteKind,
        speaker: Option<String>,
        actor: Option<String>,
        cue: Option<String>,
        rule: Option<Rule>,
    }

    fn attribute(text: &str) -> Vec<Found> {
        let config = Config::from_json(ACTORS).unwrap();
        let mentions = Matcher::new(&config).unwrap().find(text);
        let quotes = quotes::find(text);
        let found = Attributor::default().attribute(text, &quotes, &mentions, &config);
        found
            .into_iter()
            .map(|a| Found {
                pieces: a
                    .parts
                    .iter()
                    .flat_map(|&i| quotes[i].pieces.iter().map(|&(s, e)| text[s..e].to_owned()))
                    .collect(),
                kind: a.kind,
                speaker: a.speaker.map(|s| text[s.start..s.end].to_owned()),
                actor: a.speaker.and_then(|s| s.actor).map(|i| config.actors[i].id.clone()),
                cue: a.cue.map(|(s, e)| text[s..e].to_owned()),
                rule: a.rule,
            })
            .collect()
    }

    fn one(text: &str) -> Found {
        let mut all = attribute(text);
        assert_eq!(all.len(), 1, "{all:?}");
        all.remove(0)
    }

    /// (speaker text, actor id, cue text, rule) of a one-quote text.
    fn who(text: &str) -> (Option<String>, Option<String>, Option<String>, Option<Rule>) {
        let f = one(text);
        assert_eq!(f.kind, QuoteKind::Statement, "{text}");
        (f.speaker, f.actor, f.cue, f.rule)
    }

    fn s(x: &str) -> Option<String> {
        Some(x.to_owned())
    }

    #[test]
    fn word_lists_are_in_lower_case() {
        // `lower_is` compares ASCII words without case, which equals lowercasing them only
        // against lists written in lower case.
        let lists = [AUXILIARIES, NOT_IN_SPEAKER, DETERMINERS, NOT_SPEAKER_START, CUE_TAIL, SPEECH_NOUNS, WORK_NOUNS];
        for word in lists.iter().flat_map(|list| list.iter()) {
            assert_eq!(*word, word.to_lowercase(), "{word}");
        }
        assert!(lower_is("Said", &["said"]) && lower_is("SAID", &["said"]) && !lower_is("sai", &["said"]));
        // Non-ASCII words are lowercased first: the Kelvin sign lowercases to "k".
        assert!(lower_is("\u{212a}now", &["know"]));
    }

    #[test]
    fn titles_are_listed_once_and_pass_the_quick_check() {
        for title in TITLES {
            assert!(may_be_title(title), "{title}");
            assert_eq!(TITLES.iter().filter(|t| *t == title).count(), 1, "{title} twice");
        }
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
            "agreeing",
        ] {
            assert!(a.verbs.contains(v), "{v}");
        }
    }

    #[test]
    fn verb_after_the_quote() {
        assert_eq!(
            who("“We will not back down from this,” Sadiq said on Monday."),
            (s("Sadiq"), s("sadiq"), s("Sadiq said"), Some(Rule::After))
        );
        assert_eq!(
            who("“Talks resume in the spring,” Sadiq later told reporters."),
            (s("Sadiq"), s("sadiq"), s("Sadiq later told"), Some(Rule::After))
        );
        assert_eq!(
            who("“Talks resume in the spring,” a senior Foreign Office official said."),
            (
                s("a senior Foreign Office official"),
                None,
                s("a senior Foreign Office official said"),
                Some(Rule::After)
            )
        );
        assert_eq!(
            who("“It is over,” Lopez, the committee’s chairwoman, said."),
            (s("Lopez"), s("maria"), s("Lopez, the committee’s chairwoman, said"), Some(Rule::After))
        );
    }

    #[test]
    fn a_verb_before_the_sentence_subject_is_no_cue_of_it() {
        // The fuzzer's shape: a gerund early in the sentence, a name after it, a colon, then the
        // quote in the next paragraph. The name is not the gerund's subject, and the cue is never
        // a reversed span (the helper slices it).
        let found = attribute(
            "speaking Article rare and candid admission, Pakistan’s Special Representative demo:\n“We have seen it.”",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_ne!(found[0].cue.as_deref(), Some(""), "{found:?}");
    }

    #[test]
    fn inverted_verb_after_the_quote() {
        assert_eq!(
            who("“We will not back down from this,” said Muhammad Sadiq."),
            (s("Muhammad Sadiq"), s("sadiq"), s("said Muhammad Sadiq"), Some(Rule::AfterInverted))
        );
        assert_eq!(
            who("\"It works for him,\" said Kevin Marsden, a Republican strategist."),
            (s("Kevin Marsden"), None, s("said Kevin Marsden"), Some(Rule::AfterInverted))
        );
    }

    #[test]
    fn speaker_before_the_quote() {
        assert_eq!(
            who("Maria Lopez said: “The border stays open for now.”"),
            (s("Maria Lopez"), s("maria"), s("Maria Lopez said"), Some(Rule::Before))
        );
        assert_eq!(
            who("Sadiq also warned that “nobody is safe while this goes on.”"),
            (s("Sadiq"), s("sadiq"), s("Sadiq also warned"), Some(Rule::Before))
        );
        assert_eq!(
            who("On Friday the mayor of the city told the crowd in the square: “We rebuild from today.”"),
            (s("the mayor of the city"), None, s("the mayor of the city told"), Some(Rule::Before))
        );
        assert_eq!(
            who("Mr. Pruitt, a former adviser to the governor, wrote: “The question is who pays.”"),
            (s("Mr. Pruitt"), None, s("Mr. Pruitt, a former adviser to the governor, wrote"), Some(Rule::Before))
        );
    }

    #[test]
    fn according_to() {
        assert_eq!(
            who("“The plan was never costed,” according to Maria Lopez."),
            (s("Maria Lopez"), s("maria"), s("according to"), Some(Rule::AccordingTo))
        );
        assert_eq!(
            who("According to a former aide, “the plan was never costed at all.”"),
            (s("a former aide"), None, s("According to"), Some(Rule::AccordingTo))
        );
    }

    #[test]
    fn pronoun_goes_to_the_latest_person_before_it() {
        let text = "Maria Lopez spoke first. Then Sadiq took the floor in Pakistan.\n“Some of it has already happened,” he confirmed.";
        assert_eq!(who(text), (s("he"), s("sadiq"), s("he confirmed"), Some(Rule::After)));
        let text = "Maria Lopez was there. Then Sadiq took the floor in Pakistan.\n“Some of it has already happened,” he confirmed.";
        assert_eq!(who(text), (s("he"), s("sadiq"), s("he confirmed"), Some(Rule::After)));
    }

    #[test]
    fn pronoun_two_sentences_away_and_out_of_reach() {
        let text = "Sadiq arrived late. The talks had stalled. Nobody expected much.\n“We are close,” he said.";
        assert_eq!(who(text).1, s("sadiq"));
        let far = "Sadiq arrived late.\nOne.\nTwo.\nThree.\n“We are close,” he said.";
        assert_eq!(who(far), (s("he"), None, s("he said"), Some(Rule::After)));
    }

    #[test]
    fn i_and_we_are_never_speakers() {
        assert_eq!(who("“We are close to a deal, I think,” I said to him."), (None, None, None, None));
    }

    #[test]
    fn a_speaker_who_is_not_an_actor_is_still_reported() {
        assert_eq!(
            who("“The figures will be revised next week,” Jonathan Pryce said."),
            (s("Jonathan Pryce"), None, s("Jonathan Pryce said"), Some(Rule::After))
        );
    }

    #[test]
    fn split_quote_is_one_quote_with_one_speaker() {
        let f = one("“We will not leave,” Sadiq said. “Not this year, not next year.”");
        assert_eq!(f.pieces, ["“We will not leave,”", "“Not this year, not next year.”"]);
        assert_eq!((f.speaker, f.actor, f.rule), (s("Sadiq"), s("sadiq"), Some(Rule::After)));
    }

    #[test]
    fn follow_on_and_next_quote_share_a_speaker() {
        let all = attribute(
            "“We will not leave,” Sadiq said at the barracks in the capital.\n“There is no plan B for any of us.”\nThe crowd cheered.\n“It will be hard.” “Harder than anything before,” Lopez added.\nLopez gave a long interview on Monday.\n“We expected more.”",
        );
        let got: Vec<_> = all.iter().map(|f| (f.actor.clone(), f.rule)).collect();
        assert_eq!(
            got,
            [
                (s("sadiq"), Some(Rule::After)),
                (s("sadiq"), Some(Rule::FollowOn)),
                (s("maria"), Some(Rule::NextQuote)),
                (s("maria"), Some(Rule::After)),
                (s("maria"), Some(Rule::Context)),
            ]
        );
    }

    #[test]
    fn more_cue_shapes() {
        assert_eq!(
            who("Said Lopez, “We will not give up on this city.”"),
            (s("Lopez"), s("maria"), s("Said Lopez"), Some(Rule::Before))
        );
        assert_eq!(
            who("“You know, it happens all the time,” Sadiq went on, smiling."),
            (s("Sadiq"), s("sadiq"), s("Sadiq went"), Some(Rule::After))
        );
        assert_eq!(who("“We will see about that soon,” he mocks.").2, s("he mocks"));
        assert_eq!(
            who("“This is fantastic for all of us!” beamed Harriet Vane."),
            (s("Harriet Vane"), None, s("beamed Harriet Vane"), Some(Rule::AfterInverted))
        );
        assert_eq!(
            who("Reporter Jane Doe says:\n\n“The doors opened at nine and the hall filled quickly.”").0,
            s("Reporter Jane Doe")
        );
        assert_eq!(
            who("WASHINGTON (AP) — Maria Lopez thanked her supporters, saying: “We did this together.”").1,
            s("maria")
        );
        assert_eq!(who("''We are told all the time, 'this is a special case,''' Mr. Ortega said.").0, s("Mr. Ortega"));
    }

    #[test]
    fn sentence_openers_are_not_speakers() {
        assert_eq!(who("Wait for the best part:\n\n“The border stays open for now, they say.”").0, None);
        assert_eq!(who("Last week Sadiq went further: “The border stays open for now.”").0, s("Sadiq"));
    }

    #[test]
    fn plural_possessives_in_cues() {
        assert_eq!(who("The rebels’ spokesman said: “We will not stop.”").0, s("The rebels’ spokesman"));
        assert_eq!(who("The rebels' spokesman said: \"We will not stop.\"").0, s("The rebels' spokesman"));
        // A possessive is never the speaker, nor a negated verb part of one.
        assert_eq!(who("Smith, delivering Jones’ speech, asked the crowd \"If you cannot tell us the truth, why should we trust you again?\"").0, s("Smith"));
        assert_eq!(
            who("The rebels’ surge doesn’t surprise pollster Jane Doe: “It was always coming.”").0,
            s("Jane Doe")
        );
    }

    #[test]
    fn a_sentence_reporting_speech_names_the_next_quote() {
        let f = one("Lopez gave a long interview to the radio station.\n“We are not finished with this yet.”");
        assert_eq!((f.actor, f.rule), (s("maria"), Some(Rule::Context)));
    }

    #[test]
    fn first_person_cues_attribute_to_nobody_and_stop_follow_ons() {
        let all = attribute("“That was the plan all along,” Sadiq said.\n“Not for me it was not,” I said.\n“And never will be, believe me.”");
        let got: Vec<_> = all.iter().map(|f| (f.actor.clone(), f.rule)).collect();
        assert_eq!(got, [(s("sadiq"), Some(Rule::After)), (None, None), (None, None)]);
    }

    #[test]
    fn scare_quotes_are_terms_and_titles_are_titles() {
        let f = one("Fighters were trained and even “sold,” to other factions.");
        assert_eq!((f.kind, f.speaker), (QuoteKind::Term, None));
        let f = one("Her memoir “Standing Where We Are” came out in May.");
        assert_eq!((f.kind, f.speaker), (QuoteKind::Title, None));
        let f = one("It was a long day. “None of this has anything to do with us.” The end.");
        assert_eq!((f.kind, f.speaker), (QuoteKind::Statement, None));
    }
}
