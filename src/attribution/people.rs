//! People: the named speakers who are not configured actors, one person for every way the
//! article names each of them.
//!
//! A speaker with no actor is only a span of text ("Jane Smith", then "Smith", "Ms. Smith", "the
//! senator"); a reader wants to know that these are one woman. The shapes of news prose
//! gathered into one person, in the order an article writes them:
//! - a full name, with or without a title or role before it: "Jane Smith", "Sen. Ted Cruz",
//!   "House Speaker Paul Ryan", "political scientist Jane Doe", "George W. Bush", "Ursula von der
//!   Leyen", "Martin Luther King Jr.", "Smith’s" (the possessive is no part of the mention);
//! - later, the surname alone or with a title ("Smith", "Ms. Smith", "Sen. Smith", "President
//!   Smith"), or a shorter form of the full name ("von der Leyen"): each is the latest person of
//!   that surname before it, so after "Jane Smith" and "John Smith", "Smith" is John;
//! - a role tied to a name by apposition: "Smith, the senator," / "the senator, Jane Smith," /
//!   "Smith, a former adviser to the governor,": a later "the senator" or "the adviser" is Smith
//!   (the latest tie of each role noun wins). The same tie to an actor mention ("Sadiq, the
//!   envoy,") makes a later "the envoy" Sadiq, which is no person but tells what a quote is about
//!   ([`super::about`]);
//! - a lone surname with no full name before it, where it speaks ("“…,” Pruitt said", "Mr.
//!   Pruitt wrote") or is tied to a role that speaks ("Pruitt, the chairman," … "the chairman
//!   said"): a person of its own only if it reads as a name. Conservatively: a title before it,
//!   or a capital that is not a sentence's first word's (a sentence's first word is a name only
//!   when it is no common opener), never a word the article also writes in lower case, nor one it
//!   writes after "the" ("the Pentagon"), nor a group ("Officials").
//!
//! Not people: descriptions ("a State Department spokeswoman", "officials"), a name after an
//! article ("the White House"), a name with a word of an organisation or place in it ("White
//! House", "Justice Department"), words in capitals ("AP") and names in scripts without case,
//! which have no capital to know a name by.
//!
//! Only names that a speaker ends with, or tied to a role that speaks, are looked for: a person is
//! somebody quoted. A person is reported when a speaker with no actor is, or holds, one of their
//! mentions; a pronoun speaker ("she said") that refers to no actor is the person of the latest
//! name within two paragraphs before it, if that is a reported person. Attribution is not
//! changed by any of this: only the links are added.
//!
//! One pass over the article's words, paragraph by paragraph; surnames, full names and roles are
//! looked up in hash maps, so a text of nothing but names takes time in proportion to its length.

use std::collections::{HashMap, HashSet};

use crate::config::Kind;
use crate::paragraphs::paragraphs;
use crate::quotes::{self, Quote};

use super::cues::AUXILIARIES;
use super::speakers::{DETERMINERS, NOT_IN_SPEAKER, NOT_SPEAKER_START};
use super::tokens::{lower_is, tokenize, Token};
use super::{Attribution, Attributor, Context, REACH_PARAGRAPHS};

/// Whom a mention stands for: a configured actor or a person of [`People`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Referent {
    Actor(usize),
    Person(usize),
}

/// A span that names an actor or a person other than by an actor's alias: a person's name, or a
/// role noun tied to either by apposition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Named {
    pub start: usize,
    pub end: usize,
    pub who: Referent,
}

/// The people of one article.
#[derive(Debug, Default)]
pub struct People {
    /// Each person's name, in the order of their first mention: the full name where the article
    /// gives one ("Jane Smith"), else the surname as titled ("Mr. Pruitt").
    pub names: Vec<String>,
    /// Every mention of a person, and every role noun that stands for an actor, in text order.
    pub mentions: Vec<Named>,
    /// For each attribution: the person its speaker is, if it is a speaker with no actor.
    pub speakers: Vec<Option<usize>>,
}

/// Titles before a name, in lower case and without their period: "Sen.", "President", "Ms", and
/// the roles that stand as titles at a sentence's start ("Actress Rosario Dawson").
#[rustfmt::skip]
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "mx", "miss", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "cmdr",
    "adm", "rev", "pres", "sec", "atty", "supt", "insp", "det", "sir", "dame", "lord", "lady", "president", "vice",
    "senator", "governor", "mayor", "judge", "justice", "minister", "prime", "secretary", "chancellor", "premier",
    "ambassador", "speaker", "chairman", "chairwoman", "commissioner", "director", "professor", "general", "colonel",
    "captain", "sergeant", "lieutenant", "admiral", "commander", "pope", "king", "queen", "prince", "princess",
    "sheikh", "emir", "rabbi", "imam", "bishop", "cardinal", "father", "pastor", "reverend", "doctor", "detective",
    "inspector", "coach", "representative", "congressman", "congresswoman", "councilman", "councilwoman", "deputy",
    "attorney", "chief", "reporter", "spokesman", "spokeswoman", "spokesperson", "leader", "editor", "actor",
    "actress", "singer", "comedian", "author", "writer", "columnist", "historian", "economist", "analyst",
    "strategist", "pollster", "consultant", "lawyer", "hacker", "activist", "founder", "ceo", "host", "anchor",
    "commentator", "correspondent", "filmmaker", "producer", "candidate", "nominee", "lawmaker", "official", "aide",
    "adviser", "advisor", "expert", "scientist", "researcher", "journalist", "blogger", "billionaire",
    "businessman", "businesswoman", "entrepreneur", "investor", "star", "prosecutor", "officer", "agent",
];

/// Lower-case particles inside a name: "Ursula von der Leyen", "Osama bin Laden".
#[rustfmt::skip]
const PARTICLES: &[&str] = &[
    "al", "bin", "ibn", "binti", "da", "das", "de", "del", "della", "der", "di", "dos", "du", "el", "la", "le", "van",
    "von", "zu",
];

/// Words after a surname that belong to the name: "Martin Luther King Jr."
const SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv"];

/// Words that make a capitalised phrase an organisation's or a place's name, not a person's:
/// "White House", "Justice Department", "New York Times".
#[rustfmt::skip]
const ORGANISATION_WORDS: &[&str] = &[
    "house", "department", "ministry", "office", "council", "committee", "court", "party", "times", "post", "news",
    "journal", "press", "agency", "bank", "union", "university", "college", "school", "institute", "association",
    "foundation", "commission", "government", "administration", "army", "navy", "police", "group", "company",
    "corporation", "inc", "corp", "ltd", "network", "center", "centre", "service", "services", "board", "authority",
    "forces", "command", "embassy", "parliament", "assembly", "congress", "senate", "republic", "kingdom", "states",
    "nations", "league", "federation", "club", "church", "hospital", "airlines", "media", "street", "county", "city",
    "watch", "project", "fund", "trust", "campaign", "coalition", "alliance", "movement", "front", "organization",
    "organisation", "society", "bureau", "magazine", "tribune", "herald", "gazette", "daily", "radio", "television",
    "museum", "hall", "palace", "guard", "reserve", "security", "intelligence", "affairs", "report", "chronicle",
    "telegraph", "examiner", "dealer", "inquirer",
];

/// Capitalised words that open a sentence before a name but are none of it: "Despite Smith’s
/// objections", besides the openers and determiners the speaker phrases know.
#[rustfmt::skip]
const OPENERS: &[&str] = &[
    "despite", "under", "without", "among", "amid", "during", "like", "unlike", "following", "against", "across",
    "through", "thanks", "according", "even", "only", "neither", "either", "all", "every", "no", "former", "dear",
    "hey", "oh", "yes", "please", "where", "ask", "tell", "eventually", "initially", "currently", "additionally",
    "ultimately", "clearly", "obviously", "apparently", "certainly", "reportedly", "notably", "similarly",
    "likewise", "fortunately", "unfortunately", "importantly", "interestingly", "ironically", "originally",
    "frankly", "honestly", "surprisingly", "usually", "typically", "overall", "together", "inside", "outside",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
];

/// Groups a capitalised opener may name: "Officials said" is nobody's name.
#[rustfmt::skip]
const GROUPS: &[&str] = &[
    "officials", "police", "authorities", "critics", "witnesses", "residents", "experts", "analysts", "sources",
    "observers", "protesters", "protestors", "supporters", "opponents", "others", "people", "investigators",
    "prosecutors", "lawmakers", "legislators", "democrats", "republicans", "conservatives", "liberals", "organizers",
    "organisers", "doctors", "scientists", "researchers", "economists", "diplomats", "activists", "leaders",
    "members", "voters", "students", "workers", "parents", "officers", "soldiers", "troops", "rebels", "militants",
    "locals", "villagers", "survivors", "victims", "families", "aides", "advisers", "advisors", "hours", "days",
];

/// Prepositions that open a sentence's setting: "In France, the police said" ties no role.
#[rustfmt::skip]
const PREPOSITIONS: &[&str] = &[
    "in", "at", "on", "for", "from", "with", "by", "to", "of", "into", "over", "after", "before", "during", "across",
    "near", "inside", "outside", "throughout", "under", "like", "beyond", "since", "until", "toward", "towards",
];

/// How many words a role phrase may have after its determiner: "a former adviser to the governor".
const ROLE_WORDS: usize = 8;

/// How many words before a surname may be its given names and titles.
const NAME_WORDS: usize = 4;

/// What is known of one name found: a person, if the end of the scan keeps it.
struct Candidate {
    name: String,
    /// The words of the full name ("Ursula von der Leyen"), for a shorter form that ends them.
    words: Vec<String>,
    /// For a surname with no full name: what the end of the scan checks it by.
    lone: Option<Lone>,
    /// An organisation's name, or one the article writes after "the".
    not_a_person: bool,
}

/// A surname that is a person with no full name, if the whole article agrees that it reads as a
/// name.
struct Lone {
    surname: String,
    /// Whether it was found as a sentence's first word ("Reprising his role, ..."), where only a
    /// capital elsewhere in a sentence shows a name.
    opens_sentence: bool,
}

/// Surnames looked for in lower case, and whether each was seen so. Every lower-case word of the
/// article comes here, so most are ruled out by their first byte and length before any hashing.
#[derive(Default)]
struct LowerCase {
    seen: HashMap<String, bool>,
    first_bytes: HashSet<u8>,
    /// Bit `n` for a word of `n` bytes (63 for longer).
    lengths: u64,
}

impl LowerCase {
    fn look_for(&mut self, surname: &str) {
        let word = surname.to_lowercase();
        self.first_bytes.extend(word.bytes().next());
        self.lengths |= 1 << word.len().min(63);
        self.seen.insert(word, false);
    }

    fn see(&mut self, word: &str) {
        let fits = self.lengths & 1 << word.len().min(63) != 0;
        if fits && word.bytes().next().is_some_and(|b| self.first_bytes.contains(&b)) {
            if let Some(seen) = self.seen.get_mut(word) {
                *seen = true;
            }
        }
    }

    fn seen(&self, surname: &str) -> bool {
        self.seen.get(&surname.to_lowercase()) == Some(&true)
    }
}

/// The state of the pass over the article.
struct Scan<'t, 'c> {
    attributor: &'c Attributor,
    cx: &'c Context<'t>,
    /// The surnames that end named speakers.
    seeds: HashSet<&'t str>,
    /// The role nouns of speakers such as "the senator".
    role_seeds: HashSet<&'t str>,
    /// Unlisted speaker spans, sorted, without a possessive's ending.
    speakers: Vec<(usize, usize)>,
    /// The surnames that speak alone ("“…,” Rice said"), and whether the article writes them in
    /// lower case ("the rice was cold").
    lower_case: LowerCase,
    /// Seeds the article writes after "the".
    determined: HashSet<&'t str>,
    /// Seeds the article writes capitalised inside a sentence, not as its first word.
    inside_sentences: HashSet<&'t str>,
    candidates: Vec<Candidate>,
    /// Full names (words joined by one space) to candidates.
    full: HashMap<String, usize>,
    /// The latest candidate of each surname.
    current: HashMap<&'t str, usize>,
    /// The latest referent tied to each role noun.
    roles: HashMap<&'t str, Referent>,
    /// Every name and role found, in text order; `Person` holds a candidate's index.
    found: Vec<Named>,
    /// Where the names of people not looked for end ("Dewayne Smithy"), in text order: a pronoun
    /// after one may stand for them.
    other_names: Vec<usize>,
    /// Whether a speaker is "he" or "she" with no actor, so that `other_names` are needed.
    pronouns_to_link: bool,
}

impl Attributor {
    /// The people of an article: named speakers who are not configured actors, each with every
    /// mention, and the person each attribution's speaker is.
    pub(super) fn people(&self, cx: &Context, quotes: &[Quote], attributions: &[Attribution]) -> People {
        let text = cx.text;
        let mut scan = Scan::new(self, cx, attributions);
        if scan.seeds.is_empty() && scan.role_seeds.is_empty() && cx.mentions.is_empty() {
            return People { speakers: vec![None; attributions.len()], ..People::default() };
        }
        let mut at = 0;
        let mut next_mention = 0;
        for paragraph in paragraphs(text) {
            let tokens = tokenize(text, at, at + paragraph.len());
            next_mention = scan.paragraph(&tokens, next_mention);
            at += paragraph.len();
        }
        scan.finish(quotes, attributions)
    }
}

impl<'t, 'c> Scan<'t, 'c> {
    fn new(attributor: &'c Attributor, cx: &'c Context<'t>, attributions: &[Attribution]) -> Scan<'t, 'c> {
        let mut scan = Scan {
            attributor,
            cx,
            seeds: HashSet::new(),
            role_seeds: HashSet::new(),
            speakers: Vec::new(),
            lower_case: LowerCase::default(),
            determined: HashSet::new(),
            inside_sentences: HashSet::new(),
            candidates: Vec::new(),
            full: HashMap::new(),
            current: HashMap::new(),
            roles: HashMap::new(),
            found: Vec::new(),
            other_names: Vec::new(),
            pronouns_to_link: false,
        };
        for s in attributions.iter().filter_map(|a| a.speaker).filter(|s| s.actor.is_none()) {
            if lower_is(&cx.text[s.start..s.end], &["he", "she"]) {
                scan.pronouns_to_link = true;
                continue;
            }
            let tokens = tokenize(cx.text, s.start, s.end);
            let Some(last) = tokens.last() else { continue };
            scan.speakers.push((s.start, last.start + strip_possessive(scan.word(last)).len()));
            // "the senator": a role; "the Zionist Union Party’s Nachman Shai": a name.
            if cx.is(&tokens[0], &["the"]) {
                if let Some((_, head)) = scan.role_phrase(&tokens, 0) {
                    let head = scan.word(&head);
                    scan.role_seeds.insert(head);
                    continue;
                }
            }
            let mut words = &tokens[..];
            if words.last().is_some_and(|t| is_suffix(scan.word(t))) {
                words = &words[..words.len() - 1];
            }
            let Some((surname, before)) = words.split_last() else { continue };
            let surname = strip_possessive(scan.word(surname));
            // "Speaker" alone is a title; "Martin Luther King" a name.
            let only_a_title = scan.is_title(surname)
                && !before.last().is_some_and(|t| is_name_word(scan.word(t)) && !scan.is_title(scan.word(t)));
            if is_name_word(surname) && !only_a_title && !scan.attributor.names.is_organisation(surname) {
                scan.seeds.insert(surname);
                if before.iter().all(|t| scan.is_title(scan.word(t))) {
                    scan.lower_case.look_for(surname);
                }
            }
        }
        scan.speakers.sort_unstable();
        scan.speakers.dedup();
        scan
    }

    fn word(&self, t: &Token) -> &'t str {
        &self.cx.text[t.start..t.end]
    }

    /// One paragraph's tokens; `mention` is the first actor mention not yet passed. Returns the
    /// first one after the paragraph.
    fn paragraph(&mut self, tokens: &[Token], mut mention: usize) -> usize {
        let mentions = self.cx.mentions;
        // Tokens before `floor` belong to a name, a role or a mention found already.
        let mut floor = 0;
        let mut i = 0;
        while i < tokens.len() {
            let t = tokens[i];
            while mentions.get(mention).is_some_and(|m| m.end <= t.start) {
                mention += 1;
            }
            if let Some(m) = mentions.get(mention).filter(|m| m.start < t.end) {
                let last = i + tokens[i + 1..].iter().take_while(|t| t.start < m.end).count();
                // "Sadiq, the envoy," / "Hamas, the militant group,"; never a place, which
                // lists and addresses put commas around: "Nice, France, the …".
                let kind = self.cx.config.actors[m.actor].kind;
                if matches!(kind, Kind::Person | Kind::Organization | Kind::Group) {
                    let who = Referent::Actor(m.actor);
                    self.role_before(tokens, i, last, who);
                    i = self.role_after(tokens, i, last, who);
                } else {
                    i = last + 1;
                }
                floor = i;
                continue;
            }
            if !t.word {
                i += 1;
                continue;
            }
            let word = self.word(&t);
            let capitalised = word.starts_with(char::is_uppercase);
            if !capitalised {
                self.lower_case.see(word);
            }
            // Names are capitalised but for a particle's ("al-Assad"); "the" may open a role.
            let next = match is_name_word(word) {
                true => self.name(tokens, i, floor),
                false => self.role_mention(tokens, i),
            };
            if let Some(next) = next {
                i = next;
                floor = i;
            } else {
                if capitalised && self.pronouns_to_link {
                    self.other_name(tokens, i, floor);
                }
                i += 1;
            }
        }
        mention
    }

    /// "the senator" after "Smith, the senator,": a mention of Smith. Returns the token after it.
    fn role_mention(&mut self, tokens: &[Token], i: usize) -> Option<usize> {
        let (the, noun) = (&tokens[i], tokens.get(i + 1)?);
        if self.roles.is_empty() || !matches!(self.word(the), "the" | "The" | "THE") || !noun.word {
            return None;
        }
        let head = strip_possessive(self.word(noun));
        let who = *self.roles.get(head)?;
        self.found.push(Named { start: the.start, end: noun.start + head.len(), who });
        Some(i + 2)
    }

    /// A name ending at `tokens[s]`, a surname looked for, with its given names and title
    /// before it (down to `floor`). Returns the token after it and any role tied to it.
    fn name(&mut self, tokens: &[Token], s: usize, floor: usize) -> Option<usize> {
        let surname = strip_possessive(self.word(&tokens[s]));
        if !is_name_word(surname) || !(self.seeds.contains(surname) || self.tied_to_role_seed(tokens, s)) {
            return None;
        }
        if !self.opens_sentence(tokens, s) {
            self.inside_sentences.insert(surname);
        }
        let possessive = surname.len() < self.word(&tokens[s]).len();
        let mut last = s;
        // "Article 33", "Route 66": a numbered thing.
        if tokens.get(s + 1).is_some_and(|t| self.word(t).starts_with(|c: char| c.is_ascii_digit())) {
            return None;
        }
        if let Some(next) = tokens.get(s + 1).filter(|t| t.word && is_name_word(self.word(t))) {
            // The name goes on ("Smith Barney"), unless with a suffix ("King Jr.", "King Jr.’s").
            if possessive || !is_suffix(strip_possessive(self.word(next))) {
                return None;
            }
            last = s + 1;
        }
        let first = self.name_start(tokens, s, floor);
        // A title ends at the last title word: "House Speaker Paul Ryan" is Paul Ryan, titled.
        let title_end = (first..s).rev().find(|&j| self.is_title(self.word(&tokens[j])));
        let (start, given) = match title_end {
            Some(end) => {
                let start = (first..=end).rev().take_while(|&j| self.is_title(self.word(&tokens[j]))).last().unwrap_or(end);
                (start, end + 1)
            }
            // Particles open a surname ("von der Leyen"), not given names.
            None => (first, (first..s).find(|&j| !PARTICLES.contains(&self.word(&tokens[j]))).unwrap_or(s)),
        };
        let end = tokens[last].start + strip_possessive(self.word(&tokens[last])).len();
        let words: Vec<&str> = tokens[given..s].iter().map(|t| self.word(t)).chain([surname]).collect();
        let has_given = words[..words.len() - 1].iter().any(|w| is_name_word(w));
        let after_article = self.after_article(tokens, start, last);
        if after_article {
            self.determined.insert(surname);
        }
        let candidate = if has_given {
            self.full_name(&words, after_article)
        } else if let Some(&c) = self.current.get(surname) {
            c
        } else if self.may_stand_alone(tokens, start, s, (tokens[start].start, end)) {
            let name: Vec<&str> = tokens[start..s].iter().map(|t| self.word(t)).chain([surname]).collect();
            self.candidates.push(Candidate {
                name: name.join(" "),
                words: vec![surname.to_owned()],
                lone: Some(Lone {
                    surname: surname.to_owned(),
                    opens_sentence: start == s && self.opens_sentence(tokens, s),
                }),
                not_a_person: false,
            });
            self.candidates.len() - 1
        } else {
            return Some(last + 1);
        };
        self.current.insert(surname, candidate);
        let who = Referent::Person(candidate);
        self.role_before(tokens, start, last, who);
        self.found.push(Named { start: tokens[start].start, end, who });
        Some(self.role_after(tokens, start, last, who))
    }

    /// Notes a person's name of two words or more, or with a title, ending at `tokens[i]` that is
    /// not looked for: "Dewayne Smithy, 33, dismisses the idea … “…,” he said" is not about the
    /// person named before Smithy.
    fn other_name(&mut self, tokens: &[Token], i: usize, floor: usize) {
        let ends = is_name_word(strip_possessive(self.word(&tokens[i])))
            && !tokens.get(i + 1).is_some_and(|t| t.word && is_name_word(self.word(t)));
        if !ends {
            return;
        }
        let start = self.name_start(tokens, i, floor);
        let words = || tokens[start..=i].iter().map(|t| strip_possessive(self.word(t)));
        let names = words().filter(|w| is_name_word(w) && !self.is_title(w)).count();
        let titled = words().any(|w| self.is_title(w));
        let organisation = words().any(|w| self.attributor.names.is_organisation(w));
        if (names >= 2 || (titled && names == 1)) && !organisation && !self.after_article(tokens, start, i) {
            self.other_names.push(tokens[i].end);
        }
    }

    /// Where a name ending at `tokens[s]` starts: its given names, particles and titles before
    /// it, down to `floor`, never a sentence's opening word ("Despite Smith’s objections").
    fn name_start(&self, tokens: &[Token], s: usize, floor: usize) -> usize {
        let mut first = s;
        while first > floor && s - first < NAME_WORDS {
            let t = &tokens[first - 1];
            let w = self.word(t);
            let fits = t.word
                && strip_possessive(w) == w
                && ((is_name_word(w) && !self.opener(w)) || PARTICLES.contains(&w) || self.is_title(w));
            if !fits {
                break;
            }
            first -= 1;
        }
        first
    }

    /// Whether the name `tokens[start..=last]` follows "the" as an organisation's or a place's
    /// name does ("the Pentagon said", "the White House’s"), not as a word describing what
    /// follows it ("the Clinton campaign"). "A Maureen Sherry" is still a person.
    fn after_article(&self, tokens: &[Token], start: usize, last: usize) -> bool {
        let cx = self.cx;
        let describes = tokens.get(last + 1).is_some_and(|t| {
            t.word
                && self.word(t).starts_with(char::is_lowercase)
                && !(self.attributor.is_verb(cx, t) || cx.is(t, AUXILIARIES) || cx.is(t, NOT_IN_SPEAKER))
        });
        let possessive = strip_possessive(self.word(&tokens[last])).len() < self.word(&tokens[last]).len();
        start > 0 && cx.is(&tokens[start - 1], &["the"]) && (possessive || !describes)
    }

    /// The candidate of a full name: the same words before, a longer name of that surname that
    /// ends with them ("von der Leyen" after "Ursula von der Leyen"), or a new one.
    fn full_name(&mut self, words: &[&str], after_article: bool) -> usize {
        let key = words.join(" ");
        let surname = words[words.len() - 1];
        let known = self.full.get(&key).copied().or_else(|| {
            let &c = self.current.get(surname)?;
            let longer = &self.candidates[c].words;
            (longer.len() > words.len() && longer[longer.len() - words.len()..].iter().zip(words).all(|(a, b)| a == b))
                .then_some(c)
        });
        let c = known.unwrap_or_else(|| {
            let organisation = words.iter().any(|w| self.attributor.names.is_organisation(w));
            self.candidates.push(Candidate {
                name: key.clone(),
                words: words.iter().map(|w| w.to_string()).collect(),
                lone: None,
                not_a_person: organisation,
            });
            self.candidates.len() - 1
        });
        self.candidates[c].not_a_person |= after_article;
        self.full.insert(key, c);
        c
    }

    /// Whether a surname with no full name before it, `tokens[start..=s]` (with any title), may
    /// be a person of its own: it speaks, or is tied to a role that speaks, and reads as a name.
    fn may_stand_alone(&self, tokens: &[Token], start: usize, s: usize, span: (usize, usize)) -> bool {
        let speaks = self.speakers.binary_search(&span).is_ok() || self.tied_to_role_seed(tokens, s);
        let surname = strip_possessive(self.word(&tokens[s]));
        let titled = start < s;
        // "Birmingham, Alabama,": a place after a place.
        let after_a_place = start >= 2
            && self.cx.punct(&tokens[start - 1], ",")
            && tokens[start - 2].word
            && is_name_word(self.word(&tokens[start - 2]));
        speaks && !after_a_place && (titled || !(self.opener(surname) || lower_is(surname, GROUPS)))
    }

    /// Whether `tokens[i]` is a sentence's first word: the paragraph's, or after a sentence's end,
    /// a colon, a parenthesis or dash, an opening quote mark, or a quote that ends a sentence
    /// (“We won.” Giant screens …, where “We won,” Obama said is one sentence).
    fn opens_sentence(&self, tokens: &[Token], i: usize) -> bool {
        let cx = self.cx;
        let Some(before) = i.checked_sub(1).map(|b| &tokens[b]) else { return true };
        let ends = |t: &Token| cx.punct(t, ".!?");
        cx.punct(before, ".!?:;([—–“‘«„")
            || (quotes::is_mark(self.word(before)) && (i < 2 || ends(&tokens[i - 2])))
    }

    fn opener(&self, word: &str) -> bool {
        self.attributor.names.is_opener(word)
    }

    fn is_title(&self, word: &str) -> bool {
        self.attributor.names.is_title(word)
    }

    /// Whether the name ending at `tokens[s]` is tied by apposition to a role noun that speaks:
    /// "Smith, the senator," or "the senator, Smith," where "the senator said".
    fn tied_to_role_seed(&self, tokens: &[Token], s: usize) -> bool {
        // Most capitalised words have no comma near them: spare them the search for a name's start.
        let comma_near = |from: usize, to: usize| tokens[from..to.min(tokens.len())].iter().any(|t| self.cx.punct(t, ","));
        if self.role_seeds.is_empty() || !comma_near(s.saturating_sub(NAME_WORDS + 1), s + 2) {
            return false;
        }
        let start = self.name_start(tokens, s, 0);
        let after = self.apposition_after(tokens, start, s).map(|(_, head)| head);
        let before = || self.apposition_before(tokens, start, s).map(|(_, head)| head);
        after.or_else(before).is_some_and(|head| self.role_seeds.contains(self.word(&head)))
    }

    /// A role tied to the name or mention `tokens[start..=last]` by a role phrase before it: "the
    /// senator, Jane Smith,".
    fn role_before(&mut self, tokens: &[Token], start: usize, last: usize, who: Referent) {
        let Some((d, head)) = self.apposition_before(tokens, start, last) else { return };
        // The phrase was taken for an earlier tie of the same role noun: it is this one's.
        if self.found.last().is_some_and(|f| f.start == tokens[d].start) {
            self.found.pop();
        }
        self.tie(tokens[d].start, head, who);
    }

    /// A role tied to the name or mention `tokens[start..=last]` by a role phrase after it:
    /// "Smith, the senator,". Returns the token to go on from: after the phrase, if there is one.
    fn role_after(&mut self, tokens: &[Token], start: usize, last: usize, who: Referent) -> usize {
        match self.apposition_after(tokens, start, last) {
            Some((end, head)) => {
                self.tie(tokens[last + 2].start, head, who);
                end
            }
            None => last + 1,
        }
    }

    fn tie(&mut self, start: usize, head: Token, who: Referent) {
        let noun = strip_possessive(self.word(&head));
        self.roles.insert(noun, who);
        self.found.push(Named { start, end: head.start + noun.len(), who });
    }

    /// ", the senator," after the name or mention `tokens[start..=last]`: where the phrase ends,
    /// and its head noun. Not after a preposition ("In Ohio, the police said", "of the Party, a
    /// way to …") nor in a list ("Medicare, Medicaid, the CHIP program,").
    fn apposition_after(&self, tokens: &[Token], start: usize, last: usize) -> Option<(usize, Token)> {
        let cx = self.cx;
        let before = |back: usize| start.checked_sub(back).map(|j| &tokens[j]);
        let preposition = |t: Option<&Token>| t.is_some_and(|t| cx.is(t, PREPOSITIONS));
        let setting = || {
            preposition(before(1))
                || (before(1).is_some_and(|t| cx.is(t, &["the", "a", "an"])) && preposition(before(2)))
        };
        let comma = |t: Option<&Token>| t.is_some_and(|t| cx.punct(t, ","));
        if !comma(tokens.get(last + 1)) || comma(before(1)) || setting() {
            return None;
        }
        let (end, head) = self.role_phrase(tokens, last + 2)?;
        self.ends_apposition(tokens, end).then_some((end, head))
    }

    /// "the senator, " before `tokens[start]` (a name or mention ending at `tokens[last]` that
    /// is closed by punctuation): where the phrase starts, and its head noun.
    fn apposition_before(&self, tokens: &[Token], start: usize, last: usize) -> Option<(usize, Token)> {
        let cx = self.cx;
        let comma = start.checked_sub(1).filter(|&c| cx.punct(&tokens[c], ","))?;
        if !self.ends_apposition(tokens, last + 1) {
            return None;
        }
        // The nearest determiner that is not after "of": "the mayor of the city, Jane Smith,".
        let d = (comma.saturating_sub(ROLE_WORDS + 1)..comma)
            .rev()
            .take_while(|&j| tokens[j].word)
            .find(|&j| cx.is(&tokens[j], &["the", "a", "an"]) && !(j > 0 && cx.is(&tokens[j - 1], &["of"])))?;
        // "…, the weakest military in decades, ISIS, …" is a list.
        let listed = d > 0 && cx.punct(&tokens[d - 1], ",");
        let (end, head) = self.role_phrase(tokens, d)?;
        (end == comma && !listed).then_some((d, head))
    }

    /// Whether a role phrase or a name ending before `tokens[end]` is closed there, as an
    /// apposition is: by punctuation or the end of the paragraph.
    fn ends_apposition(&self, tokens: &[Token], end: usize) -> bool {
        tokens.get(end).is_none_or(|t| self.cx.punct(t, ",.;:)—–"))
    }

    /// A role phrase at `tokens[d]`, a determiner: "the senator", "a former adviser to the
    /// governor", "the committee’s chairwoman". Returns the token after its words and its head
    /// noun, the last word before a preposition or clause ("adviser"), which starts in lower case.
    fn role_phrase(&self, tokens: &[Token], d: usize) -> Option<(usize, Token)> {
        let cx = self.cx;
        if !cx.is(tokens.get(d)?, &["the", "a", "an"]) {
            return None;
        }
        let words = tokens[d + 1..].iter().take(ROLE_WORDS + 1).take_while(|t| t.word).count();
        if words == 0 || words > ROLE_WORDS {
            return None;
        }
        let phrase = &tokens[d + 1..d + 1 + words];
        let head_at = phrase.iter().position(|t| cx.is(t, NOT_IN_SPEAKER) || cx.is(t, &["of"])).unwrap_or(words);
        let head = *phrase[..head_at].last()?;
        let noun = strip_possessive(cx.word(&head));
        // "a broker based in Miami", "a pollster working for": no noun to call him by.
        let participle = ["ed", "ing", "ly"].iter().any(|end| noun.ends_with(end));
        let reads = noun == cx.word(&head)
            && !participle
            && noun.len() > 2
            && noun.chars().all(char::is_alphabetic)
            && noun.starts_with(char::is_lowercase)
            && !self.attributor.is_verb(cx, &head);
        reads.then_some((d + 1 + words, head))
    }

    /// The people kept and reported, and each speaker's person.
    fn finish(mut self, quotes: &[Quote], attributions: &[Attribution]) -> People {
        let kept: Vec<bool> = self
            .candidates
            .iter()
            .map(|c| {
                let common = c.lone.as_ref().is_some_and(|lone| {
                    let surname = lone.surname.as_str();
                    self.lower_case.seen(surname)
                        || self.determined.contains(surname)
                        || (lone.opens_sentence && !self.inside_sentences.contains(surname))
                });
                !c.not_a_person && !common
            })
            .collect();
        self.found.retain(|f| match f.who {
            Referent::Person(c) => kept[c],
            Referent::Actor(_) => true,
        });
        let found = &self.found;
        let person = |f: &Named| match f.who {
            Referent::Person(c) => Some(c),
            Referent::Actor(_) => None,
        };
        // A speaker is the person of the last mention in it or overlapping it ("Leyen" of "von
        // der Leyen", "Smith" of "political scientist Jane Smith").
        let mut speakers: Vec<Option<usize>> = attributions
            .iter()
            .map(|a| {
                let s = a.speaker.filter(|s| s.actor.is_none())?;
                let from = found.partition_point(|f| f.end <= s.start);
                found[from..].iter().take_while(|f| f.start < s.end).filter_map(person).last()
            })
            .collect();
        let mut reported = vec![false; self.candidates.len()];
        for &c in speakers.iter().flatten() {
            reported[c] = true;
        }
        // A pronoun that refers to no actor: the person of the latest name before it, in reach.
        for (a, speaker) in attributions.iter().zip(&mut speakers) {
            let Some(s) = a.speaker.filter(|s| s.actor.is_none()) else { continue };
            if !lower_is(&self.cx.text[s.start..s.end], &["he", "she"]) {
                continue;
            }
            let at = s.start.min(a.parts.first().map_or(s.start, |&i| quotes[i].start));
            let reach = self.cx.paragraphs[self.cx.paragraph_of(at).saturating_sub(REACH_PARAGRAPHS)];
            let latest = found[..found.partition_point(|f| f.end <= at)].last().filter(|f| f.start >= reach);
            let nobody_between = |f: &&Named| {
                let after = self.other_names.partition_point(|&end| end <= f.end);
                self.other_names.get(after).is_none_or(|&end| end > at)
            };
            *speaker = latest.filter(nobody_between).and_then(person).filter(|&c| reported[c]);
        }
        // Number the reported people in the order of their first mention.
        let mut number = vec![None; self.candidates.len()];
        let mut names = Vec::new();
        for (c, candidate) in self.candidates.into_iter().enumerate() {
            if reported[c] {
                number[c] = Some(names.len());
                names.push(candidate.name);
            }
        }
        let mentions = found
            .iter()
            .filter_map(|f| match f.who {
                Referent::Person(c) => Some(Named { who: Referent::Person(number[c]?), ..*f }),
                Referent::Actor(_) => Some(*f),
            })
            .collect();
        let speakers = speakers.into_iter().map(|c| c.and_then(|c| number[c])).collect();
        People { names, mentions, speakers }
    }
}

/// Whether `word` can be one of a person's names: a capitalised word with a lower-case letter
/// ("Smith", "O’Brien", "Holtz-Eakin", "McCain", "Élise"), one after an Arabic article
/// ("al-Assad"), or an initial ("W."). Every word of an article comes here.
fn is_name_word(word: &str) -> bool {
    match word.as_bytes().first() {
        None => false,
        Some(b'a' | b'b' | b'd' | b'e' | b'i') if word.len() > 3 => {
            ["al-", "el-", "bin-", "ibn-", "d’", "d'"].iter().any(|p| word.strip_prefix(p).is_some_and(is_capitalised_name))
        }
        Some(b) if b.is_ascii_lowercase() => false,
        Some(_) => is_capitalised_name(word),
    }
}

/// [`is_name_word`] without a particle before it.
fn is_capitalised_name(body: &str) -> bool {
    if body.is_ascii() {
        // The same test, byte by byte, for most words of most articles.
        let bytes = body.as_bytes();
        let (second, rest) = (bytes.get(1), bytes.get(1..).unwrap_or_default());
        let second_fits = second.is_some_and(u8::is_ascii_alphabetic)
            || (second == Some(&b'\'') && bytes.get(2).is_some_and(u8::is_ascii_uppercase));
        return bytes[0].is_ascii_uppercase()
            && (rest == b"."
                || (second_fits
                    && rest.iter().any(u8::is_ascii_lowercase)
                    && rest.iter().all(|b| b.is_ascii_alphabetic() || b"-'.".contains(b))));
    }
    let mut chars = body.chars();
    let Some(first) = chars.next() else { return false };
    if !first.is_uppercase() {
        return false;
    }
    let rest = chars.as_str();
    // "O’Brien" and "Holtz-Eakin", not "T-shirts".
    let after_apostrophe = rest.strip_prefix(['’', '\'']).is_some_and(|r| r.starts_with(char::is_uppercase));
    let second_fits = rest.starts_with(char::is_alphabetic) || after_apostrophe;
    rest == "."
        || (second_fits
            && rest.chars().any(char::is_lowercase)
            && rest.chars().all(|c| c.is_alphabetic() || "-'’.".contains(c)))
}

/// The word lists above as sets, for a pass that looks up every capitalised word: built once,
/// with the [`Attributor`].
pub(super) struct NameWords {
    titles: HashSet<&'static str>,
    organisations: HashSet<&'static str>,
    /// Words that open sentences and are never names: the openers, determiners, pronouns and
    /// reporting verbs.
    openers: HashSet<String>,
}

impl NameWords {
    pub(super) fn new(verbs: &HashSet<String>) -> NameWords {
        let lists = [OPENERS, NOT_SPEAKER_START, NOT_IN_SPEAKER, DETERMINERS, &["i", "we", "you", "he", "she", "they", "it"]];
        let openers = lists.iter().flat_map(|l| l.iter().map(|w| w.to_string())).chain(verbs.iter().cloned());
        NameWords {
            titles: TITLES.iter().copied().collect(),
            organisations: ORGANISATION_WORDS.iter().copied().collect(),
            openers: openers.collect(),
        }
    }

    /// A title before a name, capitalised: "Sen.", "President", "Ms".
    fn is_title(&self, word: &str) -> bool {
        word.starts_with(char::is_uppercase)
            && ascii_lower(word.strip_suffix('.').unwrap_or(word), &mut [0; 24]).is_some_and(|w| self.titles.contains(w))
    }

    fn is_organisation(&self, word: &str) -> bool {
        ascii_lower(word, &mut [0; 24]).is_some_and(|w| self.organisations.contains(w))
    }

    /// Whether a capitalised word is a common word that opens sentences ("Despite", "However",
    /// "Asked"), not a name.
    fn is_opener(&self, word: &str) -> bool {
        ascii_lower(word, &mut [0; 24]).is_some_and(|w| self.openers.contains(w))
    }
}

/// `word` in lower case, in `buffer`, if it is ASCII and fits: every word of the lists is.
fn ascii_lower<'b>(word: &str, buffer: &'b mut [u8; 24]) -> Option<&'b str> {
    let bytes = word.as_bytes();
    let lower = buffer.get_mut(..bytes.len()).filter(|_| word.is_ascii())?;
    for (to, from) in lower.iter_mut().zip(bytes) {
        *to = from.to_ascii_lowercase();
    }
    std::str::from_utf8(lower).ok()
}

fn is_suffix(word: &str) -> bool {
    lower_is(word.strip_suffix('.').unwrap_or(word), SUFFIXES)
}

/// `word` without a possessive's ending: "Smith" of "Smith’s", "Jones" of "Jones’".
fn strip_possessive(word: &str) -> &str {
    if !word.ends_with(['s', 'S', '’', '\'']) {
        return word;
    }
    ["’s", "'s", "’S", "'S", "’", "'"].iter().find_map(|p| word.strip_suffix(p)).unwrap_or(word)
}

#[cfg(test)]
mod tests {
    use crate::attribution::testing::{people, s};

    fn person(name: &str, mentions: &[&str]) -> (String, Vec<String>) {
        (name.to_owned(), mentions.iter().map(|m| m.to_string()).collect())
    }

    #[test]
    fn a_full_name_its_surname_titles_and_role_are_one_person() {
        let (found, speakers) = people(
            "Jane Smith, the senator, arrived in Lahore on Monday.\n“We will not back down,” Smith said.\n\
             The senator added: “Not this year.”\n“It is over,” Ms. Smith told reporters.\n\
             “We agree,” said Sen. Smith.",
        );
        let mentions = ["Jane Smith", "the senator", "Smith", "The senator", "Ms. Smith", "Sen. Smith"];
        assert_eq!(found, [person("Jane Smith", &mentions)]);
        assert_eq!(speakers, [s("Jane Smith"), s("Jane Smith"), s("Jane Smith"), s("Jane Smith")]);
    }

    #[test]
    fn a_role_before_the_name_ties_it_and_a_role_that_speaks_finds_it() {
        // Smith never speaks by name: the role that speaks is what makes her looked for.
        let (found, speakers) = people("The senator, Jane Smith, arrived on Monday.\n“Enough,” the senator said.");
        assert_eq!(found, [person("Jane Smith", &["The senator", "Jane Smith", "the senator"])]);
        assert_eq!(speakers, [s("Jane Smith")]);
        let (found, _) =
            people("Mr. Pruitt, a former adviser to the governor, wrote to us.\n“It failed,” the adviser said.");
        assert_eq!(found, [person("Mr. Pruitt", &["Mr. Pruitt", "a former adviser", "the adviser"])]);
    }

    #[test]
    fn a_surname_is_the_latest_full_name_of_it() {
        let (found, speakers) =
            people("“Yes,” Jane Smith said.\nJohn Smith arrived later.\n“No,” Smith said.\n“Maybe,” said Jane Smith.");
        assert_eq!(found, [person("Jane Smith", &["Jane Smith", "Jane Smith"]), person("John Smith", &["John Smith", "Smith"])]);
        assert_eq!(speakers, [s("Jane Smith"), s("John Smith"), s("Jane Smith")]);
    }

    #[test]
    fn shapes_of_names() {
        let (found, _) = people("Ursula von der Leyen arrived.\n“Enough,” von der Leyen said.");
        assert_eq!(found, [person("Ursula von der Leyen", &["Ursula von der Leyen", "von der Leyen"])]);
        let (found, _) = people("Cal Ripken Jr.’s team lost.\n“We tried,” said Cal Ripken Jr.\n“Next year,” Ripken added.");
        assert_eq!(found, [person("Cal Ripken", &["Cal Ripken Jr.", "Cal Ripken Jr.", "Ripken"])]);
        let (found, _) = people("Jane Smith’s plan failed.\n“It failed,” said House Speaker Jane Smith.");
        assert_eq!(found, [person("Jane Smith", &["Jane Smith", "Speaker Jane Smith"])]);
        let (found, _) = people("George W. Bush spoke.\n“We will prevail,” Bush said.");
        assert_eq!(found, [person("George W. Bush", &["George W. Bush", "Bush"])]);
        // A sentence's first word is no given name.
        let (found, _) = people("“It is over,” Jane Smith said.\nDespite Smith’s objections the bill passed.");
        assert_eq!(found, [person("Jane Smith", &["Jane Smith", "Smith"])]);
    }

    #[test]
    fn a_lone_surname_is_a_person_only_where_it_reads_as_a_name() {
        assert_eq!(people("“We won,” Pruitt said.").0, [person("Pruitt", &["Pruitt"])]);
        assert_eq!(people("Mr. Pruitt said: “We won.”").0, [person("Mr. Pruitt", &["Mr. Pruitt"])]);
        // Written in lower case elsewhere, after "the", only opening sentences, or a group.
        assert_eq!(people("“We won,” Rice said. The rice was cold.").0, []);
        assert_eq!(people("“No comment,” Pentagon said.\nLater the Pentagon said more.").0, []);
        assert_eq!(people("Giant screens glowed.\nGiant said: “Welcome to all of you.”").0, []);
        assert_eq!(people("Officials said: “Nothing has changed here.”").0, []);
        // Unless it also stands inside a sentence: "Obama" opens sentences as a name too.
        assert_eq!(people("Obama said: “We won.”\nThey cheered for Obama.").0, [person("Obama", &["Obama", "Obama"])]);
    }

    #[test]
    fn descriptions_and_organisations_are_not_people() {
        let text = "“We are watching,” a State Department spokeswoman said.\n“Nothing changed,” officials said.\n\
                    “It is done,” the White House said.\n“It is not,” White House said.\n“Maybe,” AP said.\n\
                    “Certainly,” State Department officials said.";
        assert_eq!(people(text), (vec![], vec![None; 6]));
    }

    #[test]
    fn a_pronoun_with_no_actor_is_the_latest_person_named() {
        let (_, speakers) = people("“We won,” Jane Smith said.\n“And we will win again,” she added.");
        assert_eq!(speakers, [s("Jane Smith"), s("Jane Smith")]);
        // Somebody else named in between, or an actor to refer to, and the pronoun is not hers.
        let (_, speakers) = people("“We won,” Jane Smith said.\nDewayne Smithy arrived.\n“Nothing changes,” he said.");
        assert_eq!(speakers, [s("Jane Smith"), None]);
        let (_, speakers) = people("“We won,” Jane Smith said.\nMaria Lopez arrived.\n“No,” she said.");
        assert_eq!(speakers, [s("Jane Smith"), None]);
        let (_, speakers) = people("“We won,” Jane Smith said.\nOne.\nTwo.\nThree.\n“No,” she said.");
        assert_eq!(speakers, [s("Jane Smith"), None]);
    }

    #[test]
    fn no_apposition_in_a_setting_or_a_list() {
        let (found, _) = people("In Smith, the police said nothing.\n“We won,” Jane Smith said.\n“Fine,” the police said.");
        assert_eq!(found, [person("Jane Smith", &["Jane Smith"])]);
        let (found, _) = people("“We won,” Jane Smith said.\nThey met Jones, Smith, the mayor, and others.\n“Fine,” the mayor said.");
        assert_eq!(found, [person("Jane Smith", &["Jane Smith", "Smith"])]);
    }
}
