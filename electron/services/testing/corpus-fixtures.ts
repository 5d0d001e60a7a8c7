import type { Channel, ChannelOutput } from '../../../shared/contract/channels.ts';
import type { AnnotationOp } from '../../../shared/contract/ops.ts';
import type { Annotation } from '../../../shared/model/annotation.ts';
import type { Entity } from '../../../shared/model/entity.ts';
import { makeTarget } from '../../../shared/text/target.ts';
import type { Scholia } from '../open-scholia.ts';
import { valueOf } from './library-fixtures.ts';

const STAMP = '2026-02-01T09:00:00.000Z';

export async function call<C extends Channel>(scholia: Scholia, channel: C, input: unknown): Promise<ChannelOutput<C>> {
  return valueOf<ChannelOutput<C>>(await scholia.dispatch(channel, input));
}

/** Library-wide entities the three articles share by id. */
export const METSOLA: Entity = { id: 'e-metsola', name: 'Roberta Metsola', type: 'person', aliases: ['Metsola'], wikidata: 'Q2740048' };
export const EU: Entity = { id: 'e-eu', name: 'European Union', type: 'organization', aliases: ['EU', 'the Union'], wikidata: 'Q458' };
export const ZELENSKYY: Entity = { id: 'e-zelenskyy', name: 'Volodymyr Zelenskyy', type: 'person', aliases: ['Zélensky'] };

/** An annotation of an article, its span given by the words it covers (their first occurrence). */
type Spec = { id: string; on: string; author?: string; note?: string; tags?: string[] } & (
  | { kind: 'entity'; entityId: string }
  | { kind: 'quote'; speakerId?: string }
  | { kind: 'claim'; status: string; claimantId?: string; label?: string; checkworthy?: boolean; evidenceTitle?: string }
  | { kind: 'note' }
);

interface ArticleSpec {
  text: string;
  title: string;
  source: string;
  published?: string;
  entities: Entity[];
  annotations: Spec[];
}

export function annotationOn(text: string, spec: Spec): Annotation {
  const start = text.indexOf(spec.on);
  if (start < 0) throw new Error(`"${spec.on}" is not in the text`);
  const common = {
    id: spec.id,
    target: makeTarget(text, start, start + spec.on.length),
    author: spec.author ?? 'Ana',
    created: STAMP,
    modified: STAMP,
    ...(spec.note ? { note: spec.note } : {}),
    ...(spec.tags ? { tags: spec.tags } : {}),
  };
  switch (spec.kind) {
    case 'entity':
      return { ...common, kind: 'entity', entityId: spec.entityId };
    case 'quote':
      return { ...common, kind: 'quote', form: 'direct', ...(spec.speakerId ? { speakerId: spec.speakerId } : {}) };
    case 'claim':
      return {
        ...common,
        kind: 'claim',
        status: spec.status,
        ...(spec.claimantId ? { claimantId: spec.claimantId } : {}),
        ...(spec.label ? { label: spec.label } : {}),
        ...(spec.checkworthy === undefined ? {} : { checkworthy: spec.checkworthy }),
        ...(spec.evidenceTitle ? { evidence: [{ url: 'https://example.org/evidence', title: spec.evidenceTitle }] } : {}),
      };
    case 'note':
      return { ...common, kind: 'note' };
  }
}

/** Three articles that share speakers and entities by id: 6 mentions, 3 quotes, 3 claims and a note. */
export const THREE_ARTICLES: ArticleSpec[] = [
  {
    title: 'Parliament president on energy',
    source: 'Politico',
    published: '2024-03-10',
    text: 'Roberta Metsola said the European Union would act. "We will not wait," Metsola told reporters. Prices rose by twelve per cent, the minister claimed.',
    entities: [METSOLA, EU],
    annotations: [
      { id: 'a1-m1', kind: 'entity', on: 'Roberta Metsola', entityId: METSOLA.id },
      { id: 'a1-m2', kind: 'entity', on: 'European Union', entityId: EU.id },
      { id: 'a1-q1', kind: 'quote', on: '"We will not wait,"', speakerId: METSOLA.id, tags: ['energy'] },
      {
        id: 'a1-c1',
        kind: 'claim',
        on: 'Prices rose by twelve per cent',
        status: 'false',
        label: 'statistic',
        checkworthy: true,
        evidenceTitle: 'Eurostat inflation figures',
      },
    ],
  },
  {
    title: 'Summit opens in Brussels',
    source: 'Le Monde',
    published: '2024-05-02',
    text: 'The EU summit opened. Metsola said: "Energy security comes first." Officials claimed exports doubled in a year. Zélensky thanked the Union.',
    entities: [METSOLA, EU, ZELENSKYY],
    annotations: [
      { id: 'a2-m1', kind: 'entity', on: 'EU', entityId: EU.id, author: 'Ben' },
      { id: 'a2-m2', kind: 'entity', on: 'Metsola', entityId: METSOLA.id, author: 'Ben' },
      { id: 'a2-q1', kind: 'quote', on: '"Energy security comes first."', speakerId: METSOLA.id, author: 'Ben', tags: ['energy'] },
      {
        id: 'a2-c1',
        kind: 'claim',
        on: 'exports doubled in a year',
        status: 'false',
        claimantId: EU.id,
        label: 'statistic',
        checkworthy: false,
        author: 'Ben',
      },
      { id: 'a2-m3', kind: 'entity', on: 'Zélensky', entityId: ZELENSKYY.id, author: 'Ben' },
    ],
  },
  {
    title: 'Disinformation warning',
    source: 'Politico',
    published: '2024-05-20',
    text: 'Metsola warned that disinformation spreads fast. The opposition claimed the figure was invented. The European Union denied it.',
    entities: [METSOLA, EU],
    annotations: [
      { id: 'a3-q1', kind: 'quote', on: 'disinformation spreads fast', speakerId: METSOLA.id },
      {
        id: 'a3-c1',
        kind: 'claim',
        on: 'the figure was invented',
        status: 'mostly-false',
        checkworthy: true,
        author: 'Ben',
        note: 'Needs a source check',
      },
      { id: 'a3-m1', kind: 'entity', on: 'European Union', entityId: EU.id },
      { id: 'a3-n1', kind: 'note', on: 'denied it', note: 'Follow up with the Commission', tags: ['followup'] },
    ],
  },
];

/** Imports the articles (metadata set, entities and annotations added through the op engine); answers their ids in order. */
export async function importArticles(scholia: Scholia, articles: ArticleSpec[] = THREE_ARTICLES): Promise<string[]> {
  const ids: string[] = [];
  for (const article of articles) {
    const { id } = await call(scholia, 'library.importText', { text: article.text, filename: `${article.title}.txt` });
    const { document } = await call(scholia, 'library.get', { id });
    await call(scholia, 'library.updateMeta', {
      id,
      meta: { title: article.title, source: article.source, ...(article.published ? { published: article.published } : {}) },
    });
    const ops: AnnotationOp[] = [
      ...article.entities.map((entity): AnnotationOp => ({ op: 'entity.add', entity })),
      ...article.annotations.map((spec): AnnotationOp => ({ op: 'annotation.add', annotation: annotationOn(document.text, spec) })),
    ];
    await call(scholia, 'annotations.apply', { documentId: id, ops });
    ids.push(id);
  }
  return ids;
}
