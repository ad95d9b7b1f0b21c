// The Node entry: the scan alone, with the core read from the installed package.
export type { About, Actor, ActorCount, Config, Kind, Mention, Person, Quote, Report, Rule, Span, Speaker } from './types.js';
export { scanText } from './types.js';
