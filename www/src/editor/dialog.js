// The editor in a modal dialog over a news page: what the sidebar's "Add as actor" opens. It
// lives in a shadow root of its own, like the sidebar, so the page's CSS cannot reach it, and
// is loaded only when first opened (a dynamic import), never with the highlighter itself.

import { builder } from '../dom.js';
import { OWN_UI, takeOut } from '../text.js';
import { Editor } from './editor.js';

const DIALOG_CSS = `
:host { all: initial; }
dialog { width: min(1100px, calc(100vw - 32px)); max-height: calc(100vh - 32px); padding: 0; border: 1px solid #d0d7de;
  border-radius: 10px; box-shadow: 0 12px 40px rgba(0, 0, 0, 0.3); background: #fff; color: #1f2328; color-scheme: light dark; }
dialog::backdrop { background: rgba(0, 0, 0, 0.35); }
.inner { padding: 12px 18px 16px; font: 14px/1.45 system-ui, sans-serif; }
.top { display: flex; align-items: center; gap: 12px; }
h2 { flex: 1; font-size: 17px; margin: 0; }
.top button { font: inherit; color: inherit; padding: 3px 14px; border: 1px solid #d0d7de; border-radius: 6px; background: #f6f8fa; cursor: pointer; }
.top button:focus-visible { outline: 2px solid #0969da; outline-offset: 1px; }
@media (prefers-color-scheme: dark) {
  dialog { background: #0d1117; color: #e6edf3; border-color: #30363d; }
  .top button { background: #161b22; border-color: #30363d; }
}
`;

/**
 * Opens the editor on the reader's lists over the page, with an actor added from `fields` (a
 * name found on the page) when given. Resolves once the reader closes it: true if the active
 * list was saved or changed meanwhile.
 */
export function openEditor(doc, { lists, core, fields = null }) {
  const host = doc.createElement('article-highlighter-editor');
  // Unlike the sidebar's host, no inline `all: initial !important`: the dialog lives in the top
  // layer, out of the page's layout, and inline !important spacing would stop a reader's own
  // text-spacing styles from reaching it.
  host.setAttribute(OWN_UI, 'editor');
  const shadow = host.attachShadow({ mode: 'open' });
  const sheet = new doc.defaultView.CSSStyleSheet();
  sheet.replaceSync(DIALOG_CSS);
  shadow.adoptedStyleSheets = [sheet];
  let changed = false;
  // Whether the reader was told that the last change is not saved (see done()); a save since
  // makes the next unsaved change worth telling again.
  let warned = false;
  const editor = new Editor(doc, { lists, core, styleRoot: shadow, onSaved: () => { changed = true; warned = false; } });
  const el = builder(doc);
  const dialog = el('dialog', { 'aria-labelledby': 'ah-dialog-title' },
    el('div', { class: 'inner' },
      el('div', { class: 'top' }, el('h2', { id: 'ah-dialog-title', text: 'Actor lists' }),
        el('button', { type: 'button', text: 'Done', onclick: () => done() })),
      editor.element));
  shadow.append(dialog);
  doc.body.append(host);
  dialog.showModal();
  if (fields) editor.ready.then(() => editor.addActor(fields));
  // Done (or Escape) saves a change typed just before it first. A change that cannot be saved (the
  // list is invalid, the storage refused it) keeps the dialog open, saying so; asked again, it
  // closes without that change, as the reader was told.
  async function done() {
    const saved = await editor.flush();
    if (saved || warned) {
      dialog.close();
      return;
    }
    warned = true;
    // Invalid, the problem is shown above the table; refused by the storage, the status says why.
    const why = editor.problem.hidden ? `${editor.status.textContent} ` : '';
    editor.say(`${why}Not closed: the last change is not saved. Fix or undo it, or choose Done again to close without it.`, true);
  }
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault();
    done();
  });
  return new Promise((resolve) => {
    dialog.addEventListener('close', async () => {
      // Closed otherwise than by done() (a browser's own close request): what can be saved is.
      await editor.flush();
      takeOut(host);
      resolve(changed);
    });
  });
}
