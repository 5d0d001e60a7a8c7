// The invented news stories of the newsroom corpus (fixtures/import/newsroom/): places, people and
// organisations are fictional. `generate.ts` sets each in the page structure of one kind of site.
import { readFileSync } from 'node:fs';

/** A heading inside an article's body. */
export interface Heading {
  h: string;
}

/** One invented article, before it is set in a page. */
export interface Story {
  slug: string;
  language: string;
  headline: string;
  /** The standfirst: page furniture, not body (it is in the description and a subheading slot). */
  dek: string;
  authors: string[];
  section: string;
  /** As the publisher writes it, with its offset. */
  published: string;
  updated?: string;
  body: (string | Heading)[];
  captions: string[];
  related: string[];
}

/** The stories, kept as data in `stories.json`. */
export const STORIES: Story[] = JSON.parse(readFileSync(new URL('./stories.json', import.meta.url), 'utf8')) as Story[];
