// Type-checked with tsc --noEmit under Node's module resolution (the `node` export condition),
// in a project that installed the package: the scan and the report's shape.
import { scanText, type Config, type Quote, type Report } from 'article-highlighter';
// @ts-expect-error: the Node entry has no DOM, so no highlight()
import { highlight } from 'article-highlighter';

const config: Config = {
  name: 'Desk',
  actors: [{ id: 'sadiq', name: 'Muhammad Sadiq', kind: 'person', aliases: ['Sadiq'], caseSensitive: false }],
};
const report: Report = await scanText(config, '“It works,” Sadiq said.');
const fromJson: Report = await scanText(JSON.stringify(config), 'Sadiq');

const first: Quote | undefined = report.quotes[0];
const speaker: string | null = first?.speaker?.actor ?? null;
const pronounFor: string | undefined = first?.speaker?.refers_to?.text;
const spans: number[] = report.mentions.map((mention) => mention.end - mention.start);
const counts: Record<string, number> = Object.fromEntries(fromJson.actors.map((actor) => [actor.id, actor.count]));

// @ts-expect-error: offsets are numbers
const start: string = report.mentions[0].start;
// @ts-expect-error: 'animal' is no kind
await scanText({ actors: [{ id: 'cat', kind: 'animal', aliases: ['Cat'] }] }, 'Cat');
// @ts-expect-error: a config has actors
await scanText({ name: 'empty' }, 'text');
// @ts-expect-error: a rule is one of the README's
const rule: Quote['rule'] = 'guess';

export { highlight, speaker, pronounFor, spans, counts, start, rule };
