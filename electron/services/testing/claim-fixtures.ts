import type { Scholia } from '../open-scholia.ts';
import { articleWith } from './entity-fixtures.ts';
import { claim, person } from './record-fixtures.ts';

// Articles that make the same claim, for the claim tracker's tests.

export const CLAIMED = 'unemployment fell to 4% in 2025';
export const NEAR = 'unemployment fell sharply to 4% in 2025';

/** An article in which `who` makes the claim `words`, with the verdict `status`. */
export async function claimArticle(scholia: Scholia, text: string, words: string, status: string, id: string, who = 'Jane Minister') {
  return articleWith(scholia, text, (t) => ({
    entities: [person(`${id}-p`, who)],
    annotations: [claim(t, id, `${id}-p`, words, status)],
  }));
}

/** Three articles: the same claim in two (one checked False), a near match in the third. */
export async function threeClaimArticles(scholia: Scholia): Promise<{ a: string; b: string; c: string }> {
  const a = await claimArticle(scholia, `The minister said that ${CLAIMED}. Critics disagreed.`, CLAIMED, 'false', 'ca');
  const b = await claimArticle(scholia, `In a speech on Monday, the minister repeated that ${CLAIMED}.`, CLAIMED, 'unverified', 'cb');
  const c = await claimArticle(scholia, `Officials said ${NEAR}, a record low.`, NEAR, 'unverified', 'cc', 'An Official');
  return { a: a.id, b: b.id, c: c.id };
}
