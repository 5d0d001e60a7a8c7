import { countries } from 'countries-list';
import { cityMapping } from 'city-timezones';

/** Cities smaller than this are left out: a small town's name is more often a surname ("Jackson") than the town. */
const LEAST_POPULATION = 100_000;

/** Short names news writes for countries and unions of them, which the country list spells out. */
const SHORT_NAMES = [
  'US',
  'U.S.',
  'USA',
  'UK',
  'U.K.',
  'UAE',
  'DRC',
  'Britain',
  'Great Britain',
  'England',
  'Scotland',
  'Wales',
  'Northern Ireland',
];

let places: ReadonlySet<string> | null = null;

/**
 * Place names from gazetteers that ship inside npm packages: the world's countries (countries-list,
 * MIT) and the cities of 100,000 people or more with their provinces and states (city-timezones,
 * MIT, from Natural Earth and simplemaps' basic world cities). Lower-cased; built once, on first use.
 */
export function placeNames(): ReadonlySet<string> {
  if (places) return places;
  const names = new Set<string>(SHORT_NAMES.map((name) => name.toLowerCase()));
  for (const country of Object.values(countries)) {
    names.add(country.name.toLowerCase());
    names.add(country.native.toLowerCase());
  }
  for (const city of cityMapping) {
    if (city.province) names.add(city.province.toLowerCase());
    if (city.pop < LEAST_POPULATION) continue;
    names.add(city.city.toLowerCase());
    names.add(city.city_ascii.toLowerCase());
  }
  places = names;
  return places;
}
