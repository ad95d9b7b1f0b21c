// The Node entry: the scan alone, with the core read from the installed package.
export type { Actor, ActorCount, Config, Kind, Mention, Quote, Report, Rule, Span, Speaker } from './types.js';
export { scanText } from './types.js';
