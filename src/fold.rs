//! A normalised copy of a text for alias matching, and the way back to the original offsets.
//!
//! Page text is messy in ways a reader never sees: a soft hyphen inside "Sa\u{ad}diq", a
//! no-break space or a line break between "Ishaq" and "Dar", "Tehreek\u{2011}e" with a
//! non-breaking hyphen. Rather than teach the matcher every variant, both the aliases and the text
//! are folded the same way and matched as plain strings:
//! - soft hyphens and zero-width characters are dropped;
//! - every run of white space becomes one space, except a paragraph break (see
//!   [`crate::quotes::PARAGRAPH_SEPARATOR`]), which no alias may span;
//! - hyphen and apostrophe look-alikes become `-` and `'`;
//! - letters are lowercased (the matcher checks case-sensitive aliases against the original).
//!
//! Each folded byte remembers the original byte offset of the character it came from, so a match
//! in folded text maps back to an exact span of the original.

use crate::lowercase::push_lowercase;
use crate::quotes::PARAGRAPH_SEPARATOR;

/// Characters that a reader does not see and that must not break a name apart.
fn is_ignorable(c: char) -> bool {
    matches!(c, '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}')
}

/// The canonical form of one character, before lowercasing.
fn canonical(c: char) -> char {
    match c {
        '\u{2010}' | '\u{2011}' => '-',
        '\u{2019}' | '\u{02bc}' => '\'',
        PARAGRAPH_SEPARATOR => PARAGRAPH_SEPARATOR,
        c if c.is_whitespace() => ' ',
        c => c,
    }
}

/// A folded text and, for each of its bytes, where that byte's character starts in the original.
pub struct Folded {
    pub text: String,
    /// `origin[i]` is the original byte offset of the character that folded byte `i` came from;
    /// one extra entry maps the end of the folded text to the end of the original.
    origin: Vec<u32>,
    /// `next[i]` is the original byte offset just past that character.
    next: Vec<u32>,
}

impl Folded {
    /// Folds `text`. Offsets are stored as `u32`, so texts must be under 4 GiB.
    pub fn new(text: &str, lowercase: bool) -> Folded {
        let mut out = Folded {
            text: String::with_capacity(text.len()),
            origin: Vec::with_capacity(text.len() + 1),
            next: Vec::with_capacity(text.len() + 1),
        };
        let mut in_space = false;
        let bytes = text.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            // Most text is runs of visible ASCII, which fold byte for byte: copy each run whole.
            let run = bytes[at..].iter().take_while(|b| matches!(b, 0x21..=0x7e)).count();
            if run > 0 {
                let (start, end) = (at, at + run);
                out.text.push_str(&text[start..end]);
                if lowercase {
                    let len = out.text.len();
                    out.text[len - run..].make_ascii_lowercase();
                }
                out.origin.extend(start as u32..end as u32);
                out.next.extend(start as u32 + 1..=end as u32);
                in_space = false;
                at = end;
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
            let end = at as u32;
            let c = canonical(original);
            if c == ' ' {
                if in_space {
                    // Extend the space already written so a match ending in it ends here too.
                    if let Some(last) = out.next.last_mut() {
                        *last = end;
                    }
                    continue;
                }
                in_space = true;
            } else {
                in_space = false;
            }
            let before = out.text.len();
            if c.is_ascii() {
                out.text.push(if lowercase { c.to_ascii_lowercase() } else { c });
            } else if lowercase {
                push_lowercase(&mut out.text, c);
            } else {
                out.text.push(c);
            }
            for _ in before..out.text.len() {
                out.origin.push(start as u32);
                out.next.push(end);
            }
        }
        out.origin.push(text.len() as u32);
        out.next.push(text.len() as u32);
        out
    }

    /// Folds a short string (an alias) the same way, trimmed.
    pub fn key(alias: &str, lowercase: bool) -> String {
        Folded::new(alias.trim(), lowercase).text
    }

    /// The original span of folded bytes `start..end`.
    pub fn original(&self, start: usize, end: usize) -> (usize, usize) {
        debug_assert!(start < end);
        (self.origin[start] as usize, self.next[end - 1] as usize)
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
    fn multibyte_and_expanding_lowercase_map_back() {
        // 'İ' lowercases to two characters; the map must still land on character boundaries.
        let text = "“İstanbul” — 東京 😀 Ελλάδα";
        let f = Folded::new(text, true);
        for word in ["i\u{307}stanbul", "東京", "ελλάδα"] {
            let at = f.text.find(word).unwrap();
            let (s, e) = f.original(at, at + word.len());
            assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
            assert_eq!(text[s..e].to_lowercase(), word);
        }
    }

    #[test]
    fn paragraph_separators_stay_apart() {
        assert_eq!(Folded::new("Ishaq \u{2029} Dar", true).text, "ishaq \u{2029} dar");
    }

    #[test]
    fn look_alikes_fold_to_ascii() {
        assert_eq!(Folded::key(" Tehreek\u{2011}e-Taliban  Pakistan ", true), "tehreek-e-taliban pakistan");
        assert_eq!(Folded::key("O\u{2019}Brien", false), "O'Brien");
    }
}
