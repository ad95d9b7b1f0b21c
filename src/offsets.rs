//! Converting the core's UTF-8 byte offsets into the unit a host counts in.
//!
//! Rust slices strings by bytes; the DOM and JavaScript strings index by UTF-16 code units; a
//! person reading a text file counts characters. "😀" is 4 bytes, 2 UTF-16 units and 1 character,
//! so every span that leaves the core says which unit it is in, and is converted here in one
//! forward pass over the text for all offsets at once.

use std::fmt;
use std::str::FromStr;

use crate::sort::sorted;

/// The unit of the offsets in a report.
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
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Utf16 => "utf16",
            Unit::Chars => "chars",
            Unit::Bytes => "bytes",
        }
    }

    fn width(self, c: char) -> usize {
        match self {
            Unit::Utf16 => c.len_utf16(),
            Unit::Chars => 1,
            Unit::Bytes => c.len_utf8(),
        }
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An offset unit name that is not one of `utf16`, `chars`, `bytes`.
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

/// A byte-offset → unit-offset table for a known set of offsets.
pub struct Converter {
    /// Sorted (byte offset, unit offset) pairs; empty when bytes and units coincide.
    table: Vec<(usize, usize)>,
}

impl Converter {
    /// Prepares conversion of `offsets` (byte offsets on char boundaries of `text`).
    pub fn new(text: &str, unit: Unit, offsets: impl IntoIterator<Item = usize>) -> Converter {
        if unit == Unit::Bytes || text.is_ascii() {
            return Converter { table: Vec::new() };
        }
        let mut wanted = sorted(offsets.into_iter().collect());
        wanted.dedup();
        let mut table = Vec::with_capacity(wanted.len());
        let (mut byte, mut units) = (0, 0);
        let mut chars = text.chars();
        for want in wanted {
            while byte < want {
                let Some(c) = chars.next() else { break };
                byte += c.len_utf8();
                units += unit.width(c);
            }
            table.push((want, units));
        }
        Converter { table }
    }

    /// The unit offset of byte offset `byte`, which must be one of those given to [`Converter::new`].
    pub fn convert(&self, byte: usize) -> usize {
        if self.table.is_empty() {
            return byte;
        }
        match self.table.binary_search_by_key(&byte, |&(b, _)| b) {
            Ok(i) => self.table[i].1,
            // Not prepared: a bug in the caller. Answer the nearest prepared offset rather than
            // panic across the wasm boundary; tests catch the bug.
            Err(i) => self.table.get(i.saturating_sub(1)).map_or(0, |&(_, u)| u),
        }
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
            let c = Converter::new(text, unit, offsets.iter().copied());
            offsets.iter().map(|&o| c.convert(o)).collect::<Vec<_>>()
        };
        assert_eq!(convert(Unit::Bytes), [0, 1, 5, 8, 10, 13, 16]);
        assert_eq!(convert(Unit::Utf16), [0, 1, 3, 4, 5, 6, 7]);
        assert_eq!(convert(Unit::Chars), [0, 1, 2, 3, 4, 5, 6]);
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
