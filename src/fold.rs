//! A normalised copy of a text for alias matching, and the way back to the original offsets.
//!
//! Page text is messy in ways a reader never sees: a soft hyphen inside "Sa\u{ad}diq", a
//! no-break space or a line break between "Ishaq" and "Dar", "Tehreek\u{2011}e" with a
//! non-breaking hyphen. Rather than teach the matcher every variant, both the aliases and the text
//! are folded the same way and matched as plain strings:
//! - soft hyphens and zero-width characters are dropped;
//! - every run of white space becomes one space, except a paragraph break (see
//!   [`crate::paragraphs::PARAGRAPH_SEPARATOR`]), which no alias may span;
//! - hyphen and apostrophe look-alikes become `-` and `'`;
//! - letters are lowercased (the matcher checks case-sensitive aliases against the original).
//!
//! The folded text remembers where each stretch of it comes from, so a match in folded text maps
//! back to an exact span of the original.

use std::num::NonZeroU32;

use crate::paragraphs::PARAGRAPH_SEPARATOR;

/// Characters that a reader does not see and that must not break a name apart: soft hyphens,
/// zero-width characters, and the direction marks and controls of pages in Arabic and Hebrew.
fn is_ignorable(c: char) -> bool {
    matches!(c, '\u{ad}' | '\u{61c}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

/// How many bytes at the start of `bytes` fold by plain copying: visible ASCII, and single
/// spaces between visible ASCII.
fn plain_run(bytes: &[u8]) -> usize {
    let mut n = 0;
    while let Some(&byte) = bytes.get(n) {
        let visible = |b: &u8| matches!(b, 0x21..=0x7e);
        if visible(&byte) || (byte == b' ' && n > 0 && bytes.get(n + 1).is_some_and(visible)) {
            n += 1;
        } else {
            break;
        }
    }
    n
}

/// The canonical form of one character, before lowercasing. The Turkish i's and the Greek
/// final sigma fold with their plain forms, so that case-insensitive matching works in those
/// languages ("KILIÇDAROĞLU" lowercases to "kiliçdaroğlu", never to "kılıçdaroğlu"; "ΤΣΊΠΡΑΣ"
/// to "τσίπρασ", never to "τσίπρας"), and "Istanbul" finds "İstanbul".
fn canonical(c: char) -> char {
    match c {
        '\u{2010}' | '\u{2011}' => '-',
        '\u{2019}' | '\u{02bc}' => '\'',
        'ı' => 'i',
        'İ' => 'I',
        'ς' => 'σ',
        PARAGRAPH_SEPARATOR => PARAGRAPH_SEPARATOR,
        c if c.is_whitespace() => ' ',
        c => c,
    }
}

/// A folded text and the way from its bytes back to the original's.
pub struct Folded {
    pub text: String,
    /// Where the folded bytes come from, in order: each piece runs to the next one's start.
    /// Most text is copied as it is, so a page of plain prose is a few pieces, not a table entry
    /// per byte (which took a fifth of a scan's time).
    pieces: Vec<Piece>,
}

/// A stretch of folded bytes with one origin.
#[derive(Clone, Copy)]
struct Piece {
    /// The folded byte where the piece starts.
    folded: u32,
    /// The original byte its first byte comes from.
    original: u32,
    /// The length of the one original stretch (a character, or a run of white space) that every
    /// byte of the piece comes from; `None` for a copy, whose bytes map one for one to the
    /// original's (character boundaries fall alike in both).
    whole: Option<NonZeroU32>,
}

impl Folded {
    /// Folds `text`. Offsets are stored as `u32`, so texts must be under 4 GiB.
    pub fn new(text: &str, lowercase: bool) -> Folded {
        let mut out = Folded { text: String::with_capacity(text.len()), pieces: Vec::new() };
        let bytes = text.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            // Most text is runs of plain ASCII, which fold byte for byte: copy each run whole.
            let run = plain_run(&bytes[at..]);
            if run > 0 {
                let folded = out.text.len();
                out.text.push_str(&text[at..at + run]);
                if lowercase {
                    out.text[folded..].make_ascii_lowercase();
                }
                out.mark(folded, at, at + run);
                at += run;
                continue;
            }
            // The rest is decoded character by character.
            let original = match bytes[at] {
                b if b.is_ascii() => char::from(b),
                _ => text[at..].chars().next().unwrap_or(char::REPLACEMENT_CHARACTER),
            };
            let start = at;
            at += original.len_utf8();
            if is_ignorable(original) {
                continue;
            }
            let c = canonical(original);
            if c == ' ' {
                // A run of white space, invisibles inside it included, is one space; a match
                // ending in it ends where its last white-space character does.
                let mut scan = at;
                for next in text[at..].chars() {
                    if !is_ignorable(next) && canonical(next) != ' ' {
                        break;
                    }
                    scan += next.len_utf8();
                    if !is_ignorable(next) {
                        at = scan;
                    }
                }
            }
            let folded = out.text.len();
            if lowercase {
                out.text.extend(c.to_lowercase());
            } else {
                out.text.push(c);
            }
            out.mark(folded, start, at);
        }
        out
    }

    /// Records that folded bytes from `folded` to the end come from `original..original_end`.
    fn mark(&mut self, folded: usize, original: usize, original_end: usize) {
        let copy = self.text.len() - folded == original_end - original;
        if copy {
            let continues = self.pieces.last().is_some_and(|last| {
                last.whole.is_none() && folded - last.folded as usize == original - last.original as usize
            });
            if !continues {
                self.pieces.push(Piece { folded: folded as u32, original: original as u32, whole: None });
            }
        } else {
            // Never `None`: a character or a run of white space has at least one byte.
            let whole = NonZeroU32::new((original_end - original) as u32);
            self.pieces.push(Piece { folded: folded as u32, original: original as u32, whole });
        }
    }

    /// Folds a short string (an alias) the same way, without white space at either end, even
    /// where an invisible character kept it from being trimmed ("\u{200b} Sadiq", as copied
    /// from a page): a key that began with a space would make every mention begin with one.
    pub fn key(alias: &str, lowercase: bool) -> String {
        let mut key = Folded::new(alias.trim(), lowercase).text;
        key.truncate(key.trim_end().len());
        key.drain(..key.len() - key.trim_start().len());
        key
    }

    /// The original span of folded bytes `start..end`.
    pub fn original(&self, start: usize, end: usize) -> (usize, usize) {
        debug_assert!(start < end);
        (self.source(start).0, self.source(end - 1).1)
    }

    /// The original span that folded byte `i` comes from: for a byte of a copied character, the
    /// span of that byte alone, so that only a character's first and last bytes are meaningful.
    fn source(&self, i: usize) -> (usize, usize) {
        let piece = self.pieces[self.pieces.partition_point(|p| p.folded as usize <= i) - 1];
        let original = piece.original as usize;
        match piece.whole {
            None => {
                let at = original + i - piece.folded as usize;
                (at, at + 1)
            }
            Some(len) => (original, original + len.get() as usize),
        }
    }

    /// The character just before folded byte `i`, if any.
    pub fn char_before(&self, i: usize) -> Option<char> {
        self.text[..i].chars().next_back()
    }

    /// The character at folded byte `i`, if any.
    pub fn char_at(&self, i: usize) -> Option<char> {
        self.text[i..].chars().next()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_invisibles_and_folds_space_and_case() {
        let text = "Sa\u{ad}diq met Ishaq\u{a0}\n Dar in\u{200b} Kabul";
        let f = Folded::new(text, true);
        assert_eq!(f.text, "sadiq met ishaq dar in kabul");
        let at = f.text.find("ishaq dar").unwrap();
        let (s, e) = f.original(at, at + "ishaq dar".len());
        assert_eq!(&text[s..e], "Ishaq\u{a0}\n Dar");
        let (s, e) = f.original(0, 5);
        assert_eq!(&text[s..e], "Sa\u{ad}diq");
    }

    #[test]
    fn multibyte_and_shrinking_folds_map_back() {
        // 'İ' folds to the one byte of 'i'; the map must still land on character boundaries.
        let text = "“İstanbul” — 東京 😀 Ελλάδα";
        let f = Folded::new(text, true);
        for (word, original) in [("istanbul", "İstanbul"), ("東京", "東京"), ("ελλάδα", "Ελλάδα")] {
            let at = f.text.find(word).unwrap();
            let (s, e) = f.original(at, at + word.len());
            assert_eq!(&text[s..e], original);
        }
    }

    #[test]
    fn every_span_maps_back_to_the_text_it_folds_from() {
        let alphabet =
            ["a", "B", " ", "  ", "\u{ad}", "’", "İ", "\n", "\u{a0}", "é", "\u{2029}", "-", "\u{2011}", "K."];
        let mut seed = 0x2545_f491_u32;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            seed as usize
        };
        for _ in 0..400 {
            let text: String = (0..next() % 12).map(|_| alphabet[next() % alphabet.len()]).collect();
            let f = Folded::new(&text, true);
            let bounds: Vec<usize> = (0..=f.text.len()).filter(|&i| f.text.is_char_boundary(i)).collect();
            for (n, &a) in bounds.iter().enumerate() {
                for &b in &bounds[n + 1..] {
                    let span = &f.text[a..b];
                    if span.starts_with(' ') || span.ends_with(' ') {
                        continue;
                    }
                    // A span may cut through what one character folds to ('İ' to "i\u{307}"):
                    // it maps to that whole character.
                    let (s, e) = f.original(a, b);
                    assert!(Folded::new(&text[s..e], true).text.contains(span), "{text:?} {a}..{b}");
                }
            }
        }
    }

    #[test]
    fn paragraph_separators_stay_apart() {
        assert_eq!(Folded::new("Ishaq \u{2029} Dar", true).text, "ishaq \u{2029} dar");
    }

    #[test]
    fn keys_have_no_space_at_their_ends() {
        assert_eq!(Folded::key("\u{200b} Sadiq\u{a0}\u{ad}", true), "sadiq");
        assert_eq!(Folded::key("\u{200f}\u{ad} \u{2029} ", true), "");
    }

    #[test]
    fn turkish_i_greek_sigma_and_direction_marks() {
        assert_eq!(Folded::key("KILIÇDAROĞLU", true), Folded::key("Kılıçdaroğlu", true));
        assert_eq!(Folded::key("İstanbul", true), "istanbul");
        assert_eq!(Folded::key("ΤΣΊΠΡΑΣ", true), Folded::key("Τσίπρας", true));
        let text = "\u{200f}Ishaq\u{200e} Dar";
        let folded = Folded::new(text, true);
        assert_eq!(folded.text, "ishaq dar");
        assert_eq!(folded.original(0, folded.text.len()), (3, text.len()));
    }

    #[test]
    fn look_alikes_fold_to_ascii() {
        assert_eq!(Folded::key(" Tehreek\u{2011}e-Taliban  Pakistan ", true), "tehreek-e-taliban pakistan");
        assert_eq!(Folded::key("O\u{2019}Brien", false), "O'Brien");
    }
}
