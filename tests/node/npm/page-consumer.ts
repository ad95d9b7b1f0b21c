// Type-checked with tsc --noEmit under a bundler's module resolution with the DOM's types, in a
// project that installed the package: highlighting, the session, the lists and the editor.
import { editLists, highlight, scanText, started, type HighlightOptions, type Report, type Session } from 'article-highlighter';
import { ActorLists, localStorageLists, type ListsStorage, type ListsState } from 'article-highlighter/lists';

const config = { actors: [{ id: 'un', kind: 'organization' as const, aliases: ['United Nations'], patterns: ['\\bU\\.?N\\b\\.?'] }] };
const options: HighlightOptions = { root: document.body, paint: 'marks', sidebar: false, observe: true, selection: false };
const session: Session = await highlight(config, options);
const byMode: 'highlights' | 'marks' | null = session.mode;
const count: number = session.count;
await session.rescan();
session.remove();
const embedded: Session | null = await started;
const plain: Report = await scanText(config, 'The United Nations');

let kept: ListsState | null = null;
const memory: ListsStorage = { get: async () => kept, set: async (state) => { kept = state; } };
const lists = await ActorLists.open(memory, { name: 'Desk', ...config });
const fromLists: Session = await highlight(null, { root: 'article', lists });
const changed: boolean = await editLists(lists, { name: 'Ishaq Dar', kind: 'person', aliases: ['Ishaq Dar'] });
await lists.select(lists.names[0]);
const saved: ActorLists = await ActorLists.open(localStorageLists(), config);

// @ts-expect-error: no such way to paint
await highlight(config, { paint: 'ink' });
// @ts-expect-error: the editor works on lists, not a config
await editLists(config);
// @ts-expect-error: a session's report is read-only
session.report = plain;

export { byMode, count, embedded, fromLists, changed, saved };
