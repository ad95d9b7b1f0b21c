//! Statements, terms and titles: whether a quote is somebody's statement at all.
//!
//! Fighters were trained and even “sold,” to other factions: a short quoted phrase inside a
//! sentence, with no cue, is a term (scare quotes). A paragraph of nothing but a few words in
//! capitals, or in single marks where the paper quotes in double ones ('A healthy
//! environment.'), is a subheading, and a term too. Her memoir “Standing Where We Are” came out
//! in May: the name of a work is a title, known by what stands around it: a noun for a work
//! before it ("book", "film", "titled"...), an owner (ABC’s “This Week,”), "on" or "told" (on
//! “Face the Nation,”) or its author after it (“The Art of the Deal,” by …). None of them gets
//! a speaker.

use crate::quotes::{self, Quote};

use super::people::strip_possessive;
use super::tokens::{lower_is, Token};
use super::{Attributor, Context, QuoteKind};

/// Quotes of at most this many words with no cue are terms.
const TERM_MAX_WORDS: usize = 4;

/// Quotes of at most this many words alone in their paragraph may be subheadings.
const SUBHEADING_MAX_WORDS: usize = 10;

/// Nouns for works and their makers: a quote right after one of these is a title.
#[rustfmt::skip]
pub(super) const WORK_NOUNS: &[&str] = &[
    "book", "books", "film", "films", "movie", "movies", "song", "songs", "album", "show", "series", "article",
    "essay", "column", "op-ed", "headline", "titled", "entitled", "novel", "memoir", "play", "poem", "documentary",
    "episode", "podcast", "report", "program", "programme", "slogan", "hashtag", "author", "co-author", "co-editor",
    "biography", "memo", "segment", "sitcom", "musical", "opera", "anthem",
];

/// Contractions that look like possessives: "it’s", "there’s".
const NOT_OWNERS: &[&str] = &["it", "that", "there", "he", "she", "what", "let", "who", "here", "where", "how", "when"];

/// Whether `word` is a possessive ("ABC’s", "CBS's", "the Democrats’"), not a contraction.
fn is_possessive(word: &str) -> bool {
    let owner = strip_possessive(word);
    owner.len() < word.len() && !owner.is_empty() && !lower_is(owner, NOT_OWNERS)
}

impl Attributor {
    pub(super) fn kind(&self, cx: &Context, q: &Quote, before: &[Token], after: &[Token], has_cue: bool) -> QuoteKind {
        let inner = &cx.text[q.inner.0..q.inner.1];
        let words = || inner.split_whitespace().filter(|w| w.contains(char::is_alphanumeric));
        // Title case: every word of four letters or more capitalised, and at least one such word
        // ("“No.”" is no name).
        let long_words = || words().filter(|w| w.chars().count() > 3);
        let title_case = long_words().next().is_some()
            && long_words().all(|w| w.starts_with(|c: char| c.is_uppercase() || !c.is_alphabetic()));
        // Right after a noun for a work, a name in title case is the work's (her memoir “Standing
        // Where We Are”; his 2012 book, “An American Son.”), whatever cue the sentence has.
        if title_case && before.iter().rev().take(3).any(|t| cx.is(t, WORK_NOUNS)) {
            return QuoteKind::Title;
        }
        // A subheading quoting the story: a paragraph of a few words and nothing else, with no
        // sentence's end in capitals (“DIVISIVE, STUPID AND WRONG”), or in single marks where the
        // paper quotes in double ones ('A really tough decision.').
        let alone = !before.iter().chain(after).any(|t| t.word);
        let ends_sentence = inner.trim_end().ends_with(['.', '!', '?']);
        if alone
            && !has_cue
            && words().take(SUBHEADING_MAX_WORDS + 1).count() <= SUBHEADING_MAX_WORDS
            && ((!cx.single_marks && quotes::opens_single(cx.text, q.start))
                || (!ends_sentence && !inner.chars().any(char::is_lowercase)))
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
        if !(has_cue || count > TERM_MAX_WORDS || (starts_sentence && (ends_sentence || count > 2))) {
            return QuoteKind::Term;
        }
        // What would be a statement is the name of a work when its author follows: “The Art of the
        // Deal,” by Donald Trump; a headline with a comma and no cue, "Pop-up art show opens," by
        // DNAinfo's Eddie Small (never “We were betrayed” by Republicans, the senator said).
        let comma = inner.trim_end().ends_with(',') || after.first().is_some_and(|t| cx.punct(t, ","));
        // Someone, that is: a capitalised word, and after an owner another ("by DNAinfo's Eddie
        // Small", never "by Trump’s decision").
        let capitalized = |t: Option<&Token>| t.is_some_and(|t| t.word && cx.word(t).starts_with(char::is_uppercase));
        let mut next = after.iter().skip_while(|t| cx.punct(t, ","));
        let by_someone = next.next().is_some_and(|t| cx.is(t, &["by"])) && {
            let (name, then) = (next.next(), next.next());
            capitalized(name) && (!name.is_some_and(|t| is_possessive(cx.word(t))) || capitalized(then))
        };
        if by_someone && (title_case || (comma && !has_cue)) {
            return QuoteKind::Title;
        }
        // And it is a name in title case when it has an owner (ABC’s “This Week,”) or follows "on"
        // or "told" (on “Face the Nation,”; told “Fox and Friends”).
        let owned = before.last().is_some_and(|t| t.word && (is_possessive(cx.word(t)) || cx.is(t, &["on", "told"])));
        if title_case && owned {
            QuoteKind::Title
        } else {
            QuoteKind::Statement
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::testing::{attribute, one};

    fn kinds(text: &str) -> Vec<QuoteKind> {
        attribute(text).into_iter().map(|f| f.kind).collect()
    }

    #[test]
    fn scare_quotes_are_terms() {
        let f = one("Fighters were trained and even “sold,” to other factions.");
        assert_eq!((f.kind, f.speaker), (QuoteKind::Term, None));
        let f = one("It was a long day. “None of this has anything to do with us.” The end.");
        assert_eq!((f.kind, f.speaker), (QuoteKind::Statement, None));
    }

    #[test]
    fn names_of_works_are_titles() {
        for text in [
            "Her memoir “Standing Where We Are” came out in May.",
            "Mr. Rubio said so in his 2012 book, “An American Son.” So they stayed.",
            "Speaking on ABC’s “This Week,” Carson said the course name was inaccurate.",
            "Later on “Face the Nation,” Sanders questioned his rival's veracity.",
            "The nominee told “Fox and Friends” that he would win.",
            "Mr. Trump tells it in “The Art of the Deal,” by Donald Trump and Tony Schwartz.",
            "“A museum closes,” by Times' Ben Sisario, was read widely.",
            "“Pop-up art show opens,” by DNAinfo's Eddie Small, was read widely.",
        ] {
            let f = one(text);
            assert_eq!((f.kind, f.speaker), (QuoteKind::Title, None), "{text}");
        }
    }

    #[test]
    fn statements_stay_statements_beside_those_shapes() {
        for text in [
            // Title case alone is no name, nor are words of three letters or fewer.
            "“We Will Win,” Sanders said.",
            "Smith, asked about the report, said “No.”",
            "Cruz: Trump Would Put Liberals On Court, “I Fear The Same Thing Is True” for Rubio.",
            // "by" and no author.
            "“We are horrified” by the shooting, the imam said.",
            "“We were betrayed” by Republicans, the senator said.",
            // A contraction is no owner.
            "He said there’s “No Way I Sign This Bill,” and left.",
        ] {
            assert_eq!(one(text).kind, QuoteKind::Statement, "{text}");
        }
    }

    #[test]
    fn a_few_words_alone_in_capitals_or_odd_single_marks_are_subheadings() {
        let story = "“We will reopen,” the manager said.\n\n";
        assert_eq!(
            kinds(&format!("{story}‘A really tough decision.’\n\nThe workers met on Monday.")),
            [QuoteKind::Statement, QuoteKind::Term]
        );
        assert_eq!(
            kinds(&format!("{story}“EVENTUALLY VOTERS MAKE GOOD DECISIONS”\n\nThe workers met.")),
            [QuoteKind::Statement, QuoteKind::Term]
        );
        // In double marks, or where the paper quotes in single ones, the same paragraph is
        // somebody speaking; so is a sentence in capitals.
        assert_eq!(
            kinds(&format!("{story}“A really tough decision.”\n\nThe workers met on Monday.")),
            [QuoteKind::Statement, QuoteKind::Statement]
        );
        assert_eq!(
            kinds("‘We will rebuild,’ the minister said.\n\n‘It will take time.’\n\n‘But we will do it.’"),
            [QuoteKind::Statement, QuoteKind::Statement, QuoteKind::Statement]
        );
        assert_eq!(
            kinds(&format!("{story}“WE WILL WIN!”\n\nThe workers met.")),
            [QuoteKind::Statement, QuoteKind::Statement]
        );
    }
}
