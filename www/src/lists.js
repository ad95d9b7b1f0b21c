// The reader's named actor lists ("Afghanistan desk", "US election"): one active at a time, the
// version each list had before its last replacement (an import, a restore), and, in the
// extension, which list a site uses. Every channel keeps them as one JSON value under one key
// where it kept its single config before (the extension's storage, localStorage for the reader
// and install pages), through a small `storage` object it passes in; a list is a config whose
// top-level `name` is the list's name.

/** The name a channel's old single config takes when it becomes a list. */
export const FIRST_LIST = 'My actors';

/**
 * localStorage as a lists storage: the value under `key`, and the config kept under `legacyKey`
 * by earlier versions (read once, when there are no lists yet).
 */
export function localStorageLists(key = 'article-highlighter-lists', legacyKey = 'article-highlighter-config') {
  const read = (k) => {
    const text = localStorage.getItem(k);
    return text ? JSON.parse(text) : null;
  };
  return {
    get: async () => read(key),
    legacy: async () => read(legacyKey),
    set: async (value) => localStorage.setItem(key, JSON.stringify(value)),
  };
}

/** A name no list has yet: `base`, else `base 2`, `base 3`, ... */
function freeName(names, base) {
  if (!names.includes(base)) return base;
  let n = 2;
  while (names.includes(`${base} ${n}`)) n += 1;
  return `${base} ${n}`;
}

export class ActorLists {
  /**
   * Reads the lists from `storage` ({get, set, legacy?}); with none stored yet, starts with the
   * channel's old config (`storage.legacy()`) or `fallback`, as one list.
   */
  static async open(storage, fallback) {
    let state = await storage.get();
    if (!state?.lists?.length) {
      const first = (await storage.legacy?.()) ?? fallback;
      state = { active: first.name ?? FIRST_LIST, lists: [{ ...first, name: first.name ?? FIRST_LIST }], previous: {}, sites: {} };
      await storage.set(state);
    }
    return new ActorLists(storage, state);
  }

  constructor(storage, state) {
    this.storage = storage;
    this.state = { previous: {}, sites: {}, ...state };
    if (!this.names.includes(this.state.active)) this.state.active = this.names[0];
  }

  get names() {
    return this.state.lists.map((list) => list.name);
  }

  get active() {
    return this.state.active;
  }

  /** The config of the list `name` (the active one by default). */
  get(name = this.active) {
    return this.state.lists.find((list) => list.name === name) ?? null;
  }

  /** The version `name` had before it was last replaced, if any. */
  previous(name = this.active) {
    return this.state.previous[name] ?? null;
  }

  /**
   * Saves `state` as the lists, then keeps it: a storage that refuses it (a full localStorage)
   * leaves the lists in memory as they were, the same as the stored ones.
   */
  async save(state) {
    await this.storage.set(state);
    this.state = state;
  }

  /** Makes `name` the active list. */
  async select(name) {
    if (!this.get(name)) throw new Error(`there is no list named “${name}”`);
    await this.save({ ...this.state, active: name });
    return this.get(name);
  }

  /**
   * Stores `config` as the list `name` (an edit). With `replacing`, the list's current version
   * is kept as its previous one first, to be restored (an import, a starter list).
   */
  async put(name, config, { replacing = false } = {}) {
    const at = this.state.lists.findIndex((list) => list.name === name);
    if (at === -1) throw new Error(`there is no list named “${name}”`);
    const previous = replacing ? { ...this.state.previous, [name]: this.state.lists[at] } : this.state.previous;
    const lists = this.state.lists.map((list, i) => (i === at ? { ...config, name } : list));
    await this.save({ ...this.state, lists, previous });
  }

  /** Adds a list (its name made unique) and makes it active; returns its name. */
  async create(base, config) {
    const name = freeName(this.names, base.trim() || 'New list');
    await this.save({ ...this.state, lists: [...this.state.lists, { ...config, name }], active: name });
    return name;
  }

  /** Renames a list, and what refers to it (the active choice, its previous version, sites). */
  async rename(from, to) {
    const name = to.trim();
    if (!name) throw new Error('a list needs a name');
    if (name !== from && this.names.includes(name)) throw new Error(`there is already a list named “${name}”`);
    if (!this.get(from)) throw new Error(`there is no list named “${from}”`);
    const { lists, active, previous, sites } = this.state;
    const renamed = (chosen) => (chosen === from ? name : chosen);
    await this.save({
      ...this.state,
      lists: lists.map((list) => (list.name === from ? { ...list, name } : list)),
      active: renamed(active),
      previous: Object.fromEntries(Object.entries(previous).map(([list, before]) => [renamed(list), before])),
      sites: Object.fromEntries(Object.entries(sites).map(([site, chosen]) => [site, renamed(chosen)])),
    });
    return name;
  }

  /** Deletes a list; the last one cannot go (there is always an active list). */
  async remove(name) {
    if (this.state.lists.length === 1) throw new Error('the last list cannot be deleted');
    const { lists, active, previous, sites } = this.state;
    const kept = lists.filter((list) => list.name !== name);
    await this.save({
      ...this.state,
      lists: kept,
      active: active === name ? kept[0].name : active,
      previous: Object.fromEntries(Object.entries(previous).filter(([list]) => list !== name)),
      sites: Object.fromEntries(Object.entries(sites).filter(([, chosen]) => chosen !== name)),
    });
  }

  /** Puts back the version `name` had before its last replacement, keeping the current one as previous. */
  async restore(name = this.active) {
    const before = this.previous(name);
    if (!before) throw new Error(`“${name}” has no previous version`);
    await this.put(name, before, { replacing: true });
    return this.get(name);
  }

  /** The list a site (a host name) uses: its own choice, else the active list. */
  forSite(host) {
    const chosen = this.state.sites[host];
    return chosen && this.get(chosen) ? chosen : this.active;
  }

  /** Which list each site uses, as [host, list name] pairs. */
  get sites() {
    return Object.entries(this.state.sites);
  }

  /** Makes `name` the list of `host`; null: the active list again. */
  async setSite(host, name) {
    const sites = { ...this.state.sites, [host]: name };
    if (name == null) delete sites[host];
    await this.save({ ...this.state, sites });
  }
}
