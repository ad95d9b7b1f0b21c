//! Reporting verbs and the words around them: what makes a cue.
//!
//! said, says, told, warned, testified, tweeted, went on, shot back; the words that may stand
//! between a speaker and the verb ("Sadiq also said", "she had told", "he was quoted as saying");
//! the words that may follow the verb in the same cue ("said on Monday", "said of the plan",
//! "said in a statement"); and the nouns that make a sentence about speech ("during the
//! interview").

use std::collections::HashSet;

use super::speakers::DETERMINERS;
use super::tokens::Token;
use super::{Attributor, Context, Rule, Speaker};

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
pub(super) const AUXILIARIES: &[&str] = &[
    "also", "later", "then", "once", "again", "earlier", "further", "previously", "recently", "simply", "only", "has",
    "had", "have", "would", "will", "was", "is", "quoted", "as", "reportedly", "often", "once", "still", "now", "now",
];

/// Words that may follow a reporting verb in the same attribution: "said on Monday", "said of
/// the plan", "said in a statement".
#[rustfmt::skip]
pub(super) const CUE_TAIL: &[&str] = &[
    "of", "in", "on", "at", "during", "after", "before", "to", "about", "with", "from", "for", "while", "when", "as",
    "last", "this", "earlier", "later", "yesterday", "today", "tonight", "recently", "again", "then", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "afterward", "afterwards",
];

/// Nouns that say a sentence is about speech: "during the interview", "in a statement".
#[rustfmt::skip]
pub(super) const SPEECH_NOUNS: &[&str] = &[
    "interview", "statement", "speech", "remarks", "address", "tweet", "tweets", "email", "letter", "post", "message",
    "testimony", "conference", "rally", "debate", "op-ed", "video",
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

/// Every form of every reporting verb, for [`Attributor::is_verb`].
pub(super) fn verb_forms() -> HashSet<String> {
    let mut verbs: HashSet<String> = REGULAR_VERBS.iter().flat_map(|v| inflections(v)).collect();
    verbs.extend(IRREGULAR_VERBS.iter().flat_map(|forms| forms.iter().map(|f| f.to_string())));
    verbs
}

/// A cue found for one quote.
#[derive(Debug, Clone, Copy)]
pub(super) struct Cue {
    pub(super) rule: Rule,
    pub(super) span: (usize, usize),
    pub(super) speaker: Speaker,
}

impl Attributor {
    /// A reporting verb. Capitalised words are names ("The Huffington Post", "Mr. Said"), so
    /// a verb must be in lower case; [`Self::is_verb_any_case`] serves a sentence's first word.
    pub(super) fn is_verb(&self, cx: &Context, t: &Token) -> bool {
        t.word && cx.word(t).starts_with(char::is_lowercase) && self.verbs.contains(cx.word(t))
    }

    pub(super) fn is_verb_any_case(&self, cx: &Context, t: &Token) -> bool {
        t.word && self.verbs.contains(&cx.word(t).to_lowercase())
    }

    /// A reporting verb at `tokens[i]`, counting "went on" and "goes on".
    pub(super) fn verb_at(&self, cx: &Context, tokens: &[Token], i: usize) -> bool {
        // After a determiner the word is a noun: "the statement", "a post", "the state".
        let noun = || i > 0 && cx.is(&tokens[i - 1], DETERMINERS);
        (self.is_verb(cx, &tokens[i]) && !noun())
            || (cx.is(&tokens[i], &["went", "goes", "go"]) && tokens.get(i + 1).is_some_and(|t| cx.is(t, &["on"])))
            || (cx.is(&tokens[i], &["shot", "fired", "hit"]) && tokens.get(i + 1).is_some_and(|t| cx.is(t, &["back"])))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
