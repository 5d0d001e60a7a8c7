// `npx tsx eval/newsroom/generate.ts`: writes the newsroom corpus, fixtures/import/newsroom/, from
// the invented stories of stories.ts, each set in the page structure of one kind of news site (a
// paper whose <html> carries feature-flag classes, one with "Follow @handle" by its bylines, a tech
// site with section labels by the byline, figure captions and related lists, WordPress, Ghost, a
// Medium-like platform, AMP, microdata-only pages, paywalls…) with a gold sidecar for each page.
// The pages are committed: re-running this rewrites them identically.
import { mkdirSync, writeFileSync } from 'node:fs';
import { day, textOf, type Gold, type Template } from './page-parts.ts';
import { ledger, capitalPost, circuit, courier, broadcast, wordpress, healthline } from './templates-papers.ts';
import {
  regional,
  microdata,
  metered,
  wire,
  amp,
  ghost,
  platform,
  german,
  germanRegional,
  french,
  spanish,
  unsigned,
} from './templates-others.ts';
import { STORIES } from './stories.ts';

const OUT = new URL('../../fixtures/import/newsroom/', import.meta.url);

/** Which page structure each story is set in, by slug. */
const TEMPLATES: Record<string, Template> = {
  'transit-fare-freeze': ledger,
  'drought-reservoirs': ledger,
  'court-ruling-protest': ledger,
  'ceasefire-talks': capitalPost,
  'housing-permits': capitalPost,
  'chipmaker-layoffs': circuit,
  'open-source-maintainers': circuit,
  'glacier-retreat': courier,
  'museum-reopening': courier,
  'hospital-waiting-lists': broadcast('standard'),
  'flood-barrier': broadcast('dotted-title'),
  'bird-count': broadcast('standard'),
  'nightly-profiler': wordpress('meta-wrapped'),
  'bridge-closure': wordpress('yoast'),
  'sleep-study': healthline,
  'stadium-vote': regional('plain'),
  'election-turnout': regional('multi'),
  'library-hours': microdata,
  'central-bank-rates': microdata,
  'ferry-contract': metered,
  'orchestra-strike': metered,
  'battery-plant': wire('string'),
  'rail-strike-off': wire('organization'),
  'school-phones': amp,
  'harbour-seals': amp,
  'vaccine-clinics': ghost,
  'startup-funding': platform,
  'strassenbahn-verlaengerung': german,
  'energiepreise-haushalte': germanRegional,
  'greve-enseignants': french,
  'sequia-embalses': spanish,
  'weather-warning-heat': unsigned,
};

const HOSTS: Record<string, string> = { ledger: 'www.ledger.example' };
/** Templates that show the standfirst with the article: it is the article's lead, so it is body. */
const DEK_SHOWN = new Set<Template>([ledger, capitalPost, circuit, courier, ghost, german, french, spanish]);

mkdirSync(OUT, { recursive: true });
STORIES.forEach((story, index) => {
  const template = TEMPLATES[story.slug];
  if (!template) throw new Error(`no template for ${story.slug}`);
  const url = `https://${HOSTS[story.slug] ?? 'news.example'}/${day(story.published).replace(/-/gu, '/')}/${story.slug}`;
  const page = template(story, url);
  const name = `${String(index + 1).padStart(2, '0')}-${story.slug}`;
  const gold: Gold = {
    title: story.headline,
    authors: story.authors,
    published: day(story.published),
    updated: story.updated ? day(story.updated) : null,
    canonicalUrl: url,
    body: [...(DEK_SHOWN.has(template) ? [story.dek] : []), ...story.body.map(textOf)],
    captions: story.captions,
    ...page.gold,
  };
  writeFileSync(new URL(`${name}.html`, OUT), page.html);
  writeFileSync(new URL(`${name}.gold.json`, OUT), `${JSON.stringify(gold, null, 2)}\n`);
});
console.log(`wrote ${STORIES.length} pages to ${OUT.pathname}`);
