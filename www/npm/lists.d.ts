// The reader's named actor lists, one active at a time, kept through a storage the page passes in.
import type { Config } from './types.js';

/** A list is a config with a name. */
export type NamedList = Config & { name: string };

/** Everything kept, as one JSON value. */
export interface ListsState {
  active: string;
  lists: NamedList[];
  /** The version each list had before its last replacement (an import, a restore). */
  previous: Record<string, NamedList>;
  /** Which list a site (a host name) uses, where it is not the active one. */
  sites: Record<string, string>;
}

/** Where the lists are kept: `get` resolves to what `set` was last given, or null at first. */
export interface ListsStorage {
  get(): Promise<ListsState | null>;
  set(state: ListsState): Promise<void>;
  /** A single config kept before there were lists, to start from. */
  legacy?(): Promise<Config | null>;
}

/** The name a first list gets when its config has none. */
export const FIRST_LIST: string;

/** localStorage as a lists storage, under `key`; `legacyKey` holds an old single config. */
export function localStorageLists(key?: string, legacyKey?: string): ListsStorage;

export class ActorLists {
  /** Reads the lists from `storage`; with none stored yet, starts with `fallback` as the one list. */
  static open(storage: ListsStorage, fallback: Config & { name?: string }): Promise<ActorLists>;
  constructor(storage: ListsStorage, state: ListsState);
  readonly names: string[];
  readonly active: string;
  /** Which list each site uses, as [host, list name] pairs. */
  readonly sites: [string, string][];
  /** The list `name` (the active one by default), or null. */
  get(name?: string): NamedList | null;
  /** The version `name` had before it was last replaced, or null. */
  previous(name?: string): NamedList | null;
  /** Makes `name` the active list and resolves to it. */
  select(name: string): Promise<NamedList>;
  /** Stores `config` as the list `name`; `replacing` keeps the current version as its previous one. */
  put(name: string, config: Config, options?: { replacing?: boolean }): Promise<void>;
  /** Adds a list (its name made unique), makes it active, and resolves to its name. */
  create(base: string, config: Config): Promise<string>;
  /** Renames a list and what refers to it; resolves to the new name. */
  rename(from: string, to: string): Promise<string>;
  /** Deletes a list; the last one cannot go. */
  remove(name: string): Promise<void>;
  /** Puts back the previous version of `name`, keeping the current one as previous. */
  restore(name?: string): Promise<NamedList>;
  /** The list `host` uses: its own choice, else the active one. */
  forSite(host: string): string;
  /** Makes `name` the list of `host`; null: the active list again. */
  setSite(host: string, name: string | null): Promise<void>;
}
