// Generated claims for the `claims` scenario: news-like sentences over a Zipf-like vocabulary of 5,000 words, half of them
// with a figure (a count, a percentage or an amount), some with a date, each naming one or two of 2,000 entities.
import type { ClaimInput } from '../../shared/claims/matcher.ts';
import { pickFrom, seededRandom } from '../../shared/testing/seeded-random.ts';

const SYLLABLES =
  'ba be bi bo bu ca co da de di do fa fe fi ga go ha he ho ka ke ki la le li lo lu ma me mi mo na ne no pa pe po ra re ri ro sa se si so ta te ti to va ve vi'.split(
    ' ',
  );
const MONTHS = 'January February March April May June July August September October November December'.split(' ');

function vocabulary(size: number, random: () => number): string[] {
  const words = new Set<string>();
  while (words.size < size) {
    const length = 2 + Math.floor(random() * 3);
    words.add(Array.from({ length }, () => pickFrom(random, SYLLABLES)).join(''));
  }
  return [...words];
}

function figure(random: () => number): string {
  const value = 1 + Math.floor(random() * 999);
  const kind = random();
  return kind < 0.4 ? `${value}%` : kind < 0.7 ? `£${value}m` : `${value.toLocaleString('en')} people`;
}

/** `count` claims with ids `${prefix}${i}`, the same for the same seed. */
export function generateClaims(count: number, seed = 7, prefix = 'claim-'): ClaimInput[] {
  const random = seededRandom(seed);
  const words = vocabulary(5_000, seededRandom(1));
  const entities = Array.from({ length: 2_000 }, (_, i) => `entity-${i}`);
  const claims: ClaimInput[] = [];
  for (let i = 0; i < count; i++) {
    const length = 6 + Math.floor(random() * 10);
    const tokens = Array.from({ length }, () => words[Math.floor(words.length * random() ** 2)] as string);
    if (random() < 0.5) tokens.splice(Math.floor(random() * tokens.length), 0, figure(random));
    if (random() < 0.3)
      tokens.push('on', `${1 + Math.floor(random() * 28)} ${pickFrom(random, MONTHS)} ${2020 + Math.floor(random() * 7)}`);
    const named = Array.from({ length: 1 + Math.floor(random() * 2) }, () => pickFrom(random, entities));
    claims.push({ id: `${prefix}${i}`, text: tokens.join(' '), entities: named });
  }
  return claims;
}
