//! Statements, terms and titles: whether a quote is somebody's statement at all.
//!
//! Fighters were trained and even “sold,” to other factions: a short quoted phrase inside a
//! sentence, with no cue, is a term (scare quotes). Her memoir “Standing Where We Are” came out
//! in May: a quote in title case after "book", "film", "titled"..., after a possessive (ABC’s
//! “This Week”) or after "on" is the name of a work.
//! A paragraph of nothing but a few words in single quotes ('A healthy environment.') is a
//! subheading, and a term too. None of them gets a speaker.

use crate::quotes::Quote;

use super::tokens::Token;
use super::{Attributor, Context, QuoteKind};

/// Quotes of at most this many words with no cue are terms.
const TERM_MAX_WORDS: usize = 4;

/// Quotes of at most this many words alone in their paragraph may be subheadings.
const SUBHEADING_MAX_WORDS: usize = 10;

/// Nouns for names of works: a quote right after one of these is a title.
#[rustfmt::skip]
pub(super) const WORK_NOUNS: &[&str] = &[
    "book", "books", "film", "films", "movie", "movies", "song", "songs", "album", "show", "series", "article",
    "essay", "column", "op-ed", "headline", "titled", "entitled", "novel", "memoir", "play", "poem", "documentary",
    "episode", "podcast", "report", "program", "programme", "slogan", "hashtag", "author", "co-author", "co-editor",
    "biography", "memo", "segment", "sitcom", "musical", "opera", "anthem",
];

/// Whether `word` is a possessive: "ABC’s", "CBS's", "the Democrats’".
fn is_possessive(word: &str) -> bool {
    ["’s", "'s", "s’", "s'"].iter().any(|ending| word.ends_with(ending))
}

impl Attributor {
    pub(super) fn kind(&self, cx: &Context, q: &Quote, before: &[Token], after: &[Token], has_cue: bool) -> QuoteKind {
        let inner = &cx.text[q.inner.0..q.inner.1];
        // Only the first few words count (a quote can be paragraphs long): enough to tell a term.
        let words = || inner.split_whitespace().filter(|w| w.contains(char::is_alphanumeric));
        let title_case = words().next().is_some()
            && words()
                .filter(|w| w.chars().count() > 3)
                .all(|w| w.starts_with(|c: char| c.is_uppercase() || !c.is_alphabetic()));
        // Right after a noun for a work, a name in title case is the work's (her memoir “Standing
        // Where We Are”; his 2012 book, “An American Son.”), whatever cue the sentence has.
        if title_case && before.iter().rev().take(3).any(|t| cx.is(t, WORK_NOUNS)) {
            return QuoteKind::Title;
        }
        // A paragraph of a few words in single quotes, or in capitals, and nothing else is a
        // subheading quoting the story ('A really tough decision.'), not somebody speaking there.
        let alone = !before.iter().chain(after).any(|t| t.word);
        let mark = &cx.text[q.start..];
        let single = mark.starts_with('‘') || (mark.starts_with('\'') && !mark.starts_with("''"));
        let capitals = !inner.chars().any(char::is_lowercase);
        if alone
            && !has_cue
            && (single || capitals)
            && words().take(SUBHEADING_MAX_WORDS + 1).count() <= SUBHEADING_MAX_WORDS
        {
            return QuoteKind::Term;
        }
        let count = words().take(TERM_MAX_WORDS + 1).count();
        let previous_word = before.iter().rev().find(|t| t.word);
        // A short quote opening its sentence is a statement ("“No.”"); inside one, a term.
        let starts_sentence = match before.last() {
            None => true,
            Some(t) => cx.punct(t, ".!?:;—–") || (!t.word && previous_word.is_none()),
        };
        let ends_sentence = inner.trim_end().ends_with(['.', '!', '?']);
        if !(has_cue || count > TERM_MAX_WORDS || (starts_sentence && (ends_sentence || count > 2))) {
            return QuoteKind::Term;
        }
        // What would be a statement is the name of a work when its author follows (“The Art of the
        // Deal,” by Donald Trump; a headline, "Pop-up art show opens," by DNAinfo's Eddie Small).
        let mut next = after.iter().skip_while(|t| cx.punct(t, ","));
        if next.next().is_some_and(|t| cx.is(t, &["by"]))
            && next.next().is_some_and(|t| t.word && cx.word(t).starts_with(char::is_uppercase))
        {
            return QuoteKind::Title;
        }
        // And it is a name in title case when it has an owner (ABC’s “This Week,”), follows "on"
        // or "told" (on “Face the Nation,”; told “Fox and Friends”), or, with no cue, stands right
        // before a noun as a word of the sentence (“Orange Is the New Black” star Dascha Polanco).
        let owned = before.last().is_some_and(|t| t.word && (is_possessive(cx.word(t)) || cx.is(t, &["on", "told"])));
        let before_a_noun = !has_cue
            && !inner.trim_end().ends_with(|c: char| c.is_ascii_punctuation() || c == '…')
            // A noun, not "for" or "to", which a headline in title case keeps in lower case.
            && after.first().is_some_and(|t| {
                let w = cx.word(t);
                t.word && w.starts_with(char::is_lowercase) && w.chars().count() > 3
            });
        if title_case && (owned || before_a_noun) {
            QuoteKind::Title
        } else {
            QuoteKind::Statement
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::testing::one;

    #[test]
    fn scare_quotes_are_terms_and_titles_are_titles() {
        let f = one("Fighters were trained and even “sold,” to other factions.");
        assert_eq!((f.kind, f.speaker), (QuoteKind::Term, None));
        let f = one("Her memoir “Standing Where We Are” came out in May.");
        assert_eq!((f.kind, f.speaker), (QuoteKind::Title, None));
        let f = one("Speaking on ABC’s “This Week,” Carson said the course name was inaccurate.");
        assert_eq!((f.kind, f.speaker), (QuoteKind::Title, None));
        let f = one("Later on “Face the Nation,” Sanders questioned his rival's veracity.");
        assert_eq!((f.kind, f.speaker), (QuoteKind::Title, None));
        let f = one("Mr. Rubio said so in his 2012 book, “An American Son.” So they stayed.");
        assert_eq!((f.kind, f.speaker), (QuoteKind::Title, None));
        let f = one("Mr. Trump tells it in “The Art of the Deal,” by Donald Trump and Tony Schwartz.");
        assert_eq!((f.kind, f.speaker), (QuoteKind::Title, None));
        let f = one("“A museum closes,” by Times' Ben Sisario, was read widely.");
        assert_eq!((f.kind, f.speaker), (QuoteKind::Title, None));
        let f = one("“We are horrified” by the shooting, the imam said.");
        assert_eq!(f.kind, QuoteKind::Statement);
        let f = one("“Jane the Virgin” star Jaime Camil is a telenovela star.");
        assert_eq!((f.kind, f.speaker), (QuoteKind::Title, None));
        let f = one("Cruz: Trump Would Put Liberals On Court, “I Fear The Same Thing Is True” for Rubio.");
        assert_eq!(f.kind, QuoteKind::Statement);
        // Title case alone is no title: a short statement opens its sentence.
        let f = one("“We Will Win,” Sanders said.");
        assert_eq!(f.kind, QuoteKind::Statement);
        let f = one("The plant closed in May.\n\n‘A really tough decision.’\n\nThe workers met on Monday.");
        assert_eq!((f.kind, f.speaker), (QuoteKind::Term, None));
        let f = one("The plant closed in May.\n\n“EVENTUALLY VOTERS MAKE GOOD DECISIONS”\n\nThe workers met.");
        assert_eq!((f.kind, f.speaker), (QuoteKind::Term, None));
        // In double quotes, the same paragraph is somebody speaking.
        let f = one("The plant closed in May.\n\n“A really tough decision.”\n\nThe workers met on Monday.");
        assert_eq!(f.kind, QuoteKind::Statement);
        let f = one("It was a long day. “None of this has anything to do with us.” The end.");
        assert_eq!((f.kind, f.speaker), (QuoteKind::Statement, None));
    }
}
