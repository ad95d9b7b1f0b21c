// Import and export of the active list: CSV or TSV as spreadsheets save them (read and written
// by the core, so the page and the command line accept the same files and say the same
// line-numbered errors) and JSON as the configuration file. An import replaces a list only once
// the reader confirms it, and the list's version before can be restored; a file that cannot be
// read leaves the list untouched and says why.

import { builder } from '../dom.js';
import { download, jsonOf } from '../export.js';
import { actorCount } from './model.js';

/** Larger than any actor list (the core takes 16 MB of JSON at most): a bigger file is refused unread. */
const MAX_FILE = 32 * 1024 * 1024;

/** A name for a file from a list's name. */
function fileName(name, extension) {
  return `${name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'actors'}.${extension}`;
}

export class Transfer {
  /** @param {import('./editor.js').Editor} editor */
  constructor(editor) {
    this.editor = editor;
    const el = builder(editor.doc);
    this.el = el;
    this.file = el('input', { type: 'file', accept: '.csv,.tsv,.txt,.json,text/csv,text/tab-separated-values,application/json' });
    this.file.addEventListener('change', () => {
      const [file] = this.file.files;
      this.file.value = '';
      if (file) this.read(file);
    });
    this.restoreButton = el('button', { type: 'button', text: 'Restore the previous version', onclick: () => this.restore() });
    this.confirm = el('div', { class: 'ah-confirm', role: 'group', 'aria-label': 'Confirm the import', hidden: '' });
    this.element = el('div', {},
      el('div', { class: 'ah-bar' },
        el('label', {}, 'Import a CSV, TSV or JSON file', this.file),
        el('button', { type: 'button', text: 'Export CSV', onclick: () => this.exportCsv() }),
        el('button', { type: 'button', text: 'Export JSON', onclick: () => this.exportJson() }),
        this.restoreButton),
      this.confirm);
  }

  update() {
    const { lists } = this.editor;
    this.restoreButton.disabled = !lists.previous(lists.active);
  }

  /**
   * Reads a file as a list, and asks before it replaces the active one. A file that cannot be
   * read, or a core that does not answer, is said as the reason nothing was imported.
   */
  async read(file) {
    const { editor } = this;
    const refuse = (why) => editor.say(`Not imported: ${file.name}: ${why}. The list is unchanged.`, true);
    if (file.size > MAX_FILE) return refuse(`it is ${Math.round(file.size / 1048576)} MB, more than any actor list`);
    let config;
    let problem;
    try {
      const text = await file.text();
      config = /\.json$/i.test(file.name) || /^\uFEFF?\s*[{[]/.test(text)
        ? JSON.parse(text.replace(/^\uFEFF/, ''))
        : await editor.core.fromTable(text);
      problem = await editor.core.check(config);
    } catch (error) {
      return refuse(error.message);
    }
    if (problem) return refuse(problem.message);
    this.ask(file.name, config);
  }

  /** Shows what the import would do, with Replace, Import as a new list, and Cancel. */
  ask(source, config) {
    const { editor, el } = this;
    const name = editor.lists.active;
    const done = () => {
      this.confirm.hidden = true;
      this.confirm.replaceChildren();
    };
    const replace = el('button', { type: 'button', text: `Replace “${name}”`, onclick: () => editor.bar.run(async () => {
      done();
      await editor.lists.put(name, config, { replacing: true });
      await editor.reload();
      editor.onSaved(name, editor.lists.get());
      editor.say(`Imported ${actorCount(config.actors.length)} from ${source} into “${name}”. Its previous version can be restored.`);
    }) });
    const asNew = el('button', { type: 'button', text: 'Import as a new list', onclick: () => editor.bar.run(async () => {
      done();
      await editor.bar.addList(source.replace(/\.[^.]+$/, ''), config);
    }) });
    const cancel = el('button', { type: 'button', text: 'Cancel', onclick: () => {
      done();
      editor.say('Import cancelled; the list is unchanged.');
    } });
    this.confirm.replaceChildren(
      el('p', { text: `${source} holds ${actorCount(config.actors.length)}. Replace the ${actorCount(editor.model.actors.length)} of “${name}” with them?` }),
      el('div', { class: 'ah-bar' }, replace, asNew, cancel));
    this.confirm.hidden = false;
    replace.focus();
  }

  restore() {
    const { editor } = this;
    return editor.bar.run(async () => {
      await editor.lists.restore();
      await editor.reload();
      editor.onSaved(editor.lists.active, editor.lists.get());
      editor.say(`Restored the previous version of “${editor.lists.active}” (${actorCount(editor.model.actors.length)}); the one replaced can be restored in turn.`);
    });
  }

  /**
   * The list as CSV, as the core writes it. A list the core refuses (an alias with `|` in it, which
   * a table cannot hold) is not exported, and the page says why.
   */
  async exportCsv() {
    const { editor } = this;
    let table;
    try {
      table = await editor.core.toTable(editor.model.toConfig());
    } catch (error) {
      editor.say(`Not exported: ${error.message}`, true);
      return;
    }
    download(editor.doc, table, fileName(editor.lists.active, 'csv'), 'text/csv');
  }

  exportJson() {
    const { editor } = this;
    download(editor.doc, `${jsonOf(editor.model.toConfig(), 2)}\n`, fileName(editor.lists.active, 'json'), 'application/json');
  }
}
