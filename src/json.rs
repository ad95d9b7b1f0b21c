//! Reading config JSON into a small document tree that [`crate::config`] validates.
//!
//! A config is a few nested objects, arrays and strings, so this is a plain recursive-descent
//! reader of RFC 8259 JSON and nothing more: it keeps object members in document order and does
//! not keep the value of numbers, which no config field has. Reading configs with it rather than
//! serde_json saved about 8 KB of the gzipped wasm module (`tests/BENCHMARKS.md`, "Payload
//! size"); its messages name the same faults as serde_json's.

use std::borrow::Cow;
use std::fmt;

/// A JSON value, its strings borrowed from the text read where they hold no escapes: almost no
/// string of a config has one, and copying each one was most of the time a large config took to
/// read (`tests/BENCHMARKS.md`, "Where a compile's time goes").
#[derive(Debug, Clone, PartialEq)]
pub enum Json<'a> {
    Null,
    Bool(bool),
    /// A number: validated, its value not kept.
    Number,
    String(Cow<'a, str>),
    Array(Vec<Json<'a>>),
    /// Members in document order; where a name repeats, the last one counts (as in
    /// `JSON.parse`).
    Object(Vec<(Cow<'a, str>, Json<'a>)>),
}

/// Arrays and objects nested deeper than this are refused, so a hostile config cannot exhaust
/// the stack.
const MAX_DEPTH: usize = 128;

/// Why a text is not JSON, and where (line and column from 1, the column in characters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    what: &'static str,
    line: usize,
    column: usize,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at line {} column {}", self.what, self.line, self.column)
    }
}

impl<'a> Json<'a> {
    /// Reads `text`, which must hold exactly one JSON value (white space around it allowed).
    pub fn parse(text: &'a str) -> Result<Json<'a>, SyntaxError> {
        let mut reader = Reader { text, at: 0 };
        let value = reader.value(0)?;
        reader.skip_space();
        if reader.at < text.len() {
            return Err(reader.error("trailing characters"));
        }
        Ok(value)
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Json<'a>]> {
        match self {
            Json::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&Members<'a>> {
        match self {
            Json::Object(members) => Some(members),
            _ => None,
        }
    }
}

/// The members of an object: names and values.
pub type Members<'a> = [(Cow<'a, str>, Json<'a>)];

/// The value of the member `name` of an object (the last, where the name repeats).
pub fn member<'m, 'a>(members: &'m Members<'a>, name: &str) -> Option<&'m Json<'a>> {
    members.iter().rev().find(|(key, _)| key == name).map(|(_, value)| value)
}

struct Reader<'a> {
    text: &'a str,
    /// The byte offset of the next unread character.
    at: usize,
}

impl<'a> Reader<'a> {
    fn error(&self, what: &'static str) -> SyntaxError {
        let before = &self.text[..self.at];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        SyntaxError { what, line: before.matches('\n').count() + 1, column: before[line_start..].chars().count() + 1 }
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    /// Consumes `byte` if it comes next.
    fn eat(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        self.at += usize::from(found);
        found
    }

    fn value(&mut self, depth: usize) -> Result<Json<'a>, SyntaxError> {
        self.skip_space();
        match self.peek() {
            None => Err(self.error("EOF while parsing a value")),
            Some(b'"') => self.string().map(Json::String),
            Some(b'[') | Some(b'{') if depth == MAX_DEPTH => Err(self.error("nested too deeply")),
            Some(b'[') => {
                let mut items = Vec::new();
                self.sequence(b']', "EOF while parsing a list", "expected `,` or `]`", |reader| {
                    items.push(reader.value(depth + 1)?);
                    Ok(())
                })?;
                Ok(Json::Array(items))
            }
            Some(b'{') => {
                let mut members = Vec::new();
                let eof = "EOF while parsing an object";
                self.sequence(b'}', eof, "expected `,` or `}`", |reader| {
                    reader.skip_space();
                    if reader.peek() != Some(b'"') {
                        return Err(reader.error(reader.eof_or(eof, "key must be a string")));
                    }
                    let name = reader.string()?;
                    reader.skip_space();
                    if !reader.eat(b':') {
                        return Err(reader.error(reader.eof_or(eof, "expected `:`")));
                    }
                    members.push((name, reader.value(depth + 1)?));
                    Ok(())
                })?;
                Ok(Json::Object(members))
            }
            Some(b't') => self.word("true", Json::Bool(true)),
            Some(b'f') => self.word("false", Json::Bool(false)),
            Some(b'n') => self.word("null", Json::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error("expected value")),
        }
    }

    /// The items of an array or the members of an object, the reader on the opening bracket:
    /// `item` reads each one, and commas separate them up to `close`.
    fn sequence(
        &mut self,
        close: u8,
        eof: &'static str,
        expected: &'static str,
        mut item: impl FnMut(&mut Self) -> Result<(), SyntaxError>,
    ) -> Result<(), SyntaxError> {
        self.at += 1;
        self.skip_space();
        if self.eat(close) {
            return Ok(());
        }
        loop {
            item(self)?;
            self.skip_space();
            if self.eat(close) {
                return Ok(());
            }
            if !self.eat(b',') {
                return Err(self.error(self.eof_or(eof, expected)));
            }
        }
    }

    fn eof_or(&self, eof: &'static str, otherwise: &'static str) -> &'static str {
        if self.at == self.text.len() {
            eof
        } else {
            otherwise
        }
    }

    fn word(&mut self, word: &str, value: Json<'a>) -> Result<Json<'a>, SyntaxError> {
        if self.text[self.at..].starts_with(word) {
            self.at += word.len();
            Ok(value)
        } else {
            Err(self.error("expected value"))
        }
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    fn number(&mut self) -> Result<Json<'a>, SyntaxError> {
        self.eat(b'-');
        let digits = |reader: &mut Self| {
            let start = reader.at;
            while matches!(reader.peek(), Some(b'0'..=b'9')) {
                reader.at += 1;
            }
            reader.at - start
        };
        let leading_zero = self.peek() == Some(b'0');
        let whole = digits(self);
        let mut valid = whole == 1 || (whole > 1 && !leading_zero);
        if self.eat(b'.') {
            valid &= digits(self) > 0;
        }
        if self.eat(b'e') || self.eat(b'E') {
            let _sign = self.eat(b'+') || self.eat(b'-');
            valid &= digits(self) > 0;
        }
        if valid {
            Ok(Json::Number)
        } else {
            Err(self.error("invalid number"))
        }
    }

    /// A string, the reader on its opening quote: borrowed from the text unless it has escapes.
    fn string(&mut self) -> Result<Cow<'a, str>, SyntaxError> {
        self.at += 1;
        // What is read so far of a string with escapes.
        let mut out = String::new();
        loop {
            // The bytes that end a run of plain characters are ASCII, so never inside a
            // multi-byte character.
            let plain = self.text.as_bytes()[self.at..].iter().position(|&b| b == b'"' || b == b'\\' || b < b' ');
            let Some(len) = plain else {
                self.at = self.text.len();
                return Err(self.error("EOF while parsing a string"));
            };
            let run = &self.text[self.at..self.at + len];
            self.at += len;
            match self.peek() {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(if out.is_empty() { Cow::Borrowed(run) } else { Cow::Owned(out + run) });
                }
                Some(b'\\') => {
                    out.push_str(run);
                    self.at += 1;
                    let escaped = match self.peek() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.at += 1;
                            let c = self.unicode_escape()?;
                            out.push(c);
                            continue;
                        }
                        None => return Err(self.error("EOF while parsing a string")),
                        Some(_) => return Err(self.error("invalid escape")),
                    };
                    self.at += 1;
                    out.push(escaped);
                }
                _ => return Err(self.error("control character (\\u0000-\\u001F) found while parsing a string")),
            }
        }
    }

    /// The character of a `\u` escape, the reader after the `u`: four hex digits, and a second
    /// escape for the low half of a surrogate pair.
    fn unicode_escape(&mut self) -> Result<char, SyntaxError> {
        let high = self.hex4()?;
        if !(0xd800..0xdc00).contains(&high) {
            return char::from_u32(high).ok_or_else(|| self.error("lone trailing surrogate in hex escape"));
        }
        if !self.text[self.at..].starts_with("\\u") {
            return Err(self.error("lone leading surrogate in hex escape"));
        }
        self.at += 2;
        let low = self.hex4()?;
        if !(0xdc00..0xe000).contains(&low) {
            return Err(self.error("lone leading surrogate in hex escape"));
        }
        char::from_u32(0x10000 + ((high - 0xd800) << 10) + (low - 0xdc00))
            .ok_or_else(|| self.error("invalid unicode code point"))
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let digits = self.text.get(self.at..self.at + 4).filter(|d| d.bytes().all(|b| b.is_ascii_hexdigit()));
        let value = digits.and_then(|d| u32::from_str_radix(d, 16).ok());
        match value {
            Some(value) => {
                self.at += 4;
                Ok(value)
            }
            None if self.text.len() - self.at < 4 => Err(self.error("unexpected end of hex escape")),
            None => Err(self.error("invalid escape")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(text: &str) -> Json<'_> {
        Json::String(text.into())
    }

    fn err(text: &str) -> String {
        Json::parse(text).unwrap_err().to_string()
    }

    #[test]
    fn values() {
        assert_eq!(
            Json::parse(r#" {"a": [true, false, null, -1.5e+3, 0, "x"], "b": {}, "c": [], "a": "last"} "#).unwrap(),
            Json::Object(vec![
                (
                    "a".into(),
                    Json::Array(vec![
                        Json::Bool(true),
                        Json::Bool(false),
                        Json::Null,
                        Json::Number,
                        Json::Number,
                        s("x")
                    ])
                ),
                ("b".into(), Json::Object(vec![])),
                ("c".into(), Json::Array(vec![])),
                ("a".into(), s("last")),
            ])
        );
        let Json::Object(members) = Json::parse(r#"{"a": 1, "a": "last"}"#).unwrap() else { panic!() };
        assert_eq!(member(&members, "a"), Some(&s("last")));
    }

    #[test]
    fn strings_and_escapes() {
        assert_eq!(
            Json::parse(r#""Київ 😀 \"q\" \\ \/ \b\f\n\r\t \u00e9 \ud83d\ude00""#).unwrap(),
            s("Київ 😀 \"q\" \\ / \u{8}\u{c}\n\r\t é 😀")
        );
        // Strings without escapes are not copied.
        assert!(matches!(Json::parse(r#""Київ 😀""#), Ok(Json::String(Cow::Borrowed("Київ 😀")))));
        assert!(matches!(Json::parse(r#""a\nb""#), Ok(Json::String(Cow::Owned(s))) if s == "a\nb"));
        assert_eq!(err(r#""\ud83d""#), "lone leading surrogate in hex escape at line 1 column 8");
        assert_eq!(err(r#""\ude00""#), "lone trailing surrogate in hex escape at line 1 column 8");
        assert_eq!(err(r#""\x""#), "invalid escape at line 1 column 3");
        assert_eq!(err(r#""\u12x4""#), "invalid escape at line 1 column 4");
        assert_eq!(err(r#""\u12""#), "unexpected end of hex escape at line 1 column 4");
        assert_eq!(
            err("\"a\u{1}\""),
            "control character (\\u0000-\\u001F) found while parsing a string at line 1 column 3"
        );
        assert_eq!(err("\"abc"), "EOF while parsing a string at line 1 column 5");
    }

    #[test]
    fn numbers() {
        for ok in ["0", "-0", "12", "1.5", "1e9", "1E-9", "-12.25e+2"] {
            assert_eq!(Json::parse(ok), Ok(Json::Number), "{ok}");
        }
        for bad in ["01", "-", "1.", ".5", "1e", "+1", "1.e3"] {
            assert!(Json::parse(bad).is_err(), "{bad}");
        }
    }

    /// Ours, with objects as serde_json keeps them: sorted by name, the last of repeated names.
    fn normalized<'a>(value: &Json<'a>) -> Json<'a> {
        match value {
            Json::Array(items) => Json::Array(items.iter().map(normalized).collect()),
            Json::Object(members) => {
                let mut names: Vec<&Cow<str>> = members.iter().map(|(name, _)| name).collect();
                names.sort();
                names.dedup();
                Json::Object(names.into_iter().map(|n| (n.clone(), normalized(member(members, n).unwrap()))).collect())
            }
            other => other.clone(),
        }
    }

    fn from_serde(value: &serde_json::Value) -> Json<'_> {
        match value {
            serde_json::Value::Null => Json::Null,
            serde_json::Value::Bool(b) => Json::Bool(*b),
            serde_json::Value::Number(_) => Json::Number,
            serde_json::Value::String(s) => Json::String(s.into()),
            serde_json::Value::Array(items) => Json::Array(items.iter().map(from_serde).collect()),
            serde_json::Value::Object(members) => {
                Json::Object(members.iter().map(|(name, value)| (name.into(), from_serde(value))).collect())
            }
        }
    }

    /// A small deterministic generator (xorshift32).
    struct Rng(u32);

    impl Rng {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 17;
            self.0 ^= self.0 << 5;
            self.0 as usize % n
        }
    }

    /// A random JSON document, with white space between tokens.
    fn document(rng: &mut Rng, depth: usize) -> String {
        const SCALARS: &[&str] = &[
            "1",
            "-0.5e3",
            "0",
            "true",
            "false",
            "null",
            "\"a\"",
            "\"b\"",
            "\"\\u00e9\\n\\\"\"",
            "\"\\ud83d\\ude00 é\"",
        ];
        let space = |rng: &mut Rng| [" ", "", "\n", "\t"][rng.below(4)];
        match if depth == 0 { 0 } else { rng.below(3) } {
            0 => SCALARS[rng.below(SCALARS.len())].to_owned(),
            1 => {
                let items: Vec<String> = (0..rng.below(4)).map(|_| document(rng, depth - 1)).collect();
                format!("[{}{}]", space(rng), items.join(&format!(",{}", space(rng))))
            }
            _ => {
                let members: Vec<String> = (0..rng.below(4))
                    .map(|_| format!("{}{}:{}", SCALARS[6 + rng.below(2)], space(rng), document(rng, depth - 1)))
                    .collect();
                format!("{{{}{}}}", space(rng), members.join(","))
            }
        }
    }

    #[test]
    fn reads_what_serde_json_reads() {
        // Random documents, and near misses made by cutting a character out or putting a token
        // in. serde_json alone refuses numbers beyond f64's range (this reader keeps no value;
        // configs have no numbers), so the mutations add no digits.
        const INSERTS: &[&str] =
            &["{", "}", "[", "]", ",", ":", "\"", "\\", "\\x", "\u{1}", "e", ".", "-", "nul", "\\ud83d"];
        let mut rng = Rng(0x2545_f491);
        for case in 0..5_000 {
            let mut text = document(&mut rng, 4);
            let cut = rng.below(text.len() + 1);
            if text.is_char_boundary(cut) {
                match rng.below(3) {
                    0 => {}
                    1 => text.insert_str(cut, INSERTS[rng.below(INSERTS.len())]),
                    _ => {
                        if let Some(c) = text[cut..].chars().next() {
                            text.replace_range(cut..cut + c.len_utf8(), "");
                        }
                    }
                }
            }
            let ours = Json::parse(&text);
            let theirs = serde_json::from_str::<serde_json::Value>(&text);
            assert_eq!(ours.is_ok(), theirs.is_ok(), "case {case}: {text:?}: {ours:?} / {theirs:?}");
            if let (Ok(ours), Ok(theirs)) = (ours, theirs) {
                assert_eq!(normalized(&ours), from_serde(&theirs), "case {case}: {text:?}");
            }
        }
    }

    #[test]
    fn errors_say_what_and_where() {
        assert_eq!(err(""), "EOF while parsing a value at line 1 column 1");
        assert_eq!(err("{\n  \"actors\": [1 2]"), "expected `,` or `]` at line 2 column 16");
        assert_eq!(err("[1,"), "EOF while parsing a value at line 1 column 4");
        assert_eq!(err("[1"), "EOF while parsing a list at line 1 column 3");
        assert_eq!(err(r#"{"a" 1}"#), "expected `:` at line 1 column 6");
        assert_eq!(err(r#"{"a": 1"#), "EOF while parsing an object at line 1 column 8");
        assert_eq!(err(r#"{"a": 1,}"#), "key must be a string at line 1 column 9");
        assert_eq!(err("[1] x"), "trailing characters at line 1 column 5");
        assert_eq!(err("tru"), "expected value at line 1 column 1");
        assert_eq!(err("\u{feff}{}"), "expected value at line 1 column 1");
        assert_eq!(err(&"[".repeat(MAX_DEPTH + 1)), format!("nested too deeply at line 1 column {}", MAX_DEPTH + 1));
        assert!(Json::parse(&format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH))).is_ok());
    }
}
