// The words a reader sees for each kind of actor: one actor's kind in the list editor, a group of
// them in the sidebar. The kinds themselves, their order and their colours are the core's
// (`kinds()` of the wasm module); tests/node/lists.test.mjs checks that both name the same kinds.

/** For each kind, in the core's order: [kind, one actor's kind, the heading of a group]. */
export const KIND_WORDS = [
  ['person', 'Person', 'People'],
  ['organization', 'Organisation', 'Organisations'],
  ['state', 'State', 'States'],
  ['group', 'Group', 'Groups'],
  ['place', 'Place', 'Places'],
  ['other', 'Other', 'Other'],
];
