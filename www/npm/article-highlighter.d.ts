// The page entry: highlighting an article in the page, the scan alone, and the list editor.
import type { Actor, Config, Report } from './types.js';
import type { ActorLists } from './lists.js';

export type { About, Actor, ActorCount, Config, Kind, Mention, Person, Quote, Report, Rule, Span, Speaker } from './types.js';
export { scanText } from './types.js';

export interface HighlightOptions {
  /** The element (or a CSS selector for it) whose text is scanned; by default the article found on the page. */
  root?: Element | string;
  /** Scan only the text the reader has selected. Default false. */
  selection?: boolean;
  /** The CSS Custom Highlight API, `<mark>` elements, or the first where the browser has it. Default 'auto'. */
  paint?: 'auto' | 'highlights' | 'marks';
  /** Open the sidebar. Default true. */
  sidebar?: boolean;
  /** Rescan when the page's text changes. Default true. */
  observe?: boolean;
  /**
   * The reader's lists, whose active list is used instead of `config`, switched and added to from
   * the sidebar; `true`: `config` as the one list, for the session's life.
   */
  lists?: ActorLists | boolean;
}

export interface Session {
  /** The current report (follows rescans). */
  readonly report: Report;
  /** How the highlights are painted, or null before anything is. */
  readonly mode: 'highlights' | 'marks' | null;
  /** How many highlights are painted. */
  readonly count: number;
  rescan(): Promise<void>;
  /** Takes every highlight and the sidebar away; the DOM is exactly as before. */
  remove(): void;
}

/**
 * Highlights every actor mention and quote in the article and opens the sidebar. Rejects (and
 * says why in the sidebar's place) for an invalid config or a core that cannot load.
 * `config` may be null when `options.lists` is an ActorLists.
 */
export function highlight(config: Config | string | null, options?: HighlightOptions): Promise<Session>;

/**
 * Opens the actor-list editor over the page on `lists`, with an actor added from `fields` if
 * given; resolves, once the reader closes it, to whether the active list was saved or changed.
 */
export function editLists(lists: ActorLists, fields?: Partial<Actor> | null): Promise<boolean>;

/** The session a `<script type="module" data-config="…">` tag started, or null. */
export const started: Promise<Session | null>;
