// Unlisted speakers: the people the core found quoted who are not on the reader's list (the
// report's `people`: a full name with its later surname, title and pronouns; descriptions such as
// "a State Department spokeswoman" are no one's name), offered in the sidebar to be added.

/** Words that end a name without being its surname. */
const SUFFIXES = new Set(['Jr', 'Jr.', 'Sr', 'Sr.', 'II', 'III', 'IV']);

/** A name's surname: its last word that is not a suffix ("Martin Luther King Jr." → "King"). */
export function surname(name) {
  const words = name.trim().split(/\s+/).filter((w) => !SUFFIXES.has(w.replace(/,$/, '')));
  return words.at(-1).replace(/,$/, '');
}

/**
 * The people of a report who are quoted, most quoted first: `{name, quotes}` with the number of
 * statements credited to each, by any of their names or a pronoun.
 */
export function unlistedSpeakers(report) {
  const counts = new Map(report.people.map((person) => [person.id, 0]));
  for (const q of report.quotes) {
    const person = q.speaker?.person;
    if (q.kind === 'statement' && counts.has(person)) counts.set(person, counts.get(person) + 1);
  }
  return report.people.map((person) => ({ name: person.name, quotes: counts.get(person.id) }))
    .filter((speaker) => speaker.quotes > 0)
    .sort((a, b) => b.quotes - a.quotes || a.name.localeCompare(b.name));
}

/** The actor a name becomes when the reader adds it: a person, known by the full name and surname. */
export function actorFromName(text) {
  const name = text.replace(/\s+/g, ' ').trim();
  const last = name.includes(' ') ? surname(name) : name;
  return { name, kind: 'person', aliases: last === name ? [name] : [name, last] };
}
