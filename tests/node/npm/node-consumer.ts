// Type-checked with tsc --noEmit under Node's module resolution (the `node` export condition),
// in a project that installed the package: the scan and the report's shape.
import { scanText, type About, type Config, type Person, type Quote, type Report } from 'article-highlighter';
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
const people: Person[] = report.people;
const speakerPerson: string | undefined = first?.speaker?.person ?? people[0]?.id;
const about: string[] = (first?.about ?? []).map((entry: About) => entry.actor ?? entry.person);

// @ts-expect-error: offsets are numbers
const start: string = report.mentions[0].start;
// @ts-expect-error: 'animal' is no kind
await scanText({ actors: [{ id: 'cat', kind: 'animal', aliases: ['Cat'] }] }, 'Cat');
// @ts-expect-error: a config has actors
await scanText({ name: 'empty' }, 'text');
// @ts-expect-error: a rule is one of the README's
const rule: Quote['rule'] = 'guess';
// @ts-expect-error: an entry of `about` names an actor or a person, not both
const both: About = { actor: 'sadiq', person: 'jane-smith', start: 0, end: 5, text: 'Sadiq' };

export { highlight, speaker, pronounFor, spans, counts, speakerPerson, about, start, rule, both };
