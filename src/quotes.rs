//! Finding quoted spans: pairing quote marks within paragraphs.
//!
//! A paragraph is a line of the scanned text: plain text files hold one paragraph a line, and the
//! shim marks block boundaries with [`PARAGRAPH_SEPARATOR`].
//! Marks pair by direction: a curly “ opens and ” closes; a straight " opens or closes by what
//! stands around it. A quote still open at the end of its paragraph continues when the next
//! paragraph opens with a quote mark (the news convention for a quote over several paragraphs);
//! otherwise it ends with its paragraph. So an unbalanced mark can never reach past one paragraph.

/// U+2029, which the shim puts between blocks: a paragraph break that, unlike a line break, no
/// multi-word alias may span (a line break may just be hard-wrapped text).
pub const PARAGRAPH_SEPARATOR: char = '\u{2029}';

/// Whether `c` ends a paragraph.
pub fn is_paragraph_break(c: char) -> bool {
    c == '\n' || c == PARAGRAPH_SEPARATOR
}

/// A quoted span in byte offsets, marks included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quote {
    pub start: usize,
    pub end: usize,
    /// The text between the marks (without the closing mark, if there is one).
    pub inner: (usize, usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    /// A straight mark whose role depends on whether a quote is open.
    Either,
}

/// The role a mark at byte `at` can take, or `None` if the character is not a quote mark.
fn role(line: &str, at: usize, c: char) -> Option<Role> {
    match c {
        '“' => Some(Role::Open),
        '”' => Some(Role::Close),
        '"' => {
            let before = line[..at].chars().next_back();
            let after = line[at + 1..].chars().next();
            let opens = before.is_none_or(|b| b.is_whitespace() || "([{—–-/".contains(b))
                && after.is_some_and(|a| !a.is_whitespace());
            let closes = before.is_some_and(|b| !b.is_whitespace())
                && after.is_none_or(|a| a.is_whitespace() || a.is_ascii_punctuation() || "—–”’".contains(a));
            match (opens, closes) {
                (true, false) => Some(Role::Open),
                (false, true) => Some(Role::Close),
                _ => Some(Role::Either),
            }
        }
        _ => None,
    }
}

/// Every quote in `text`, sorted by start.
pub fn find(text: &str) -> Vec<Quote> {
    let mut quotes = Vec::new();
    // An open quote: where its mark starts and where its text starts.
    let mut open: Option<(usize, usize)> = None;
    // Where the previous non-blank paragraph's text ends, for a quote closed by the paragraph end.
    let mut last_end = 0;
    let mut line_start = 0;
    for line in text.split_inclusive(is_paragraph_break) {
        let base = line_start;
        line_start += line.len();
        let body = line.trim_end();
        if body.trim_start().is_empty() {
            continue;
        }
        let lead = body.len() - body.trim_start().len();
        let mut marks = body.char_indices().skip_while(|&(i, _)| i < lead).peekable();
        if let Some((o, inner)) = open.take() {
            // Continue over the paragraph break only if this paragraph opens with a mark.
            match marks.peek().map(|&(i, c)| (i, c, role(body, i, c))) {
                Some((_, _, Some(Role::Open | Role::Either))) => {
                    marks.next();
                    open = Some((o, inner));
                }
                _ => quotes.push(Quote { start: o, end: last_end, inner: (inner, last_end) }),
            }
        }
        for (i, c) in marks {
            let Some(r) = role(body, i, c) else { continue };
            let at = base + i;
            match (open, r) {
                (Some((o, inner)), Role::Close | Role::Either) => {
                    quotes.push(Quote { start: o, end: at + c.len_utf8(), inner: (inner, at) });
                    open = None;
                }
                // A second opener while one is open: the first was unbalanced; start again here.
                (_, Role::Open) | (None, Role::Either) => open = Some((at, at + c.len_utf8())),
                (None, Role::Close) => {}
            }
        }
        last_end = base + body.len();
    }
    if let Some((o, inner)) = open {
        quotes.push(Quote { start: o, end: last_end, inner: (inner, last_end) });
    }
    quotes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        find(text).into_iter().map(|q| &text[q.start..q.end]).collect()
    }

    #[test]
    fn curly_and_straight_pairs() {
        assert_eq!(
            texts("“We will go,” she said. He replied: \"No.\" Then \"maybe\"."),
            ["“We will go,”", "\"No.\"", "\"maybe\""]
        );
    }

    #[test]
    fn apostrophes_and_inch_marks_are_not_quotes() {
        assert_eq!(texts("Don’t ask Jones’ aide, 5'10\" tall, about the ’90s."), Vec::<&str>::new());
    }

    #[test]
    fn multi_paragraph_quote_continues_when_the_next_paragraph_opens_with_a_mark() {
        let text = "She said: “First part.\n“Second part,” she added.\u{2029}“Third.\nNext.";
        assert_eq!(texts(text), ["“First part.\n“Second part,”", "“Third."]);
    }

    #[test]
    fn unclosed_quote_ends_with_its_paragraph() {
        let text = format!("He said “this never closes.\n{}", "Plain text. ".repeat(10_000));
        let quotes = find(&text);
        assert_eq!(quotes.len(), 1);
        assert_eq!(&text[quotes[0].start..quotes[0].end], "“this never closes.");
        let tail = format!("{} and a stray “ at the very end", "Words. ".repeat(10_000));
        let q = find(&tail);
        assert_eq!(&tail[q[0].start..q[0].end], "“ at the very end");
    }

    #[test]
    fn a_second_opener_restarts_and_stray_closers_are_ignored() {
        assert_eq!(texts("a ” stray, “lost “kept,” end"), ["“kept,”"]);
    }

    #[test]
    fn inner_span_excludes_marks() {
        let text = "“😀 hi,” he said";
        let q = find(text)[0];
        assert_eq!(&text[q.inner.0..q.inner.1], "😀 hi,");
    }
}
