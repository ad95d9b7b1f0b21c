//! Finding quoted spans: pairing quote marks by type within paragraphs.
//!
//! Paragraphs are the lines of the text, as [`crate::paragraphs`] finds them.
//!
//! Marks pair by *family*, not by count: “ is closed by ”, „ by “ or ”, « by », 「 by 」, a
//! straight " (or the two apostrophes '' some newspapers print) by another, ‘ by ’, and so on. A
//! stack keeps nesting straight: the ’ inside “Don’t ‘go’” closes the inner ‘, never the outer “.
//! Direction comes from context where a mark could go either way: a straight mark after a space
//! opens, one after a letter closes; a ’ followed by a letter is an apostrophe (don’t), and so is
//! a ’ or ' that closes nothing (Jones’, ’90s).
//!
//! Only outermost quotes are reported. A double quote still open at the end of its paragraph goes
//! on into the next paragraph if that one opens with a quote mark (the news convention for long
//! quotes); otherwise it ends with its paragraph. A single quote left open is taken for an
//! apostrophe and dropped. So an unbalanced mark never reaches past one paragraph.

use crate::bytes::{find_byte, holds, holds_high};
use crate::paragraphs::paragraphs;

/// A quoted span in byte offsets, marks included.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    pub start: usize,
    pub end: usize,
    /// One piece per paragraph the quote runs over, marks included.
    pub pieces: Vec<(usize, usize)>,
    /// The text between the opening and the closing mark (or the paragraph end).
    pub inner: (usize, usize),
}

/// Which marks open a quote and which close it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    /// “ … ”
    English,
    /// „ … “ (or ”)
    Low,
    /// ” … ” (Swedish, Finnish)
    Right,
    /// « … » (French, Italian, Russian)
    Guillemets,
    /// » … « (Danish, German)
    ReversedGuillemets,
    /// 「 … 」
    Corner,
    /// 『 … 』
    WhiteCorner,
    /// " … " and '' … ''
    Straight,
    /// ‘ … ’
    EnglishSingle,
    /// ‚ … ‘ (or ’)
    LowSingle,
    /// ‹ … ›
    SingleGuillemets,
    /// › … ‹
    ReversedSingleGuillemets,
    /// ' … '
    StraightSingle,
}

impl Family {
    /// Single quotes are usually nested, and their closing mark doubles as the apostrophe.
    fn is_single(self) -> bool {
        matches!(
            self,
            Family::EnglishSingle
                | Family::LowSingle
                | Family::SingleGuillemets
                | Family::ReversedSingleGuillemets
                | Family::StraightSingle
        )
    }

    /// Whether `mark` can close a quote of this family.
    fn closed_by(self, mark: &str) -> bool {
        match self {
            // A “ after a word closes too: typists and autocorrect get the direction wrong.
            Family::English => matches!(mark, "”" | "“" | "\"" | "''"),
            Family::Low => matches!(mark, "“" | "”"),
            Family::Right => mark == "”",
            Family::Guillemets => mark == "»",
            Family::ReversedGuillemets => mark == "«",
            Family::Corner => mark == "」",
            Family::WhiteCorner => mark == "』",
            Family::Straight => matches!(mark, "\"" | "''" | "”"),
            Family::EnglishSingle => mark == "’",
            Family::LowSingle => matches!(mark, "‘" | "’"),
            Family::SingleGuillemets => mark == "›",
            Family::ReversedSingleGuillemets => mark == "‹",
            Family::StraightSingle => mark == "'",
        }
    }

    /// The family a mark opens, if it can open one.
    fn opened_by(mark: &str) -> Option<Family> {
        Some(match mark {
            "“" => Family::English,
            "„" => Family::Low,
            "”" => Family::Right,
            "«" => Family::Guillemets,
            "»" => Family::ReversedGuillemets,
            "「" => Family::Corner,
            "『" => Family::WhiteCorner,
            "\"" | "''" => Family::Straight,
            "‘" => Family::EnglishSingle,
            "‚" => Family::LowSingle,
            "‹" => Family::SingleGuillemets,
            "›" => Family::ReversedSingleGuillemets,
            "'" => Family::StraightSingle,
            _ => return None,
        })
    }
}

/// Whether byte `b` can start a quote mark: `"`, `'`, or the first byte of « » (C2), of the
/// curly quotes and ‹ › (E2), or of 「 」 『 』 (E3). Scanning for these bytes skips the rest of
/// the text without decoding it.
fn may_start_mark(b: u8) -> bool {
    matches!(b, b'"' | b'\'' | 0xC2 | 0xE2 | 0xE3)
}

/// The first byte at or after `from` in `bytes` that may start a mark, or `bytes.len()`.
fn next_mark_start(bytes: &[u8], from: usize) -> usize {
    // A word with no `"`, `'` and no byte of 0x80 or above holds no mark.
    find_byte(bytes, from, may_start_mark, |w| holds_high(w) || holds(w, b'"') || holds(w, b'\''))
}

/// The quote mark starting at byte `i` of `line`, if any: two apostrophes count as one mark.
fn mark_at(line: &str, i: usize) -> Option<&str> {
    let rest = &line[i..];
    if !rest.as_bytes().first().copied().is_some_and(may_start_mark) {
        return None;
    }
    // Three apostrophes after a word close a nested single quote and then the double one.
    if rest.starts_with("'''") && line[..i].ends_with(|c: char| !c.is_whitespace()) {
        return Some(&rest[..1]);
    }
    if rest.starts_with("''") {
        return Some(&rest[..2]);
    }
    let c = rest.chars().next()?;
    matches!(c, '“' | '”' | '„' | '«' | '»' | '「' | '」' | '『' | '』' | '"' | '‘' | '’' | '‚' | '‹' | '›' | '\'')
        .then(|| &rest[..c.len_utf8()])
}

/// Whether the quote starting at `at` opens with a single mark (‘, ‚, ‹, ›, '), not a double one
/// (nor the '' some newspapers print for one).
pub(crate) fn opens_single(text: &str, at: usize) -> bool {
    mark_at(text, at).and_then(Family::opened_by).is_some_and(Family::is_single)
}

/// Whether `s` is exactly one quote mark.
pub fn is_mark(s: &str) -> bool {
    mark_at(s, 0).is_some_and(|m| m.len() == s.len())
}

/// Marks that only ever close, so they need no context to do so.
fn always_closes(mark: &str) -> bool {
    matches!(mark, "”" | "»" | "」" | "』" | "›")
}

fn is_opening_punctuation(c: char) -> bool {
    "([{—–-/".contains(c) || mark_at(c.encode_utf8(&mut [0; 4]), 0).is_some()
}

/// What surrounds a mark: whether it sits where a quote opens or where one closes.
struct Context {
    opens: bool,
    closes: bool,
    /// The next character is a letter or digit ("don’t", "'90s").
    before_word: bool,
}

/// Invisible characters that steer layout (direction marks and embeddings, zero-width spaces and
/// joiners, the byte-order mark): pasted text carries them, but they are no part of the words
/// around a mark.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
}

fn context(line: &str, at: usize, mark: &str) -> Context {
    let before = line[..at].chars().rev().find(|&c| !is_invisible(c));
    let after = line[at + mark.len()..].chars().find(|&c| !is_invisible(c));
    Context {
        opens: before.is_none_or(|b| b.is_whitespace() || is_opening_punctuation(b))
            && after.is_some_and(|a| !a.is_whitespace()),
        closes: before.is_some_and(|b| !b.is_whitespace())
            && after.is_none_or(|a| a.is_whitespace() || !a.is_alphanumeric()),
        before_word: after.is_some_and(char::is_alphanumeric),
    }
}

/// Whether the ’ or ' at byte `at` of `line` may be the apostrophe of a plural possessive, as in
/// ‘The rebels’ demands are absurd,’: after an s, before a space and a lowercase word.
pub(crate) fn may_be_possessive(line: &str, at: usize, mark: &str) -> bool {
    let after = line[at + mark.len()..].strip_prefix(' ');
    line[..at].ends_with(['s', 'S']) && after.is_some_and(|a| a.starts_with(char::is_lowercase))
}

/// Whether `mark` (’ or '), from byte `from` of `line` on, closes a single quote before any other
/// quote mark opens or closes one: possessives and apostrophes inside words ("don’t") are passed
/// over. Where it does, a possessive before it was an apostrophe, not the quote's end.
///
/// Returns the answer and the byte up to which it holds: asked again from anywhere before that
/// byte, the search would pass over the same marks to the same end. A caller keeps it, so a
/// paragraph full of possessives is searched once, not once for each.
fn closes_later(line: &str, mut from: usize, mark: &str) -> (bool, usize) {
    loop {
        from = next_mark_start(line.as_bytes(), from);
        let Some(next) = mark_at(line, from) else {
            if from >= line.len() {
                return (false, from);
            }
            from += 1;
            continue;
        };
        if next != mark {
            return (false, from);
        }
        let cx = context(line, from, next);
        if cx.closes && !may_be_possessive(line, from, next) {
            return (true, from);
        }
        // A straight ' before a word, after a space, opens another quote.
        if cx.opens && cx.before_word {
            return (false, from);
        }
        from += next.len();
    }
}

/// An open quote on the stack.
#[derive(Debug, Clone, Copy)]
struct Open {
    family: Family,
    /// Where its opening mark starts, and where its text starts.
    at: usize,
    inner: usize,
}

/// A double quote running on from earlier paragraphs, with the pieces it has so far.
struct Running {
    open: Open,
    pieces: Vec<(usize, usize)>,
}

/// Every outermost quote in `text`, sorted by start.
pub fn find(text: &str) -> Vec<Quote> {
    let mut quotes = Vec::new();
    let mut running: Option<Running> = None;
    let mut offset = 0;
    for line in paragraphs(text) {
        let base = offset;
        offset += line.len();
        let body = line.trim_end();
        let lead = body.len() - body.trim_start().len();
        if lead == body.len() {
            continue;
        }
        let mut stack: Vec<Open> = Vec::new();
        // Quotes closed inside single quotes only: outermost if those turn out to be apostrophes.
        let mut inside_singles: Vec<Quote> = Vec::new();
        // The last question to `closes_later` in this paragraph: its mark, answer and reach.
        let mut closer_ahead = ("", false, 0);
        let mut i = lead;
        // A quote from the paragraph before continues only if this paragraph opens with a mark.
        if let Some(mut run) = running.take() {
            match mark_at(body, lead) {
                Some(mark) if Family::opened_by(mark).is_some_and(|f| !f.is_single()) => {
                    run.pieces.push((base + lead, base + lead));
                    stack.push(Open { at: base + lead, ..run.open });
                    i = lead + mark.len();
                    running = Some(run);
                }
                _ => quotes.push(close(run.open, run.pieces, None)),
            }
        }
        while i < body.len() {
            let Some(mark) = mark_at(body, i) else {
                // Jump to the next byte that may start a mark (always a char boundary: the
                // candidates are ASCII or UTF-8 lead bytes).
                i = next_mark_start(body.as_bytes(), i + 1);
                continue;
            };
            let at = base + i;
            let cx = context(body, i, mark);
            let possessive = may_be_possessive(body, i, mark);
            i += mark.len();
            // A single quote's closing mark that may be a possessive's apostrophe is one if the
            // same mark closes the quote later on.
            let mut apostrophe = |top: &Open| {
                top.family.is_single()
                    && (cx.before_word
                        || possessive && {
                            if closer_ahead.0 != mark || i >= closer_ahead.2 {
                                let (closes, reach) = closes_later(body, i, mark);
                                closer_ahead = (mark, closes, reach);
                            }
                            closer_ahead.1
                        })
            };
            // Close the innermost open quote this mark can close. A double mark may also close an
            // outer double quote whose inner single quotes were really apostrophes.
            let closable = |o: &Open| o.family.closed_by(mark) && (always_closes(mark) || cx.closes || !cx.opens);
            let target = match stack.last() {
                Some(top) if closable(top) && !apostrophe(top) => Some(stack.len() - 1),
                Some(top) if top.family.is_single() && !Family::opened_by(mark).is_some_and(Family::is_single) => {
                    stack.iter().rposition(|o| !o.family.is_single() && closable(o))
                }
                _ => None,
            };
            if let Some(t) = target {
                let open = stack[t];
                stack.truncate(t);
                let end = at + mark.len();
                // Quotes closed inside this one are not outermost after all. They are the last
                // ones kept (those kept are in order), so a paragraph of them is not searched
                // again at each close.
                while inside_singles.last().is_some_and(|q| q.start > open.at) {
                    inside_singles.pop();
                }
                if stack.is_empty() {
                    let pieces = running.take().map(|r| r.pieces).unwrap_or_default();
                    quotes.push(close(open, pieces, Some((at, end))));
                } else if stack.iter().all(|o| o.family.is_single()) {
                    inside_singles.push(close(open, Vec::new(), Some((at, end))));
                }
                continue;
            }
            let Some(family) = Family::opened_by(mark) else { continue };
            let can_open = match family {
                Family::SingleGuillemets => true,
                Family::Right | Family::ReversedGuillemets | Family::ReversedSingleGuillemets => cx.opens,
                // A single mark that doubles as an apostrophe opens only before a word, where a
                // quote starts, never inside one.
                f if f.is_single() => cx.opens && cx.before_word,
                Family::Straight => cx.opens || !cx.closes,
                _ => true,
            };
            if can_open {
                stack.push(Open { family, at, inner: at + mark.len() });
            }
        }
        // End of paragraph: single quotes left open were apostrophes (in ‘08, in 't Veld), so the
        // quotes inside them are outermost; an open double quote may run on into the next
        // paragraph.
        quotes.append(&mut inside_singles);
        let end = base + body.len();
        if let Some(outer) = stack.iter().find(|o| !o.family.is_single()).copied() {
            let mut pieces = running.take().map(|r| r.pieces).unwrap_or_default();
            match pieces.last_mut() {
                Some(last) if last.0 == outer.at => last.1 = end,
                _ => pieces.push((outer.at, end)),
            }
            running = Some(Running { open: outer, pieces });
        }
    }
    if let Some(run) = running {
        quotes.push(close(run.open, run.pieces, None));
    }
    // Sorted as found: a quote is pushed when its opening mark, the bottom of the stack, is
    // closed (or its paragraph ends), so it ends before the next outermost quote opens.
    debug_assert!(quotes.windows(2).all(|w| w[0].end <= w[1].start));
    quotes
}

/// Builds a quote from its opening mark, the pieces of earlier paragraphs, and its closing mark
/// (`None` when it ended with a paragraph).
fn close(open: Open, mut pieces: Vec<(usize, usize)>, closing: Option<(usize, usize)>) -> Quote {
    let inner_end = match closing {
        Some((at, end)) => {
            match pieces.last_mut() {
                Some(last) if last.0 == open.at => last.1 = end,
                _ => pieces.push((open.at, end)),
            }
            at
        }
        None => pieces.last().map_or(open.inner, |p| p.1),
    };
    let first = pieces.first().map_or(open.at, |p| p.0);
    let last = pieces.last().map_or(open.inner, |p| p.1);
    let inner_start = if first == open.at { open.inner } else { first };
    Quote { start: first, end: last, pieces, inner: (inner_start.min(inner_end), inner_end) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        find(text).into_iter().map(|q| &text[q.start..q.end]).collect()
    }

    fn pieces(text: &str) -> Vec<Vec<&str>> {
        find(text).into_iter().map(|q| q.pieces.iter().map(|&(s, e)| &text[s..e]).collect()).collect()
    }

    #[test]
    fn curly_and_straight_pairs() {
        assert_eq!(
            texts("“We will go,” she said. He replied: \"No.\" Then \"maybe\"."),
            ["“We will go,”", "\"No.\"", "\"maybe\""]
        );
    }

    #[test]
    fn every_family_of_marks() {
        let cases = [
            ("Il a dit « non merci » hier.", "« non merci »"),
            ("Er sagte „nein danke“ gestern.", "„nein danke“"),
            ("Han sa ”nej tack” igår.", "”nej tack”"),
            ("Han sagde »nej tak« i går.", "»nej tak«"),
            ("彼は「いいえ」と言った。", "「いいえ」"),
            ("彼は『いいえ』と言った。", "『いいえ』"),
            ("‹ non › dit-il", "‹ non ›"),
            ("He said ‘not now’ and left.", "‘not now’"),
            ("He said 'not now' and left.", "'not now'"),
            ("''This works,'' said Mr. Madden.", "''This works,''"),
            ("Sie sagte ‚nein‘ leise.", "‚nein‘"),
        ];
        for (text, quote) in cases {
            assert_eq!(texts(text), [quote], "{text}");
        }
    }

    #[test]
    fn nested_quotes_stay_inside_the_outer_one() {
        assert_eq!(
            texts("“They told me ‘don’t go there,’ and I didn’t,” she said."),
            ["“They told me ‘don’t go there,’ and I didn’t,”"]
        );
        assert_eq!(texts("‘He called it “a farce”, frankly,’ he said."), ["‘He called it “a farce”, frankly,’"]);
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert_eq!(
            texts("Don’t ask Jones’ aide, 5'10\" tall, about the ’90s or the '80s; it's O'Brien's."),
            Vec::<&str>::new()
        );
        assert_eq!(texts("The Joneses’ car and the bosses’ “plan” are here."), ["“plan”"]);
    }

    #[test]
    fn a_plural_possessive_inside_a_single_quote_does_not_close_it() {
        assert_eq!(texts("‘The rebels’ demands are absurd,’ Sadiq said."), ["‘The rebels’ demands are absurd,’"]);
        assert_eq!(texts("'The bosses' cars don't matter,' he said."), ["'The bosses' cars don't matter,'"]);
        assert_eq!(
            texts("“He told me ‘the rebels’ demands are fine,’ and left,” she said."),
            ["“He told me ‘the rebels’ demands are fine,’ and left,”"]
        );
        // No later mark closes it, or another quote comes first: the mark closes here after all.
        assert_eq!(texts("They were ‘heroes’ to him, he said of the rebels’ leaders."), ["‘heroes’"]);
        assert_eq!(texts("He called them ‘rebels’ and said ‘no’."), ["‘rebels’", "‘no’"]);
        assert_eq!(texts("He called them 'rebels' and said 'no'."), ["'rebels'", "'no'"]);
        assert_eq!(texts("'Yes' he said, and the bosses' men 'agreed'."), ["'Yes'", "'agreed'"]);
        // Each possessive asks whether a mark closes later; a paragraph of them is searched once
        // (searched for each, 50,000 of them take minutes).
        let many = format!("‘{}and so on’ he said.", "the bosses’ men ".repeat(50_000));
        assert_eq!(texts(&many), [&many[..many.len() - " he said.".len()]]);
    }

    #[test]
    fn multi_paragraph_quote_continues_when_the_next_paragraph_opens_with_a_mark() {
        let text = "She said: “First part.\n“Second part,” she added.\u{2029}“Third.\nNext.";
        assert_eq!(texts(text), ["“First part.\n“Second part,”", "“Third."]);
        assert_eq!(pieces(text), [vec!["“First part.", "“Second part,”"], vec!["“Third."]]);
        let three = "\"One.\n\n\"Two.\n\n\"Three,\" he said.";
        assert_eq!(pieces(three), [vec!["\"One.", "\"Two.", "\"Three,\""]]);
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
    fn a_second_opener_nests_and_stray_closers_are_ignored() {
        // A second opening mark of the same kind, before the first is closed, opens a quote
        // inside it: the first closing mark closes the inner one, the next the outer one.
        assert_eq!(texts("He said “they told me “no” twice,” and left."), ["“they told me “no” twice,”"]);
        assert_eq!(texts("Elle a dit « il a dit « non » hier », puis rien."), ["« il a dit « non » hier »"]);
        assert_eq!(texts("Er sagte „sie sagten „nein“ zweimal“ und ging."), ["„sie sagten „nein“ zweimal“"]);
        assert_eq!(
            texts("“One “two “three” two” one,” she said, “four.”"),
            ["“One “two “three” two” one,”", "“four.”"]
        );
        assert_eq!(texts("a ” stray, then “kept,” end"), ["“kept,”"]);
        assert_eq!(texts("“kept,” then a stray ” and » end"), ["“kept,”"]);
    }
    #[test]
    fn quotes_inside_an_apostrophe_taken_for_an_opening_mark_are_kept() {
        assert_eq!(
            texts("She said in ‘98 that “we will win,” and later “we did ‘it’ again.”"),
            ["“we will win,”", "“we did ‘it’ again.”"]
        );
        assert_eq!(texts("The mayor of 's-Hertogenbosch said: 'not now' and left."), ["'not now'"]);
        // A single quote that does close keeps what is inside it to itself.
        assert_eq!(texts("In ‘98 he said ‘she told me “no” twice’ and left."), ["‘she told me “no” twice’"]);
        // Each close drops the quotes inside it from the end of those kept: searching them all
        // at each close, 50,000 quotes after one apostrophe take seconds, not milliseconds.
        let many = format!("In ‘98 they said {}and left.", "“yes” ".repeat(50_000));
        assert_eq!(find(&many).len(), 50_000);
    }

    #[test]
    fn invisible_layout_characters_do_not_change_a_marks_direction() {
        // A left-to-right embedding, a zero-width space before the opening mark.
        assert_eq!(texts("\u{202A}”We are ready,” said the chair."), ["”We are ready,”"]);
        assert_eq!(texts("He said \u{200B}‘no’ twice."), ["‘no’"]);
    }

    #[test]
    fn mark_starts_are_found_wherever_they_sit_in_a_word() {
        // Each candidate byte at each position of an 8-byte word, after plain and non-ASCII text.
        for lead in ["", "é", "Москва", "—"] {
            for pad in 0..17 {
                for mark in ["\"", "'", "«", "“", "「"] {
                    let text = format!("{lead}{}{mark}tail text", "a".repeat(pad));
                    let bytes = text.as_bytes();
                    let expected = bytes.iter().position(|&b| may_start_mark(b)).unwrap();
                    assert_eq!(next_mark_start(bytes, 0), expected, "{text:?}");
                    assert_eq!(next_mark_start(bytes, bytes.len()), bytes.len());
                }
            }
        }
        assert_eq!(next_mark_start(b"no marks at all in here", 0), 23);
    }

    #[test]
    fn inner_span_excludes_marks() {
        let text = "“😀 hi,” he said";
        let q = &find(text)[0];
        assert_eq!(&text[q.inner.0..q.inner.1], "😀 hi,");
    }
}
