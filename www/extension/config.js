// The reader's actor lists, kept in extension storage under `lists` (lists.js); the list kept
// under `config` by earlier versions becomes the first, and the demo's list is the first until
// they set their own.
import DEFAULT_CONFIG from '../demo/actors.json' with { type: 'json' };
import { ActorLists } from '../src/lists.js';

export { DEFAULT_CONFIG };

/** The reader's lists, from the extension's storage. */
export function openLists(api) {
  return ActorLists.open({
    get: async () => (await api.storage.local.get('lists')).lists ?? null,
    legacy: async () => (await api.storage.local.get('config')).config ?? null,
    set: (lists) => api.storage.local.set({ lists }),
  }, DEFAULT_CONFIG);
}
