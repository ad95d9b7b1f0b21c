//! The words and punctuation around a quote, as the rules read them.
//!
//! News prose packs periods, apostrophes and hyphens into its words: "U.S.", "O’Brien",
//! "al-Assad", the "Mr." or "Sen." of a title, the "W." of an initial, a party and state such
//! as "(R-Ky.)", the apostrophe of "the rebels’ spokesman". A token keeps them, so that a period
//! ends a sentence only where one ends. Word lists are matched without case by [`lower_is`].

use crate::quotes;

/// A word or a punctuation character near a quote.
#[derive(Debug, Clone, Copy)]
pub(super) struct Token {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) word: bool,
}

/// The tokens of `text[from..to]`. Words keep inner periods, apostrophes and hyphens ("U.S.",
/// "O’Brien", "al-Assad"), the period of a title or initial ("Mr.", "W.") and the apostrophe of
/// a plural possessive ("the rebels’ spokesman").
pub(super) fn tokenize(text: &str, from: usize, to: usize) -> Vec<Token> {
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
pub(super) fn char_at(text: &str, at: usize) -> char {
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

/// Whether `word` in lower case is one of `words` (all in lower case), without allocating for
/// the usual ASCII word.
pub(super) fn lower_is(word: &str, words: &[&str]) -> bool {
    if word.is_ascii() {
        words.iter().any(|w| w.eq_ignore_ascii_case(word))
    } else {
        words.contains(&word.to_lowercase().as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::cues::{AUXILIARIES, CUE_TAIL, SPEECH_NOUNS};
    use crate::attribution::kinds::WORK_NOUNS;
    use crate::attribution::speakers::{DETERMINERS, NOT_IN_SPEAKER, NOT_SPEAKER_START};

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
}
