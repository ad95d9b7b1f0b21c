// The reader's actor list, kept in extension storage; the demo's list until they set their own.
import DEFAULT_CONFIG from '../demo/actors.json' with { type: 'json' };

export { DEFAULT_CONFIG };

export async function loadConfig(api) {
  const { config } = await api.storage.local.get('config');
  return config ?? DEFAULT_CONFIG;
}

export function saveConfig(api, config) {
  return api.storage.local.set({ config });
}
