//! Converting the core's UTF-8 byte offsets into the unit a host counts in.
//!
//! Rust slices strings by bytes; the DOM and JavaScript strings index by UTF-16 code units; a
//! person reading a text file counts characters. "😀" is 4 bytes, 2 UTF-16 units and 1 character,
//! so every span that leaves the core says which unit it is in, and is converted here.

use std::fmt;
use std::str::FromStr;

/// The unit of the offsets in a report: pick the one the host's strings index by, so that a
/// span's `start` and `end` slice the scanned text directly.
///
/// ```
/// use article_highlighter::{Config, Scanner, Unit};
///
/// let config = Config::from_json(r#"{"actors": [{"id": "lahore", "aliases": ["Lahore"]}]}"#).unwrap();
/// let scanner = Scanner::new(config).unwrap();
/// let text = "Café in Lahore";
/// let span = &scanner.scan(text, Unit::Bytes).mentions[0].span;
/// assert_eq!(&text[span.start..span.end], "Lahore");
/// // "é" is two bytes but one character (and one UTF-16 unit).
/// assert_eq!(span.start, 9);
/// assert_eq!(scanner.scan(text, Unit::Chars).mentions[0].span.start, 8);
/// assert_eq!(Unit::default(), Unit::Utf16);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Unit {
    /// UTF-16 code units, as JavaScript strings and DOM ranges count.
    #[default]
    Utf16,
    /// Unicode scalar values (code points), as Python strings count.
    Chars,
    /// UTF-8 bytes, as Rust strings and files count.
    Bytes,
}

impl Unit {
    /// The unit's name in reports and on the command line, which [`str::parse`] reads back.
    ///
    /// ```
    /// use article_highlighter::Unit;
    ///
    /// assert_eq!(Unit::Chars.as_str(), "chars");
    /// assert_eq!("chars".parse::<Unit>(), Ok(Unit::Chars));
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Utf16 => "utf16",
            Unit::Chars => "chars",
            Unit::Bytes => "bytes",
        }
    }

    /// How many units `bytes`, a stretch of UTF-8 text, take. The stretch may cut a character:
    /// a character counts where its first byte is, so counts of adjacent stretches add up.
    fn count(self, bytes: &[u8]) -> usize {
        // `is_ascii` checks a word at a time, and most stretches of most news text are ASCII.
        if self == Unit::Bytes || bytes.is_ascii() {
            return bytes.len();
        }
        // A character starts at every byte but continuation bytes (0b10xx_xxxx); those of four
        // bytes (lead byte 0xF0 or above) are the ones that take two UTF-16 units.
        let four = |b: u8| self == Unit::Utf16 && b >= 0xF0;
        bytes.iter().map(|&b| usize::from(b & 0xC0 != 0x80) + usize::from(four(b))).sum()
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An offset unit name that is not one of `utf16`, `chars`, `bytes`: the error of parsing a
/// [`Unit`] from a name a user typed. It holds the name.
///
/// ```
/// use article_highlighter::{Unit, UnknownUnit};
///
/// let error = "utf8".parse::<Unit>().unwrap_err();
/// assert_eq!(error, UnknownUnit("utf8".to_owned()));
/// assert_eq!(error.to_string(), "unknown offset unit \"utf8\" (use utf16, chars or bytes)");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownUnit(pub String);

impl fmt::Display for UnknownUnit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown offset unit {:?} (use utf16, chars or bytes)", self.0)
    }
}

impl std::error::Error for UnknownUnit {}

impl FromStr for Unit {
    type Err = UnknownUnit;
    fn from_str(s: &str) -> Result<Unit, UnknownUnit> {
        [Unit::Utf16, Unit::Chars, Unit::Bytes]
            .into_iter()
            .find(|u| u.as_str() == s)
            .ok_or_else(|| UnknownUnit(s.to_owned()))
    }
}

/// Bytes per entry of [`Converter`]'s table: a conversion counts at most this many bytes, and
/// the table takes a word per this many bytes of text (128 KB of wasm memory for 1 MB of text).
const BLOCK: usize = 32;

/// Converts byte offsets of one text into unit offsets, each in time bounded by [`BLOCK`].
///
/// A table of the unit offset at every [`BLOCK`]th byte, rather than converting a sorted list of
/// the offsets wanted: building it is one pass over the text's bytes (word at a time where they
/// are ASCII), with no decoding of characters and no sorting of offsets.
pub struct Converter<'a> {
    text: &'a [u8],
    unit: Unit,
    /// `blocks[k]` is the unit offset of byte offset `k * BLOCK`; empty when bytes and units
    /// coincide.
    blocks: Vec<usize>,
}

impl<'a> Converter<'a> {
    pub fn new(text: &'a str, unit: Unit) -> Converter<'a> {
        let text = text.as_bytes();
        let mut blocks = Vec::new();
        if unit != Unit::Bytes && !text.is_ascii() {
            blocks.reserve(text.len() / BLOCK + 1);
            blocks.push(0);
            let mut units = 0;
            for block in text.chunks_exact(BLOCK) {
                units += unit.count(block);
                blocks.push(units);
            }
        }
        Converter { text, unit, blocks }
    }

    /// The unit offset of byte offset `byte`, a char boundary of the text.
    pub fn convert(&self, byte: usize) -> usize {
        if self.blocks.is_empty() {
            return byte;
        }
        // An offset past the end is a bug in the caller: answer the end rather than panic across
        // the wasm boundary.
        let byte = byte.min(self.text.len());
        let k = byte / BLOCK;
        self.blocks[k] + self.unit.count(&self.text[k * BLOCK..byte])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_differ_for_astral_and_multibyte_text() {
        let text = "a😀“é”東";
        let offsets: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        let convert = |unit| {
            let c = Converter::new(text, unit);
            offsets.iter().map(|&o| c.convert(o)).collect::<Vec<_>>()
        };
        assert_eq!(convert(Unit::Bytes), [0, 1, 5, 8, 10, 13, 16]);
        assert_eq!(convert(Unit::Utf16), [0, 1, 3, 4, 5, 6, 7]);
        assert_eq!(convert(Unit::Chars), [0, 1, 2, 3, 4, 5, 6]);
    }

    #[test]
    fn every_offset_of_long_mixed_text_converts_exactly() {
        // Longer than several blocks, with marks, dashes, emoji and non-Latin text at all offsets
        // within a block.
        let text = "“Don’t — ever,” she said 😀. Москва 東京 «oui» naïve\u{2029}"
            .repeat(7)
            .chars()
            .enumerate()
            .map(|(i, c)| if i % 13 == 0 { 'a' } else { c })
            .collect::<String>();
        for unit in [Unit::Utf16, Unit::Chars, Unit::Bytes] {
            let converter = Converter::new(&text, unit);
            let (mut units, mut expected) = (0, Vec::new());
            for (i, c) in text.char_indices() {
                expected.push((i, units));
                units += match unit {
                    Unit::Utf16 => c.len_utf16(),
                    Unit::Chars => 1,
                    Unit::Bytes => c.len_utf8(),
                };
            }
            expected.push((text.len(), units));
            for (byte, units) in expected {
                assert_eq!(converter.convert(byte), units, "{unit} at byte {byte}");
            }
        }
    }

    #[test]
    fn ascii_text_needs_no_table() {
        let text = "plain ".repeat(100);
        let converter = Converter::new(&text, Unit::Utf16);
        assert!(converter.blocks.is_empty());
        assert_eq!(converter.convert(123), 123);
    }

    #[test]
    fn unit_names() {
        assert_eq!("utf16".parse(), Ok(Unit::Utf16));
        assert_eq!("chars".parse(), Ok(Unit::Chars));
        assert_eq!(
            "utf8".parse::<Unit>().unwrap_err().to_string(),
            "unknown offset unit \"utf8\" (use utf16, chars or bytes)"
        );
    }
}
