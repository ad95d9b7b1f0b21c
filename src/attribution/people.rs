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
//!   or a capital that is no common opener of sentences ("Challenged", "However") and that the
//!   article writes inside a sentence somewhere, not only as a sentence's first word ("Giant
//!   screens glowed."); never a word it writes after "the" ("the Pentagon"), nor a group
//!   ("Officials").
//!
//! Not people: descriptions ("a State Department spokeswoman", "officials"), a name after an
//! article ("the White House"), a name with a word of an organisation or place in it ("White
//! House", "Justice Department"), words in capitals ("AP") and names in scripts without case,
//! which have no capital to know a name by.
//!
//! Only names that a speaker ends with, or tied to a role that speaks, are looked for: a person is
//! somebody quoted. A person is reported when a speaker with no actor is, or holds, one of their
//! mentions; a pronoun speaker ("she said") that refers to no actor is the person of the latest
//! name within two paragraphs before it, if that is a reported person and no other name stands
//! between them. Attribution is not changed by any of this: only the links are added.
//!
//! It costs a scan a third to a half as much again (`tests/BENCHMARKS.md`), so it reads
//! closely only where it must: one pass over the article's capitalised words, eight bytes at a
//! time, stops at the surnames looked for (and, where a role speaks, at names with a comma
//! beside them), at actor mentions with a comma beside them, and, once a role is tied, at "the";
//! only the few words around each are split into tokens. Full names, surnames and roles are
//! looked up in hash maps, never searched for among the people found, so a text of nothing but
//! names takes time in proportion to its length.

use std::collections::{HashMap, HashSet};

use crate::actors::Mention;
use crate::bytes::{find_byte, find_letter, holds_between, holds_high};
use crate::config::Kind;
use crate::paragraphs::is_paragraph_break;
use crate::quotes::{self, Quote};

use super::cues::AUXILIARIES;
use super::speakers::{DETERMINERS, NOT_IN_SPEAKER, NOT_SPEAKER_START};
use super::tokens::{char_at, lower_is, tokenize, Token};
use super::windows::{around, floor_boundary};
use super::{Attribution, Attributor, Context, REACH_PARAGRAPHS};

/// Whom a mention stands for: a configured actor or a person of [`People`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Referent {
    Actor(usize),
    Person(usize),
}

/// A span that names an actor or a person: an actor's mention, a person's name, a role noun tied
/// to either by apposition, or a pronoun standing for an actor.
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
const TITLES: &str = "\
    mr mrs ms mx miss dr prof sen rep gov gen lt col sgt capt cmdr adm rev pres sec atty supt insp det sir dame \
    lord lady president vice senator governor mayor judge justice minister prime secretary chancellor premier \
    ambassador speaker chairman chairwoman commissioner director professor general colonel captain sergeant \
    lieutenant admiral commander pope king queen prince princess sheikh emir rabbi imam bishop cardinal father \
    pastor reverend doctor detective inspector coach representative congressman congresswoman councilman \
    councilwoman deputy attorney chief reporter spokesman spokeswoman spokesperson leader editor actor actress \
    singer comedian author writer columnist historian economist analyst strategist pollster consultant lawyer \
    hacker activist founder ceo host anchor commentator correspondent filmmaker producer candidate nominee \
    lawmaker official aide adviser advisor expert scientist researcher journalist blogger billionaire businessman \
    businesswoman entrepreneur investor star prosecutor officer agent";

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
const ORGANISATION_WORDS: &str = "\
    house department ministry office council committee court party times post news journal press agency bank union \
    university college school institute association foundation commission government administration army navy \
    police group company corporation inc corp ltd network center centre service services board authority forces \
    command embassy parliament assembly congress senate republic kingdom states nations league federation club \
    church hospital airlines media street county city watch project fund trust campaign coalition alliance \
    movement front organization organisation society bureau magazine tribune herald gazette daily radio television \
    museum hall palace guard reserve security intelligence affairs report chronicle telegraph examiner dealer \
    inquirer";

/// Capitalised words that open a sentence before a name but are none of it: "Despite Smith’s
/// objections", besides the openers and determiners the speaker phrases know.
const OPENERS: &str = "\
    despite under without among amid during like unlike following against across through thanks according even \
    only neither either all every no former dear hey oh yes please where ask tell eventually initially currently \
    additionally ultimately clearly obviously apparently certainly reportedly notably similarly likewise \
    fortunately unfortunately importantly interestingly ironically originally frankly honestly surprisingly \
    usually typically overall together inside outside monday tuesday wednesday thursday friday saturday sunday \
    does do did are were will would can could should must has have had whatever whoever whether unless whenever \
    wherever perhaps maybe let thus still here";

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

/// How many bytes either side of a name or mention are read for its titles, given names and role.
const AROUND: usize = 96;

/// How far back from a pronoun speaker the name it stands for may be, in bytes: the stretch
/// between them is read for other names, so each pronoun costs at most this much.
const PRONOUN_BYTES: usize = 1_000;

/// How many words before a surname may be its given names and titles.
const NAME_WORDS: usize = 4;

/// What is known of one name found: a person, if the end of the scan keeps it.
struct Candidate<'t> {
    name: String,
    /// The words of the full name ("Ursula von der Leyen"), for a shorter form that ends them.
    words: Vec<&'t str>,
    /// For a surname with no full name: what the end of the scan checks it by.
    lone: Option<Lone<'t>>,
    /// An organisation's name, or one the article writes after "the".
    not_a_person: bool,
}

/// A surname that is a person with no full name, if the whole article agrees that it reads as a
/// name.
struct Lone<'t> {
    surname: &'t str,
    /// Whether it was found as a sentence's first word ("Reprising his role, ..."), where only a
    /// capital elsewhere in a sentence shows a name.
    opens_sentence: bool,
}

/// The state of the pass over the article.
struct Scan<'t, 'c> {
    attributor: &'c Attributor,
    cx: &'c Context<'t>,
    /// The surnames that end named speakers.
    seeds: HashSet<&'t str>,
    /// The role nouns of speakers such as "the senator".
    role_seeds: HashSet<&'t str>,
    /// What unlisted speakers are written as, without a possessive's ending ("Mr. Pruitt").
    speakers: HashSet<&'t str>,
    /// Seeds the article writes after "the".
    determined: HashSet<&'t str>,
    /// Seeds the article writes capitalised inside a sentence, not as its first word.
    inside_sentences: HashSet<&'t str>,
    candidates: Vec<Candidate<'t>>,
    /// Full names (words joined by one space) to candidates.
    full: HashMap<String, usize>,
    /// The latest candidate of each surname.
    current: HashMap<String, usize>,
    /// Each role noun tied to someone ("senator" of "Smith, the senator,"), to its list in `ties`.
    role_nouns: HashMap<String, usize>,
    /// For each role noun, where it is tied and to whom, in text order.
    ties: Vec<Vec<(usize, Referent)>>,
    /// Every name and role found, in text order, none overlapping; `Person` holds a candidate's
    /// index.
    found: Vec<Named>,
}

impl Attributor {
    /// The people of an article: named speakers who are not configured actors, each with every
    /// mention, and the person each attribution's speaker is.
    pub(super) fn people(&self, cx: &Context, quotes: &[Quote], attributions: &[Attribution]) -> People {
        let mut scan = Scan::new(self, cx, attributions);
        if scan.seeds.is_empty() && scan.role_seeds.is_empty() && cx.mentions.is_empty() {
            return People { speakers: vec![None; attributions.len()], ..People::default() };
        }
        scan.read();
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
            speakers: HashSet::new(),
            determined: HashSet::new(),
            inside_sentences: HashSet::new(),
            candidates: Vec::new(),
            full: HashMap::new(),
            current: HashMap::new(),
            role_nouns: HashMap::new(),
            ties: Vec::new(),
            found: Vec::new(),
        };
        for s in attributions.iter().filter_map(|a| a.speaker).filter(|s| s.actor.is_none()) {
            if lower_is(&cx.text[s.start..s.end], &["he", "she"]) {
                continue;
            }
            let tokens = tokenize(cx.text, s.start, s.end);
            let Some(last) = tokens.last() else { continue };
            scan.speakers.insert(&cx.text[s.start..last.start + strip_possessive(scan.word(last)).len()]);
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
            }
        }
        scan
    }

    fn word(&self, t: &Token) -> &'t str {
        &self.cx.text[t.start..t.end]
    }

    /// The pass over the article: its capitalised words that are surnames looked for, or names
    /// a comma may tie to a role that speaks, and its actor mentions, in text order, each read in
    /// the tokens around it; then the role nouns tied to someone, wherever "the" stands before
    /// them.
    fn read(&mut self) {
        let text = self.cx.text;
        let mentions = self.cx.mentions;
        let initials = Initials::of(self.seeds.iter().copied());
        let mut mention = 0;
        // What lies before `floor` belongs to a name, a role or a mention found already.
        let mut floor = 0;
        for (start, end) in capitalised_words(text) {
            while let Some(m) = mentions.get(mention).filter(|m| m.start <= start) {
                mention += 1;
                if m.start >= floor {
                    floor = self.mention(m);
                }
            }
            let surname = strip_possessive(&text[start..end]);
            let sought = initials.may_hold(surname) && self.seeds.contains(surname);
            if start >= floor && (sought || (!self.role_seeds.is_empty() && self.apposed((start, end)))) {
                floor = self.name_at((start, end), floor).unwrap_or(floor);
            }
        }
        for m in &mentions[mention..] {
            if m.start >= floor {
                floor = self.mention(m);
            }
        }
        self.role_mentions();
    }

    /// Whether the name or mention `span` may stand in apposition, as far as the bytes around it
    /// tell without reading its words: ", the …" or ", a …" after it, or "the …, " before it and
    /// the capitalised words before it. Most names and mentions do not, and are spared a window.
    fn apposed(&self, (start, end): (usize, usize)) -> bool {
        let text = self.cx.text;
        let after = text[end..].trim_start_matches(['’', '\'', 's']);
        if [", the ", ", a ", ", an "].iter().any(|apposition| after.starts_with(apposition)) {
            return true;
        }
        let before = &text.as_bytes()[start.saturating_sub(AROUND / 2)..start];
        let Some(comma) = before.iter().rposition(|&b| b == b',') else { return false };
        // From the comma to `start`, both char boundaries.
        let comma = start - (before.len() - comma);
        let (phrase, names) =
            (&text[floor_boundary(text, comma.saturating_sub(AROUND))..comma], &text[comma + 1..start]);
        names.starts_with(' ')
            && names.split_whitespace().all(|w| w.starts_with(char::is_uppercase))
            && [" the ", "The ", " a ", "A ", " an ", "An "].iter().any(|article| phrase.contains(article))
    }

    /// The tokens from `before` bytes before `span` to `after` bytes after it, within its
    /// paragraph: [`AROUND`] either side for a role phrase tied to a name, less for the name alone.
    /// A word the window cuts is left out.
    fn window(&self, span: (usize, usize), (before, after): (usize, usize)) -> Vec<Token> {
        let text = self.cx.text;
        let (from, to) = around(text, span, before, after);
        let mut tokens = tokenize(text, from, to);
        if text[..from].ends_with(char::is_alphanumeric) && tokens.first().is_some_and(|t| t.word) {
            tokens.remove(0);
        }
        tokens
    }

    /// A role tied to an actor mention: "Sadiq, the envoy," / "Hamas, the militant group,";
    /// never to a place, which lists and addresses put commas around ("Nice, France, the …").
    /// Returns where the mention, or the role after it, ends.
    fn mention(&mut self, m: &Mention) -> usize {
        let kind = self.cx.config.actors[m.actor].kind;
        if !matches!(kind, Kind::Person | Kind::Organization | Kind::Group) || !self.apposed((m.start, m.end)) {
            return m.end;
        }
        let tokens = self.window((m.start, m.end), (AROUND, AROUND));
        let (Some(first), Some(last)) =
            (tokens.iter().position(|t| t.end > m.start), tokens.iter().rposition(|t| t.start < m.end))
        else {
            return m.end;
        };
        let who = Referent::Actor(m.actor);
        self.role_before(&tokens, first, last, who);
        let next = self.role_after(&tokens, first, last, who);
        tokens[next - 1].end.max(m.end)
    }

    /// A name ending with the surname `span`, read in the tokens around it. Returns where what
    /// it found ends.
    fn name_at(&mut self, (start, end): (usize, usize), floor: usize) -> Option<usize> {
        // The name's own words, its titles and given names before it; in apposition, a role
        // phrase's too.
        let reach = if self.apposed((start, end)) { (AROUND, AROUND) } else { (AROUND / 3, AROUND / 8) };
        let tokens = self.window((start, end), reach);
        let s = tokens.iter().position(|t| t.start == start)?;
        let floor = tokens.iter().position(|t| t.start >= floor).unwrap_or(tokens.len());
        let next = self.name(&tokens, s, floor)?;
        Some(tokens[next - 1].end)
    }

    /// "the senator" after "Smith, the senator,": a mention of whoever the latest tie before it
    /// made the senator, wherever the article writes "the" before the role noun.
    fn role_mentions(&mut self) {
        let text = self.cx.text;
        if self.ties.is_empty() {
            return;
        }
        let mut mentions = Vec::new();
        for start in articles(text) {
            let noun = start + "the ".len();
            let head = strip_possessive(&text[noun..word_end(text, noun)]);
            let Some(ties) = self.role_nouns.get(head).map(|&k| &self.ties[k]) else { continue };
            let end = noun + head.len();
            let after = ties.partition_point(|&(at, _)| at < start);
            // The tie's own phrase ("the senator, Jane Smith,") is found already.
            if ties.get(after).is_some_and(|&(at, _)| at == start) {
                continue;
            }
            if let Some(&(_, who)) = after.checked_sub(1).map(|k| &ties[k]) {
                mentions.push(Named { start, end, who });
            }
        }
        self.found = merged(std::mem::take(&mut self.found), mentions);
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
                let start =
                    (first..=end).rev().take_while(|&j| self.is_title(self.word(&tokens[j]))).last().unwrap_or(end);
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
                words: vec![surname],
                lone: Some(Lone { surname, opens_sentence: start == s && self.opens_sentence(tokens, s) }),
                not_a_person: false,
            });
            self.candidates.len() - 1
        } else {
            return Some(last + 1);
        };
        self.current.insert(surname.to_owned(), candidate);
        let who = Referent::Person(candidate);
        self.role_before(tokens, start, last, who);
        self.found.push(Named { start: tokens[start].start, end, who });
        Some(self.role_after(tokens, start, last, who))
    }

    /// Whether `tokens` name a person who is not looked for: a run of two names or more, or of a
    /// title and a name, that is no actor's ("Dewayne Smithy, 33, dismisses the idea … “…,” he
    /// said" is not about the person named before Smithy).
    fn names_someone(&self, tokens: &[Token]) -> bool {
        let text = self.cx.text;
        let mut i = 0;
        while i < tokens.len() {
            let (mut names, mut titles, mut organisation) = (0, 0, false);
            let mut j = i;
            while let Some(t) = tokens.get(j).filter(|t| t.word) {
                let w = strip_possessive(self.word(t));
                let joined = j == i || !text[tokens[j - 1].end..t.start].contains(is_paragraph_break);
                let title = self.is_title(w) || (w.len() == 2 && w.ends_with('.'));
                if !joined || !(title || is_name_word(w)) || (j == i && self.opener(w)) {
                    break;
                }
                titles += usize::from(title);
                names += usize::from(!title);
                organisation |= self.attributor.names.is_organisation(w);
                j += 1;
            }
            if j == i {
                i += 1;
                continue;
            }
            let (start, end) = (tokens[i].start, tokens[j - 1].end);
            let mentions = self.cx.mentions;
            let an_actor = mentions.get(mentions.partition_point(|m| m.end <= start)).is_some_and(|m| m.start < end);
            if (names >= 2 || (titles > 0 && names > 0)) && !organisation && !an_actor {
                return true;
            }
            i = j;
        }
        false
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
    fn full_name(&mut self, words: &[&'t str], after_article: bool) -> usize {
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
                words: words.to_vec(),
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
    /// be a person of its own: a speaker is written so somewhere in the article, or it is tied to
    /// a role that speaks; and it reads as a name.
    fn may_stand_alone(&self, tokens: &[Token], start: usize, s: usize, (from, to): (usize, usize)) -> bool {
        let speaks = self.speakers.contains(&self.cx.text[from..to]) || self.tied_to_role_seed(tokens, s);
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
        cx.punct(before, ".!?:;([—–“‘«„") || (quotes::is_mark(self.word(before)) && (i < 2 || ends(&tokens[i - 2])))
    }

    fn opener(&self, word: &str) -> bool {
        self.attributor.names.is_opener(word, &self.attributor.verbs)
    }

    fn is_title(&self, word: &str) -> bool {
        self.attributor.names.is_title(word)
    }

    /// Whether the name ending at `tokens[s]` is tied by apposition to a role noun that speaks:
    /// "Smith, the senator," or "the senator, Smith," where "the senator said".
    fn tied_to_role_seed(&self, tokens: &[Token], s: usize) -> bool {
        // Most capitalised words have no comma near them: spare them the search for a name's start.
        let comma_near =
            |from: usize, to: usize| tokens[from..to.min(tokens.len())].iter().any(|t| self.cx.punct(t, ","));
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
        if let Some((d, head)) = self.apposition_before(tokens, start, last) {
            self.tie(tokens[d].start, head, who);
        }
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
        // A phrase before a name that an earlier name's role took already: "Sadiq, the envoy,
        // Smith," ties the envoy to Sadiq alone.
        if self.found.last().is_some_and(|f| f.end > start) {
            return;
        }
        let noun = strip_possessive(self.word(&head));
        let k = self.role_nouns.get(noun).copied().unwrap_or_else(|| {
            self.role_nouns.insert(noun.to_owned(), self.ties.len());
            self.ties.push(Vec::new());
            self.ties.len() - 1
        });
        self.ties[k].push((start, who));
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
                    let surname = lone.surname;
                    self.determined.contains(surname)
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
        // A pronoun that refers to no actor: the person of the latest name before it, in reach,
        // if nobody else is named between them (and the text between is short enough to read).
        for (a, speaker) in attributions.iter().zip(&mut speakers) {
            let Some(s) = a.speaker.filter(|s| s.actor.is_none()) else { continue };
            if !lower_is(&self.cx.text[s.start..s.end], &["he", "she"]) {
                continue;
            }
            let at = s.start.min(a.parts.first().map_or(s.start, |&i| quotes[i].start));
            let reach = self.cx.paragraphs[self.cx.paragraph_of(at).saturating_sub(REACH_PARAGRAPHS)];
            let Some(latest) = found[..found.partition_point(|f| f.end <= at)].last() else { continue };
            let near = latest.start >= reach && at - latest.end <= PRONOUN_BYTES;
            if near && !self.names_someone(&tokenize(self.cx.text, latest.end, at)) {
                *speaker = person(latest).filter(|&c| reported[c]);
            }
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

/// Two lists of names in text order, merged into one (a merge rather than a sort: the wasm
/// module would carry a sort's code for each type it sorts).
pub(super) fn merged(a: Vec<Named>, b: Vec<Named>) -> Vec<Named> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut a, mut b) = (a.into_iter().peekable(), b.into_iter().peekable());
    loop {
        let from_a = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) => x.start <= y.start,
            (x, _) => x.is_some(),
        };
        match if from_a { a.next() } else { b.next() } {
            Some(n) => out.push(n),
            None => return out,
        }
    }
}

/// Whether `word` can be one of a person's names: a capitalised word with a lower-case letter
/// ("Smith", "O’Brien", "Holtz-Eakin", "McCain", "Élise"), one after an Arabic article
/// ("al-Assad"), or an initial ("W.").
fn is_name_word(word: &str) -> bool {
    match word.as_bytes().first() {
        None => false,
        Some(b'a' | b'b' | b'd' | b'e' | b'i') if word.len() > 3 => ["al-", "el-", "bin-", "ibn-", "d’", "d'"]
            .iter()
            .any(|p| word.strip_prefix(p).is_some_and(is_capitalised_name)),
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
    /// Words that open sentences and are never names: the openers, determiners and pronouns
    /// (the reporting verbs, too, are looked up in the [`Attributor`]'s own set).
    openers: HashSet<&'static str>,
}

impl NameWords {
    pub(super) fn new() -> NameWords {
        let lists = [NOT_SPEAKER_START, NOT_IN_SPEAKER, DETERMINERS, &["i", "we", "you", "he", "she", "they", "it"]];
        NameWords {
            titles: TITLES.split(' ').collect(),
            organisations: ORGANISATION_WORDS.split(' ').collect(),
            openers: lists.iter().flat_map(|l| l.iter().copied()).chain(OPENERS.split(' ')).collect(),
        }
    }

    /// A title before a name, capitalised: "Sen.", "President", "Ms".
    pub(super) fn is_title(&self, word: &str) -> bool {
        word.starts_with(char::is_uppercase)
            && ascii_lower(word.strip_suffix('.').unwrap_or(word), &mut [0; 24])
                .is_some_and(|w| self.titles.contains(w))
    }

    fn is_organisation(&self, word: &str) -> bool {
        ascii_lower(word, &mut [0; 24]).is_some_and(|w| self.organisations.contains(w))
    }

    /// Whether a capitalised word is a common word that opens sentences ("Despite", "However",
    /// "Asked"), not a name: one of the openers or of the reporting `verbs`.
    fn is_opener(&self, word: &str, verbs: &HashSet<String>) -> bool {
        ascii_lower(word, &mut [0; 24]).is_some_and(|w| self.openers.contains(w) || verbs.contains(w))
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

/// The first bytes and lengths of the words looked for: a pass over an article's capitalised words
/// looks up only those that start with one of those bytes and have that length.
struct Initials([u64; 256]);

impl Initials {
    fn of<'w>(words: impl Iterator<Item = &'w str>) -> Initials {
        let mut lengths = [0; 256];
        for word in words {
            lengths[usize::from(word.as_bytes().first().copied().unwrap_or_default())] |= bit(word.len());
        }
        Initials(lengths)
    }

    fn may_hold(&self, word: &str) -> bool {
        self.0[usize::from(word.as_bytes().first().copied().unwrap_or_default())] & bit(word.len()) != 0
    }
}

/// Where `text` has "the " or "The " as a word: the bytes are read eight at a time, and only the
/// stretches that hold an "h" (or an "H", as the pronouns' search has it) one by one.
fn articles(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || loop {
        at = find_letter(bytes, at, b'h') + 1;
        let h = at.checked_sub(1).filter(|&h| h < bytes.len())?;
        let the = h.checked_sub(1).filter(|&t| bytes[h] == b'h' && matches!(bytes[t], b't' | b'T'));
        if let Some(t) =
            the.filter(|&t| bytes[h + 1..].starts_with(b"e ") && !text[..t].ends_with(char::is_alphanumeric))
        {
            return Some(t);
        }
    })
}

/// The capitalised words of `text`: the bytes are read eight at a time, and only the stretches
/// that hold a capital or a byte of a character past ASCII one by one.
fn capitalised_words(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || loop {
        let may_start = |b: u8| b.is_ascii_uppercase() || !b.is_ascii();
        at = find_byte(bytes, at, may_start, |w| holds_high(w) || holds_between(w, b'A', b'Z'));
        let c = text[at..].chars().next()?;
        let starts_word = !text[..at].ends_with(char::is_alphanumeric);
        if c.is_uppercase() && starts_word {
            let start = at;
            at = word_end(text, at);
            return Some((start, at));
        }
        at += c.len_utf8();
    })
}

/// Bit `n` for a length of `n` bytes (63 for longer).
fn bit(len: usize) -> u64 {
    1 << len.min(63)
}

/// Where the word starting at `start` ends: after its letters and digits, and the periods,
/// apostrophes and hyphens between them ("U.S.", "O’Brien", "al-Assad", "Smith’s").
fn word_end(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        while bytes.get(i).is_some_and(u8::is_ascii_alphanumeric) {
            i += 1;
        }
        match bytes.get(i) {
            Some(b' ' | b',' | b'\n' | b'"' | b')' | b':' | b';' | b'?' | b'!') | None => return i,
            Some(_) => {}
        }
        let c = char_at(text, i);
        let next = i + c.len_utf8();
        let joins = matches!(c, '.' | '\'' | '’' | '-') && text[next..].starts_with(char::is_alphanumeric);
        if !(joins || (!c.is_ascii() && c.is_alphanumeric())) {
            return i;
        }
        i = next;
    }
}

/// `word` without a possessive's ending: "Smith" of "Smith’s", "Jones" of "Jones’".
pub(super) fn strip_possessive(word: &str) -> &str {
    if !word.ends_with(['s', 'S', '’', '\'']) {
        return word;
    }
    ["’s", "'s", "’S", "'S", "’", "'"].iter().find_map(|p| word.strip_suffix(p)).unwrap_or(word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::testing::{people, s, Person};

    fn person(name: &str, mentions: &[&str]) -> Person {
        (name.to_owned(), mentions.iter().map(|m| m.to_string()).collect())
    }

    #[test]
    fn word_lists_fit_their_lookups() {
        // `NameWords` looks a word up in ASCII lower case, at most 24 bytes of it.
        let lists = [PARTICLES, SUFFIXES, GROUPS, PREPOSITIONS].into_iter().flatten().copied();
        let spaced = [TITLES, ORGANISATION_WORDS, OPENERS].into_iter().flat_map(|list| list.split(' '));
        for word in lists.chain(spaced) {
            assert!(!word.is_empty(), "two spaces in a list");
            assert!(word.is_ascii() && word.len() <= 24 && word == word.to_lowercase(), "{word}");
        }
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
        assert_eq!(
            found,
            [person("Jane Smith", &["Jane Smith", "Jane Smith"]), person("John Smith", &["John Smith", "Smith"])]
        );
        assert_eq!(speakers, [s("Jane Smith"), s("John Smith"), s("Jane Smith")]);
    }

    #[test]
    fn shapes_of_names() {
        let (found, _) = people("Ursula von der Leyen arrived.\n“Enough,” von der Leyen said.");
        assert_eq!(found, [person("Ursula von der Leyen", &["Ursula von der Leyen", "von der Leyen"])]);
        let (found, _) =
            people("Cal Ripken Jr.’s team lost.\n“We tried,” said Cal Ripken Jr.\n“Next year,” Ripken added.");
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
        // After "the", only opening sentences, or a group.
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
        let (found, _) =
            people("In Smith, the police said nothing.\n“We won,” Jane Smith said.\n“Fine,” the police said.");
        assert_eq!(found, [person("Jane Smith", &["Jane Smith"])]);
        let (found, _) = people(
            "“We won,” Jane Smith said.\nThey met Jones, Smith, the mayor, and others.\n“Fine,” the mayor said.",
        );
        assert_eq!(found, [person("Jane Smith", &["Jane Smith", "Smith"])]);
    }
}
