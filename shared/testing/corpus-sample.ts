import type { CorpusSelection } from '../export/corpus/corpus-selection.ts';
import type { Annotation } from '../model/annotation.ts';
import type { DocumentMeta, ScholiaDocument } from '../model/document.ts';
import type { Entity } from '../model/entity.ts';
import { DEFAULT_TAGSET } from '../model/tagset.ts';
import { makeTarget } from '../text/target.ts';
import { documentFromRawText } from './annotated-sample.ts';

const STAMP = '2026-02-10T08:30:00.000Z';

/** Library entities shared by the three articles: the same id in each, as the registry keeps them. */
export const CORPUS_ENTITIES: Record<'metsola' | 'eu' | 'nunez' | 'kyiv', Entity> = {
  metsola: { id: 'e-metsola', name: 'Roberta Metsola', type: 'person', aliases: ['Metsola'], wikidata: 'Q7350423' },
  eu: { id: 'e-eu', name: 'European Union', type: 'organization', aliases: ['EU'], wikidata: 'Q458' },
  nunez: { id: 'e-nunez', name: 'Ana Ñúñez', type: 'person', aliases: [] },
  kyiv: { id: 'e-kyiv', name: 'Kyiv', type: 'location', aliases: ['Київ'], wikidata: 'Q1899' },
};

interface ArticleSpec {
  id: string;
  title: string;
  raw: string;
  meta: Omit<DocumentMeta, 'title'>;
  entities: Entity[];
  annotations: (at: (exact: string) => Annotation['target']) => Annotation[];
}

function article(spec: ArticleSpec): ScholiaDocument {
  const document = documentFromRawText(spec.raw, spec.title, spec.id);
  const { text } = document;
  const at = (exact: string) => {
    const start = text.indexOf(exact);
    if (start === -1) throw new Error(`${spec.id} has no "${exact}"`);
    return makeTarget(text, start, start + exact.length);
  };
  return { ...document, meta: { ...document.meta, ...spec.meta }, entities: spec.entities, annotations: spec.annotations(at) };
}

const base = (author: string) => ({ author, created: STAMP, modified: STAMP });

/**
 * Three articles that share speakers and entities (Metsola speaks in all three), with every kind of
 * annotation, claims rated false in two of them, accented letters, Cyrillic and emoji (astral code
 * points) in the text, and notes and tags holding quotes, commas, line breaks and a formula leader.
 */
export function corpusSampleDocuments(): ScholiaDocument[] {
  const { metsola, eu, nunez, kyiv } = CORPUS_ENTITIES;
  const first = article({
    id: 'doc-summit',
    title: 'Summit in Brussels: “a turning point” 🇪🇺',
    raw: 'Roberta Metsola said the EU had "never been more united" 🇪🇺 at the summit.\n\nShe claimed that 90 % of Europeans back the plan, a figure no poll supports.',
    meta: { source: 'Le Soir', published: '2026-01-12', url: 'https://example.org/le-soir/summit', language: 'en' },
    entities: [metsola, eu],
    annotations: (at) => [
      { ...base('Ana Ñúñez'), id: 'm1', kind: 'entity', target: at('Roberta Metsola'), entityId: metsola.id },
      { ...base('Ana Ñúñez'), id: 'm2', kind: 'entity', target: at('EU'), entityId: eu.id },
      {
        ...base('Ana Ñúñez'),
        id: 'q1',
        kind: 'quote',
        target: at('"never been more united"'),
        form: 'direct',
        speakerId: metsola.id,
        cue: at('said'),
        tags: ['unity, rhetoric'],
      },
      {
        ...base('Ana Ñúñez'),
        id: 'c1',
        kind: 'claim',
        target: at('90 % of Europeans back the plan'),
        status: 'false',
        label: 'statistic',
        checkworthy: true,
        claimantId: metsola.id,
        evidence: [{ url: 'https://example.org/eurobarometer', title: 'Eurobarometer, "spring" wave' }],
        note: 'No poll says 90 %;\nthe latest has 61 %, "support" as asked.',
        tags: ['poll', 'needs-review'],
      },
      {
        ...base('Ana Ñúñez'),
        id: 'n1',
        kind: 'note',
        target: at('🇪🇺'),
        note: '=HYPERLINK("http://evil.example") flag emoji, two code points',
      },
    ],
  });
  const second = article({
    id: 'doc-kyiv',
    title: 'Визит в Київ — Metsola in Kyiv',
    raw: 'In Kyiv, Metsola promised more aid 💶 "within weeks".\n\nAna Ñúñez, an analyst, said the aid had already been cut by half.',
    meta: { source: 'Kyiv Independent', published: '2026-01-20', url: 'https://example.org/kyiv-independent/visit' },
    entities: [metsola, nunez, kyiv],
    annotations: (at) => [
      { ...base('Jan Novák'), id: 'm1', kind: 'entity', target: at('Kyiv'), entityId: kyiv.id },
      { ...base('Jan Novák'), id: 'm2', kind: 'entity', target: at('Metsola'), entityId: metsola.id },
      { ...base('Jan Novák'), id: 'm3', kind: 'entity', target: at('Ana Ñúñez'), entityId: nunez.id },
      {
        ...base('Jan Novák'),
        id: 'q1',
        kind: 'quote',
        target: at('promised more aid 💶 "within weeks"'),
        form: 'mixed',
        speakerId: metsola.id,
      },
      {
        ...base('Jan Novák'),
        id: 'c1',
        kind: 'claim',
        target: at('the aid had already been cut by half'),
        status: 'false',
        claimantId: nunez.id,
        evidence: [{ url: 'https://example.org/budget-2026' }],
      },
      {
        ...base('Jan Novák'),
        id: 'q2',
        kind: 'quote',
        target: at('the aid had already been cut by half'),
        form: 'indirect',
        speakerId: nunez.id,
      },
    ],
  });
  const third = article({
    id: 'doc-budget',
    title: 'Budget talks stall',
    raw: 'Talks on the budget stalled on Friday. Metsola called the delay "regrettable" 😞.\n\nThe Commission expects a deal before March.',
    meta: { source: 'Le Soir', published: '2026-02-02' },
    entities: [metsola],
    annotations: (at) => [
      {
        ...base('Ana Ñúñez'),
        id: 'q1',
        kind: 'quote',
        target: at('"regrettable" 😞'),
        form: 'direct',
        speakerId: metsola.id,
        cue: at('called'),
      },
      { ...base('Ana Ñúñez'), id: 'c1', kind: 'claim', target: at('The Commission expects a deal before March'), status: 'unverified' },
      { ...base('Ana Ñúñez'), id: 'm1', kind: 'entity', target: at('Metsola'), entityId: metsola.id },
      { ...base('Ana Ñúñez'), id: 'n1', kind: 'note', target: at('stalled on Friday'), note: 'Friday, not Thursday, as the wire said.' },
    ],
  });
  return [first, second, third];
}

/** The three articles with all their annotations, as a corpus export takes them. */
export function corpusSampleSelection(documents: ScholiaDocument[] = corpusSampleDocuments()): CorpusSelection {
  return {
    documents: documents.map((document) => ({ document, annotations: document.annotations })),
    tagset: DEFAULT_TAGSET,
    exportedAt: '2026-02-11T10:00:00.000Z',
    annotator: 'Exporting Analyst',
  };
}
