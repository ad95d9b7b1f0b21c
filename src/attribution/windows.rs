//! The windows around a quote: the stretch of text its cue may stand in; and around a name, for
//! its titles and the role tied to it.
//!
//! A cue stands next to its quote and within its paragraph (“…,” Sadiq said on Monday / Sadiq
//! told the crowd in Lahore: “…”), so the rules read [`WINDOW`] bytes on either side, cut at the
//! paragraph break. A quote that opens its paragraph may take its cue from the end of the
//! paragraph before ("Reporter Jane Doe says:" ⏎ “…”).

use crate::paragraphs::{break_len, next_break};
use crate::quotes::Quote;

use super::tokens::{tokenize, Token};

/// How far from a quote (in bytes) a cue is looked for.
const WINDOW: usize = 240;

/// The largest char boundary at or below `i`.
pub(super) fn floor_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The paragraph-bounded window of [`WINDOW`] bytes after `at`.
pub(super) fn window_after(text: &str, at: usize) -> (usize, usize) {
    let end = floor_boundary(text, (at + WINDOW).min(text.len()));
    (at, next_break(&text.as_bytes()[..end], at).0)
}

/// The paragraph-bounded window of [`WINDOW`] bytes before `at`.
fn window_before(text: &str, at: usize) -> (usize, usize) {
    let start = floor_boundary(text, at.saturating_sub(WINDOW));
    let bytes = &text.as_bytes()[..at];
    let mut i = at;
    while i > start {
        i -= 1;
        let len = break_len(bytes, i);
        if len > 0 {
            return (i + len, at);
        }
    }
    (start, at)
}

/// The paragraph-bounded stretch from `before` bytes before `start` to `after` bytes after `end`.
pub(super) fn around(text: &str, (start, end): (usize, usize), before: usize, after: usize) -> (usize, usize) {
    let from = floor_boundary(text, start.saturating_sub(before));
    let to = floor_boundary(text, (end + after).min(text.len()));
    let bytes = text.as_bytes();
    // The last paragraph break before `start`: a line feed, or U+2029 from its first byte.
    let mut from_break = from;
    let mut at = start;
    while let Some(i) = bytes[from..at].iter().rposition(|&b| b == b'\n' || b == 0xe2).map(|i| from + i) {
        if break_len(bytes, i) > 0 {
            from_break = i + break_len(bytes, i);
            break;
        }
        at = i;
    }
    (from_break, next_break(&bytes[..to], end).0)
}

/// The tokens of the windows right before and right after a quote, which most rules read.
pub(super) struct Around {
    /// [`window_before`] the quote's start.
    pub(super) before: Vec<Token>,
    /// [`window_after`] the quote's end.
    pub(super) after: Vec<Token>,
}

impl Around {
    pub(super) fn new(text: &str, q: &Quote) -> Around {
        let (from, to) = window_before(text, q.start);
        let before = tokenize(text, from, to);
        let (from, to) = window_after(text, q.end);
        Around { before, after: tokenize(text, from, to) }
    }
}

/// For a quote opening its paragraph: the paragraph before it, trimmed, and the tokens of its
/// last window.
pub(super) fn previous_paragraph(text: &str, quote_start: usize) -> (&str, Vec<Token>) {
    let previous = text[..window_before(text, quote_start).0].trim_end();
    let (from, to) = window_before(text, previous.len());
    (previous, tokenize(text, from, to))
}
