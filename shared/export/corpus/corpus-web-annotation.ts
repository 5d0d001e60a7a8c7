import { stableUuid, stableUuidOfList } from '../stable-ids.ts';
import { ANNO_CONTEXT, webAnnotationItems, type WebAnnotation } from '../web-annotation.ts';
import { assertNotEmpty, selectedDocument, type CorpusSelection } from './corpus-selection.ts';

/** Annotations per page of a corpus collection. */
export const W3C_PAGE_SIZE = 1000;

type PageItem = Omit<WebAnnotation, '@context'>;

export interface CorpusCollectionNode {
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: string;
  last: string;
  generator: { type: 'Software'; name: 'Scholia' };
  generated: string;
}

export interface CorpusPageNode {
  id: string;
  type: 'AnnotationPage';
  partOf: string;
  startIndex: number;
  prev?: string;
  next?: string;
  items: PageItem[];
}

/** One JSON-LD file: the collection and all its pages, side by side in the default graph. */
export interface CorpusWebAnnotations {
  '@context': typeof ANNO_CONTEXT;
  '@graph': [CorpusCollectionNode, ...CorpusPageNode[]];
}

export interface CorpusWebAnnotationOptions {
  /** Annotations per page; `W3C_PAGE_SIZE` when left out. */
  pageSize?: number;
  label?: string;
}

/**
 * The selection as a paged W3C `AnnotationCollection` (Web Annotation Data Model §5, Protocol §4):
 * the collection (`total`, `first`, `last`) and its `AnnotationPage`s (`partOf`, `startIndex`,
 * `prev`/`next`, `items`), all in one JSON-LD document as nodes of its `@graph`, each page linked
 * by id (stable `urn:uuid:`s). Items are the single-document export's annotations (target: the article's canonical text
 * by `ni:` URI, scoped to its URL), article after article, in text order. The collection's id is a
 * hash of its items' ids, so the same selection gets the same ids.
 */
export function exportCorpusWebAnnotations(selection: CorpusSelection, options: CorpusWebAnnotationOptions = {}): CorpusWebAnnotations {
  assertNotEmpty(selection);
  const pageSize = options.pageSize ?? W3C_PAGE_SIZE;
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError(`page size ${pageSize} is not a positive integer`);
  const items: PageItem[] = selection.documents.flatMap((entry) =>
    webAnnotationItems(selectedDocument(entry), selection.tagset).map(({ '@context': _context, ...item }) => item),
  );
  const id = stableUuidOfList(items.map((item) => item.id));
  const pageCount = Math.ceil(items.length / pageSize);
  const pageId = (page: number) => stableUuid(`${id}/page/${page}`);
  const pages: CorpusPageNode[] = [];
  for (let page = 0; page < pageCount; page++) {
    pages.push({
      id: pageId(page),
      type: 'AnnotationPage',
      partOf: id,
      startIndex: page * pageSize,
      ...(page > 0 ? { prev: pageId(page - 1) } : {}),
      ...(page < pageCount - 1 ? { next: pageId(page + 1) } : {}),
      items: items.slice(page * pageSize, (page + 1) * pageSize),
    });
  }
  const collection: CorpusCollectionNode = {
    id,
    type: 'AnnotationCollection',
    label: options.label ?? `Scholia corpus: ${items.length} annotations of ${selection.documents.length} articles`,
    total: items.length,
    first: pageId(0),
    last: pageId(pageCount - 1),
    generator: { type: 'Software', name: 'Scholia' },
    generated: selection.exportedAt,
  };
  return { '@context': ANNO_CONTEXT, '@graph': [collection, ...pages] };
}
