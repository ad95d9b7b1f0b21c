//! Statements, terms and titles: whether a quote is somebody's statement at all.
//!
//! Fighters were trained and even “sold,” to other factions: a short quoted phrase inside a
//! sentence, with no cue, is a term (scare quotes). Her memoir “Standing Where We Are” came out
//! in May: a quote in title case after "book", "film", "titled"... is the name of a work.
//! Neither gets a speaker.

use crate::quotes::Quote;

use super::tokens::Token;
use super::{Attributor, Context, QuoteKind};

/// Quotes of at most this many words with no cue are terms.
const TERM_MAX_WORDS: usize = 4;

/// Nouns for names of works: a quote right after one of these is a title.
#[rustfmt::skip]
pub(super) const WORK_NOUNS: &[&str] = &[
    "book", "books", "film", "films", "movie", "movies", "song", "songs", "album", "show", "series", "article",
    "essay", "column", "op-ed", "headline", "titled", "entitled", "novel", "memoir", "play", "poem", "documentary",
    "episode", "podcast", "report", "program", "programme", "slogan", "hashtag",
];

impl Attributor {
    pub(super) fn kind(&self, cx: &Context, q: &Quote, before: &[Token], has_cue: bool) -> QuoteKind {
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
        let f = one("It was a long day. “None of this has anything to do with us.” The end.");
        assert_eq!((f.kind, f.speaker), (QuoteKind::Statement, None));
    }
}
