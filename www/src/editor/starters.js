// The starter lists shipped with the product (www/lists/, copied to dist/lists/; made from openly
// licensed data, whose source and licence are in each list's `notes` and in the README), offered
// by the editor's "Start from…".
export const STARTERS = [
  { name: 'World states', file: 'world-states.json' },
  { name: 'World states and capitals', file: 'world-states-capitals.json' },
];
