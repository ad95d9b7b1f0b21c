// The starter lists shipped with the product (built into dist/lists/ from openly licensed data;
// the source and licence are in each list's `notes` and in the README), offered by the editor's
// "Start from…".
export const STARTERS = [
  { name: 'World states', file: 'world-states.json' },
  { name: 'States with capitals', file: 'states-capitals.json' },
];
