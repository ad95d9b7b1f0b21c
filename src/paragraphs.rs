//! Paragraphs: the stretch of text that quotes, names and cues stay within.
//!
//! A paragraph is a line of the scanned text: plain text files hold one paragraph a line, and the
//! shim marks block boundaries with [`PARAGRAPH_SEPARATOR`]. No alias spans a paragraph break
//! (`fold`), a quote runs on past one only into a paragraph that opens with a quote mark
//! (`quotes`), and a cue is looked for within its quote's paragraph, a pronoun two paragraphs
//! back (`attribution`). So all three find breaks here, in the bytes, without decoding the text.

use crate::bytes::{find_byte, holds};

/// U+2029, which the shim puts between blocks: a paragraph break that, unlike a line break, no
/// multi-word alias may span (a line break may just be hard-wrapped text).
pub const PARAGRAPH_SEPARATOR: char = '\u{2029}';

/// Whether `c` ends a paragraph.
pub fn is_paragraph_break(c: char) -> bool {
    c == '\n' || c == PARAGRAPH_SEPARATOR
}

/// The length in bytes of the paragraph break starting at byte `i` of `bytes`, or 0: the same
/// test as [`is_paragraph_break`], for scans that go byte by byte rather than decode. Inlined
/// always, as the size-optimised wasm build would otherwise make a call of each byte.
#[inline(always)]
pub(crate) fn break_len(bytes: &[u8], i: usize) -> usize {
    const SEPARATOR: [u8; 3] = [0xe2, 0x80, 0xa9];
    match bytes[i] {
        b'\n' => 1,
        b if b == SEPARATOR[0] && bytes[i..].starts_with(&SEPARATOR) => SEPARATOR.len(),
        _ => 0,
    }
}

/// The first paragraph break at or after byte `from` of `bytes`: where it starts and its length
/// in bytes, or `(bytes.len(), 0)` when there is none.
pub(crate) fn next_break(bytes: &[u8], mut from: usize) -> (usize, usize) {
    loop {
        // The first byte of each break: the line feed, and U+2029's lead byte.
        from = find_byte(bytes, from, |b| b == b'\n' || b == 0xe2, |w| holds(w, b'\n') || holds(w, 0xe2));
        if from == bytes.len() {
            return (from, 0);
        }
        match break_len(bytes, from) {
            0 => from += 1,
            len => return (from, len),
        }
    }
}

/// The paragraphs of `text`, each with the break that ends it, as
/// `text.split_inclusive(is_paragraph_break)` yields them but without decoding every character.
pub(crate) fn paragraphs(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let (at, len) = next_break(rest.as_bytes(), 0);
        let (line, next) = rest.split_at(at + len);
        rest = next;
        (!line.is_empty()).then_some(line)
    })
}

/// Where each non-blank paragraph starts.
pub(crate) fn paragraph_starts(text: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut at = 0;
    for line in paragraphs(text) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_split_as_split_inclusive_does() {
        let long = "x".repeat(20);
        for text in [
            String::new(),
            "\n".into(),
            "\u{2029}".into(),
            "one".into(),
            "one\n\ntwo\u{2029}three — “four”\r\n".into(),
            format!("{long}\n{long}\u{2029}{long}—{long}\u{2028}{long}\n"),
            format!("\u{2029}\u{2029}{long}\n\n"),
        ] {
            let expected: Vec<&str> = text.split_inclusive(is_paragraph_break).collect();
            assert_eq!(paragraphs(&text).collect::<Vec<_>>(), expected, "{text:?}");
        }
    }
}
