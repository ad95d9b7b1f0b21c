// The reader's lists above the table: which one is active (and edited), its name, a new list,
// deleting one, and "Start from…" the starter lists shipped with the product.

import { builder } from '../dom.js';
import { actorCount } from './model.js';

export class ListsBar {
  /** @param {import('./editor.js').Editor} editor */
  constructor(editor) {
    this.editor = editor;
    const el = builder(editor.doc);
    this.choice = el('select', { 'aria-label': 'Active list' });
    this.choice.addEventListener('change', () => this.run(async () => {
      await editor.lists.select(this.choice.value);
      await editor.reload();
      editor.onSaved(editor.lists.active, editor.lists.get());
      editor.say(`“${editor.lists.active}” is the active list.`);
    }));
    this.name = el('input', { type: 'text', 'aria-label': 'List name', autocomplete: 'off' });
    this.name.addEventListener('change', () => this.run(async () => {
      const name = await editor.lists.rename(editor.lists.active, this.name.value);
      this.update();
      editor.say(`Renamed to “${name}”.`);
    }));
    this.starters = el('select', { 'aria-label': 'Start a new list from a starter list' },
      el('option', { value: '', text: 'Start from…' }));
    this.starters.addEventListener('change', () => this.run(async () => {
      const starter = this.known.find((s) => s.name === this.starters.value);
      this.starters.value = '';
      if (!starter) return;
      const config = await starter.load();
      const problem = await editor.core.check(config);
      if (problem) throw new Error(`the starter list “${starter.name}” is not valid: ${problem.message}`);
      await this.addList(starter.name, config);
    }));
    this.remove = el('button', { type: 'button', text: 'Delete list', onclick: () => this.run(async () => {
      const name = editor.lists.active;
      if (!editor.doc.defaultView.confirm(`Delete the list “${name}” and its ${actorCount(editor.lists.get().actors.length)}?`)) return;
      await editor.lists.remove(name);
      await editor.reload();
      editor.onSaved(editor.lists.active, editor.lists.get());
      editor.say(`Deleted “${name}”; “${editor.lists.active}” is the active list.`);
    }) });
    this.element = el('div', { class: 'ah-bar', role: 'group', 'aria-label': 'Lists' },
      el('label', {}, 'List', this.choice),
      el('label', { class: 'ah-grow' }, 'Name', this.name),
      el('button', { type: 'button', text: 'New list', onclick: () => this.run(() => this.addList('New list', { actors: [] })) }),
      this.starters, this.remove);
    this.known = [];
    this.update();
    editor.core.starters().then((starters) => {
      this.known = starters;
      this.starters.append(...starters.map((s) => el('option', { value: s.name, text: s.name })));
    }, () => {});
  }

  /** Adds a list and makes it the one edited; its name field is focused, to be named. */
  async addList(base, config) {
    const { editor } = this;
    const name = await editor.lists.create(base, config);
    await editor.reload();
    editor.onSaved(name, editor.lists.get());
    editor.say(`Created the list “${name}” (${actorCount(config.actors.length)}); it is the active list.`);
    this.name.focus();
    this.name.select();
  }

  /**
   * Runs a change of lists (or of the active list as a whole) once a change typed before it is
   * saved, saying why it failed if it does.
   */
  async run(change) {
    try {
      await this.editor.flush();
      await change();
    } catch (error) {
      this.update();
      this.editor.say(error.message.replace(/^./, (c) => c.toUpperCase()), true);
    }
  }

  update() {
    const { lists } = this.editor;
    const el = builder(this.editor.doc);
    this.choice.replaceChildren(...lists.names.map((name) => el('option', { value: name, text: name })));
    this.choice.value = lists.active;
    this.name.value = lists.active;
    this.remove.disabled = lists.names.length === 1;
  }
}
