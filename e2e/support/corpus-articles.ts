import type { AnnotationOp } from '../../shared/contract/ops.ts';
import type { Annotation } from '../../shared/model/annotation.ts';
import type { ScholiaDocument } from '../../shared/model/document.ts';
import type { Entity } from '../../shared/model/entity.ts';
import { annotation } from './review-files.ts';
import type { ScholiaHost } from './scholia-host.ts';

/** The library entities the three articles share: the same ids in every article. */
export const METSOLA: Entity = {
  id: 'ent-metsola',
  name: 'Roberta Metsola',
  type: 'person',
  aliases: ['Metsola'],
  wikidata: 'Q2158040',
  description: 'Maltese politician, President of the European Parliament since January 2022.',
};
export const UNION: Entity = { id: 'ent-eu', name: 'European Union', type: 'organization', aliases: ['EU'], wikidata: 'Q458' };
/** The third article's "EU", registered there on its own (its analyst did not link it): a possible duplicate. */
export const LOCAL_EU: Entity = { id: 'ent-eu-ai', name: 'EU', type: 'organization', aliases: [] };

interface Article {
  title: string;
  source: string;
  published: string;
  text: string;
  entities: Entity[];
  /** [id, kind, exact text, fields] of each annotation, on the first occurrence of the text. */
  annotations: [string, Annotation['kind'], string, Record<string, unknown>][];
}

const ENLARGEMENT: Article = {
  title: 'Metsola presses for faster enlargement talks',
  source: 'Brussels Ledger',
  published: '2026-11-18',
  text: [
    'Metsola presses for faster enlargement talks',
    'Roberta Metsola told reporters in Brussels on Tuesday that the EU must open the next chapters of accession talks with Ukraine before the end of the year.',
    '“Enlargement is not charity, it is an investment in our own security,” Metsola said at a press conference after meeting national leaders.',
    'She added that the European Union had already paid out more than half of the promised support package, a figure the Commission’s own budget tables do not bear out.',
    'Several member states remain sceptical about the timetable.',
  ].join('\n\n'),
  entities: [METSOLA, UNION],
  annotations: [
    ['a-metsola', 'entity', 'Roberta Metsola', { entityId: METSOLA.id }],
    ['a-eu', 'entity', 'EU', { entityId: UNION.id }],
    ['a-quote', 'quote', 'Enlargement is not charity, it is an investment in our own security', { form: 'direct', speakerId: METSOLA.id }],
    [
      'a-claim',
      'claim',
      'the European Union had already paid out more than half of the promised support package',
      { status: 'false', checkworthy: true, claimantId: METSOLA.id, label: 'statistic' },
    ],
    ['a-union', 'entity', 'European Union', { entityId: UNION.id }],
  ],
};

const ENERGY: Article = {
  title: 'Energy prices dominate the Strasbourg plenary',
  source: 'Parliament Weekly',
  published: '2026-11-25',
  text: [
    'Energy prices dominate the Strasbourg plenary',
    'Energy prices dominated the opening debate of the plenary session in Strasbourg on Monday.',
    '“Households cannot wait for another winter of uncertainty,” said Roberta Metsola, opening the sitting.',
    'Members from several groups called on the European Union to extend the joint gas purchasing scheme.',
    'Energy commissioner Dan Jørgensen later said that electricity prices in the EU had fallen by forty per cent since last winter.',
    'The European Parliament will vote on the extension in January.',
  ].join('\n\n'),
  entities: [METSOLA, UNION],
  annotations: [
    ['b-quote', 'quote', 'Households cannot wait for another winter of uncertainty', { form: 'direct', speakerId: METSOLA.id }],
    ['b-metsola', 'entity', 'Roberta Metsola', { entityId: METSOLA.id }],
    ['b-union', 'entity', 'European Union', { entityId: UNION.id }],
    // Attributed to the wrong person: the split test moves it to a new entity.
    [
      'b-claim',
      'claim',
      'electricity prices in the EU had fallen by forty per cent since last winter',
      { status: 'mostly-false', checkworthy: true, claimantId: METSOLA.id, label: 'statistic' },
    ],
  ],
};

const AI_ACT: Article = {
  title: 'AI act vote closes the session',
  source: 'Brussels Ledger',
  published: '2026-12-01',
  text: [
    'AI act vote closes the session',
    'The session closed with a final vote on the artificial intelligence act, which passed by a wide margin.',
    '“Today we show that innovation and fundamental rights can go together,” Roberta Metsola said after the result was announced.',
    'Critics argued that the EU had left too many exemptions for national security agencies.',
    'A spokesperson said the rules would apply from 2027.',
  ].join('\n\n'),
  entities: [METSOLA, LOCAL_EU],
  annotations: [
    ['c-quote', 'quote', 'Today we show that innovation and fundamental rights can go together', { form: 'direct', speakerId: METSOLA.id }],
    ['c-metsola', 'entity', 'Roberta Metsola', { entityId: METSOLA.id }],
    ['c-eu', 'entity', 'EU', { entityId: LOCAL_EU.id }],
  ],
};

export const CORPUS_ARTICLES = [ENLARGEMENT, ENERGY, AI_ACT] as const;

/** What one article holds after the setup: its id and document. */
export interface StoredArticle {
  id: string;
  title: string;
}

/**
 * Adds the three articles through the API, as a script would: each text imported, its details
 * set, then its entities and annotations in one `annotations.apply` (the same entity ids across articles).
 */
export async function addCorpusArticles(host: ScholiaHost): Promise<StoredArticle[]> {
  const stored: StoredArticle[] = [];
  for (const article of CORPUS_ARTICLES) {
    const { id } = (await host.call('library.importText', { title: article.title, text: article.text })) as { id: string };
    await host.call('library.updateMeta', { id, meta: { title: article.title, source: article.source, published: article.published } });
    const { document } = (await host.call('library.get', { id })) as { document: ScholiaDocument };
    const ops: AnnotationOp[] = [
      ...article.entities.map((entity): AnnotationOp => ({ op: 'entity.add', entity })),
      ...article.annotations.map(([annotationId, kind, exact, fields]): AnnotationOp => ({
        op: 'annotation.add',
        annotation: annotation(document.text, annotationId, kind, exact, fields, 'Analyst'),
      })),
    ];
    await host.call('annotations.apply', { documentId: id, ops, baseRevision: document.revision });
    stored.push({ id, title: article.title });
  }
  return stored;
}

/** An article's entities and annotations as stored, for comparing before and after. */
export async function layerOf(host: ScholiaHost, id: string): Promise<Pick<ScholiaDocument, 'entities' | 'annotations'>> {
  const { document } = (await host.call('library.get', { id })) as { document: ScholiaDocument };
  const byId = <T extends { id: string }>(items: readonly T[]) => [...items].sort((a, b) => a.id.localeCompare(b.id));
  return { entities: byId(document.entities), annotations: byId(document.annotations) };
}
