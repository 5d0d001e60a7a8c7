import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { JsonBytesCache } from '../../electron/services/store/json-bytes.ts';
import { STORE_VERSION, summarize, type DocumentFile, type LibraryFile } from '../../electron/services/store/store-files.ts';
import type { Annotation, QuoteForm } from '../../shared/model/annotation.ts';
import type { DocumentSummary, ScholiaDocument } from '../../shared/model/document.ts';
import type { Entity } from '../../shared/model/entity.ts';
import { DEFAULT_SETTINGS } from '../../shared/model/settings.ts';
import { DEFAULT_TAGSET } from '../../shared/model/tagset.ts';
import { documentFromRawText } from '../../shared/testing/annotated-sample.ts';
import { pickFrom, seededRandom } from '../../shared/testing/seeded-random.ts';
import { makeTarget } from '../../shared/text/target.ts';
import { generateArticle } from './generate.ts';

/** The entity every article mentions once, so the large library has a profile of 10,000 mentions. */
export const PROFILED_ENTITY: Entity = {
  id: 'le-0',
  name: 'Roberta Metsola',
  type: 'person',
  aliases: ['Metsola', 'President Metsola'],
  wikidata: 'Q2740048',
};

const FIRST = ['Anna', 'Jonas', 'Maria', 'Pierre', 'Elena', 'Tomasz', 'Sofia', 'Karl', 'Ines', 'Luca', 'Petra', 'Miguel', 'Olga', 'Henrik'];
const LAST = ['Schmidt', 'Rossi', 'Nowak', 'Dubois', 'García', 'Novák', 'Jensen', 'Horváth', 'Papadopoulos', 'Virtanen', 'Murphy', 'Silva'];
const ORGS = ['Commission', 'Council', 'Agency', 'Ministry', 'Institute', 'Party', 'Union', 'Court', 'Bank', 'Alliance'];
const SOURCES = Array.from({ length: 40 }, (_, i) => `Publication ${String.fromCharCode(65 + (i % 26))}${i >= 26 ? '2' : ''}`);
const ANALYSTS = ['Ana', 'Ben', 'Chloé', 'Dariusz', 'Eva', 'Farid'];
const TAGS = [
  'energy',
  'migration',
  'elections',
  'health',
  'defence',
  'climate',
  'budget',
  'courts',
  'follow-up',
  'viral',
  'translation',
  'data',
];
const STAMP = '2026-01-31T09:00:00.000Z';
/** Distinct article texts the library cycles through (generating 10,000 distinct texts would dominate the set-up). */
const DISTINCT_TEXTS = 200;

/** 2,000 library entities shared across articles: people and organisations, a few with Wikidata ids. */
function entityPool(size: number): Entity[] {
  const pool: Entity[] = [PROFILED_ENTITY];
  for (let i = 1; i < size; i += 1) {
    const person = i % 3 !== 0;
    const name = person
      ? `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]} ${i}`
      : `${ORGS[i % ORGS.length]} of Region ${i}`;
    pool.push({
      id: `le-${i}`,
      name,
      type: person ? 'person' : 'organization',
      aliases: person ? [name.split(' ')[1] ?? name] : [],
      ...(i % 5 === 0 ? { wikidata: `Q${1000 + i}` } : {}),
    });
  }
  return pool;
}

export interface CorpusLibraryFigures {
  documents: number;
  annotations: number;
  /** The JSON size of the annotation records (each record's `JSON.stringify`), in bytes. */
  annotationJsonBytes: number;
  /** A document to add annotations to. */
  editableId: string;
}

/**
 * Writes a generated library straight to disk in the store's format: `articles` articles of about
 * 500 words with `perArticle` annotations each (20% claims, 20% quotes, 50% entity mentions, 10%
 * notes), their speakers, claimants and entities drawn from one pool of library entities (a few
 * popular, most rare), six annotators, 40 sources, two years of dates. Every article mentions
 * `PROFILED_ENTITY` once. Documents are made and written one at a time.
 */
export async function writeCorpusLibrary(dir: string, articles: number, perArticle: number, seed = 7): Promise<CorpusLibraryFigures> {
  await mkdir(path.join(dir, 'documents'), { recursive: true });
  const random = seededRandom(seed);
  const pool = entityPool(2_000);
  const popular = () => pool[1 + Math.floor((pool.length - 1) * random() ** 2)] as Entity;
  const texts = Array.from({ length: Math.min(DISTINCT_TEXTS, articles) }, (_, i) => generateArticle(500, seed * 1000 + i).raw);
  const summaries: DocumentSummary[] = [];
  let annotationJsonBytes = 0;
  let annotations = 0;
  const serializer = () => new JsonBytesCache();
  for (let article = 0; article < articles; article += 1) {
    const id = `article-${String(article).padStart(5, '0')}`;
    const empty = documentFromRawText(texts[article % texts.length] ?? '', `Generated article ${article}`, id);
    const words = [...empty.text.matchAll(/\S+/gu)].map((match) => [match.index, match.index + match[0].length] as const);
    const used = new Map<string, Entity>([[PROFILED_ENTITY.id, PROFILED_ENTITY]]);
    const use = (entity: Entity) => {
      used.set(entity.id, entity);
      return entity.id;
    };
    const list: Annotation[] = [];
    for (let i = 0; i < perArticle; i += 1) {
      const slot = i % 10;
      const kind = i === 0 ? 'entity' : slot < 2 ? 'claim' : slot < 4 ? 'quote' : slot < 9 ? 'entity' : 'note';
      const length = kind === 'entity' ? 1 + Math.floor(random() * 2) : 3 + Math.floor(random() * 25);
      const first = Math.floor(random() * Math.max(1, words.length - length));
      const start = words[first]?.[0] ?? 0;
      const end = words[first + length - 1]?.[1] ?? start + 1;
      const tags = random() < 0.15 ? [pickFrom(random, TAGS)] : undefined;
      const base = {
        id: `${id}-a${i}`,
        target: makeTarget(empty.text, start, end),
        author: pickFrom(random, ANALYSTS),
        created: STAMP,
        modified: STAMP,
        ...(tags ? { tags } : {}),
      };
      if (kind === 'claim') {
        list.push({
          ...base,
          kind,
          status: pickFrom(random, DEFAULT_TAGSET.verdicts).id,
          ...(random() < 0.6 ? { label: pickFrom(random, DEFAULT_TAGSET.claimLabels).id } : {}),
          ...(random() < 0.7 ? { checkworthy: random() < 0.6 } : {}),
          ...(random() < 0.6 ? { claimantId: use(popular()) } : {}),
          ...(random() < 0.3
            ? { evidence: [{ url: `https://example.org/source/${article}/${i}`, title: 'Official statistics release' }] }
            : {}),
        });
      } else if (kind === 'quote') {
        list.push({
          ...base,
          kind,
          form: pickFrom<QuoteForm>(random, ['direct', 'indirect', 'mixed']),
          ...(random() < 0.85 ? { speakerId: use(random() < 0.05 ? PROFILED_ENTITY : popular()) } : {}),
        });
      } else if (kind === 'entity') {
        list.push({ ...base, kind, entityId: i === 0 ? PROFILED_ENTITY.id : use(popular()) });
      } else {
        list.push({ ...base, kind, note: 'Check this passage against the original statement.' });
      }
    }
    for (const annotation of list) annotationJsonBytes += Buffer.byteLength(JSON.stringify(annotation));
    annotations += list.length;
    const day = new Date(Date.UTC(2023, 0, 1) + Math.floor((article / articles) * 730) * 86_400_000).toISOString().slice(0, 10);
    const document: ScholiaDocument = {
      ...empty,
      meta: { ...empty.meta, source: SOURCES[article % SOURCES.length] ?? 'Publication', published: day },
      entities: [...used.values()],
      annotations: list,
    };
    const file: DocumentFile = { format: 'scholia-document', version: STORE_VERSION, document };
    await writeFile(path.join(dir, 'documents', `${id}.json`), serializer().serialize(file));
    summaries.push(summarize(document));
  }
  const index: LibraryFile = {
    format: 'scholia-library',
    version: STORE_VERSION,
    documents: summaries,
    trash: [],
    tagset: DEFAULT_TAGSET,
    settings: { ...DEFAULT_SETTINGS, annotatorName: 'Bench', profileSet: true },
  };
  await writeFile(path.join(dir, 'library.json'), new JsonBytesCache().serialize(index));
  return { documents: articles, annotations, annotationJsonBytes, editableId: summaries[Math.floor(articles / 2)]?.id ?? '' };
}
