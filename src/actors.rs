//! Finding actor mentions: every alias of every actor in one pass, leftmost-longest.
//!
//! The aliases are folded (see [`crate::fold`]) and compiled into one Aho-Corasick automaton (the
//! `aho-corasick` crate), which reports every place any alias occurs, overlaps included. Each
//! candidate is then checked: word boundaries ("Afghan" is not in "Afghanistan", but "Taliban" is in "Taliban’s" and
//! "U.S.-Taliban"), and letter case for aliases that must match exactly. User-written regex
//! `patterns` add their own candidates. Of all valid candidates, the leftmost wins, and of those
//! starting at the same place the longest: "Tehreek-e-Taliban Pakistan" is one mention, not
//! "Taliban" and "Pakistan". Checking before choosing matters: a rejected long candidate must not
//! hide a valid shorter one at the same place.

use std::cmp::Reverse;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use regex::{Regex, RegexBuilder};
use regex_syntax::hir::{Class, Hir, HirKind};

use crate::config::{limits, CaseRule, Config, ConfigError, Location};
use crate::fold::Folded;

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
    /// Whether the alias needs a word boundary before it: it starts with a letter or digit of a
    /// script that spaces its words.
    word_start: bool,
    /// Whether it needs one after it: it ends with such a letter or digit, and not with a Korean
    /// syllable, which particles follow without a space ("윤석열이"). "U.S." ends with a period
    /// and needs none: the "U.S." of "Made in the U.S.A." is a mention of it.
    word_end: bool,
}

/// The compiled form of a config's aliases and patterns. Build it once per config.
pub struct Matcher {
    automaton: Option<Automata>,
    aliases: Vec<Alias>,
    patterns: Vec<(usize, Regex)>,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || is_mark(c)
}

/// Combining marks (Unicode's general category M), which belong to the word of the letter
/// before them: accents, and the vowel signs and viramas of the Indic scripts (a virama joins
/// "राज" to "य" in "राज्य", which "राज" must not match inside). The shim's word test in
/// `www/src/text.js` is `\p{M}` too.
///
/// The characters a name most often meets on a page in a Latin script (spaces, ASCII and Latin-1
/// punctuation, curly quotes, dashes, ellipses) are answered without the table: none of them is a
/// mark, and building the table from `regex-syntax`'s parser cost a page's first click about 3 ms
/// of the config's compile (the engine runs the parser's code for the first time).
fn is_mark(c: char) -> bool {
    if c < FIRST_MARK || ('\u{2000}'..FIRST_SYMBOL_MARK).contains(&c) {
        return false;
    }
    let marks = marks();
    let at = marks.partition_point(|&(_, last)| last < c);
    marks.get(at).is_some_and(|&(first, _)| first <= c)
}

/// The first combining mark (the grave accent's), after every ASCII and Latin-1 character.
const FIRST_MARK: char = '\u{300}';

/// The first of the combining marks for symbols, after the General Punctuation, super- and
/// subscripts and Currency Symbols blocks (U+2000 on), which hold no mark.
const FIRST_SYMBOL_MARK: char = '\u{20d0}';

/// The ranges (first and last character) of general category M, in order, from the Unicode
/// tables that `regex` links for `\p{…}` (through `regex-syntax`), so the page downloads them once.
fn marks() -> &'static [(char, char)] {
    static MARKS: OnceLock<Vec<(char, char)>> = OnceLock::new();
    MARKS.get_or_init(|| match regex_syntax::Parser::new().parse(r"\p{M}").map(Hir::into_kind) {
        Ok(HirKind::Class(Class::Unicode(class))) => {
            class.ranges().iter().map(|range| (range.start(), range.end())).collect()
        }
        // `\p{M}` is always a class of Unicode ranges.
        _ => Vec::new(),
    })
}

/// Scripts written without spaces between words (Chinese, Japanese, Thai, Lao, Tibetan, Myanmar,
/// Khmer): a name in them has no word boundary to look for, so "习近平" is found in
/// "国家主席习近平在北京".
fn is_unspaced(c: char) -> bool {
    matches!(c,
        '\u{e00}'..='\u{fff}'           // Thai, Lao, Tibetan
        | '\u{1000}'..='\u{109f}'       // Myanmar
        | '\u{1780}'..='\u{17ff}'       // Khmer
        | '\u{3040}'..='\u{30ff}'       // Hiragana, Katakana
        | '\u{3400}'..='\u{4dbf}'       // CJK ideographs, extension A
        | '\u{4e00}'..='\u{9fff}'       // CJK ideographs
        | '\u{f900}'..='\u{faff}'       // CJK compatibility ideographs
        | '\u{ff66}'..='\u{ff9f}'       // half-width Katakana
        | '\u{20000}'..='\u{3134f}') // CJK ideographs, extensions B to G
}

/// Korean syllables and jamo: Korean spaces its words, but particles follow a name unspaced.
fn is_hangul(c: char) -> bool {
    matches!(c, '\u{1100}'..='\u{11ff}' | '\u{3130}'..='\u{318f}' | '\u{ac00}'..='\u{d7af}')
}

/// A letter or digit of a word that a word boundary must end: one of a script that spaces its
/// words.
fn is_spaced_word_char(c: char) -> bool {
    is_word_char(c) && !is_unspaced(c)
}

/// Such a letter or digit, but for a Korean syllable, which may follow a name unspaced (a
/// particle) or end one that a particle follows.
fn binds_across_end(c: char) -> bool {
    is_spaced_word_char(c) && !is_hangul(c)
}

/// "Written in capitals": at least one capital letter and no small one ("TTP", "U.S.", "ISIS-K").
fn is_capitals(alias: &str) -> bool {
    alias.chars().any(char::is_uppercase) && !alias.chars().any(char::is_lowercase)
}

impl Matcher {
    pub fn new(config: &Config) -> Result<Matcher, ConfigError> {
        let patterns = compile_patterns(config)?;
        let mut keys = Vec::new();
        let mut aliases = Vec::new();
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
                    word_start: key.chars().next().is_some_and(is_spaced_word_char),
                    word_end: key.chars().next_back().is_some_and(binds_across_end),
                });
                keys.push(key);
            }
        }
        let automaton = if keys.is_empty() { None } else { Some(Automata::new(keys)?) };
        Ok(Matcher { automaton, aliases, patterns })
    }

    /// Every mention in `text`, sorted and non-overlapping.
    pub fn find(&self, text: &str) -> Vec<Mention> {
        // (start, end, priority, actor): sorting puts the leftmost first, then the longest, then
        // the alias listed first in the config.
        let mut candidates: Vec<(usize, Reverse<usize>, usize, usize)> = Vec::new();
        if let Some(automata) = &self.automaton {
            let folded = Folded::new(text, true);
            for found in automata.for_text(folded.text.len()).find_overlapping_iter(folded.text.as_str()) {
                let key = found.pattern().as_usize();
                let alias = &self.aliases[key];
                if !self.bounded(&folded, found.start(), found.end(), alias) {
                    continue;
                }
                let (start, end) = folded.original(found.start(), found.end());
                if alias.exact.as_ref().is_some_and(|exact| Folded::key(&text[start..end], false) != *exact) {
                    continue;
                }
                candidates.push((start, Reverse(end), key, alias.actor));
            }
        }
        for (rank, (actor, regex)) in self.patterns.iter().enumerate() {
            for m in regex.find_iter(text).filter(|m| !m.is_empty()) {
                candidates.push((m.start(), Reverse(m.end()), self.aliases.len() + rank, *actor));
            }
        }
        candidates.sort_unstable();
        let mut mentions: Vec<Mention> = Vec::new();
        for (start, Reverse(end), _, actor) in candidates {
            if mentions.last().is_none_or(|last| start >= last.end) {
                mentions.push(Mention { actor, start, end });
            }
        }
        mentions
    }

    fn bounded(&self, folded: &Folded, start: usize, end: usize, alias: &Alias) -> bool {
        let open = !alias.word_start || !folded.char_before(start).is_some_and(is_spaced_word_char);
        let next = folded.char_at(end);
        // A combining mark belongs to the letter before it, in scripts without spaces too (a
        // Thai tone mark): a name never ends just before one.
        let close = !next.is_some_and(is_mark) && (!alias.word_end || !next.is_some_and(binds_across_end));
        open && close
    }
}

/// The automata of every alias's folded key: a contiguous NFA, built with the config, and a DFA,
/// built the first time a long text is scanned. In Chromium, on the benchmark's 1 MB article,
/// the DFA scans 1,064 aliases as fast as the automaton the core had before, where the NFA took a
/// quarter longer: a few milliseconds a megabyte. But building the DFA costs far more than that
/// on a page's first click, when the engine runs its code for the first time: compiling the
/// world's states took 63 to 114 ms with it and 11 to 30 ms without, the first scan of the seed
/// article adding about as much either way (tests/BENCHMARKS.md, "The aliases' DFA, when it pays").
/// A news article is tens of kilobytes; only a text of [`DFA_TEXT_BYTES`] or more gets the DFA,
/// and only a key set of at most [`DFA_KEY_BYTES`].
struct Automata {
    nfa: AhoCorasick,
    /// The keys, kept to build the DFA from; none for a key set too large for one.
    dfa_keys: Option<Vec<String>>,
    dfa: OnceLock<Option<AhoCorasick>>,
}

/// Alias keys up to this many bytes in all (about 1,500 aliases) may get a DFA; for larger sets
/// its build grows with states times byte classes, to 176 ms (natively) for 12,161 aliases
/// (`tests/BENCHMARKS.md`, "The core on the named crates").
const DFA_KEY_BYTES: usize = 16 * 1024;

/// Texts from this many bytes are scanned with the DFA: a long page's parts (the shim scans in
/// parts of 512 KiB, www/src/chunks.js), never a news article.
const DFA_TEXT_BYTES: usize = 256 * 1024;

impl Automata {
    fn new(keys: Vec<String>) -> Result<Automata, ConfigError> {
        let nfa = compile_aliases(&keys, AhoCorasickKind::ContiguousNFA)?;
        let dfa_keys = (keys.iter().map(String::len).sum::<usize>() <= DFA_KEY_BYTES).then_some(keys);
        Ok(Automata { nfa, dfa_keys, dfa: OnceLock::new() })
    }

    /// The automaton to scan a text of `bytes` with.
    fn for_text(&self, bytes: usize) -> &AhoCorasick {
        let Some(keys) = self.dfa_keys.as_ref().filter(|_| bytes >= DFA_TEXT_BYTES) else { return &self.nfa };
        // The DFA holds the NFA's keys, which compiled: it cannot fail within the crate's limits,
        // and if it ever did, the NFA finds the same.
        self.dfa.get_or_init(|| compile_aliases(keys, AhoCorasickKind::DFA).ok()).as_ref().unwrap_or(&self.nfa)
    }
}

/// An automaton of every alias's folded key. Standard match semantics, because the search must
/// report every occurrence, overlaps included: leftmost-longest is chosen only among the
/// candidates that pass their checks. Only the crate's own size limits (billions of states) can
/// fail it, which no config within [`limits`] reaches.
fn compile_aliases(keys: &[String], kind: AhoCorasickKind) -> Result<AhoCorasick, ConfigError> {
    AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .kind(Some(kind))
        .build(keys)
        .map_err(|e| ConfigError::Invalid { at: Location::Root, field: "aliases".into(), reason: e.to_string() })
}

/// Every actor's patterns, compiled, with the actor's index: the one part of compiling a valid
/// config that can still fail.
pub fn compile_patterns(config: &Config) -> Result<Vec<(usize, Regex)>, ConfigError> {
    let mut patterns = Vec::new();
    for (index, actor) in config.actors.iter().enumerate() {
        for pattern in &actor.patterns {
            let at = Location::Actor { index, id: Some(actor.id.clone()), line: None };
            patterns.push((index, compile_pattern(pattern, at)?));
        }
    }
    Ok(patterns)
}

/// Compiles one user-written pattern (the `regex` crate's syntax, Unicode-aware). The size limit
/// turns a pattern that would compile into a huge automaton (`\w{1000}{1000}`) into a config
/// error rather than a frozen tab; past that, the crate searches in time proportional to the
/// pattern's size times the text's, so no pattern can be catastrophic to run.
fn compile_pattern(pattern: &str, at: Location) -> Result<Regex, ConfigError> {
    let invalid = |reason: String| ConfigError::Invalid { at: at.clone(), field: "patterns".into(), reason };
    let regex = RegexBuilder::new(pattern)
        .size_limit(limits::PATTERN_COMPILED_BYTES)
        .build()
        .map_err(|e| invalid(format!("{pattern:?} is not a valid regex: {}", regex_error(&e))))?;
    if regex.is_match("") {
        return Err(invalid(format!("{pattern:?} matches empty text")));
    }
    Ok(regex)
}

/// A regex error on one line. A syntax error's text draws the pattern with a caret under the
/// fault; its last line says what the fault is.
fn regex_error(error: &regex::Error) -> String {
    match error {
        regex::Error::Syntax(text) => {
            text.lines().last().map_or(text.as_str(), |line| line.trim_start_matches("error: ")).to_owned()
        }
        regex::Error::CompiledTooBig(limit) => format!("it would compile to more than {limit} bytes"),
        other => other.to_string().replace('\n', " "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(actors: &str) -> Config {
        Config::from_json(&format!(r#"{{"actors":[{actors}]}}"#)).unwrap()
    }

    #[test]
    fn long_texts_get_the_dfa_and_it_finds_what_the_nfa_finds() {
        let c = config(
            r#"{"id":"ttp","aliases":["Tehreek-e-Taliban Pakistan","TTP","Taliban"]},{"id":"pk","aliases":["Pakistan"]}"#,
        );
        let matcher = Matcher::new(&c).unwrap();
        let automata = matcher.automaton.as_ref().unwrap();
        let paragraph = "The TTP, or Tehreek-e-Taliban Pakistan, is not the Afghan Taliban; Pakistan says so. ";
        let long = Folded::new(&paragraph.repeat(DFA_TEXT_BYTES / paragraph.len() + 1), true).text;
        assert_eq!(automata.for_text(paragraph.len()).kind(), AhoCorasickKind::ContiguousNFA);
        assert_eq!(automata.for_text(long.len()).kind(), AhoCorasickKind::DFA);
        let spans = |automaton: &AhoCorasick| -> Vec<_> {
            automaton.find_overlapping_iter(long.as_str()).map(|m| (m.pattern(), m.start(), m.end())).collect()
        };
        let by_dfa = spans(automata.for_text(long.len()));
        // Overlaps included: "Taliban" and "Pakistan" inside the full name too.
        assert_eq!(by_dfa.len(), 6 * (DFA_TEXT_BYTES / paragraph.len() + 1));
        assert_eq!(by_dfa, spans(&automata.nfa));
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
    fn names_in_scripts_without_spaces_and_with_particles() {
        let c = config(
            r#"{"id":"xi","aliases":["习近平"]},{"id":"tokyo","aliases":["東京"]},{"id":"bkk","aliases":["กรุงเทพ"]},
               {"id":"yoon","aliases":["윤석열"]},{"id":"samsung","aliases":["Samsung"]}"#,
        );
        assert_eq!(
            ids(&found(&c, "国家主席习近平在北京表示。東京都の東京で。ที่กรุงเทพมหานคร")),
            ["xi:习近平", "tokyo:東京", "tokyo:東京", "bkk:กรุงเทพ"]
        );
        // Korean particles follow a name unspaced; a syllable before it makes another word.
        assert_eq!(ids(&found(&c, "윤석열이 Samsung은 말했다. 김윤석열")), ["yoon:윤석열", "samsung:Samsung"]);
    }

    #[test]
    fn indic_signs_and_combining_marks_belong_to_the_word() {
        let c = config(
            r#"{"id":"raj","aliases":["राज"]},{"id":"amit","aliases":["அமித்"]},{"id":"cafe","aliases":["cafe"]}"#,
        );
        assert_eq!(ids(&found(&c, "राज्य में राज। அமித்ஷா, அமித் cafe\u{301} cafe")), ["raj:राज", "amit:அமித்", "cafe:cafe"]);
        // Marks beyond the common blocks: combining diacritics supplement and for symbols,
        // Hebrew cantillation, a Thai tone mark; each continues the word it follows.
        let c =
            config(r#"{"id":"dan","aliases":["Dan"]},{"id":"moshe","aliases":["משה"]},{"id":"som","aliases":["สม"]}"#);
        let text = "Dan\u{1dc0} Dan\u{20d0} משה\u{591} สม\u{e48} Dan משה";
        assert_eq!(ids(&found(&c, text)), ["dan:Dan", "moshe:משה"]);
    }

    #[test]
    fn no_character_answered_without_the_table_is_in_it() {
        let answered = ('\0'..FIRST_MARK).chain('\u{2000}'..FIRST_SYMBOL_MARK);
        assert!(answered.filter(|&c| marks().iter().any(|&(first, last)| (first..=last).contains(&c))).eq([]));
        assert!(is_mark(FIRST_MARK) && is_mark(FIRST_SYMBOL_MARK) && !is_mark('’') && !is_mark('—'));
    }

    #[test]
    fn direction_marks_turkish_i_and_final_sigma() {
        let c = config(
            r#"{"id":"k","aliases":["Kılıçdaroğlu"]},{"id":"ist","aliases":["Istanbul"]},{"id":"ts","aliases":["ΤΣΊΠΡΑΣ"],"caseSensitive":false},
               {"id":"dar","aliases":["Ishaq Dar"]}"#,
        );
        assert_eq!(
            ids(&found(&c, "KILIÇDAROĞLU in İstanbul; Τσίπρας; Ishaq\u{200e} Dar")),
            ["k:KILIÇDAROĞLU", "ist:İstanbul", "ts:Τσίπρας", "dar:Ishaq\u{200e} Dar"]
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
        assert_eq!(
            Matcher::new(&c).err().unwrap().to_string(),
            r#"actor "x": field "patterns": "(unclosed" is not a valid regex: unclosed group"#
        );
        let c = config(r#"{"id":"x","aliases":["X"],"patterns":["a*"]}"#);
        assert_eq!(
            Matcher::new(&c).err().unwrap().to_string(),
            r#"actor "x": field "patterns": "a*" matches empty text"#
        );
        let c = config(r#"{"id":"x","aliases":["X"],"patterns":["\\w{1000}{1000}"]}"#);
        assert_eq!(
            Matcher::new(&c).err().unwrap().to_string(),
            r#"actor "x": field "patterns": "\\w{1000}{1000}" is not a valid regex: it would compile to more than 1048576 bytes"#
        );
        let c = config(r#"{"id":"x","aliases":["X"],"patterns":["\\p{Klingon}"]}"#);
        assert_eq!(
            Matcher::new(&c).err().unwrap().to_string(),
            r#"actor "x": field "patterns": "\\p{Klingon}" is not a valid regex: Unicode property not found"#
        );
    }

    #[test]
    fn patterns_are_unicode_aware_in_every_script() {
        // Cyrillic: (?i) folds its letters, \w takes them, \b knows where their words end.
        let c = config(r#"{"id":"z","aliases":["Zelensky"],"patterns":["(?i)\\bзеленськ\\w+"]}"#);
        assert_eq!(ids(&found(&c, "ЗЕЛЕНСЬКИЙ і Зеленського, не Пазеленського")), ["z:ЗЕЛЕНСЬКИЙ", "z:Зеленського"]);
        // Greek: the final sigma folds with σ and Σ.
        let c = config(r#"{"id":"t","aliases":["Tsipras"],"patterns":["(?i)\\bτσίπρα[σς]\\b"]}"#);
        assert_eq!(ids(&found(&c, "ΤΣΊΠΡΑΣ, Τσίπρας, τσίπρασ")), ["t:ΤΣΊΠΡΑΣ", "t:Τσίπρας", "t:τσίπρασ"]);
        // Arabic: a script class, and \b between Arabic words.
        let c = config(r#"{"id":"h","aliases":["Hamas"],"patterns":["\\bحماس\\b","\\p{Arabic}+ية\\b"]}"#);
        assert_eq!(ids(&found(&c, "قالت حماس والحماسية الفلسطينية")), ["h:حماس", "h:والحماسية", "h:الفلسطينية"]);
        // Han: a script class; \d takes every script's digits.
        let c = config(r#"{"id":"x","aliases":["Xi"],"patterns":["习\\p{Han}{2}","第\\d+届"]}"#);
        assert_eq!(ids(&found(&c, "国家主席习近平在第٣届会议")), ["x:习近平", "x:第٣届"]);
        // Latin beyond ASCII: (?i) folds É, and \p{Lu} is any capital.
        let c = config(r#"{"id":"x","aliases":["X"],"patterns":["(?i)élysée","\\b\\p{Lu}\\p{Ll}+ Palace\\b"]}"#);
        assert_eq!(ids(&found(&c, "élysée ÉLYSÉE Élysée Palace")), ["x:élysée", "x:ÉLYSÉE", "x:Élysée Palace"]);
    }
}
