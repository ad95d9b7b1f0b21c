//! The actor list users write and share, and its validation.
//!
//! A config is JSON. It is read into a document tree ([`Json`]) first and checked by hand rather
//! than through `#[derive(Deserialize)]`, so that every error can name the actor and the field it
//! is about ("actor \"sadiq\": field \"aliases\": ..."), whether the JSON came from a file (the CLI)
//! or from a JavaScript object (the wasm layer): both hosts then report the very same message.

use std::fmt;

use crate::json::{member, Json, Members};

/// Upper bounds that keep a hostile or mistaken config from freezing a reader's tab.
pub mod limits {
    /// Bytes of config JSON the CLI will read.
    pub const CONFIG_BYTES: usize = 16 * 1024 * 1024;
    /// Actors in one config.
    pub const ACTORS: usize = 20_000;
    /// Aliases and patterns, summed over all actors.
    pub const ALIASES: usize = 50_000;
    /// Characters in one alias, id or name.
    pub const NAME_CHARS: usize = 200;
    /// Characters in one regex pattern.
    pub const PATTERN_CHARS: usize = 1_000;
    /// Bytes regex-lite may use for one compiled pattern.
    pub const PATTERN_COMPILED_BYTES: usize = 1 << 20;
}

/// What an actor is. It picks the default colour and decides which actors a pronoun may refer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Person,
    Organization,
    State,
    Group,
    Place,
    Other,
}

impl Kind {
    const ALL: [Kind; 6] = [Kind::Person, Kind::Organization, Kind::State, Kind::Group, Kind::Place, Kind::Other];

    /// The name used in configs and reports.
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
    /// transparency, light enough to read text through.
    fn default_color(self) -> &'static str {
        match self {
            Kind::Person => "#d9480f",
            Kind::Organization => "#1971c2",
            Kind::State => "#2f9e44",
            Kind::Group => "#c2255c",
            Kind::Place => "#0c8599",
            Kind::Other => "#6741d9",
        }
    }

    fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// How an actor's aliases treat letter case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseRule {
    /// Aliases written in capitals ("TTP", "U.S.") match exactly; others ignore case.
    Auto,
    /// Every alias matches exactly.
    Sensitive,
    /// Every alias ignores case, even "US".
    Insensitive,
}

/// One configured actor, validated.
#[derive(Debug, Clone, PartialEq)]
pub struct Actor {
    pub id: String,
    pub name: String,
    pub kind: Kind,
    pub aliases: Vec<String>,
    pub patterns: Vec<String>,
    /// A CSS hex colour, `#rgb` to `#rrggbbaa`; the kind's default when the config gives none.
    pub color: String,
    pub case: CaseRule,
}

/// A validated config.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub actors: Vec<Actor>,
}

/// Which part of the config an error is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// The whole document.
    Root,
    /// An actor, by its id where it has a usable one, else by its position (from 0).
    Actor { index: usize, id: Option<String> },
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Root => f.write_str("config"),
            Location::Actor { id: Some(id), .. } => write!(f, "actor {id:?}"),
            Location::Actor { index, id: None } => write!(f, "actor #{index}"),
        }
    }
}

/// What is wrong with a config. Every variant says where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigError {
    /// The text is not JSON at all.
    Syntax(String),
    /// The config is larger than [`limits::CONFIG_BYTES`].
    TooLarge { bytes: usize },
    /// A field that this format does not have (often a typo).
    UnknownField { at: Location, field: String },
    /// A field that must be present is absent.
    Missing { at: Location, field: &'static str },
    /// A field has the wrong JSON type.
    WrongType { at: Location, field: String, expected: &'static str },
    /// A field is present and typed right but its value is not allowed.
    Invalid { at: Location, field: String, reason: String },
    /// Two actors share an id.
    DuplicateId { index: usize, id: String },
    /// A count limit is exceeded.
    TooMany { what: &'static str, limit: usize },
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigError::Syntax(e) => write!(f, "config is not valid JSON: {e}"),
            ConfigError::TooLarge { bytes } => {
                write!(f, "config is too large: {bytes} bytes (the limit is {} bytes)", limits::CONFIG_BYTES)
            }
            ConfigError::UnknownField { at, field } => {
                write!(f, "{at}: unknown field {field:?}")
            }
            ConfigError::Missing { at, field } => write!(f, "{at}: missing field {field:?}"),
            ConfigError::WrongType { at, field, expected } => {
                write!(f, "{at}: field {field:?} must be {expected}")
            }
            ConfigError::Invalid { at, field, reason } => {
                write!(f, "{at}: field {field:?}: {reason}")
            }
            ConfigError::DuplicateId { index, id } => {
                write!(f, "actor #{index}: field \"id\": {id:?} is already used by another actor")
            }
            ConfigError::TooMany { what, limit } => {
                write!(f, "config: too many {what} (the limit is {limit})")
            }
        }
    }
}

impl std::error::Error for ConfigError {}

impl Config {
    /// Parses and validates config JSON text.
    pub fn from_json(text: &str) -> Result<Config, ConfigError> {
        if text.len() > limits::CONFIG_BYTES {
            return Err(ConfigError::TooLarge { bytes: text.len() });
        }
        // A byte order mark, as some editors save JSON with (`fetch`'s `json()` drops it too).
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let value = Json::parse(text).map_err(|e| ConfigError::Syntax(e.to_string()))?;
        Config::from_document(&value)
    }

    /// Validates a parsed config document.
    fn from_document(value: &Json) -> Result<Config, ConfigError> {
        let root = value.as_object().ok_or(ConfigError::WrongType {
            at: Location::Root,
            field: "(document)".into(),
            expected: "an object with an \"actors\" array",
        })?;
        reject_unknown(root, &["actors"], &Location::Root)?;
        let list = member(root, "actors")
            .ok_or(ConfigError::Missing { at: Location::Root, field: "actors" })?
            .as_array()
            .ok_or(ConfigError::WrongType { at: Location::Root, field: "actors".into(), expected: "an array" })?;
        if list.len() > limits::ACTORS {
            return Err(ConfigError::TooMany { what: "actors", limit: limits::ACTORS });
        }
        let mut actors: Vec<Actor> = Vec::with_capacity(list.len());
        let mut seen = std::collections::HashSet::with_capacity(list.len());
        let mut names = 0usize;
        for (index, value) in list.iter().enumerate() {
            let actor = parse_actor(index, value)?;
            if !seen.insert(actor.id.clone()) {
                return Err(ConfigError::DuplicateId { index, id: actor.id });
            }
            names += actor.aliases.len() + actor.patterns.len();
            if names > limits::ALIASES {
                return Err(ConfigError::TooMany { what: "aliases and patterns", limit: limits::ALIASES });
            }
            actors.push(actor);
        }
        Ok(Config { actors })
    }
}

const ACTOR_FIELDS: [&str; 8] = ["id", "name", "kind", "aliases", "patterns", "color", "caseSensitive", "notes"];

fn parse_actor(index: usize, value: &Json) -> Result<Actor, ConfigError> {
    let mut at = Location::Actor { index, id: None };
    let obj = value.as_object().ok_or_else(|| ConfigError::WrongType {
        at: at.clone(),
        field: "(actor)".into(),
        expected: "an object",
    })?;
    // Name the actor by its id in every later message, once the id is known to be usable.
    let id = short_string(obj, "id", &at)?;
    at = Location::Actor { index, id: Some(id.clone()) };
    reject_unknown(obj, &ACTOR_FIELDS, &at)?;

    let name = match member(obj, "name") {
        Some(_) => short_string(obj, "name", &at)?,
        None => id.clone(),
    };
    let kind = match member(obj, "kind") {
        None => Kind::Other,
        Some(Json::String(s)) => Kind::parse(s).ok_or_else(|| ConfigError::Invalid {
            at: at.clone(),
            field: "kind".into(),
            reason: format!("{s:?} is not one of person, organization, state, group, place, other"),
        })?,
        Some(_) => return Err(wrong_type(&at, "kind", "a string")),
    };
    let aliases = string_list(obj, "aliases", &at, limits::NAME_CHARS)?;
    // An alias of only punctuation, invisible characters or white space would match every
    // full stop, every space, or everywhere.
    if let Some(alias) = aliases.iter().find(|a| !a.chars().any(char::is_alphanumeric)) {
        return Err(ConfigError::Invalid {
            at,
            field: "aliases".into(),
            reason: format!("{alias:?} has no letter or digit"),
        });
    }
    let patterns = string_list(obj, "patterns", &at, limits::PATTERN_CHARS)?;
    if aliases.is_empty() && patterns.is_empty() {
        return Err(ConfigError::Invalid {
            at,
            field: "aliases".into(),
            reason: "give at least one alias (or a pattern)".into(),
        });
    }
    let color = match member(obj, "color") {
        None => kind.default_color().to_owned(),
        Some(Json::String(c)) if is_hex_color(c) => c.to_string(),
        Some(Json::String(c)) => {
            return Err(ConfigError::Invalid {
                at,
                field: "color".into(),
                reason: format!("{c:?} is not a hex colour such as \"#d33\" or \"#1971c2\""),
            })
        }
        Some(_) => return Err(wrong_type(&at, "color", "a string")),
    };
    let case = match member(obj, "caseSensitive") {
        None => CaseRule::Auto,
        Some(Json::Bool(true)) => CaseRule::Sensitive,
        Some(Json::Bool(false)) => CaseRule::Insensitive,
        Some(_) => return Err(wrong_type(&at, "caseSensitive", "true or false")),
    };
    if let Some(notes) = member(obj, "notes") {
        if notes.as_str().is_none() {
            return Err(wrong_type(&at, "notes", "a string"));
        }
    }
    Ok(Actor { id, name, kind, aliases, patterns, color, case })
}

/// Fails on the first unknown field in alphabetical order, whatever order the document has.
fn reject_unknown(obj: &Members, known: &[&str], at: &Location) -> Result<(), ConfigError> {
    match obj.iter().map(|(name, _)| name.as_ref()).filter(|name| !known.contains(name)).min() {
        Some(field) => Err(ConfigError::UnknownField { at: at.clone(), field: field.to_owned() }),
        None => Ok(()),
    }
}

fn wrong_type(at: &Location, field: &str, expected: &'static str) -> ConfigError {
    ConfigError::WrongType { at: at.clone(), field: field.into(), expected }
}

/// A required, non-blank string of at most [`limits::NAME_CHARS`] characters.
fn short_string(obj: &Members, field: &'static str, at: &Location) -> Result<String, ConfigError> {
    let value = member(obj, field).ok_or_else(|| ConfigError::Missing { at: at.clone(), field })?;
    let s = value.as_str().ok_or_else(|| wrong_type(at, field, "a string"))?;
    check_text(s, field, at, limits::NAME_CHARS)?;
    Ok(s.to_owned())
}

/// An optional array of non-blank strings, each at most `max_chars` long.
fn string_list(
    obj: &Members,
    field: &'static str,
    at: &Location,
    max_chars: usize,
) -> Result<Vec<String>, ConfigError> {
    let Some(value) = member(obj, field) else { return Ok(Vec::new()) };
    let items = value.as_array().ok_or_else(|| wrong_type(at, field, "an array of strings"))?;
    if items.len() > limits::ALIASES {
        return Err(ConfigError::TooMany { what: "aliases and patterns", limit: limits::ALIASES });
    }
    items
        .iter()
        .map(|item| {
            let s = item.as_str().ok_or_else(|| wrong_type(at, field, "an array of strings"))?;
            check_text(s, field, at, max_chars)?;
            Ok(s.to_owned())
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
        assert_eq!(
            err(r##"{"actors":[{"id":"sadiq","aliases":["Sadiq"],"colour":"#d33"}]}"##),
            r#"actor "sadiq": unknown field "colour""#
        );
        assert_eq!(
            err(r#"{"actors":[{"id":"sadiq","aliases":["Sadiq", " "]}]}"#),
            r#"actor "sadiq": field "aliases": must not be empty"#
        );
        assert_eq!(
            err(r#"{"actors":[{"id":"a","aliases":["A"]},{"id":"a","aliases":["B"]}]}"#),
            r#"actor #1: field "id": "a" is already used by another actor"#
        );
        assert_eq!(err(r#"{"actors":[{"aliases":["A"]}]}"#), r#"actor #0: missing field "id""#);
        assert_eq!(
            err(r#"{"actors":[{"id":"x","aliases":["X"],"kind":"army"}]}"#),
            r#"actor "x": field "kind": "army" is not one of person, organization, state, group, place, other"#
        );
        assert_eq!(
            err(r#"{"actors":[{"id":"x","aliases":"X"}]}"#),
            r#"actor "x": field "aliases" must be an array of strings"#
        );
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
        assert_eq!(err(r#"{"actor":[]}"#), r#"config: unknown field "actor""#);
        assert_eq!(err(r#"[]"#), r#"config: field "(document)" must be an object with an "actors" array"#);
        assert!(err("{").starts_with("config is not valid JSON: "));
    }

    #[test]
    fn absurd_sizes_are_rejected() {
        let long = "x".repeat(limits::NAME_CHARS + 1);
        let json = format!(r#"{{"actors":[{{"id":"x","aliases":["{long}"]}}]}}"#);
        assert_eq!(err(&json), format!(r#"actor "x": field "aliases": 201 characters is too long (the limit is 200)"#));
        let many: Vec<String> = (0..=limits::ALIASES).map(|i| format!("\"a{i}\"")).collect();
        let json = format!(r#"{{"actors":[{{"id":"x","aliases":[{}]}}]}}"#, many.join(","));
        assert_eq!(err(&json), "config: too many aliases and patterns (the limit is 50000)");
        let huge = " ".repeat(limits::CONFIG_BYTES + 1);
        assert!(err(&huge).starts_with("config is too large"));
    }
}
