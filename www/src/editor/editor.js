// The actor-list editor: one component for every place a reader manages their lists (the
// extension's options page, the bookmarklet's install page, the reader page, the demo, and the
// dialog the sidebar opens over a news page). It shows the active list as a table (rows.js), the
// lists themselves (lists-bar.js), import and export (transfer.js), and the JSON as an advanced
// tab.
//
// Every change is checked by the core (`core.check`, the same messages as the command line) and
// saved only when the whole list is valid; a problem is shown beside the field it names.
//
// `core` is what the editor needs from the wasm core, asynchronous so that the extension's
// content script can ask its background worker: `check(config)` → null or {message, actor, id,
// field}; `fromTable(text)` → config; `toTable(config)` → CSV text; `kindColors()` → Map of kind
// to colour; `starters()` → [{name, load()}].

import { builder } from '../dom.js';
import { jsonOf } from '../export.js';
import { ListsBar } from './lists-bar.js';
import { ListModel, actorCount } from './model.js';
import { ActorRows, COLUMNS } from './rows.js';
import EDITOR_CSS from './editor.css';
import { Transfer } from './transfer.js';

/** How long typing pauses before the list is checked and saved. */
const CHECK_DELAY_MS = 150;

const sheets = new WeakMap();

/** The editor's stylesheet, adopted by `root` (a document or a shadow root) once. */
function adoptStyles(root) {
  const view = (root.ownerDocument ?? root).defaultView;
  if (sheets.has(root)) return;
  const sheet = new view.CSSStyleSheet();
  sheet.replaceSync(EDITOR_CSS);
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  sheets.set(root, sheet);
}

export class Editor {
  /**
   * @param {Document} doc
   * @param {object} options
   * @param {import('../lists.js').ActorLists} options.lists the reader's lists; the active one is edited
   * @param {object} options.core see the top of this file
   * @param {(name: string, config: object) => void} [options.onSaved] the active list was saved or changed
   * @param {Document|ShadowRoot} [options.styleRoot] where the styles go (default: `doc`)
   */
  constructor(doc, { lists, core, onSaved = () => {}, styleRoot = doc }) {
    adoptStyles(styleRoot);
    this.doc = doc;
    this.lists = lists;
    this.core = core;
    this.onSaved = onSaved;
    this.model = new ListModel(lists.get());
    this.version = 0;
    /** The latest save of a change (resolves to whether the list was valid and saved). */
    this.saving = Promise.resolve(true);
    const el = builder(doc);

    this.status = el('p', { class: 'ah-status', role: 'status' });
    this.problemText = el('span');
    this.problem = el('p', { class: 'ah-problem', role: 'alert', hidden: '' }, this.problemText,
      el('button', { type: 'button', text: 'Go to the problem', onclick: () => this.goToProblem() }));
    this.rows = new ActorRows(doc, this.model, {
      update: (i, field, value) => this.model.update(i, field, value),
      duplicate: (i) => this.rows.focus(this.model.duplicate(i)),
      remove: (i) => {
        this.model.remove(i);
        this.say(`Deleted. ${this.undoHint()}`);
        this.rows.focus(Math.min(i, this.model.actors.length - 1), 'remove');
      },
      move: (i, delta, field) => this.rows.focus(this.model.move(i, delta), field),
    });

    this.search = el('input', { type: 'search', class: 'ah-grow', placeholder: 'Name or alias', 'aria-label': 'Search actors by name or alias' });
    this.search.addEventListener('input', () => this.filter());
    this.count = el('span', { class: 'ah-count', 'aria-live': 'polite' });
    this.undoButton = el('button', { type: 'button', text: 'Undo', 'aria-keyshortcuts': 'Control+Z', onclick: () => this.undo() });
    const table = el('div', { class: 'ah-table', role: 'table', 'aria-label': 'Actors' },
      el('div', { role: 'rowgroup' }, el('div', { class: 'ah-head', role: 'row', 'aria-rowindex': '1' },
        ...COLUMNS.map((name) => el('div', { role: 'columnheader', text: name })))),
      this.rows.scroller);
    this.transfer = new Transfer(this);
    const actorsPanel = el('div', { role: 'tabpanel', id: 'ah-actors-panel', 'aria-labelledby': 'ah-actors-tab' },
      el('div', { class: 'ah-bar' },
        el('label', { class: 'ah-grow' }, 'Search', this.search),
        el('button', { type: 'button', text: 'Add actor', onclick: () => this.addActor() }),
        this.undoButton, this.count),
      this.problem, table, this.transfer.element);

    this.json = el('textarea', { class: 'ah-json', spellcheck: 'false', 'aria-label': 'The list as JSON' });
    const jsonPanel = el('div', { role: 'tabpanel', id: 'ah-json-panel', 'aria-labelledby': 'ah-json-tab', hidden: '' },
      el('p', { class: 'ah-note', text: 'The list as the configuration file has it (see the README for every field, such as patterns). Apply it to check and save it.' }),
      this.json,
      el('div', { class: 'ah-bar' }, el('button', { type: 'button', text: 'Apply JSON', onclick: () => this.applyJson() })));
    const tab = (id, text, panel) => el('button', {
      type: 'button', role: 'tab', id, text, 'aria-controls': panel.id,
      onclick: () => this.showTab(id === 'ah-json-tab'),
    });
    this.tabs = [tab('ah-actors-tab', 'Actors', actorsPanel), tab('ah-json-tab', 'Advanced (JSON)', jsonPanel)];
    this.panels = [actorsPanel, jsonPanel];
    const tabList = el('div', { class: 'ah-tabs', role: 'tablist', 'aria-label': 'Edit the list as' }, ...this.tabs);
    tabList.addEventListener('keydown', (e) => {
      if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
      const json = this.tabs[1].getAttribute('aria-selected') !== 'true';
      this.showTab(json);
      this.tabs[json ? 1 : 0].focus();
    });
    this.bar = new ListsBar(this);
    this.element = el('section', { class: 'ah-editor', 'aria-label': 'Actor lists' },
      this.bar.element, tabList, actorsPanel, jsonPanel, this.status);
    this.element.addEventListener('keydown', (e) => {
      const typing = e.target.matches('input[type=text], input[type=search], textarea');
      if ((e.ctrlKey || e.metaKey) && e.key === 'z' && !typing) {
        e.preventDefault();
        this.undo();
      }
    });

    this.model.onChange((_, structural) => {
      if (structural) this.filter();
      else this.rows.render(true);
      this.updateUndo();
      this.scheduleCheck();
    });
    this.showTab(false);
    this.ready = this.start();
  }

  async start() {
    this.rows.kindColors = await this.core.kindColors();
    this.filter();
    this.updateUndo();
    this.transfer.update();
    await this.check(false);
  }

  /**
   * Loads the active list afresh (another list was chosen, or it was replaced). The change that
   * led here ran after `flush()` (see ListsBar.run), so nothing typed before it is lost; a check
   * of the list loaded before still under way is discarded.
   */
  reload() {
    this.version += 1;
    clearTimeout(this.timer);
    this.timer = null;
    this.model.load(this.lists.get());
    this.bar.update();
    this.transfer.update();
    this.search.value = '';
    this.rows.scroller.scrollTop = 0;
    if (!this.panels[1].hidden) this.json.value = jsonOf(this.model.toConfig(), 2);
    this.filter();
    this.updateUndo();
    return this.check(false);
  }

  showTab(json) {
    this.tabs.forEach((t, i) => {
      const on = (i === 1) === json;
      t.setAttribute('aria-selected', String(on));
      t.tabIndex = on ? 0 : -1;
    });
    this.panels[0].hidden = json;
    this.panels[1].hidden = !json;
    if (json) this.json.value = jsonOf(this.model.toConfig(), 2);
    else this.rows.render(true);
  }

  /** Shows the actors matching the search. */
  filter() {
    const shown = this.model.filter(this.search.value);
    this.rows.show(shown);
    const total = this.model.actors.length;
    this.count.textContent = shown.length === total ? actorCount(total) : `${shown.length.toLocaleString('en')} of ${actorCount(total)}`;
  }

  /** Adds an actor (with `fields` filled in: a name the reader chose on a page) and focuses its name. */
  addActor(fields = {}) {
    this.search.value = '';
    const index = this.model.add(fields);
    this.showTab(false);
    this.rows.focus(index, fields.name ? 'aliases' : 'name');
    this.say(fields.name ? `Added “${fields.name}”: check the aliases and kind.` : 'Added an actor: give it a name and aliases.');
    return index;
  }

  undoHint() {
    return this.model.undoLabel ? 'Undo (Ctrl+Z) takes it back.' : '';
  }

  updateUndo() {
    const label = this.model.undoLabel;
    this.undoButton.disabled = !label;
    this.undoButton.setAttribute('aria-label', label ? `Undo: ${label}` : 'Undo');
    this.undoButton.title = label ? `Undo: ${label}` : 'Nothing to undo';
  }

  undo() {
    const label = this.model.undoLabel;
    if (!label) return;
    this.model.undo();
    this.say(`Undone: ${label}.`);
  }

  say(text, error = false) {
    this.status.textContent = text;
    this.status.style.color = error ? 'var(--bad)' : '';
  }

  scheduleCheck() {
    this.version += 1;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.save(), CHECK_DELAY_MS);
  }

  /** Checks and saves the list now; the failure of a save is shown. Resolves to whether it was saved. */
  save() {
    this.timer = null;
    this.saving = this.check(true).catch((error) => {
      this.say(`Not saved: ${error.message}`, true);
      return false;
    });
    return this.saving;
  }

  /**
   * Saves at once a change still waiting for typing to pause, and waits for a save under way:
   * called before the lists change (another list chosen, an import) and before the editor
   * closes. Resolves to whether the list as it stands is valid and saved.
   */
  flush() {
    if (!this.timer) return this.saving;
    clearTimeout(this.timer);
    return this.save();
  }

  /**
   * Checks the list with the core; valid and `save`, stores it, under the name it had when the
   * check began (the active list may change while the core answers). Returns whether it is valid.
   */
  async check(save) {
    const version = this.version;
    const name = this.lists.active;
    const config = this.model.toConfig();
    const problem = await this.core.check(config);
    if (version !== this.version) return false;
    this.rows.setProblem(problem);
    this.problem.hidden = !problem;
    this.problemText.textContent = problem ? `Not saved: ${problem.message}` : '';
    if (problem) return false;
    if (save) {
      await this.lists.put(name, config);
      this.transfer.update();
      this.say(`Saved “${name}”: ${actorCount(config.actors.length)}.`);
      this.onSaved(name, this.lists.get(name));
    }
    return true;
  }

  /** Scrolls to the field the problem names and focuses it. */
  goToProblem() {
    const problem = this.rows.problem;
    if (problem?.actor == null) return;
    this.search.value = '';
    this.filter();
    const field = { caseSensitive: 'caseSensitive', kind: 'kind', color: 'color', name: 'name', aliases: 'aliases', patterns: 'aliases' }[problem.field] ?? 'id';
    this.rows.focus(problem.actor, field);
  }

  /**
   * Applies the JSON tab's text as the list, if it is JSON and the core accepts it. It replaces
   * the list as an import does: the version before can be restored.
   */
  async applyJson() {
    let config;
    try {
      config = JSON.parse(this.json.value);
    } catch (error) {
      this.say(`Not applied: the text is not JSON (${error.message}).`, true);
      return;
    }
    await this.bar.run(async () => {
      const problem = await this.core.check(config);
      if (problem) {
        this.say(`Not applied: ${problem.message}`, true);
        return;
      }
      const name = this.lists.active;
      await this.lists.put(name, config, { replacing: true });
      await this.reload();
      this.onSaved(name, this.lists.get());
      this.say(`Applied to “${name}”: ${actorCount(this.model.actors.length)}. Its previous version can be restored.`);
    });
  }
}
