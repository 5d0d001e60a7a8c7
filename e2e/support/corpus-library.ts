import type { Annotation } from '../../shared/model/annotation.ts';
import type { ScholiaDocument } from '../../shared/model/document.ts';
import type { Entity } from '../../shared/model/entity.ts';
import { annotation } from './review-files.ts';
import type { ScholiaHost } from './scholia-host.ts';

/** The people and the institution the three articles share, with one id each across the library. */
export const CORPUS_ENTITIES = {
  parliament: {
    id: 'ent-parliament',
    name: 'European Parliament',
    type: 'organization',
    aliases: ['the Parliament'],
    wikidata: 'Q8889',
  },
  metsola: {
    id: 'ent-metsola',
    name: 'Roberta Metsola',
    type: 'person',
    aliases: ['Metsola'],
    wikidata: 'Q27919577',
    description: 'President of the European Parliament',
  },
  duch: { id: 'ent-duch', name: 'Jaume Duch', type: 'person', aliases: ['Duch'], description: "The Parliament's chief spokesperson" },
} as const satisfies Record<string, Entity>;

type Extra = Record<string, unknown>;

/** One article of the test corpus: its text, its details, and its annotations by span. */
interface CorpusArticle {
  title: string;
  source: string;
  published: string;
  paragraphs: string[];
  /** [kind, exact span, fields, author] */
  annotations: [Annotation['kind'], string, Extra, string?][];
}

const { parliament, metsola, duch } = CORPUS_ENTITIES;

/** Three short articles written for these tests: Metsola and Duch speak in several, each has a claim rated false. */
export const CORPUS_ARTICLES: CorpusArticle[] = [
  {
    title: 'Parliament website hit by cyberattack after Russia vote',
    source: 'Brussels Ledger',
    published: '2026-03-12',
    paragraphs: [
      'The European Parliament’s website was knocked offline on Wednesday, hours after lawmakers voted to call Russia a state sponsor of terrorism.',
      '“The European Parliament is under a sophisticated cyberattack,” Roberta Metsola wrote on social media. A pro-Kremlin group claimed responsibility.',
      'Jaume Duch said the outage was due to high levels of external network traffic. By the evening the site was back.',
      'Posts shared thousands of times claimed that the Parliament had lost all its voting records in the attack.',
    ],
    annotations: [
      [
        'claim',
        'the Parliament had lost all its voting records in the attack',
        { status: 'false', checkworthy: true, label: 'event' },
        'Analyst',
      ],
      ['claim', 'A pro-Kremlin group claimed responsibility', { status: 'unverified', checkworthy: true }, 'Analyst'],
      ['quote', 'The European Parliament is under a sophisticated cyberattack', { form: 'direct', speakerId: metsola.id }, 'Analyst'],
      ['quote', 'the outage was due to high levels of external network traffic', { form: 'indirect', speakerId: duch.id }, 'B. Colleague'],
      ['entity', 'Roberta Metsola', { entityId: metsola.id }, 'Analyst'],
      ['entity', 'Jaume Duch', { entityId: duch.id }, 'Analyst'],
      ['entity', 'European Parliament', { entityId: parliament.id }, 'Analyst'],
    ],
  },
  {
    title: 'Metsola defends new transparency rules',
    source: 'Policy Weekly',
    published: '2026-03-20',
    paragraphs: [
      'Roberta Metsola told reporters that the new rules would make every meeting with lobbyists public.',
      '“Nobody will be able to hide a meeting again,” Metsola said in Strasbourg.',
      'Critics in the European Parliament said the rules cover only a fraction of meetings. A widely shared video claimed that the rules had been scrapped the same week, which is not the case.',
      'Jaume Duch said the public register would go online in May.',
    ],
    annotations: [
      ['claim', 'the rules had been scrapped the same week', { status: 'false', checkworthy: true }, 'Analyst'],
      [
        'claim',
        'the new rules would make every meeting with lobbyists public',
        { status: 'mixed', claimantId: metsola.id },
        'B. Colleague',
      ],
      ['claim', 'the rules cover only a fraction of meetings', { status: 'mostly-true', label: 'statistic' }, 'Analyst'],
      ['quote', 'Nobody will be able to hide a meeting again', { form: 'direct', speakerId: metsola.id }, 'Analyst'],
      ['quote', 'the public register would go online in May', { form: 'indirect', speakerId: duch.id }, 'Analyst'],
      ['entity', 'Roberta Metsola', { entityId: metsola.id }, 'Analyst'],
      ['entity', 'European Parliament', { entityId: parliament.id }, 'Analyst'],
    ],
  },
  {
    title: 'Fact check: no, MEPs did not vote to ban cash',
    source: 'Gazette Fact Check',
    published: '2026-04-02',
    paragraphs: [
      'A message circulating on messaging apps says the European Parliament voted to ban cash payments from 2027. That is false.',
      '“There has been no vote on banning cash, and none is planned,” said Jaume Duch, speaking for Roberta Metsola’s office.',
      'The Parliament did vote on limits for very large cash payments, set at 10,000 euros.',
    ],
    annotations: [
      [
        'claim',
        'the European Parliament voted to ban cash payments from 2027',
        { status: 'false', checkworthy: true, label: 'legal' },
        'Analyst',
      ],
      ['claim', 'limits for very large cash payments, set at 10,000 euros', { status: 'true', label: 'statistic' }, 'Analyst'],
      ['quote', 'There has been no vote on banning cash, and none is planned', { form: 'direct', speakerId: duch.id }, 'Analyst'],
      ['entity', 'Jaume Duch', { entityId: duch.id }, 'Analyst'],
      ['entity', 'Roberta Metsola', { entityId: metsola.id }, 'Analyst'],
      ['entity', 'European Parliament', { entityId: parliament.id }, 'Analyst'],
    ],
  },
];

export interface ImportedArticle {
  id: string;
  title: string;
  document: ScholiaDocument;
  /** The annotations' ids by their exact span. */
  ids: Map<string, string>;
}

/**
 * Imports the three articles as pasted text, gives each its title, source and date, then adds the shared
 * entities (same ids in each) and the annotations through `annotations.apply`, as the app saves them.
 */
export async function importCorpus(host: ScholiaHost): Promise<ImportedArticle[]> {
  const imported: ImportedArticle[] = [];
  for (const [index, article] of CORPUS_ARTICLES.entries()) {
    const { id } = (await host.call('library.importPaste', { text: article.paragraphs.join('\n\n') })) as {
      id: string;
    };
    await host.call('library.updateMeta', { id, meta: { title: article.title, source: article.source, published: article.published } });
    const { document } = (await host.call('library.get', { id })) as { document: ScholiaDocument };
    const ids = new Map<string, string>();
    const annotations = article.annotations.map(([kind, exact, extra, author = 'Analyst'], number) => {
      const annotationId = `a${index + 1}-${number + 1}`;
      ids.set(exact, annotationId);
      return annotation(document.text, annotationId, kind, exact, extra, author);
    });
    await host.call('annotations.apply', {
      documentId: id,
      ops: [
        ...Object.values(CORPUS_ENTITIES).map((entity) => ({ op: 'entity.add', entity })),
        ...annotations.map((item) => ({ op: 'annotation.add', annotation: item })),
      ],
    });
    imported.push({ id, title: article.title, document, ids });
  }
  return imported;
}
