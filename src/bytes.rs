//! Searching bytes eight at a time, for the scans over a whole text that look for a few bytes
//! (quote marks, paragraph breaks) which most of a text does not hold: a word
//! of eight bytes is tested at once with integer arithmetic, and looked at byte by byte only
//! when it may hold one. No table and no unsafe code, so it costs the wasm module next to nothing.

/// A one in each byte of a word, and each byte's high bit.
const ONES: u64 = u64::from_le_bytes([1; 8]);
const HIGH: u64 = ONES << 7;

/// Whether some byte of `word` is 0x80 or above: not ASCII.
pub fn holds_high(word: u64) -> bool {
    word & HIGH != 0
}

/// Whether some byte of `word` is below `n` (at most 0x80). Taking `n` from each byte can also
/// flag a byte above `n` that a lower byte borrowed from, but only ever above a byte truly below
/// `n`, so the yes-or-no answer is exact.
fn holds_below(word: u64, n: u8) -> bool {
    word.wrapping_sub(ONES * u64::from(n)) & !word & HIGH != 0
}

/// Whether some byte of `word` is from `low` to `high` (both below 0x80; bytes of 0x80 and above
/// never count): each byte below 0x80 is moved up by `0x80 - low` and by `0x7f - high`, so that
/// its high bit sets in the first sum but not in the second exactly when it is in the range.
pub fn holds_between(word: u64, low: u8, high: u8) -> bool {
    let seven = word & (ONES * 0x7f);
    let above_low = seven + ONES * u64::from(0x80 - low);
    let above_high = seven + ONES * u64::from(0x7f - high);
    above_low & !above_high & !word & HIGH != 0
}

/// Whether some byte of `word` is `b`: XOR zeroes exactly those bytes.
pub fn holds(word: u64, b: u8) -> bool {
    holds_below(word ^ (ONES * u64::from(b)), 1)
}

/// The first `letter` (in lower case) or its capital at or after `from`, or `bytes.len()`: one
/// search for the several passes that look for a letter, rather than a copy of [`find_byte`] for
/// each.
pub fn find_letter(bytes: &[u8], from: usize, letter: u8) -> usize {
    let capital = letter.to_ascii_uppercase();
    find_byte(bytes, from, |b| b == letter || b == capital, |w| holds(w, letter) || holds(w, capital))
}

/// The first byte at or after `from` (at most `bytes.len()`) in `bytes` that is `wanted`, or
/// `bytes.len()`.
/// Looks at bytes one by one only in the words (read little-endian) that `may_hold` one of them.
pub fn find_byte(bytes: &[u8], mut from: usize, wanted: impl Fn(u8) -> bool, may_hold: impl Fn(u64) -> bool) -> usize {
    while let Some(chunk) = bytes.get(from..from + 8) {
        if may_hold(u64::from_le_bytes(chunk.try_into().unwrap_or_default())) {
            if let Some(at) = chunk.iter().position(|&b| wanted(b)) {
                return from + at;
            }
        }
        from += 8;
    }
    from + bytes[from..].iter().position(|&b| wanted(b)).unwrap_or(bytes.len() - from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_in_words() {
        let word = u64::from_le_bytes(*b"ab\"d\x1fxyz");
        assert!(holds(word, b'"') && holds(word, b'z') && !holds(word, b'\\') && !holds(word, 0));
        assert!(holds_below(word, 0x20) && !holds_below(word, 0x1f));
        assert!(!holds(u64::from_le_bytes([0xE2, 0x80, 0xA9, 0x80, 0xFF, 0x7F, 0x01, 0x21]), b'"'));
    }

    #[test]
    fn bytes_in_a_range_match_a_byte_by_byte_test() {
        for b in 0..=255u8 {
            for (at, filler) in [(0, b'a'), (7, b' '), (3, 0xC3)] {
                let mut bytes = [filler; 8];
                bytes[at] = b;
                let word = u64::from_le_bytes(bytes);
                let expected = bytes.iter().any(|b| b.is_ascii_uppercase());
                assert_eq!(holds_between(word, b'A', b'Z'), expected, "{bytes:?}");
            }
        }
    }
}
