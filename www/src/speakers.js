// Unlisted speakers: people the core found quoted (a speaker span with `actor: null`) who are not
// on the reader's list, offered in the sidebar to be added. Only what reads as a person's proper
// name is offered: "Jane Smith" and "Abu Bakr al-Baghdadi" are, "a State Department spokeswoman",
// "The Foreign Ministry" and a lone "Smith" (mostly a later reference to someone named in full
// earlier) are not.

/** Lower-case particles that belong inside a name: "Ursula von der Leyen", "Osama bin Laden". */
const PARTICLES = new Set(['al', 'bin', 'ibn', 'binti', 'da', 'das', 'de', 'del', 'della', 'der', 'di', 'do', 'dos', 'du', 'el', 'la', 'le', 'van', 'von', 'y', 'zu']);
/** Capitalised words that open a description, not a name. */
const OPENERS = new Set(['A', 'An', 'The', 'This', 'That', 'These', 'Those', 'His', 'Her', 'Its', 'Their', 'Our', 'My', 'Your', 'One', 'Some', 'Another']);
/** Words that end a name without being its surname. */
const SUFFIXES = new Set(['Jr', 'Jr.', 'Sr', 'Sr.', 'II', 'III', 'IV']);
/** A word in capitals at its start: "Smith", "O'Neill", "al-Baghdadi" (its part after a particle), "Élise". */
const CAPITALISED = /^(?:\p{Lu}|(?:al|el|bin|ibn|de|d)[-'’]\p{Lu})[\p{L}\p{M}'’.-]*$/u;
/** Longer than any name: a speaker span this long is a description. */
const MAX_WORDS = 6;

/**
 * Whether `text` reads as a person's proper name: two to six words, each capitalised or a name
 * particle, starting and ending with a capitalised word, not opening with an article or a
 * possessive, no digits.
 */
export function isProperName(text) {
  const words = text.trim().split(/\s+/);
  if (words.length < 2 || words.length > MAX_WORDS || OPENERS.has(words[0])) return false;
  const kinds = words.map((w) => (CAPITALISED.test(w) ? 'name' : PARTICLES.has(w) ? 'particle' : 'other'));
  return !kinds.includes('other') && kinds[0] === 'name' && kinds.at(-1) === 'name'
    && kinds.filter((k) => k === 'name').length >= 2;
}

/** A name's surname: its last word that is not a suffix ("Martin Luther King Jr." → "King"). */
export function surname(name) {
  const words = name.trim().split(/\s+/).filter((w) => !SUFFIXES.has(w.replace(/,$/, '')));
  return words.at(-1).replace(/,$/, '');
}

/**
 * The unlisted speakers of a report with a proper name, most quoted first: `{name, quotes}`
 * with the number of statements each is credited with. Speakers reached through a pronoun are
 * left out (the pronoun is not the name).
 */
export function unlistedSpeakers(report) {
  const counts = new Map();
  for (const q of report.quotes) {
    const s = q.speaker;
    if (q.kind !== 'statement' || !s || s.actor || s.refers_to) continue;
    const name = s.text.replace(/\s+/g, ' ').trim().replace(/[’']s$/u, '');
    if (isProperName(name)) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts].map(([name, quotes]) => ({ name, quotes })).sort((a, b) => b.quotes - a.quotes || a.name.localeCompare(b.name));
}

/** The actor a name becomes when the reader adds it: a person, known by the full name and surname. */
export function actorFromName(text) {
  const name = text.replace(/\s+/g, ' ').trim();
  const last = name.includes(' ') ? surname(name) : name;
  return { name, kind: 'person', aliases: last === name ? [name] : [name, last] };
}
