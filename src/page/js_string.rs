//! JavaScript's string rules, where the port must agree with the shim to the character: which
//! characters are white space (what `\s` and `trim()` see) and how long a text is (UTF-16 code
//! units, which the article finder's scores count).

/// Whether JavaScript's `\s` matches `c`: Unicode's White_Space less U+0085 NEXT LINE, plus
/// U+FEFF ZERO WIDTH NO-BREAK SPACE.
pub fn is_space(c: char) -> bool {
    (c.is_whitespace() && c != '\u{85}') || c == '\u{feff}'
}

/// `text.trim()` in JavaScript.
pub fn trim(text: &str) -> &str {
    text.trim_matches(is_space)
}

/// `text.replace(/\s+/g, ' ').trim().length`: the length of `text` as shown, in UTF-16 code
/// units, with each run of white space inside it as one space.
pub fn visible_length(text: &str) -> usize {
    let (mut length, mut gap) = (0, false);
    for c in text.chars() {
        if is_space(c) {
            gap = length > 0;
        } else {
            length += usize::from(gap) + c.len_utf16();
            gap = false;
        }
    }
    length
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn white_space_is_javascripts() {
        assert!(is_space('\u{feff}') && is_space('\u{a0}') && is_space('\u{2029}') && is_space('\u{3000}'));
        assert!(!is_space('\u{85}') && !is_space('\u{200b}'));
        assert_eq!(trim("\u{feff} a b\n\u{a0}"), "a b");
    }

    #[test]
    fn visible_length_collapses_runs_and_counts_utf16() {
        assert_eq!(visible_length("  a \n\t b  "), 3);
        assert_eq!(visible_length("😀 é"), 4);
        assert_eq!(visible_length(" \u{a0}\n"), 0);
    }
}
