// What the editor needs from the core, in a page that runs the wasm core itself (the install
// page, the reader, the demo, the dialog over a news page the bookmarklet highlighted). The
// extension's content script answers the same calls through its background worker instead.

import { checkList, kindColors, listFromTable, listToTable } from '../core.js';
import { STARTERS, fetchStarter } from './starters.js';

/** The editor's `core` (see editor.js); starter lists are fetched from `listsBase`. */
export function pageCore(listsBase = new URL('../lists/', import.meta.url)) {
  return {
    check: checkList,
    fromTable: listFromTable,
    toTable: listToTable,
    kindColors,
    starters: async () => STARTERS.map(({ name, file }) => ({
      name,
      load: () => fetchStarter(name, new URL(file, listsBase)),
    })),
  };
}
