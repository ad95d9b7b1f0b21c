// The shapes a config and a report have (the project's README, "Config" and "Report"), shared by
// the page entry and the Node entry.

/** What an actor is; pronouns (he, she) refer back only to persons. */
export type Kind = 'person' | 'organization' | 'state' | 'group' | 'place' | 'other';

/** One actor of a config: an `id` and at least one alias or pattern. */
export interface Actor {
  /** Unique in the config, at most 200 characters. */
  id: string;
  /** Shown in the sidebar; defaults to `id`. */
  name?: string;
  /** Defaults to `'other'`. */
  kind?: Kind;
  /** The names it goes by, matched on word boundaries, leftmost-longest. */
  aliases?: string[];
  /** Regular expressions in the Rust `regex` crate's syntax, for names aliases cannot express. */
  patterns?: string[];
  /** A hex colour, `#rgb` to `#rrggbbaa`; defaults to the kind's. */
  color?: string;
  /** `true`: every alias matches case exactly; `false`: none does; by default aliases in capitals do. */
  caseSensitive?: boolean;
  /** Free text, ignored by the scan. */
  notes?: string;
}

/** A list of actors, as JSON users write and share. */
export interface Config {
  /** What a reader picks the list by; not read by the scan. */
  name?: string;
  /** Free text (its source and licence, say); not read by the scan. */
  notes?: string;
  actors: Actor[];
}

/** Text of the scanned string, from `start` to `end` (exclusive), in UTF-16 code units. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

/** One mention of a configured actor. */
export interface Mention extends Span {
  /** The actor's `id`. */
  actor: string;
}

/** Who said a quote. */
export interface Speaker extends Span {
  /** The configured actor's `id`, or null for a speaker who is not configured ("a spokeswoman"). */
  actor: string | null;
  /** For a pronoun ("he"): the earlier name it stands for. */
  refers_to: Span | null;
  /**
   * For a speaker who is not a configured actor: the `id` of the person in the report's `people`
   * they are, named ("Smith"), by role ("the senator") or by a pronoun that refers to no actor.
   */
  person: string | null;
}

/** Whom a quote's words name: a configured actor or one of the report's people, never both. */
export type About = Span & ({ actor: string; person?: never } | { person: string; actor?: never });

/** A named speaker who is not a configured actor, one however often and however named. */
export interface Person {
  /** Derived from the name ("jane-smith"), unique among the report's people and actors. */
  id: string;
  /** The fullest name the article gives ("Jane Smith"). */
  name: string;
  /** Every mention: names ("Jane Smith", "Smith") and role nouns tied to the name ("the senator"). */
  mentions: Span[];
}

/** The rule that attributed a quote (the README's "Quotes and speakers"). */
export type Rule = 'after' | 'after-inverted' | 'before' | 'according-to' | 'next-quote' | 'follow-on' | 'context';

/** A quoted statement, term or title; `start`..`end` spans every piece. */
export interface Quote extends Span {
  /** Its quoted parts, marks included: one per paragraph, one per part split by its attribution. */
  pieces: Span[];
  /** `'term'`: a scare quote or quoted phrase; `'title'`: a work's name. Only statements have speakers. */
  kind: 'statement' | 'term' | 'title';
  speaker: Speaker | null;
  /** The words that attribute it ("Sadiq said"). */
  cue: Span | null;
  rule: Rule | null;
  /** A prior per rule, not a calibrated probability. */
  confidence: number;
  /** For a statement, the actors and people its quoted words name; empty for terms and titles. */
  about: About[];
}

/** A configured actor with how often it was mentioned. */
export interface ActorCount {
  id: string;
  name: string;
  kind: Kind;
  color: string;
  count: number;
}

/** What a scan found; every list is sorted by `start`. */
export interface Report {
  unit: 'utf16';
  mentions: Mention[];
  quotes: Quote[];
  /** Every configured actor, in config order, mentioned or not. */
  actors: ActorCount[];
  /** The named speakers who are not configured actors, in the order of their first mention. */
  people: Person[];
}

/**
 * Scans plain text. `config` is an object or its JSON text; an invalid one rejects with an Error
 * naming the actor and field, as the command line says it.
 */
export function scanText(config: Config | string, text: string): Promise<Report>;
