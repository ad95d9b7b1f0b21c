// The list being edited: its actors in order, the changes a reader makes to them (each one step
// that can be undone), and the search over names and aliases. No DOM here: the view renders what
// this holds and calls these methods.
//
// Actors are replaced, never changed in place, so an undo step is just the previous array (a
// shallow copy: cheap for 10,000 actors) and fields this editor does not show (patterns, notes)
// travel untouched.

/** Undo steps kept. */
const UNDO_DEPTH = 100;

/** A number of actors as a sentence says it: "1 actor", "10,000 actors". */
export function actorCount(n) {
  return `${n.toLocaleString('en')} actor${n === 1 ? '' : 's'}`;
}

/** An id from a name: lower case, letters and digits joined by hyphens ("Jane Smith" → "jane-smith"). */
export function slug(name) {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'actor';
}

export class ListModel {
  constructor(config) {
    this.load(config);
  }

  /** Starts over with `config` (its actors, its other fields kept as they are); tells no listener. */
  load(config) {
    const { actors = [], ...rest } = config;
    this.rest = rest;
    this.actors = actors.slice();
    this.undoSteps = [];
    /** Actors whose id was made from their name here, and follows it while the name is edited. */
    this.derivedIds = new WeakSet();
    this.searchText = new WeakMap();
    // Made now, as the list opens, so that the first search does not make them all at once.
    for (const actor of this.actors) this.textOf(actor);
  }

  /** The config as it now stands. */
  toConfig() {
    return { ...this.rest, actors: this.actors };
  }

  /** Replaces the whole list as one undoable change (the JSON view applied, an import). */
  replace(config) {
    this.record(config.name ? 'replace the list' : 'replace the actors');
    const { actors = [], ...rest } = config;
    this.rest = rest;
    this.actors = actors.slice();
    this.changed();
  }

  /** Listeners told after every change: `(model) => void`. */
  onChange(listener) {
    (this.listeners ??= []).push(listener);
  }

  /** Tells the listeners; `structural`: actors came, went or moved (not just a field). */
  changed(structural = true) {
    for (const listener of this.listeners ?? []) listener(this, structural);
  }

  /**
   * Keeps the list as it is as an undo step. Typing is one step per field: a change with the
   * same `key` as the step before it (the same field of the same actor) adds none.
   */
  record(label, key = null) {
    const last = this.undoSteps.at(-1);
    if (!(key && last?.key === key)) {
      this.undoSteps.push({ label, key, actors: this.actors, rest: this.rest });
      if (this.undoSteps.length > UNDO_DEPTH) this.undoSteps.shift();
    }
    this.actors = this.actors.slice();
  }

  /** What the next undo would take back, or null. */
  get undoLabel() {
    return this.undoSteps.at(-1)?.label ?? null;
  }

  undo() {
    const step = this.undoSteps.pop();
    if (!step) return;
    this.actors = step.actors;
    this.rest = step.rest;
    this.changed();
  }

  /** An id no actor has: `base`, else `base-2`, `base-3`, ... */
  freeId(base, except = null) {
    const taken = new Set(this.actors.filter((a) => a !== except).map((a) => a.id));
    if (!taken.has(base)) return base;
    let n = 2;
    while (taken.has(`${base}-${n}`)) n += 1;
    return `${base}-${n}`;
  }

  /** Adds an actor at `at` (default: the end), its id made from its name; returns its index. */
  add(fields = {}, at = this.actors.length) {
    this.record('add an actor');
    const name = fields.name ?? '';
    const actor = { id: this.freeId(slug(name || 'actor')), name, kind: 'person', aliases: [], ...fields };
    if (!fields.id) this.derivedIds.add(actor);
    this.actors.splice(at, 0, actor);
    this.changed();
    return at;
  }

  /** Sets one field of actor `index` (`undefined` removes it); the id follows a new name if it was derived. */
  update(index, field, value) {
    const old = this.actors[index];
    if (old[field] === value) return;
    this.record(`change the ${field} of “${old.name || old.id}”`, `${field}:${index}`);
    const actor = { ...old, [field]: value };
    if (value === undefined) delete actor[field];
    if (field === 'id') this.derivedIds.delete(old);
    else if (this.derivedIds.has(old)) {
      this.derivedIds.add(actor);
      if (field === 'name') actor.id = this.freeId(slug(value), old);
    }
    this.actors[index] = actor;
    this.changed(false);
  }

  duplicate(index) {
    this.record('duplicate an actor');
    const copy = { ...this.actors[index], id: this.freeId(`${this.actors[index].id}-copy`) };
    this.actors.splice(index + 1, 0, copy);
    this.changed();
    return index + 1;
  }

  remove(index) {
    this.record(`delete “${this.actors[index].name || this.actors[index].id}”`);
    this.actors.splice(index, 1);
    this.changed();
  }

  /** Moves actor `index` by `delta` places; returns where it is now. */
  move(index, delta) {
    const to = Math.max(0, Math.min(this.actors.length - 1, index + delta));
    if (to === index) return index;
    this.record('move an actor');
    const [actor] = this.actors.splice(index, 1);
    this.actors.splice(to, 0, actor);
    this.changed();
    return to;
  }

  /** The indexes of the actors whose name, id or an alias contains `query` (any case); all without one. */
  filter(query) {
    const q = query.trim().toLowerCase();
    const all = this.actors.map((_, i) => i);
    if (!q) return all;
    return all.filter((i) => this.textOf(this.actors[i]).includes(q));
  }

  textOf(actor) {
    let text = this.searchText.get(actor);
    if (text === undefined) {
      text = [actor.name ?? '', actor.id, ...(actor.aliases ?? [])].join('\n').toLowerCase();
      this.searchText.set(actor, text);
    }
    return text;
  }
}
