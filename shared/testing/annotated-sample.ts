import type { Annotation, QuoteForm } from '../model/annotation.ts';
import type { ScholiaDocument } from '../model/document.ts';
import type { Entity } from '../model/entity.ts';
import { newDocument } from '../model/new-document.ts';
import { parsePlainText } from '../text/plain-text.ts';
import { makeTarget } from '../text/target.ts';

const STAMP = '2026-01-31T09:00:00.000Z';
const AUTHOR = 'A. Analyst';

/** A document made from raw article text the way text import makes it, without touching disk. */
export function documentFromRawText(raw: string, title: string, id = 'sample'): ScholiaDocument {
  const article = parsePlainText(raw);
  const meta = { title, ...(article.published ? { published: article.published } : {}), language: 'en' };
  return newDocument(id, meta, article.blocks, STAMP);
}

export const SAMPLE_ENTITIES: Entity[] = [
  { id: 'e-ep', name: 'European Parliament', type: 'organization', aliases: ['Parliament'], wikidata: 'Q8889' },
  { id: 'e-metsola', name: 'Roberta Metsola', type: 'person', aliases: ['Metsola'], description: 'President of the European Parliament' },
  { id: 'e-duch', name: 'Jaume Duch', type: 'person', aliases: ['Duch'], description: "The Parliament's chief spokesperson" },
  { id: 'e-russia', name: 'Russia', type: 'location', aliases: ['Russian Federation'], wikidata: 'Q159' },
  { id: 'e-ukraine', name: 'Ukraine', type: 'location', aliases: [], wikidata: 'Q212' },
  { id: 'e-meps', name: 'MEPs', type: 'group', aliases: ['lawmakers'] },
  { id: 'e-prokremlin', name: 'pro-Kremlin group', type: 'group', aliases: [] },
];

function locate(text: string, exact: string, occurrence = 1): number {
  let start = -1;
  for (let i = 0; i < occurrence; i++) {
    start = text.indexOf(exact, start + 1);
    if (start === -1) throw new Error(`the sample text has no occurrence ${occurrence} of "${exact}"`);
  }
  return start;
}

/**
 * The annotations of the sample article used by the export tests: claims of every verdict kind,
 * quotes grouped by speaker (and one without), entity mentions of every name and alias, and notes,
 * with nesting and overlaps (a claim inside a quote, mentions inside both, a note across a claim).
 */
export function sampleAnnotations(text: string): { entities: Entity[]; annotations: Annotation[] } {
  const base = { author: AUTHOR, created: STAMP, modified: STAMP };
  const span = (exact: string, occurrence = 1) => {
    const start = locate(text, exact, occurrence);
    return makeTarget(text, start, start + exact.length);
  };
  const annotations: Annotation[] = [
    {
      ...base,
      id: 'claim-hacked',
      kind: 'claim',
      target: span('became temporarily unavailable after being hacked on Wednesday afternoon'),
      status: 'true',
      label: 'event',
      checkworthy: true,
      evidence: [{ url: 'https://example.org/status/ep-outage', title: 'Outage log', note: 'Shows the site down from 14:10 CET.' }],
    },
    {
      ...base,
      id: 'claim-cyberattack',
      kind: 'claim',
      target: span('The (European Parliament) is under a sophisticated cyberattack.'),
      status: 'mixed',
      claimantId: 'e-metsola',
      note: 'Traffic flood, not an intrusion: "sophisticated" is contested.',
    },
    {
      ...base,
      id: 'claim-responsibility',
      kind: 'claim',
      target: span('A pro-Kremlin group has claimed responsibility'),
      status: 'unverified',
      claimantId: 'e-metsola',
      checkworthy: true,
    },
    {
      ...base,
      id: 'claim-traffic',
      kind: 'claim',
      target: span('the outage was due to "high levels of external network traffic,"'),
      status: 'mostly-true',
      claimantId: 'e-duch',
      label: 'causal',
    },
    {
      ...base,
      id: 'claim-times',
      kind: 'claim',
      target: span('By 15:30 CET, the website became accessible but by 16:00 CET, it went down again.'),
      status: 'unverifiable',
      label: 'statistic',
    },
    {
      ...base,
      id: 'claim-law',
      kind: 'claim',
      target: span('the bloc cannot officially designate an entire country as a terrorist state'),
      status: 'true',
      label: 'legal',
      note: 'Matches the EU terrorist list rules.',
    },
    {
      ...base,
      id: 'claim-multimedia',
      kind: 'claim',
      target: span('was not affected'),
      status: 'false',
      checkworthy: false,
      evidence: [{ url: 'https://example.org/multimedia-centre' }],
    },
  ];
  const quote = (id: string, exact: string, form: QuoteForm, speakerId?: string, cue?: string, occurrence = 1): Annotation => ({
    ...base,
    id,
    kind: 'quote',
    target: span(exact, occurrence),
    form,
    ...(speakerId ? { speakerId } : {}),
    ...(cue ? { cue: span(cue) } : {}),
  });
  annotations.push(
    quote(
      'quote-attack',
      '"The (European Parliament) is under a sophisticated cyberattack. A pro-Kremlin group has claimed responsibility,"',
      'direct',
      'e-metsola',
      'said European Parliament President',
    ),
    quote(
      'quote-it',
      '"Our IT experts are pushing back against it & protecting our systems. This, after we proclaimed Russia as a State-sponsor of terrorism."',
      'direct',
      'e-metsola',
    ),
    quote('quote-slava', '"My response: #SlavaUkraini,"', 'direct', 'e-metsola', 'added'),
    quote('quote-traffic', 'the outage was due to "high levels of external network traffic,"', 'mixed', 'e-duch'),
    quote('quote-ddos', '"This traffic is related to a DDOS attack (Distributed Denial of Service) event,"', 'direct', 'e-duch'),
    quote('quote-glory', '"Glory to Ukraine!"', 'direct'),
    quote(
      'quote-denounced',
      'MEPs denounced Russia for the the "brutal and inhumane" acts inflicted upon Ukraine and its citizens',
      'indirect',
      'e-meps',
    ),
  );
  annotations.push(
    {
      ...base,
      id: 'note-resolution',
      kind: 'note',
      target: span('a strongly-worded resolution declaring Russia a "state sponsor of terrorism."'),
      note: 'Compare with the adopted text: the resolution is non-binding.',
    },
    { ...base, id: 'note-ddos', kind: 'note', target: span('DDoS attacks'), note: 'The article spells it both "DDOS" and "DDoS".' },
  );

  const taken: { start: number; end: number }[] = [];
  const mentions: Annotation[] = [];
  for (const entity of SAMPLE_ENTITIES) {
    const names = [entity.name, ...entity.aliases].sort((a, b) => b.length - a.length);
    for (const name of names) {
      const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${name.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu');
      for (const match of text.matchAll(pattern)) {
        const start = match.index;
        const end = start + name.length;
        if (taken.some((t) => start < t.end && end > t.start)) continue;
        taken.push({ start, end });
        mentions.push({
          ...base,
          id: `m-${entity.id.slice(2)}-${start}`,
          kind: 'entity',
          target: makeTarget(text, start, end),
          entityId: entity.id,
        });
      }
    }
  }
  return { entities: SAMPLE_ENTITIES, annotations: [...annotations, ...mentions] };
}

/** The sample article as a document carrying `sampleAnnotations`. */
export function annotatedSampleDocument(raw: string): ScholiaDocument {
  const document = documentFromRawText(raw, 'European Parliament website hit by cyberattack after Russia terrorism vote');
  return { ...document, ...sampleAnnotations(document.text) };
}
