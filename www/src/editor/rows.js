// The table of actors, one row per actor, virtualised: only the rows in view (and a few around
// them) are shown, laid out by index at a fixed height, and reused as the reader scrolls,
// so a list of 10,000 actors scrolls and filters as fast as one of ten. A row keeps its element
// while something in it has the focus, even scrolled out of view, so typing is never lost.

import { builder } from '../dom.js';
import { KIND_WORDS } from '../kinds.js';

/** The height of one actor's row in pixels: fixed, so that rows can be laid out by index. */
const ROW_HEIGHT = 104;
/** Rows laid out beyond the visible ones, above and below. */
const OVERSCAN = 2;

/** The case rule as `caseSensitive` stores it: absent, true or false. */
const CASES = [['auto', 'Capitals exact', undefined], ['exact', 'Exact case', true], ['any', 'Any case', false]];
/** The columns, in order: what the header says. */
export const COLUMNS = ['#', 'Name and id', 'Kind', 'Aliases, one per line', 'Colour', 'Case', 'Order'];

/** Sets an attribute only when it changes: an unchanged one would still make the browser restyle. */
function setAttr(node, name, value) {
  if (node.getAttribute(name) !== value) node.setAttribute(name, value);
}

/** A colour the colour input can show: #rrggbb (a config may also say #rgb or #rrggbbaa). */
function sixDigits(color) {
  if (!color) return null;
  const hex = color.slice(1);
  if (hex.length === 3 || hex.length === 4) return `#${[...hex.slice(0, 3)].map((c) => c + c).join('')}`.toLowerCase();
  return `#${hex.slice(0, 6)}`.toLowerCase();
}

/**
 * The table body. `actions` says what the reader did: `update(index, field, value)`,
 * `duplicate(index)`, `remove(index)`, `move(index, delta, field)`.
 */
export class ActorRows {
  constructor(doc, model, actions) {
    this.doc = doc;
    this.model = model;
    const el = builder(doc);
    this.actions = actions;
    /** Model indexes of the actors shown, in order (the search's result). */
    this.shown = [];
    /** The rows laid out, by position in `shown`. */
    this.rows = new Map();
    this.free = [];
    this.problem = null;
    this.kindColors = new Map();
    this.spacer = el('div', { class: 'ah-spacer', role: 'rowgroup' });
    this.spacer.style.setProperty('--row-height', `${ROW_HEIGHT}px`);
    this.empty = el('p', { class: 'ah-empty', hidden: '' });
    this.scroller = el('div', { class: 'ah-scroller' }, this.spacer, this.empty);
    let frame = 0;
    this.scroller.addEventListener('scroll', () => {
      frame ||= doc.defaultView.requestAnimationFrame(() => {
        frame = 0;
        this.render();
      });
    }, { passive: true });
  }

  /** Shows the actors at these model indexes. */
  show(indexes) {
    this.shown = indexes;
    this.spacer.style.height = `${indexes.length * ROW_HEIGHT}px`;
    // As tall as its rows, up to most of the window; the rest scrolls.
    this.scroller.style.height = `min(62vh, 640px, ${Math.max(1, indexes.length) * ROW_HEIGHT + 2}px)`;
    this.empty.hidden = indexes.length > 0;
    this.empty.textContent = this.model.actors.length ? 'No actor matches the search.' : 'No actors yet: “Add actor” adds one, or import a file.';
    this.render(true);
  }

  /** Lays out the rows in view, filling each with its actor; `refill`: the actors may have changed. */
  render(refill = false) {
    const height = this.scroller.clientHeight || ROW_HEIGHT * 6;
    // Where the rows now end: the browser may not have clamped its scroll position yet (Firefox,
    // just after the list got shorter).
    const top = Math.min(this.scroller.scrollTop, Math.max(0, this.shown.length * ROW_HEIGHT - height));
    const first = Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN);
    const last = Math.min(this.shown.length, Math.ceil((top + height) / ROW_HEIGHT) + OVERSCAN);
    const active = this.doc.activeElement?.shadowRoot ? this.doc.activeElement.shadowRoot.activeElement : this.doc.activeElement;
    // Rows leaving the view go straight to the positions entering it; only what is left over is
    // hidden, and only what is missing is taken from the hidden ones.
    const leaving = [];
    for (const [pos, row] of this.rows) {
      const keep = pos >= first && pos < last && pos < this.shown.length;
      if (!keep && !(row.contains(active) && pos < this.shown.length)) {
        this.rows.delete(pos);
        leaving.push(row);
      }
    }
    for (let pos = first; pos < last; pos += 1) {
      let row = this.rows.get(pos);
      const fresh = !row;
      if (fresh) {
        row = leaving.pop() ?? this.reuse();
        this.rows.set(pos, row);
      }
      if (fresh || refill) this.fill(row, pos);
    }
    for (const row of leaving) this.release(row);
  }

  /** A hidden row made visible again, or a new one. */
  reuse() {
    const row = this.free.pop();
    if (!row) return this.makeRow();
    row.classList.remove('ah-free');
    row.inert = false;
    return row;
  }

  /**
   * Keeps an unused row for later, invisible and inert, its labels and message cleared so that
   * nothing stale can be found in it. It stays in the document: taking a row of form controls out
   * and putting it back costs the browser far more (their inner parts are rebuilt) than hiding it.
   */
  release(row) {
    row.classList.add('ah-free');
    row.inert = true;
    for (const labelled of row.querySelectorAll('[aria-label]')) labelled.removeAttribute('aria-label');
    row.querySelector('.ah-message').textContent = '';
    this.free.push(row);
  }

  /** The row element for the actor at model index `index`, laid out (scrolled to) if need be. */
  rowOf(index) {
    const pos = this.shown.indexOf(index);
    if (pos === -1) return null;
    const top = pos * ROW_HEIGHT;
    if (top < this.scroller.scrollTop || top + ROW_HEIGHT > this.scroller.scrollTop + this.scroller.clientHeight) {
      this.scroller.scrollTop = top;
    }
    this.render();
    return this.rows.get(pos) ?? null;
  }

  /** Focuses a field (`name`, `aliases`, ... or a button's `data-do`) of the actor at `index`. */
  focus(index, field = 'name') {
    this.rowOf(index)?.querySelector(`[data-field="${field}"], [data-do="${field}"]`)?.focus();
  }

  setProblem(problem) {
    this.problem = problem;
    this.render(true);
  }

  makeRow() {
    const el = builder(this.doc);
    const field = (tag, name, props = {}, ...children) => el(tag, { 'data-field': name, ...props }, ...children);
    const kind = field('select', 'kind', {}, ...KIND_WORDS.map(([value, label]) => el('option', { value, text: label })));
    const caseRule = field('select', 'caseSensitive', {}, ...CASES.map(([value, label]) => el('option', { value, text: label })));
    const button = (action, text) => el('button', { type: 'button', 'data-do': action, text });
    const row = el('div', { class: 'ah-row', role: 'row' },
      el('div', { role: 'cell', class: 'ah-num' }),
      el('div', { role: 'cell' }, field('input', 'name', { type: 'text', autocomplete: 'off' }),
        field('input', 'id', { type: 'text', class: 'ah-id', autocomplete: 'off', spellcheck: 'false' })),
      el('div', { role: 'cell' }, kind),
      el('div', { role: 'cell' }, field('textarea', 'aliases', { spellcheck: 'false' })),
      el('div', { role: 'cell', class: 'ah-colour' }, field('input', 'color', { type: 'color' }), button('default-color', '↺')),
      el('div', { role: 'cell' }, caseRule),
      el('div', { role: 'cell', class: 'ah-actions' },
        button('up', '↑'), button('down', '↓'), button('duplicate', 'Copy'), button('remove', 'Delete')),
      el('p', { class: 'ah-message', role: 'none' }));
    const index = () => Number(row.dataset.index);
    row.addEventListener('input', (e) => {
      const name = e.target.dataset.field;
      if (!name) return;
      const value = e.target.value;
      if (name === 'aliases') this.actions.update(index(), name, value.split('\n').map((a) => a.trim()).filter(Boolean));
      else if (name === 'caseSensitive') this.actions.update(index(), name, CASES.find(([v]) => v === value)[2]);
      else this.actions.update(index(), name, value);
    });
    row.addEventListener('click', (e) => {
      const action = e.target.closest('[data-do]')?.dataset.do;
      if (action === 'up' || action === 'down') this.actions.move(index(), action === 'up' ? -1 : 1, action);
      else if (action === 'duplicate') this.actions.duplicate(index());
      else if (action === 'remove') this.actions.remove(index());
      else if (action === 'default-color') this.actions.update(index(), 'color', undefined);
    });
    row.addEventListener('keydown', (e) => {
      if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
      e.preventDefault();
      this.actions.move(index(), e.key === 'ArrowUp' ? -1 : 1, e.target.dataset.field ?? e.target.dataset.do);
    });
    this.spacer.append(row);
    return row;
  }

  /** Puts the actor shown at position `pos` into `row`; the field being typed in keeps its text. */
  fill(row, pos) {
    const index = this.shown[pos];
    const actor = this.model.actors[index];
    if (!actor) return;
    row.dataset.index = String(index);
    row.dataset.pos = String(pos);
    row.style.top = `${pos * ROW_HEIGHT}px`;
    setAttr(row, 'aria-rowindex', String(pos + 2));
    const n = index + 1;
    const label = actor.name || actor.id || `actor ${n}`;
    const set = (name, value, aria) => {
      const input = row.querySelector(`[data-field="${name}"]`);
      if (input !== input.getRootNode().activeElement && input.value !== value) input.value = value;
      setAttr(input, 'aria-label', aria);
      return input;
    };
    const number = row.querySelector('.ah-num');
    if (number.textContent !== String(n)) number.textContent = String(n);
    set('name', actor.name ?? '', `Name of actor ${n}`);
    set('id', actor.id ?? '', `Id of actor ${n}`).placeholder = 'id';
    set('kind', actor.kind ?? 'other', `Kind of ${label}`);
    set('aliases', (actor.aliases ?? []).join('\n'), `Aliases of ${label}, one per line`);
    const fallback = this.kindColors.get(actor.kind ?? 'other') ?? '#6741d9';
    set('color', sixDigits(actor.color) ?? fallback, `Colour of ${label}${actor.color ? '' : ' (the kind’s colour)'}`);
    set('caseSensitive', CASES.find(([, , v]) => v === actor.caseSensitive)?.[0] ?? 'auto', `Case rule of ${label}`);
    for (const [action, text] of [['default-color', `Use the kind’s colour for ${label}`], ['up', `Move ${label} up`], ['down', `Move ${label} down`],
      ['duplicate', `Copy ${label}`], ['remove', `Delete ${label}`]]) {
      const button = row.querySelector(`[data-do="${action}"]`);
      setAttr(button, 'aria-label', text);
      setAttr(button, 'title', text);
    }
    row.querySelector('[data-do="default-color"]').disabled = !actor.color;
    const problem = this.problem?.actor === index ? this.problem : null;
    const message = row.querySelector('.ah-message');
    if (message.textContent !== (problem?.message ?? '')) message.textContent = problem?.message ?? '';
    message.id = `ah-problem-${index}`;
    for (const input of row.querySelectorAll('[data-field]')) {
      const bad = problem && (input.dataset.field === (problem.field ?? 'id') || (problem.field === 'patterns' && input.dataset.field === 'aliases'));
      if (bad) {
        setAttr(input, 'aria-invalid', 'true');
        setAttr(input, 'aria-describedby', message.id);
      } else {
        input.removeAttribute('aria-invalid');
        input.removeAttribute('aria-describedby');
      }
    }
  }
}
