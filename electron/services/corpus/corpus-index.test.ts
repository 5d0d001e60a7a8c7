import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../shared/model/annotation.ts';
import type { ScholiaDocument } from '../../../shared/model/document.ts';
import { DEFAULT_TAGSET } from '../../../shared/model/tagset.ts';
import { newDocument } from '../../../shared/model/new-document.ts';
import { annotationOn, EU, METSOLA, THREE_ARTICLES } from '../testing/corpus-fixtures.ts';
import { CorpusIndex } from './corpus-index.ts';
import { searchIndex } from './corpus-search.ts';
import { entityProfile } from './entity-views.ts';

function documentOf(id: string, article = THREE_ARTICLES[0], modified = '2026-02-01T10:00:00.000Z'): ScholiaDocument {
  if (!article) throw new Error('no article');
  const empty = newDocument(id, { title: article.title, source: article.source }, [article.text], '2026-02-01T09:00:00.000Z');
  const annotations = article.annotations.map((spec) => annotationOn(empty.text, spec));
  return { ...empty, entities: article.entities, annotations, modified };
}

function ids(index: CorpusIndex, text: string): string[] {
  return searchIndex(index, { text }, DEFAULT_TAGSET).groups.flatMap((group) => group.hits.map((hit) => hit.annotationId));
}

describe('corpus index', () => {
  it('touches only the annotation that changed: one added is one new full-text entry, the others one lookup each', () => {
    const index = new CorpusIndex();
    const document = documentOf('d1');
    index.setDocument(document);
    const entries = index.textEntries;
    expect(index.rows.live).toBe(4);

    const added = annotationOn(document.text, { id: 'n1', kind: 'note', on: 'told reporters', note: 'Which reporters?' });
    const withNote = { ...document, annotations: [...document.annotations, added] };
    index.setDocument(withNote);
    expect(index.rows.live).toBe(5);
    expect(index.textEntries).toBe(entries + 1);
    expect(ids(index, 'which reporters')).toEqual(['n1']);

    // A verdict changed: the row is rewritten, its words are not added again.
    const claim = withNote.annotations.find((annotation) => annotation.id === 'a1-c1') as Annotation & { kind: 'claim' };
    const rated = { ...withNote, annotations: withNote.annotations.map((a) => (a === claim ? { ...claim, status: 'true' } : a)) };
    index.setDocument(rated);
    expect(index.textEntries).toBe(entries + 1);
    expect(searchIndex(index, { verdicts: ['true'] }, DEFAULT_TAGSET).total).toBe(1);

    // Its note changed: its words are added under a new id, the old entry is never returned again.
    const noted = { ...rated, annotations: rated.annotations.map((a) => (a.id === 'a1-c1' ? { ...a, note: 'Eurostat disagrees' } : a)) };
    index.setDocument(noted);
    expect(index.textEntries).toBe(entries + 2);
    expect(index.staleTextEntries).toBe(1);
    expect(ids(index, 'disagrees')).toEqual(['a1-c1']);

    // The same state read again from disk (new objects, same content) adds no word.
    index.setDocument(structuredClone(noted));
    expect(index.textEntries).toBe(entries + 2);

    const removed = { ...noted, annotations: noted.annotations.filter((a) => a.id !== 'n1') };
    index.setDocument(removed);
    expect(index.rows.live).toBe(4);
    expect(ids(index, 'which reporters')).toEqual([]);
    // The freed row is reused by the next annotation.
    const size = index.rows.size;
    index.setDocument({ ...removed, annotations: [...removed.annotations, { ...added, id: 'n2', note: 'Again' }] });
    expect(index.rows.size).toBe(size);
    expect(ids(index, 'again')).toEqual(['n2']);
  });

  it('shows the copy of a shared entity from the most recently saved document, whatever the order documents came in', () => {
    const older = documentOf('d1', THREE_ARTICLES[0], '2026-02-01T10:00:00.000Z');
    const newer = {
      ...documentOf('d2', THREE_ARTICLES[1], '2026-02-02T10:00:00.000Z'),
      entities: [{ ...METSOLA, name: 'Roberta Metsola (EP President)' }, EU],
    };
    for (const order of [
      [older, newer],
      [newer, older],
    ]) {
      const index = new CorpusIndex();
      for (const document of order) index.setDocument(document);
      expect(index.entities.entity(METSOLA.id)?.name).toBe('Roberta Metsola (EP President)');
      expect(entityProfile(index, METSOLA.id).groups).toHaveLength(2);
    }
    const index = new CorpusIndex();
    index.setDocument(older);
    index.setDocument(newer);
    // The older document saved again: its copy is now the one shown.
    index.setDocument({ ...older, modified: '2026-02-03T10:00:00.000Z' });
    expect(index.entities.entity(METSOLA.id)?.name).toBe('Roberta Metsola');
    index.removeDocument('d1');
    expect(index.entities.entity(METSOLA.id)?.name).toBe('Roberta Metsola (EP President)');
    index.removeDocument('d2');
    expect(index.entities.entity(METSOLA.id)).toBeUndefined();
    expect(index.entities.resolve('metsola').size).toBe(0);
  });
});
