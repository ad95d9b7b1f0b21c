//! Finding actor mentions: every alias of every actor in one pass, leftmost-longest.
//!
//! The aliases are folded (see [`crate::fold`]) and compiled into one Aho-Corasick automaton,
//! which reports every place any alias occurs, overlaps included. Each candidate is then checked:
//! word boundaries ("Afghan" is not in "Afghanistan", but "Taliban" is in "Taliban’s" and
//! "U.S.-Taliban"), and letter case for aliases that must match exactly. User-written regex
//! `patterns` add their own candidates. Of all valid candidates, the leftmost wins, and of those
//! starting at the same place the longest: "Tehreek-e-Taliban Pakistan" is one mention, not
//! "Taliban" and "Pakistan". Checking before choosing matters: a rejected long candidate must not
//! hide a valid shorter one at the same place.

use std::cmp::Reverse;

use regex_lite::{Regex, RegexBuilder};

use crate::automaton::Automaton;
use crate::config::{limits, CaseRule, Config, ConfigError, Location};
use crate::fold::Folded;
use crate::sort::sorted;

/// One actor mention, in byte offsets of the scanned text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// Index of the actor in the config.
    pub actor: usize,
    pub start: usize,
    pub end: usize,
}

/// What the automaton's pattern `i` stands for.
struct Alias {
    actor: usize,
    /// For an alias that must match case exactly: its folded form with case kept.
    exact: Option<String>,
    /// Whether the alias starts (ends) with a letter or digit, so that it needs a word boundary
    /// there. "U.S." ends with a period and needs none after it.
    word_start: bool,
    word_end: bool,
}

/// The compiled form of a config's aliases and patterns. Build it once per config.
pub struct Matcher {
    automaton: Option<Automaton>,
    aliases: Vec<Alias>,
    patterns: Vec<(usize, Regex)>,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// "Written in capitals": at least one capital letter and no small one ("TTP", "U.S.", "ISIS-K").
fn is_capitals(alias: &str) -> bool {
    alias.chars().any(char::is_uppercase) && !alias.chars().any(char::is_lowercase)
}

impl Matcher {
    pub fn new(config: &Config) -> Result<Matcher, ConfigError> {
        let mut keys = Vec::new();
        let mut aliases = Vec::new();
        let mut patterns = Vec::new();
        for (index, actor) in config.actors.iter().enumerate() {
            for alias in &actor.aliases {
                let key = Folded::key(alias, true);
                let exact = match actor.case {
                    CaseRule::Sensitive => true,
                    CaseRule::Insensitive => false,
                    CaseRule::Auto => is_capitals(alias),
                };
                aliases.push(Alias {
                    actor: index,
                    exact: exact.then(|| Folded::key(alias, false)),
                    word_start: key.chars().next().is_some_and(is_word_char),
                    word_end: key.chars().next_back().is_some_and(is_word_char),
                });
                keys.push(key);
            }
            for pattern in &actor.patterns {
                let at = Location::Actor { index, id: Some(actor.id.clone()) };
                patterns.push((index, compile_pattern(pattern, at)?));
            }
        }
        let automaton = (!keys.is_empty()).then(|| Automaton::new(&keys));
        Ok(Matcher { automaton, aliases, patterns })
    }

    /// Every mention in `text`, sorted and non-overlapping.
    pub fn find(&self, text: &str) -> Vec<Mention> {
        // (start, end, priority, actor): sorting puts the leftmost first, then the longest, then
        // the alias listed first in the config.
        let mut candidates: Vec<(usize, Reverse<usize>, usize, usize)> = Vec::new();
        if let Some(automaton) = &self.automaton {
            let folded = Folded::new(text, true);
            automaton.find(folded.text.as_bytes(), |key, start, end| {
                let alias = &self.aliases[key];
                if !self.bounded(&folded, start, end, alias) {
                    return;
                }
                let (start, end) = folded.original(start, end);
                if let Some(exact) = &alias.exact {
                    if Folded::key(&text[start..end], false) != *exact {
                        return;
                    }
                }
                candidates.push((start, Reverse(end), key, alias.actor));
            });
        }
        for (rank, (actor, regex)) in self.patterns.iter().enumerate() {
            for m in regex.find_iter(text).filter(|m| !m.is_empty()) {
                candidates.push((m.start(), Reverse(m.end()), self.aliases.len() + rank, *actor));
            }
        }
        let mut mentions: Vec<Mention> = Vec::new();
        for (start, Reverse(end), _, actor) in sorted(candidates) {
            if mentions.last().is_none_or(|last| start >= last.end) {
                mentions.push(Mention { actor, start, end });
            }
        }
        mentions
    }

    fn bounded(&self, folded: &Folded, start: usize, end: usize, alias: &Alias) -> bool {
        let open = !alias.word_start || !folded.char_before(start).is_some_and(is_word_char);
        let close = !alias.word_end || !folded.char_at(end).is_some_and(is_word_char);
        open && close
    }
}

/// Compiles one user-written pattern (regex-lite syntax). The size limit turns a pattern that
/// would compile into a huge automaton (`\w{1000}{1000}`) into a config error rather than a
/// frozen tab; past that, regex-lite searches in time proportional to the pattern's size times
/// the text's, so no pattern can be catastrophic to run.
fn compile_pattern(pattern: &str, at: Location) -> Result<Regex, ConfigError> {
    let invalid = |reason: String| ConfigError::Invalid { at: at.clone(), field: "patterns".into(), reason };
    let regex = RegexBuilder::new(pattern)
        .size_limit(limits::PATTERN_COMPILED_BYTES)
        .build()
        .map_err(|e| invalid(format!("{pattern:?} is not a valid regex: {e}")))?;
    if regex.is_match("") {
        return Err(invalid(format!("{pattern:?} matches empty text")));
    }
    Ok(regex)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(actors: &str) -> Config {
        Config::from_json(&format!(r#"{{"actors":[{actors}]}}"#)).unwrap()
    }

    /// The mentions of `text` as (actor id, matched text).
    fn found<'t>(config: &Config, text: &'t str) -> Vec<(String, &'t str)> {
        Matcher::new(config)
            .unwrap()
            .find(text)
            .into_iter()
            .map(|m| (config.actors[m.actor].id.clone(), &text[m.start..m.end]))
            .collect()
    }

    fn ids(found: &[(String, &str)]) -> Vec<String> {
        found.iter().map(|(id, text)| format!("{id}:{text}")).collect()
    }

    const SOUTH_ASIA: &str = r#"
        {"id":"taliban","aliases":["Taliban"]},
        {"id":"pakistan","aliases":["Pakistan","Pakistani"]},
        {"id":"ttp","aliases":["Tehreek-e-Taliban Pakistan","TTP"]},
        {"id":"afghan","aliases":["Afghan","Afghanistan"]},
        {"id":"isis","aliases":["ISIS"]},{"id":"isisk","aliases":["ISIS-K"]},
        {"id":"usa","aliases":["U.S.","United States"]},
        {"id":"dar","aliases":["Ishaq Dar"]}"#;

    #[test]
    fn longest_alias_wins_over_the_names_inside_it() {
        let c = config(SOUTH_ASIA);
        assert_eq!(
            ids(&found(&c, "the Tehreek-e-Taliban Pakistan (TTP) and ISIS-K, not ISIS")),
            ["ttp:Tehreek-e-Taliban Pakistan", "ttp:TTP", "isisk:ISIS-K", "isis:ISIS"]
        );
    }

    #[test]
    fn word_boundaries_possessives_and_compounds() {
        let c = config(SOUTH_ASIA);
        assert_eq!(
            ids(&found(&c, "Afghanistan’s Afghans, the Taliban's U.S.-Taliban deal; Afghanistan-Pakistan ties")),
            [
                "afghan:Afghanistan",
                "taliban:Taliban",
                "usa:U.S.",
                "taliban:Taliban",
                "afghan:Afghanistan",
                "pakistan:Pakistan"
            ]
        );
        assert!(found(&c, "Talibanisation and Pakistanis").is_empty());
    }

    #[test]
    fn case_exact_for_capitals_otherwise_ignored() {
        let c = config(SOUTH_ASIA);
        assert_eq!(ids(&found(&c, "the taliban and ttp and u.s. and TTP")), ["taliban:taliban", "ttp:TTP"]);
        let c = config(
            r#"{"id":"us","aliases":["US"],"caseSensitive":false},{"id":"nato","aliases":["Nato"],"caseSensitive":true}"#,
        );
        assert_eq!(ids(&found(&c, "us and NATO and Nato")), ["us:us", "nato:Nato"]);
    }

    #[test]
    fn spaces_soft_hyphens_and_zero_width_inside_names() {
        let c = config(SOUTH_ASIA);
        let text = "Ishaq\u{a0}Dar, Ishaq\n  Dar, Ish\u{ad}aq Dar and Paki\u{200b}stan";
        assert_eq!(
            ids(&found(&c, text)),
            ["dar:Ishaq\u{a0}Dar", "dar:Ishaq\n  Dar", "dar:Ish\u{ad}aq Dar", "pakistan:Paki\u{200b}stan"]
        );
    }

    #[test]
    fn invisible_characters_at_an_alias_ends_are_not_part_of_its_mentions() {
        // As a name copied from a page may come: a zero-width space and a space before it.
        // "NATO" is matched case for case, against a key that has to be trimmed the same way.
        let c = config(r#"{"id":"sadiq","aliases":["\u200b Sadiq\u00ad"]},{"id":"nato","aliases":["\u200b NATO"]}"#);
        assert_eq!(ids(&found(&c, "Mr Sadiq of NATO spoke, not of nato.")), ["sadiq:Sadiq", "nato:NATO"]);
    }

    #[test]
    fn a_rejected_long_candidate_leaves_the_short_one() {
        // "ISIS-K" fails its boundary before "horasan"; "ISIS" at the same place still counts.
        let c = config(SOUTH_ASIA);
        assert_eq!(ids(&found(&c, "ISIS-Khorasan")), ["isis:ISIS"]);
    }

    #[test]
    fn non_latin_names_and_emoji() {
        let c = config(r#"{"id":"zelensky","aliases":["Зеленський"]},{"id":"tokyo","aliases":["東京"]}"#);
        assert_eq!(ids(&found(&c, "😀 ЗЕЛЕНСЬКИЙ і Зеленського; 東京 🗼")), ["zelensky:ЗЕЛЕНСЬКИЙ", "tokyo:東京"]);
    }

    #[test]
    fn patterns_add_candidates_and_bad_ones_are_named() {
        let c = config(r#"{"id":"un","aliases":["United Nations"],"patterns":["\\bU\\.?N\\b\\.?"]}"#);
        assert_eq!(ids(&found(&c, "the UN and U.N. staff")), ["un:UN", "un:U.N."]);
        let c = config(r#"{"id":"x","aliases":["X"],"patterns":["(unclosed"]}"#);
        let e = Matcher::new(&c).err().unwrap().to_string();
        assert!(e.starts_with(r#"actor "x": field "patterns": "(unclosed" is not a valid regex"#), "{e}");
        assert!(!e.contains('\n'));
        let c = config(r#"{"id":"x","aliases":["X"],"patterns":["a*"]}"#);
        assert_eq!(
            Matcher::new(&c).err().unwrap().to_string(),
            r#"actor "x": field "patterns": "a*" matches empty text"#
        );
        let c = config(r#"{"id":"x","aliases":["X"],"patterns":["\\w{1000}{1000}"]}"#);
        let e = Matcher::new(&c).err().unwrap().to_string();
        assert!(e.starts_with(r#"actor "x": field "patterns": "\\w{1000}{1000}" is not a valid regex"#), "{e}");
        let c = config(r#"{"id":"x","aliases":["X"],"patterns":["\\p{L}+"]}"#);
        assert!(Matcher::new(&c).is_err());
    }

    #[test]
    fn patterns_match_unicode_literals_with_ascii_classes_and_case() {
        // regex-lite: literals are any characters; \w, \b and (?i) know only ASCII.
        let c = config(r#"{"id":"zelensky","aliases":["Zelensky"],"patterns":["Зеленськ(ий|ого)","(?i)\\bkyiv\\b"]}"#);
        assert_eq!(ids(&found(&c, "Зеленського у KYIV, не в ЗЕЛЕНСЬКИЙ")), ["zelensky:Зеленського", "zelensky:KYIV"]);
        let c = config(r#"{"id":"x","aliases":["X"],"patterns":["(?i)élysée"]}"#);
        assert_eq!(ids(&found(&c, "élysée ÉLYSÉE")), ["x:élysée"]);
    }
}
