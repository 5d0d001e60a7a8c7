import { describe, expect, it } from 'vitest';
import { corpusSampleDocuments, corpusSampleSelection } from '../../testing/corpus-sample.ts';
import { sliceCodePoints } from '../../text/code-points.ts';
import { niUri } from '../stable-ids.ts';
import { exportCorpusWebAnnotations, W3C_PAGE_SIZE, type CorpusPageNode } from './corpus-web-annotation.ts';

const documents = corpusSampleDocuments();
const total = documents.reduce((sum, document) => sum + document.annotations.length, 0);

/** Walks the pages from `first` by `next`, as a client of the protocol would, and checks each link on the way. */
function walk(pageSize: number): { pages: CorpusPageNode[]; items: CorpusPageNode['items'] } {
  const file = exportCorpusWebAnnotations(corpusSampleSelection(documents), { pageSize });
  const [collection, ...pages] = file['@graph'];
  expect(file['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
  expect(collection).toMatchObject({ type: 'AnnotationCollection', total });
  const byId = new Map(pages.map((page) => [page.id, page]));
  expect(byId.size).toBe(pages.length);
  const walked: CorpusPageNode[] = [];
  let page = byId.get(collection.first);
  let previous: CorpusPageNode | undefined;
  while (page) {
    expect(page.type).toBe('AnnotationPage');
    expect(page.partOf).toBe(collection.id);
    expect(page.prev).toBe(previous?.id);
    expect(page.startIndex).toBe(walked.reduce((sum, p) => sum + p.items.length, 0));
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.length).toBeLessThanOrEqual(pageSize);
    walked.push(page);
    previous = page;
    page = page.next ? byId.get(page.next) : undefined;
    if (previous.next) expect(page).toBeDefined();
  }
  expect(previous?.id).toBe(collection.last);
  expect(walked).toHaveLength(pages.length);
  return { pages: walked, items: walked.flatMap((p) => p.items) };
}

describe('exportCorpusWebAnnotations', () => {
  it('pages the collection with consistent first, last, next, prev, partOf and startIndex links', () => {
    const { pages, items } = walk(4);
    expect(pages).toHaveLength(Math.ceil(total / 4));
    expect(items).toHaveLength(total);
    expect(new Set(items.map((item) => item.id)).size).toBe(total);
  });

  it('puts everything on one page when it fits', () => {
    const { pages } = walk(W3C_PAGE_SIZE);
    expect(pages).toHaveLength(1);
    expect(pages[0]?.next).toBeUndefined();
    expect(pages[0]?.prev).toBeUndefined();
  });

  it('targets each article by its canonical text, scoped to its URL, re-selecting the exact text in code points', () => {
    const { items } = walk(5);
    for (const document of documents) {
      const own = items.filter((item) => item.target.source === niUri(document.fingerprint));
      expect(own).toHaveLength(document.annotations.length);
      for (const item of own) {
        expect(item.target.scope).toBe(document.meta.url);
        const [quote, position] = item.target.selector;
        expect(sliceCodePoints(document.text, position.start, position.end)).toBe(quote.exact);
      }
    }
  });

  it('gives the same selection the same ids, and another selection other ids', () => {
    const once = exportCorpusWebAnnotations(corpusSampleSelection(documents), { pageSize: 4 });
    const again = exportCorpusWebAnnotations(corpusSampleSelection(corpusSampleDocuments()), { pageSize: 4 });
    expect(again['@graph'].map((node) => node.id)).toEqual(once['@graph'].map((node) => node.id));
    const fewer = corpusSampleSelection(documents);
    fewer.documents = fewer.documents.slice(1);
    expect(exportCorpusWebAnnotations(fewer)['@graph'][0].id).not.toBe(once['@graph'][0].id);
  });
});
