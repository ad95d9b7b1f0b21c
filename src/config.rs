//! The actor list users write and share, and its validation.
//!
//! A config is JSON (in the browser too: the wasm layer reads an object as its JSON text). serde
//! reads it into `Document` (derived, strict: an unknown field is an error, as a typo usually
//! is), and `Config::validate` then checks what types cannot say (blank names, sizes, colours,
//! unique ids). Every error names the actor and the field it is about (`actor "sadiq": unknown
//! field `colour`, ...`), so the CLI and the page give the very same message.
//!
//! ```
//! use article_highlighter::config::Kind;
//! use article_highlighter::Config;
//!
//! let config = Config::from_json(r#"{"actors": [{"id": "pakistan", "kind": "state", "aliases": ["Pakistan", "Islamabad"]}]}"#).unwrap();
//! assert_eq!((config.actors[0].name.as_str(), config.actors[0].kind), ("pakistan", Kind::State));
//!
//! let error = Config::from_json(r#"{"actors": [{"id": "pakistan", "aliases": ["Pakistan"], "colour": "green"}]}"#).unwrap_err();
//! assert!(error.to_string().starts_with("actor \"pakistan\": unknown field `colour`"));
//! ```

use std::borrow::Cow;
use std::fmt;

use std::marker::PhantomData;

use serde::de::value::{Error as ValueError, MapAccessDeserializer, StrDeserializer};
use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize as DeriveDeserialize, Serialize, Serializer};
use serde_path_to_error::{Path, Segment};

/// Upper bounds that keep a hostile or mistaken config from freezing a reader's tab. A config
/// past one is refused with a [`ConfigError`] (a table's, with a [`TableError`](crate::TableError))
/// that names the limit; a host can also check sizes against them before reading a file.
///
/// ```
/// use article_highlighter::config::limits;
///
/// let file_size = 2_000_000;
/// assert!(file_size <= limits::CONFIG_BYTES);
/// ```
pub mod limits {
    /// Bytes of config text, JSON or a table.
    ///
    /// ```
    /// use article_highlighter::config::limits;
    /// use article_highlighter::Config;
    ///
    /// let error = Config::from_json(&" ".repeat(limits::CONFIG_BYTES + 1)).unwrap_err();
    /// assert_eq!(error.to_string(), "config is too large: 16777217 bytes (the limit is 16777216 bytes)");
    /// ```
    pub const CONFIG_BYTES: usize = 16 * 1024 * 1024;
    /// Actors in one config.
    ///
    /// ```
    /// use article_highlighter::config::limits;
    /// use article_highlighter::Config;
    ///
    /// let actors: Vec<String> = (0..=limits::ACTORS).map(|i| format!(r#"{{"id": "a{i}"}}"#)).collect();
    /// let error = Config::from_json(&format!(r#"{{"actors": [{}]}}"#, actors.join(","))).unwrap_err();
    /// assert_eq!(error.to_string(), "config: too many actors (the limit is 20000)");
    /// ```
    pub const ACTORS: usize = 20_000;
    /// Aliases and patterns, summed over all actors.
    ///
    /// ```
    /// use article_highlighter::config::limits;
    /// use article_highlighter::Config;
    ///
    /// let aliases: Vec<String> = (0..=limits::ALIASES).map(|i| format!(r#""Minister {i}""#)).collect();
    /// let json = format!(r#"{{"actors": [{{"id": "ministers", "aliases": [{}]}}]}}"#, aliases.join(","));
    /// let error = Config::from_json(&json).unwrap_err();
    /// assert_eq!(error.to_string(), "config: too many aliases and patterns (the limit is 50000)");
    /// ```
    pub const ALIASES: usize = 50_000;
    /// Characters in one alias, id or name.
    ///
    /// ```
    /// use article_highlighter::config::limits;
    /// use article_highlighter::Config;
    ///
    /// let alias = "x".repeat(limits::NAME_CHARS + 1);
    /// let error = Config::from_json(&format!(r#"{{"actors": [{{"id": "x", "aliases": ["{alias}"]}}]}}"#)).unwrap_err();
    /// assert_eq!(error.to_string(), "actor \"x\": field \"aliases\": 201 characters is too long (the limit is 200)");
    /// ```
    pub const NAME_CHARS: usize = 200;
    /// Characters in one regex pattern.
    ///
    /// ```
    /// use article_highlighter::config::limits;
    /// use article_highlighter::Config;
    ///
    /// let pattern = "x".repeat(limits::PATTERN_CHARS + 1);
    /// let error = Config::from_json(&format!(r#"{{"actors": [{{"id": "x", "patterns": ["{pattern}"]}}]}}"#)).unwrap_err();
    /// assert_eq!(error.field(), Some("patterns"));
    /// assert!(error.to_string().ends_with("1001 characters is too long (the limit is 1000)"));
    /// ```
    pub const PATTERN_CHARS: usize = 1_000;
    /// Bytes the regex engine may use for one compiled pattern: a short pattern can still compile
    /// to a large program, such as a hundred Unicode word characters in a row.
    ///
    /// ```
    /// use article_highlighter::{Config, Scanner};
    ///
    /// let config = Config::from_json(r#"{"actors": [{"id": "x", "patterns": ["\\w{100}"]}]}"#).unwrap();
    /// let error = Scanner::new(config).err().unwrap();
    /// assert!(error.to_string().ends_with("it would compile to more than 1048576 bytes"));
    /// ```
    pub const PATTERN_COMPILED_BYTES: usize = 1 << 20;
}

/// What an actor is. It picks the default colour and decides which actors a pronoun may refer to.
///
/// ```
/// use article_highlighter::config::Kind;
/// use article_highlighter::{Config, Scanner, Unit};
///
/// let config = Config::from_json(r#"{"actors": [
///     {"id": "sadiq", "kind": "person", "aliases": ["Sadiq"]},
///     {"id": "pakistan", "kind": "state", "aliases": ["Pakistan"]}
/// ]}"#).unwrap();
/// assert_eq!(config.actors[1].kind, Kind::State);
/// // "he" refers back to the person, not to the state named after him.
/// let text = "Sadiq met Pakistan's envoy. “We are ready,” he said.";
/// let report = Scanner::new(config).unwrap().scan(text, Unit::Bytes);
/// assert_eq!(report.quotes[0].speaker.as_ref().unwrap().actor.as_deref(), Some("sadiq"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, DeriveDeserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A person: the only kind "he" and "she" refer back to.
    Person,
    /// A company, party, agency or other body ("United Nations").
    Organization,
    /// A state or its government ("Pakistan").
    State,
    /// An armed or political group ("Tehreek-e-Taliban Pakistan").
    Group,
    /// A place that is not a state: a city, a region, a river.
    Place,
    /// Anything else; the default when a config names no kind.
    Other,
}

impl Kind {
    /// Every kind, in the order the sidebars and the list editor show them.
    ///
    /// ```
    /// use article_highlighter::config::Kind;
    ///
    /// let names: Vec<&str> = Kind::ALL.iter().map(|kind| kind.as_str()).collect();
    /// assert_eq!(names, ["person", "organization", "state", "group", "place", "other"]);
    /// ```
    pub const ALL: [Kind; 6] = [Kind::Person, Kind::Organization, Kind::State, Kind::Group, Kind::Place, Kind::Other];

    /// The name used in configs and reports.
    ///
    /// ```
    /// use article_highlighter::config::Kind;
    /// use article_highlighter::{Config, Scanner, Unit};
    ///
    /// let config = Config::from_json(r#"{"actors": [{"id": "ttp", "kind": "group", "aliases": ["TTP"]}]}"#).unwrap();
    /// let report = Scanner::new(config).unwrap().scan("The TTP denied it.", Unit::Bytes);
    /// assert_eq!(report.actors[0].kind, Kind::Group.as_str());
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Organization => "organization",
            Kind::State => "state",
            Kind::Group => "group",
            Kind::Place => "place",
            Kind::Other => "other",
        }
    }

    /// Default colours: one hue per kind, dark enough to read as an underline and, at the shim's
    /// transparency, light enough to read text through. An actor without a `color` takes its
    /// kind's.
    ///
    /// ```
    /// use article_highlighter::config::Kind;
    /// use article_highlighter::Config;
    ///
    /// let config = Config::from_json(r##"{"actors": [
    ///     {"id": "un", "kind": "organization", "aliases": ["UN"]},
    ///     {"id": "who", "kind": "organization", "aliases": ["WHO"], "color": "#0b7285"}
    /// ]}"##).unwrap();
    /// assert_eq!(config.actors[0].color, Kind::Organization.default_color());
    /// assert_eq!(config.actors[1].color, "#0b7285");
    /// ```
    pub fn default_color(self) -> &'static str {
        match self {
            Kind::Person => "#d9480f",
            Kind::Organization => "#1971c2",
            Kind::State => "#2f9e44",
            Kind::Group => "#c2255c",
            Kind::Place => "#0c8599",
            Kind::Other => "#6741d9",
        }
    }
}

/// How an actor's aliases treat letter case (`caseSensitive` in a config: absent for
/// [`Auto`](CaseRule::Auto), `true` for [`Sensitive`](CaseRule::Sensitive), `false` for
/// [`Insensitive`](CaseRule::Insensitive)). The automatic rule keeps "US" from matching the
/// word "us" while "Sadiq" still matches "SADIQ" in a headline.
///
/// ```
/// use article_highlighter::config::CaseRule;
/// use article_highlighter::{Config, Scanner, Unit};
///
/// let config = Config::from_json(r#"{"actors": [
///     {"id": "us", "aliases": ["US"]},
///     {"id": "sadiq", "aliases": ["Sadiq"]}
/// ]}"#).unwrap();
/// assert_eq!(config.actors[0].case, CaseRule::Auto);
/// let report = Scanner::new(config).unwrap().scan("SADIQ: the US will not tell us.", Unit::Bytes);
/// let found: Vec<&str> = report.mentions.iter().map(|m| m.span.text.as_str()).collect();
/// assert_eq!(found, ["SADIQ", "US"]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseRule {
    /// Aliases written in capitals ("TTP", "U.S.") match exactly; others ignore case.
    Auto,
    /// Every alias matches exactly.
    Sensitive,
    /// Every alias ignores case, even "US".
    Insensitive,
}

/// One configured actor, validated: defaults filled in (name, kind, colour), so a host reads
/// every field without knowing the config's rules.
///
/// ```
/// use article_highlighter::config::{CaseRule, Kind};
/// use article_highlighter::Config;
///
/// let config = Config::from_json(r#"{"actors": [{"id": "ttp", "aliases": ["TTP"], "caseSensitive": true}]}"#).unwrap();
/// let actor = &config.actors[0];
/// assert_eq!(actor.name, "ttp");
/// assert_eq!(actor.kind, Kind::Other);
/// assert_eq!(actor.color, Kind::Other.default_color());
/// assert_eq!(actor.case, CaseRule::Sensitive);
/// assert!(actor.patterns.is_empty() && actor.notes.is_none());
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Actor {
    /// Unique in the config; reports name the actor by it.
    pub id: String,
    /// Shown to readers; the id when the config gives none.
    pub name: String,
    /// What the actor is; [`Kind::Other`] when the config gives none.
    pub kind: Kind,
    /// Names matched as written (see [`CaseRule`] for letter case), in the config's order.
    pub aliases: Vec<String>,
    /// Regular expressions (the `regex` crate's syntax) for names that aliases cannot express.
    pub patterns: Vec<String>,
    /// A CSS hex colour, `#rgb` to `#rrggbbaa`; the kind's default when the config gives none.
    pub color: String,
    /// How the aliases treat letter case (`caseSensitive` in the config).
    pub case: CaseRule,
    /// Free text for the people who keep the list; the scan never reads it.
    pub notes: Option<String>,
}

impl Actor {
    /// The colour as the config needs to write it: none when it is the kind's default, so that
    /// an actor whose kind is changed later takes the new kind's colour.
    pub(crate) fn written_color(&self) -> Option<&str> {
        Some(self.color.as_str()).filter(|color| *color != self.kind.default_color())
    }

    /// `caseSensitive` as the config writes it: none for the automatic rule.
    pub(crate) fn case_sensitive(&self) -> Option<bool> {
        match self.case {
            CaseRule::Auto => None,
            CaseRule::Sensitive => Some(true),
            CaseRule::Insensitive => Some(false),
        }
    }
}

/// A validated config: the actor list a [`Scanner`](crate::Scanner) is built from. Read it from
/// JSON ([`Config::from_json`]), a table ([`Config::from_table`]) or a file's bytes
/// ([`Config::from_list_file`]); it serializes (serde) back to the JSON a user would write.
///
/// ```
/// use article_highlighter::Config;
///
/// let json = r#"{"name":"Desk","actors":[{"id":"sadiq","name":"Muhammad Sadiq","kind":"person","aliases":["Sadiq"]}]}"#;
/// let config = Config::from_json(json).unwrap();
/// assert_eq!(config.name.as_deref(), Some("Desk"));
/// assert_eq!(config.actors[0].aliases, ["Sadiq"]);
/// // Written back without the defaults that reading filled in (here the person's colour).
/// assert_eq!(serde_json::to_string(&config).unwrap(), json);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// What the list is ("World states"), for the people who pick one.
    pub name: Option<String>,
    /// Free text about the list as a whole: its source and licence, say.
    pub notes: Option<String>,
    /// The actors, in the config's order, which reports keep.
    pub actors: Vec<Actor>,
}

/// Which part of the config an error is about, as the variants of [`ConfigError`] hold it.
///
/// ```
/// use article_highlighter::config::{ConfigError, Location};
/// use article_highlighter::Config;
///
/// let error = Config::from_json(r#"{"actors": [{"id": "sadiq", "aliases": ["Sadiq"]}, {"id": "sadiq", "aliases": ["Muhammad Sadiq"]}]}"#).unwrap_err();
/// let ConfigError::DuplicateId { at, .. } = &error else { panic!("{error}") };
/// assert_eq!(*at, Location::Actor { index: 1, id: None, line: None });
/// assert_eq!(at.to_string(), "actor #1");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// The whole document.
    Root,
    /// An actor, by its position (from 0) and its id where it has a usable one. Read from a
    /// table (`table.rs`), it also has the line its row starts on (from 1), and messages name
    /// that line, which is what a spreadsheet shows; else they name the id, or the position.
    Actor {
        /// The actor's position in the list, from 0.
        index: usize,
        /// The actor's id, when it has one that could be read and is valid.
        id: Option<String>,
        /// The line of the table row the actor was read from, from 1.
        line: Option<usize>,
    },
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Root => f.write_str("config"),
            Location::Actor { line: Some(line), .. } => write!(f, "line {line}"),
            Location::Actor { id: Some(id), .. } => write!(f, "actor {id:?}"),
            Location::Actor { index, id: None, .. } => write!(f, "actor #{index}"),
        }
    }
}

/// What is wrong with a config. Every variant says where, and its message (`Display`) is one
/// line that names the actor and the field, for a user to fix the list by.
///
/// ```
/// use article_highlighter::{Config, ConfigError};
///
/// let error = Config::from_json(r#"{"actors": [{"id": "sadiq", "aliases": ["Sadiq"], "color": "red"}]}"#).unwrap_err();
/// assert!(matches!(error, ConfigError::Invalid { .. }));
/// assert_eq!(error.to_string(), r##"actor "sadiq": field "color": "red" is not a hex colour such as "#d33" or "#1971c2""##);
///
/// let error = Config::from_json(r#"{"actors": [{"id": "sadiq""#).unwrap_err();
/// assert!(matches!(error, ConfigError::Syntax(_)));
/// assert!(error.to_string().starts_with("config is not valid JSON: EOF while parsing"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigError {
    /// The text is not JSON at all.
    Syntax(String),
    /// The config is larger than [`limits::CONFIG_BYTES`].
    TooLarge {
        /// The config's size.
        bytes: usize,
    },
    /// The document does not have the config's shape: an unknown or missing field, a field of
    /// the wrong type, an unknown kind. `message` is serde's, which names what it found and
    /// what it expected.
    Shape {
        /// Where in the config.
        at: Location,
        /// The field whose value has the wrong shape; none for an unknown or repeated field,
        /// which `message` names.
        field: Option<String>,
        /// What serde found and what it expected.
        message: String,
    },
    /// A field is present and typed right but its value is not allowed.
    Invalid {
        /// Where in the config.
        at: Location,
        /// The field at fault.
        field: String,
        /// Why its value is not allowed.
        reason: String,
    },
    /// Two actors share an id; `at` is the second, named by its position (or line), since
    /// the id names both.
    DuplicateId {
        /// The second actor with the id.
        at: Location,
        /// The id both use.
        id: String,
    },
    /// A count limit is exceeded.
    TooMany {
        /// What there are too many of (`actors`, `aliases and patterns`).
        what: &'static str,
        /// The limit (one of [`limits`]).
        limit: usize,
    },
}

impl ConfigError {
    /// The part of the config the error is about; none when the text could not be read at all.
    pub(crate) fn location(&self) -> Option<&Location> {
        match self {
            ConfigError::Syntax(_) | ConfigError::TooLarge { .. } => None,
            ConfigError::Shape { at, .. } | ConfigError::Invalid { at, .. } | ConfigError::DuplicateId { at, .. } => {
                Some(at)
            }
            ConfigError::TooMany { .. } => Some(&Location::Root),
        }
    }

    /// The field at fault (`aliases`, `color`, ...), where one is, for an editor that marks it.
    /// An unknown or repeated field has none: the message names it.
    ///
    /// ```
    /// use article_highlighter::Config;
    ///
    /// let error = Config::from_json(r#"{"actors": [{"id": "sadiq", "aliases": "Sadiq"}]}"#).unwrap_err();
    /// assert_eq!(error.field(), Some("aliases"));
    /// let error = Config::from_json(r#"{"actors": [{"id": "sadiq", "alias": ["Sadiq"]}]}"#).unwrap_err();
    /// assert_eq!(error.field(), None);
    /// assert!(error.to_string().starts_with("actor \"sadiq\": unknown field `alias`"));
    /// ```
    pub fn field(&self) -> Option<&str> {
        match self {
            ConfigError::Shape { field, .. } => field.as_deref(),
            ConfigError::Invalid { field, .. } => Some(field),
            ConfigError::DuplicateId { .. } => Some("id"),
            _ => None,
        }
    }

    /// The actor the error is about, for a host that points at it: its position, and its id
    /// where it has a usable one (for a repeated id, that id).
    ///
    /// ```
    /// use article_highlighter::Config;
    ///
    /// let error = Config::from_json(r#"{"actors": [
    ///     {"id": "un", "aliases": ["UN"]},
    ///     {"id": "sadiq", "kind": "persn", "aliases": ["Sadiq"]}
    /// ]}"#).unwrap_err();
    /// assert_eq!(error.actor(), Some((1, Some("sadiq"))));
    /// assert_eq!(Config::from_json("[]").unwrap_err().actor(), None);
    /// ```
    pub fn actor(&self) -> Option<(usize, Option<&str>)> {
        match self {
            ConfigError::DuplicateId { at: Location::Actor { index, .. }, id } => Some((*index, Some(id))),
            _ => match self.location()? {
                Location::Actor { index, id, .. } => Some((*index, id.as_deref())),
                Location::Root => None,
            },
        }
    }

    /// The line of the table row the error is about, when the config was read from a table.
    ///
    /// ```
    /// use article_highlighter::{Config, TableError};
    ///
    /// let error = Config::from_table(b"name,aliases\nUnited Nations,UN\nSadiq,\n").unwrap_err();
    /// let TableError::Config(error) = error else { panic!("{error}") };
    /// assert_eq!(error.line(), Some(3));
    /// assert_eq!(error.to_string(), "line 3: field \"aliases\": give at least one alias (or a pattern)");
    /// ```
    pub fn line(&self) -> Option<usize> {
        match self.location()? {
            Location::Actor { line, .. } => *line,
            Location::Root => None,
        }
    }

    /// The message after its location: what [`Display`](fmt::Display) writes after `actor
    /// "x": ` or `line 7: `, for a message that names the place its own way (`actors.csv:7: `,
    /// see `InFile`).
    pub(crate) fn reason(&self) -> Reason<'_> {
        Reason(self)
    }

    /// Names the table lines of the actors an error is about: `lines[i]` is the line of actor
    /// `i`'s row.
    pub(crate) fn on_lines(mut self, lines: &[usize]) -> ConfigError {
        if let ConfigError::Shape { at, .. } | ConfigError::Invalid { at, .. } | ConfigError::DuplicateId { at, .. } =
            &mut self
        {
            if let Location::Actor { index, line, .. } = at {
                *line = lines.get(*index).copied();
            }
        }
        self
    }
}

/// The message of a [`ConfigError`] without its location (see [`ConfigError::reason`]).
pub(crate) struct Reason<'a>(&'a ConfigError);

impl fmt::Display for Reason<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            ConfigError::Syntax(e) => write!(f, "config is not valid JSON: {e}"),
            ConfigError::TooLarge { bytes } => {
                write!(f, "config is too large: {bytes} bytes (the limit is {} bytes)", limits::CONFIG_BYTES)
            }
            ConfigError::Shape { field: Some(field), message, .. } => write!(f, "field {field:?}: {message}"),
            ConfigError::Shape { field: None, message, .. } => f.write_str(message),
            ConfigError::Invalid { field, reason, .. } => write!(f, "field {field:?}: {reason}"),
            ConfigError::DuplicateId { id, .. } => write!(f, "field \"id\": {id:?} is already used by another actor"),
            ConfigError::TooMany { what, limit } => write!(f, "too many {what} (the limit is {limit})"),
        }
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.location() {
            Some(at) => write!(f, "{at}: {}", self.reason()),
            None => write!(f, "{}", self.reason()),
        }
    }
}

impl std::error::Error for ConfigError {}

/// A config as written, before validation. Strings are borrowed from JSON text where they hold
/// no escapes, as nearly all do: copying each took much of the time a large config took to read
/// (`tests/BENCHMARKS.md`, "Where a compile's time goes").
///
/// A table (`table.rs`) is read into the same document, so both go through one validation.
#[derive(DeriveDeserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Document<'a> {
    #[serde(borrow)]
    pub name: Option<Text<'a>>,
    #[serde(borrow)]
    pub notes: Option<Text<'a>>,
    #[serde(borrow)]
    pub actors: List<Object<Entry<'a>>>,
}

/// One actor as written.
#[derive(DeriveDeserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub(crate) struct Entry<'a> {
    #[serde(borrow)]
    pub id: Text<'a>,
    #[serde(borrow)]
    pub name: Option<Text<'a>>,
    #[serde(borrow)]
    pub kind: Option<Text<'a>>,
    #[serde(borrow)]
    pub aliases: Option<List<Text<'a>>>,
    #[serde(borrow)]
    pub patterns: Option<List<Text<'a>>>,
    #[serde(borrow)]
    pub color: Option<Text<'a>>,
    pub case_sensitive: Option<Flag>,
    #[serde(borrow)]
    pub notes: Option<Text<'a>>,
}

// The value types of a config. Each is read with `deserialize_any`, by what the JSON holds rather
// than by what the field wants, and says what it expects in the config's own words ("expected an
// array", where serde says "a sequence"); an `Object` is read from an object only, where serde's
// derived structs would also read an array, by position.

/// A string.
pub(crate) struct Text<'a>(pub Cow<'a, str>);

/// An array.
pub(crate) struct List<T>(pub Vec<T>);

/// `true` or `false`.
pub(crate) struct Flag(pub bool);

/// An object, read into the struct `T`.
pub(crate) struct Object<T>(pub T);

impl<'de: 'a, 'a> Deserialize<'de> for Text<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Expect;

        impl<'de> Visitor<'de> for Expect {
            type Value = Cow<'de, str>;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }

            fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Self::Value, E> {
                Ok(Cow::Borrowed(s))
            }

            fn visit_str<E>(self, s: &str) -> Result<Self::Value, E> {
                Ok(Cow::Owned(s.to_owned()))
            }

            fn visit_string<E>(self, s: String) -> Result<Self::Value, E> {
                Ok(Cow::Owned(s))
            }
        }

        deserializer.deserialize_any(Expect).map(Text)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for List<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Expect<T>(PhantomData<T>);

        impl<'de, T: Deserialize<'de>> Visitor<'de> for Expect<T> {
            type Value = Vec<T>;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an array")
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
                // A hint is the input's word: trust it only as far as a small allocation.
                let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1024));
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(items)
            }
        }

        deserializer.deserialize_any(Expect(PhantomData)).map(List)
    }
}

impl<'de> Deserialize<'de> for Flag {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Expect;

        impl Visitor<'_> for Expect {
            type Value = bool;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("true or false")
            }

            fn visit_bool<E>(self, b: bool) -> Result<bool, E> {
                Ok(b)
            }
        }

        deserializer.deserialize_any(Expect).map(Flag)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Object<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Expect<T>(PhantomData<T>);

        impl<'de, T: Deserialize<'de>> Visitor<'de> for Expect<T> {
            type Value = T;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object")
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
                T::deserialize(MapAccessDeserializer::new(map))
            }
        }

        deserializer.deserialize_any(Expect(PhantomData)).map(Object)
    }
}

/// The actors' ids, read leniently (other fields are skipped unread), only to name the actor
/// that a failed read was about: serde stops at the first fault, before it may have read the id.
#[derive(DeriveDeserialize)]
struct Ids<'a> {
    #[serde(borrow)]
    actors: List<IdOf<'a>>,
}

#[derive(DeriveDeserialize)]
struct IdOf<'a> {
    #[serde(borrow)]
    id: Option<Text<'a>>,
}

impl Config {
    /// Parses and validates config JSON text. An error is one line that names the actor and
    /// the field.
    ///
    /// ```
    /// use article_highlighter::config::Kind;
    /// use article_highlighter::Config;
    ///
    /// let config = Config::from_json(r#"{"actors": [
    ///     {"id": "sadiq", "name": "Muhammad Sadiq", "kind": "person", "aliases": ["Muhammad Sadiq", "Sadiq"]}
    /// ]}"#).unwrap();
    /// assert_eq!(config.actors[0].kind, Kind::Person);
    /// assert_eq!(config.actors[0].color, Kind::Person.default_color());
    ///
    /// let error = Config::from_json(r#"{"actors": [{"id": "sadiq", "aliases": ["Sadiq"], "colour": "red"}]}"#);
    /// assert!(error.unwrap_err().to_string().starts_with("actor \"sadiq\": unknown field `colour`"));
    /// ```
    pub fn from_json(text: &str) -> Result<Config, ConfigError> {
        if text.len() > limits::CONFIG_BYTES {
            return Err(ConfigError::TooLarge { bytes: text.len() });
        }
        // A byte order mark, as some editors save JSON with (`fetch`'s `json()` drops it too).
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut reader = serde_json::Deserializer::from_str(text);
        let Object(document) = serde_path_to_error::deserialize(&mut reader).map_err(|error| {
            let inner = error.inner();
            if !inner.is_data() {
                return ConfigError::Syntax(inner.to_string());
            }
            // serde_json ends a message with the position; the path below says where better.
            let position = format!(" at line {} column {}", inner.line(), inner.column());
            let message = inner.to_string();
            let message = message.strip_suffix(&position).unwrap_or(&message);
            shape_error(error.path(), message, text)
        })?;
        reader.end().map_err(|e| ConfigError::Syntax(e.to_string()))?;
        Config::validate(document)
    }

    /// Checks what the types of [`Document`] cannot say.
    pub(crate) fn validate(document: Document) -> Result<Config, ConfigError> {
        let name = match document.name {
            Some(Text(name)) => {
                check_text(&name, "name", &Location::Root, limits::NAME_CHARS)?;
                Some(name.into_owned())
            }
            None => None,
        };
        let notes = notes(document.notes);
        let List(entries) = document.actors;
        if entries.len() > limits::ACTORS {
            return Err(ConfigError::TooMany { what: "actors", limit: limits::ACTORS });
        }
        let mut actors: Vec<Actor> = Vec::with_capacity(entries.len());
        let mut seen = std::collections::HashSet::with_capacity(entries.len());
        let mut names = 0usize;
        for (index, Object(entry)) in entries.into_iter().enumerate() {
            let count = |list: &Option<List<Text>>| list.as_ref().map_or(0, |List(items)| items.len());
            names += count(&entry.aliases) + count(&entry.patterns);
            if names > limits::ALIASES {
                return Err(ConfigError::TooMany { what: "aliases and patterns", limit: limits::ALIASES });
            }
            let actor = validate_actor(index, entry)?;
            if !seen.insert(actor.id.clone()) {
                return Err(ConfigError::DuplicateId {
                    at: Location::Actor { index, id: None, line: None },
                    id: actor.id,
                });
            }
            actors.push(actor);
        }
        Ok(Config { name, notes, actors })
    }
}

/// A config is written back as its JSON document: the fields a user would write, in the order
/// the README lists them, and no default the reader would fill in again (a kind's colour, the
/// automatic case rule, a name equal to the id is kept: it may have been written).
impl Serialize for Config {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Written<'a> {
            #[serde(skip_serializing_if = "Option::is_none")]
            name: Option<&'a str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            notes: Option<&'a str>,
            actors: Vec<WrittenActor<'a>>,
        }
        #[derive(Serialize)]
        #[serde(rename_all = "camelCase")]
        struct WrittenActor<'a> {
            id: &'a str,
            name: &'a str,
            kind: &'static str,
            aliases: &'a [String],
            #[serde(skip_serializing_if = "<[String]>::is_empty")]
            patterns: &'a [String],
            #[serde(skip_serializing_if = "Option::is_none")]
            color: Option<&'a str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            case_sensitive: Option<bool>,
            #[serde(skip_serializing_if = "Option::is_none")]
            notes: Option<&'a str>,
        }
        let actors = self
            .actors
            .iter()
            .map(|actor| WrittenActor {
                id: &actor.id,
                name: &actor.name,
                kind: actor.kind.as_str(),
                aliases: &actor.aliases,
                patterns: &actor.patterns,
                color: actor.written_color(),
                case_sensitive: actor.case_sensitive(),
                notes: actor.notes.as_deref(),
            })
            .collect();
        Written { name: self.name.as_deref(), notes: self.notes.as_deref(), actors }.serialize(serializer)
    }
}

/// Where serde's read of `text` failed, from the path it had taken: the actor (by its id, which
/// a lenient second read finds, else by position) and the field. An unknown or repeated field is
/// named by serde's message itself.
fn shape_error(path: &Path, message: &str, text: &str) -> ConfigError {
    let segments: Vec<&Segment> = path.iter().collect();
    let (at, field) = match segments.as_slice() {
        [Segment::Map { key }, Segment::Seq { index }, rest @ ..] if key == "actors" => {
            let id = serde_json::from_str(text)
                .ok()
                .and_then(|Ids { actors: List(actors) }| actors.into_iter().nth(*index)?.id)
                .map(|Text(id)| id.into_owned())
                .filter(|id| check_text(id, "id", &Location::Root, limits::NAME_CHARS).is_ok());
            let field = rest.first().and_then(|segment| match segment {
                Segment::Map { key } => Some(key.clone()),
                _ => None,
            });
            (Location::Actor { index: *index, id, line: None }, field)
        }
        [Segment::Map { key }, ..] => (Location::Root, Some(key.clone())),
        _ => (Location::Root, None),
    };
    let field = field.filter(|_| !message.starts_with("unknown field") && !message.starts_with("duplicate field"));
    ConfigError::Shape { at, field, message: message.to_owned() }
}

fn validate_actor(index: usize, entry: Entry) -> Result<Actor, ConfigError> {
    let mut at = Location::Actor { index, id: None, line: None };
    let Text(id) = entry.id;
    check_text(&id, "id", &at, limits::NAME_CHARS)?;
    // Name the actor by its id in every later message, once the id is known to be usable.
    let id = id.into_owned();
    at = Location::Actor { index, id: Some(id.clone()), line: None };
    let name = match entry.name {
        Some(Text(name)) => {
            check_text(&name, "name", &at, limits::NAME_CHARS)?;
            name.into_owned()
        }
        None => id.clone(),
    };
    let kind = match entry.kind {
        None => Kind::Other,
        Some(Text(kind)) => Kind::deserialize(StrDeserializer::<ValueError>::new(&kind))
            .map_err(|e| ConfigError::Invalid { at: at.clone(), field: "kind".into(), reason: e.to_string() })?,
    };
    let aliases = texts(entry.aliases, "aliases", &at, limits::NAME_CHARS)?;
    // An alias of only punctuation, invisible characters or white space would match every
    // full stop, every space, or everywhere.
    if let Some(alias) = aliases.iter().find(|a| !a.chars().any(char::is_alphanumeric)) {
        return Err(ConfigError::Invalid {
            at,
            field: "aliases".into(),
            reason: format!("{alias:?} has no letter or digit"),
        });
    }
    let patterns = texts(entry.patterns, "patterns", &at, limits::PATTERN_CHARS)?;
    if aliases.is_empty() && patterns.is_empty() {
        return Err(ConfigError::Invalid {
            at,
            field: "aliases".into(),
            reason: "give at least one alias (or a pattern)".into(),
        });
    }
    let color = match entry.color {
        None => kind.default_color().to_owned(),
        Some(Text(c)) if is_hex_color(&c) => c.into_owned(),
        Some(Text(c)) => {
            return Err(ConfigError::Invalid {
                at,
                field: "color".into(),
                reason: format!("{c:?} is not a hex colour such as \"#d33\" or \"#1971c2\""),
            })
        }
    };
    let case = match entry.case_sensitive {
        None => CaseRule::Auto,
        Some(Flag(true)) => CaseRule::Sensitive,
        Some(Flag(false)) => CaseRule::Insensitive,
    };
    let notes = notes(entry.notes);
    Ok(Actor { id, name, kind, aliases, patterns, color, case, notes })
}

/// Notes, where there are any: blank notes are none, as a blank cell of a table is.
fn notes(notes: Option<Text>) -> Option<String> {
    notes.map(|Text(notes)| notes.into_owned()).filter(|notes| !notes.trim().is_empty())
}

/// A list of non-blank strings, each at most `max_chars` long; none when the field is absent.
fn texts(list: Option<List<Text>>, field: &str, at: &Location, max_chars: usize) -> Result<Vec<String>, ConfigError> {
    let List(items) = list.unwrap_or(List(Vec::new()));
    items
        .into_iter()
        .map(|Text(item)| {
            check_text(&item, field, at, max_chars)?;
            Ok(item.into_owned())
        })
        .collect()
}

fn check_text(s: &str, field: &str, at: &Location, max_chars: usize) -> Result<(), ConfigError> {
    let invalid = |reason: String| ConfigError::Invalid { at: at.clone(), field: field.into(), reason };
    if s.trim().is_empty() {
        return Err(invalid("must not be empty".into()));
    }
    let chars = s.chars().count();
    if chars > max_chars {
        return Err(invalid(format!("{chars} characters is too long (the limit is {max_chars})")));
    }
    Ok(())
}

fn is_hex_color(c: &str) -> bool {
    let Some(hex) = c.strip_prefix('#') else { return false };
    matches!(hex.len(), 3 | 4 | 6 | 8) && hex.bytes().all(|b| b.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(json: &str) -> String {
        Config::from_json(json).unwrap_err().to_string()
    }

    #[test]
    fn minimal_actor_gets_defaults() {
        let c = Config::from_json(r#"{"actors":[{"id":"un","aliases":["United Nations"]}]}"#).unwrap();
        let a = &c.actors[0];
        assert_eq!(a.name, "un");
        assert_eq!(a.kind, Kind::Other);
        assert_eq!(a.color, Kind::Other.default_color());
        assert_eq!(a.case, CaseRule::Auto);
    }

    #[test]
    fn full_actor() {
        let c = Config::from_json(
            r##"{"actors":[{"id":"sadiq","name":"Muhammad Sadiq","kind":"person",
            "aliases":["Muhammad Sadiq","Sadiq"],"patterns":["Sadiq\\b"],"color":"#d33",
            "caseSensitive":true,"notes":"envoy"}]}"##,
        )
        .unwrap();
        let a = &c.actors[0];
        assert_eq!((a.kind, a.color.as_str(), a.case), (Kind::Person, "#d33", CaseRule::Sensitive));
        assert_eq!(a.aliases, ["Muhammad Sadiq", "Sadiq"]);
    }

    #[test]
    fn errors_name_actor_and_field() {
        const FIELDS: &str = "`id`, `name`, `kind`, `aliases`, `patterns`, `color`, `caseSensitive`, `notes`";
        assert_eq!(
            err(r##"{"actors":[{"id":"sadiq","aliases":["Sadiq"],"colour":"#d33"}]}"##),
            format!("actor \"sadiq\": unknown field `colour`, expected one of {FIELDS}")
        );
        // The actor is named by its id wherever the id stands among its fields.
        assert_eq!(
            err(r##"{"actors":[{"aliases":["Sadiq"],"colour":"#d33","id":"sadiq"}]}"##),
            format!("actor \"sadiq\": unknown field `colour`, expected one of {FIELDS}")
        );
        assert_eq!(
            err(r#"{"actors":[{"id":"sadiq","aliases":["Sadiq", " "]}]}"#),
            r#"actor "sadiq": field "aliases": must not be empty"#
        );
        assert_eq!(
            err(r#"{"actors":[{"id":"a","aliases":["A"]},{"id":"a","aliases":["B"]}]}"#),
            r#"actor #1: field "id": "a" is already used by another actor"#
        );
        assert_eq!(err(r#"{"actors":[{"aliases":["A"]}]}"#), "actor #0: missing field `id`");
        assert_eq!(
            err(r#"{"actors":[{"id":"x","aliases":["X"],"kind":"army"}]}"#),
            r#"actor "x": field "kind": unknown variant `army`, expected one of `person`, `organization`, `state`, `group`, `place`, `other`"#
        );
        assert_eq!(
            err(r#"{"actors":[{"id":"x","aliases":"X"}]}"#),
            r#"actor "x": field "aliases": invalid type: string "X", expected an array"#
        );
        assert_eq!(
            err(r#"{"actors":[{"id":"x","aliases":["X", 3]}]}"#),
            r#"actor "x": field "aliases": invalid type: integer `3`, expected a string"#
        );
        assert_eq!(
            err(r#"{"actors":[{"id":"x","aliases":["X"],"caseSensitive":"yes"}]}"#),
            r#"actor "x": field "caseSensitive": invalid type: string "yes", expected true or false"#
        );
        assert_eq!(
            err(r#"{"actors":[{"id":"x","aliases":["X"],"notes":1}]}"#),
            r#"actor "x": field "notes": invalid type: integer `1`, expected a string"#
        );
        assert_eq!(err(r#"{"actors":[{"id":"x","id":"y","aliases":["X"]}]}"#), "actor #0: duplicate field `id`");
        assert_eq!(
            err(r#"{"actors":[{"id":3,"aliases":["X"]}]}"#),
            r#"actor #0: field "id": invalid type: integer `3`, expected a string"#
        );
        assert_eq!(err(r#"{"actors":[{"id":" ","aliases":["X"]}]}"#), r#"actor #0: field "id": must not be empty"#);
        assert_eq!(
            err(r#"{"actors":[{"id":"x","aliases":[]}]}"#),
            r#"actor "x": field "aliases": give at least one alias (or a pattern)"#
        );
        assert_eq!(
            err(r#"{"actors":[{"id":"x","aliases":["X"],"color":"red;}body{"}]}"#),
            r##"actor "x": field "color": "red;}body{" is not a hex colour such as "#d33" or "#1971c2""##
        );
        assert_eq!(
            err(r#"{"actors":[{"id":"x","aliases":["\u00ad\u200b"]}]}"#),
            r#"actor "x": field "aliases": "\u{ad}\u{200b}" has no letter or digit"#
        );
        assert_eq!(
            err(r#"{"actors":[{"id":"x","aliases":["X", "\u00ad \u00ad"]}]}"#),
            r#"actor "x": field "aliases": "\u{ad} \u{ad}" has no letter or digit"#
        );
        assert_eq!(
            err(r#"{"actors":[{"id":"x","aliases":["."]}]}"#),
            r#"actor "x": field "aliases": "." has no letter or digit"#
        );
        assert_eq!(Config::from_json("\u{feff}{\"actors\":[]}").map(|c| c.actors.len()), Ok(0));
        assert_eq!(err(r#"{"actor":[]}"#), "config: unknown field `actor`, expected one of `name`, `notes`, `actors`");
        assert_eq!(
            err(r#"{"actors":[],"__proto__":{}}"#),
            "config: unknown field `__proto__`, expected one of `name`, `notes`, `actors`"
        );
        assert_eq!(err("{}"), "config: missing field `actors`");
        assert_eq!(err(r#"{"actors":{}}"#), r#"config: field "actors": invalid type: map, expected an array"#);
        // An object, never an array read by position as serde's derived structs allow.
        assert_eq!(err("[]"), "config: invalid type: sequence, expected an object");
        assert_eq!(err(r#"{"actors":[["x", "X"]]}"#), "actor #0: invalid type: sequence, expected an object");
        assert_eq!(err("null"), "config: invalid type: null, expected an object");
        assert_eq!(err("{"), "config is not valid JSON: EOF while parsing an object at line 1 column 1");
        assert_eq!(err(r#"{"actors":[]} x"#), "config is not valid JSON: trailing characters at line 1 column 15");
    }

    #[test]
    fn a_list_has_a_name_and_notes() {
        let c =
            Config::from_json(r#"{"name":"States","notes":"CC0","actors":[{"id":"x","aliases":["X"],"notes":" "}]}"#)
                .unwrap();
        assert_eq!(
            (c.name.as_deref(), c.notes.as_deref(), c.actors[0].notes.as_deref()),
            (Some("States"), Some("CC0"), None)
        );
        assert_eq!(err(r#"{"name":"","actors":[]}"#), r#"config: field "name": must not be empty"#);
        assert_eq!(
            err(r#"{"notes":1,"actors":[]}"#),
            r#"config: field "notes": invalid type: integer `1`, expected a string"#
        );
    }

    #[test]
    fn errors_say_where_for_a_host() {
        let e =
            Config::from_json(r#"{"actors":[{"id":"a","aliases":["A"]},{"id":"b","aliases":["B"],"color":"red"}]}"#)
                .unwrap_err();
        assert_eq!((e.actor(), e.field(), e.line()), (Some((1, Some("b"))), Some("color"), None));
        assert_eq!(e.reason().to_string(), r##"field "color": "red" is not a hex colour such as "#d33" or "#1971c2""##);
        let e = e.on_lines(&[2, 5]);
        assert_eq!(e.to_string(), r##"line 5: field "color": "red" is not a hex colour such as "#d33" or "#1971c2""##);
        let e = Config::from_json(r#"{"actors":[{"id":"a","aliases":["A"]},{"id":"a","aliases":["B"]}]}"#).unwrap_err();
        assert_eq!((e.actor(), e.field()), (Some((1, Some("a"))), Some("id")));
        let e = Config::from_json("{").unwrap_err();
        assert_eq!((e.actor(), e.field(), e.location()), (None, None, None));
    }

    #[test]
    fn written_back_as_the_json_read() {
        let json = r##"{"name":"L","actors":[{"id":"a","name":"A","kind":"state","aliases":["A"]},{"id":"b","name":"B","kind":"person","aliases":[],"patterns":["B\\d"],"color":"#123","caseSensitive":false,"notes":"n"}]}"##;
        let config = Config::from_json(json).unwrap();
        assert_eq!(serde_json::to_string(&config).unwrap(), json);
        // A kind's own colour is not written: it follows the kind.
        let c = Config::from_json(r##"{"actors":[{"id":"a","kind":"state","aliases":["A"],"color":"#2f9e44"}]}"##);
        assert_eq!(
            serde_json::to_string(&c.unwrap()).unwrap(),
            r#"{"actors":[{"id":"a","name":"a","kind":"state","aliases":["A"]}]}"#
        );
    }

    #[test]
    fn null_is_an_absent_field() {
        let c = Config::from_json(r#"{"actors":[{"id":"x","name":null,"kind":null,"aliases":["X"],"color":null}]}"#);
        assert_eq!(c.map(|c| (c.actors[0].name.clone(), c.actors[0].kind)), Ok(("x".to_owned(), Kind::Other)));
    }

    #[test]
    fn absurd_sizes_are_rejected() {
        let long = "x".repeat(limits::NAME_CHARS + 1);
        let json = format!(r#"{{"actors":[{{"id":"x","aliases":["{long}"]}}]}}"#);
        assert_eq!(err(&json), format!(r#"actor "x": field "aliases": 201 characters is too long (the limit is 200)"#));
        let many: Vec<String> = (0..=limits::ALIASES).map(|i| format!("\"a{i}\"")).collect();
        let json = format!(r#"{{"actors":[{{"id":"x","aliases":[{}]}}]}}"#, many.join(","));
        assert_eq!(err(&json), "config: too many aliases and patterns (the limit is 50000)");
        // Nesting is read only where the config's types allow it, and serde_json refuses more
        // than 128 levels where it reads any value (here the lenient read for the actor's id).
        let deep = format!(r#"{{"actors":[{{"id":"x","deep":{}}}]}}"#, "[".repeat(200));
        assert!(err(&deep).starts_with("actor #0: unknown field `deep`"), "{}", err(&deep));
        let deep = format!(r#"{{"actors":[{{"id":"x","aliases":["X"],"notes":{}}}]}}"#, "[".repeat(200));
        assert_eq!(err(&deep), r#"actor #0: field "notes": invalid type: sequence, expected a string"#);
        let huge = " ".repeat(limits::CONFIG_BYTES + 1);
        assert!(err(&huge).starts_with("config is too large"));
    }

    #[test]
    fn at_most_20000_actors_and_1000_characters_a_pattern() {
        let actors = |n: usize| {
            let list: Vec<String> = (0..n).map(|i| format!(r#"{{"id":"a{i}","aliases":["A{i}"]}}"#)).collect();
            format!(r#"{{"actors":[{}]}}"#, list.join(","))
        };
        assert_eq!(Config::from_json(&actors(20_000)).map(|c| c.actors.len()), Ok(20_000));
        assert_eq!(err(&actors(20_001)), "config: too many actors (the limit is 20000)");
        // Characters, not bytes: each é is two bytes of UTF-8.
        let pattern = |chars: usize| format!(r#"{{"actors":[{{"id":"x","patterns":["{}"]}}]}}"#, "é".repeat(chars));
        assert_eq!(Config::from_json(&pattern(1_000)).map(|c| c.actors[0].patterns[0].chars().count()), Ok(1_000));
        assert_eq!(
            err(&pattern(1_001)),
            r#"actor "x": field "patterns": 1001 characters is too long (the limit is 1000)"#
        );
    }
}
