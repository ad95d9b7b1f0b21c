//! Speaker phrases: who a cue names.
//!
//! A speaker is an actor mention, a name with or without a title ("Maria Lopez", "Sen. Ted Cruz",
//! "Mr. Pruitt"), a role noun with its determiner ("the envoy", "a senior Foreign Office
//! official", "the mayor of the city", "political scientist Jane Doe") or a pronoun. A phrase is
//! read forwards after an inverted verb (“…,” said Sadiq, the envoy: it ends at the comma, so the
//! appositive is no part of it), backwards before a verb ("In Lahore, Sadiq said"), or as the
//! subject of a sentence ("At the debate, Sanders compared himself to Clinton"). It is never a
//! sentence opener ("and", "there", "yesterday") nor ends in a plural possessive ("delivering
//! Jones’ speech").

use crate::actors::Mention;
use crate::config::Kind;

use super::pronouns::pronoun;
use super::tokens::{lower_is, Token};
use super::{Attributor, Context, Speaker};

/// Words that cannot be part of a speaker: they end a speaker phrase read backwards.
pub(super) const NOT_IN_SPEAKER: &[&str] = &[
    "and", "but", "or", "nor", "so", "yet", "as", "while", "when", "whereas", "because", "although", "though", "if",
    "since", "after", "before", "until", "then", "that", "which", "who", "whom", "whose", "where", "what", "how",
    "why", "in", "on", "at", "to", "for", "with", "from", "by", "about", "into", "over", "than", "said", "says",
    "also", "not", "is", "was", "are", "were", "be", "been", "it's", "there",
];

/// Words a speaker phrase may start with besides names: "a", "the", "one", "another" ...
pub(super) const DETERMINERS: &[&str] = &[
    "a", "an", "the", "one", "another", "his", "her", "their", "its", "this", "that", "these", "those", "some", "many",
    "several", "two", "three", "four", "both", "other", "most", "each", "our", "my", "your",
];

/// Words that start sentences but never begin a speaker.
pub(super) const NOT_SPEAKER_START: &[&str] = &[
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

impl Context<'_> {
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

impl Attributor {
    /// A speaker that is exactly `tokens` (the subject before a verb).
    pub(super) fn subject(&self, cx: &Context, tokens: &[Token]) -> Option<Speaker> {
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
    pub(super) fn phrase_forward(&self, cx: &Context, tokens: &[Token]) -> Option<Speaker> {
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
        // "Stephen Vladeck of the University of Texas School of Law": too long for a phrase, but
        // a name before "of" is the speaker, and the rest is where they work. Not a title's
        // words ("Chairman of the Joint Chiefs of Staff Gen. Joseph Dunford").
        let name_word = |t: &Token| cx.word(t).starts_with(char::is_uppercase) && !self.names.is_title(cx.word(t));
        let of = if len > 8 { tokens[..len].iter().position(|t| cx.is(t, &["of"])) } else { None };
        let (len, ends_plainly) = match of {
            Some(of) if of > 1 && tokens[..of].iter().all(name_word) => (of, true),
            _ => (len, ends_plainly),
        };
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
    pub(super) fn nearest_name(&self, cx: &Context, tokens: &[Token]) -> Option<Speaker> {
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
    pub(super) fn sentence_subject(&self, cx: &Context, mut sentence: &[Token]) -> Option<Speaker> {
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
    pub(super) fn phrase_backward(&self, cx: &Context, mut tokens: &[Token]) -> Option<Speaker> {
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
}

/// The mention whose `key` (its start or its end: both are sorted) equals `at`, found by binary search.
fn mention_where(mentions: &[Mention], key: fn(&Mention) -> usize, at: usize) -> Option<&Mention> {
    let i = mentions.partition_point(|m| key(m) < at);
    mentions.get(i).filter(|m| key(m) == at)
}

fn named(start: usize, end: usize, actor: Option<usize>) -> Speaker {
    Speaker { start, end, actor, refers_to: None }
}

#[cfg(test)]
mod tests {
    use crate::attribution::testing::{s, who};
    use crate::attribution::Rule;

    #[test]
    fn a_speaker_who_is_not_an_actor_is_still_reported() {
        assert_eq!(
            who("“The figures will be revised next week,” Jonathan Pryce said."),
            (s("Jonathan Pryce"), None, s("Jonathan Pryce said"), Some(Rule::After))
        );
    }

    #[test]
    fn a_long_affiliation_after_a_name_is_left_out() {
        assert_eq!(
            who("“It would be wrong,” said Stephen Vladeck of the University of Texas School of Law."),
            (s("Stephen Vladeck"), None, s("said Stephen Vladeck"), Some(Rule::AfterInverted))
        );
        assert_eq!(who("“It is wrong,” said Chairman of the Joint Chiefs of Staff Gen. Joseph Dunford.").0, None);
        // A short one stays part of the phrase.
        assert_eq!(who("“It would be wrong,” said the mayor of the city.").0, s("the mayor of the city"));
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
}
