// The starter lists shipped with the product (www/lists/, copied to dist/lists/; made from openly
// licensed data, whose source and licence are in each list's `notes` and in the README), offered
// by the editor's "Start from…".
export const STARTERS = [
  { name: 'World states', file: 'world-states.json' },
  { name: 'World states and capitals', file: 'world-states-capitals.json' },
];

/** The starter list `name`, fetched from `url`; a failed fetch says which list and why. */
export async function fetchStarter(name, url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`the starter list “${name}” could not be loaded (HTTP ${response.status})`);
  return response.json();
}
