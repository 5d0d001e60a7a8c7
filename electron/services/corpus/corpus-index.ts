import FlexSearch from 'flexsearch';
import { foldedWords } from '../../../shared/corpus/fold.ts';
import type { Annotation, ClaimAnnotation } from '../../../shared/model/annotation.ts';
import type { ScholiaDocument } from '../../../shared/model/document.ts';
import type { Entity } from '../../../shared/model/entity.ts';
import {
  AnnotationRows,
  CHECKWORTHY_NO,
  CHECKWORTHY_NONE,
  CHECKWORTHY_YES,
  KIND_CODES,
  RECORD_BITS,
  stageCode,
  type RowValues,
} from './annotation-rows.ts';
import { Dictionary } from './dictionary.ts';
import { EntityDirectory } from './entity-directory.ts';

/** How much of a note a row keeps: what a hit shows and what `/regex/` reads. */
export const NOTE_KEPT = 1000;

/** One indexed article: what a result group shows, and its annotations' rows. */
export interface IndexedDocument {
  ordinal: number;
  id: string;
  title: string;
  source: number;
  published: string | undefined;
  imported: string;
  /** The day the article counts as of: published, else imported (`YYYY-MM-DD`). */
  day: string;
  month: number;
  /** The article's workflow stage (`stageCode`). */
  stage: number;
  /** Each annotation's row, by annotation id. */
  rows: Map<string, number>;
  entities: readonly Entity[];
  /** `modified` and id: which document's copy of a shared entity is shown. */
  recency: string;
}

/** FNV-1a over UTF-16 units: tells whether a row's searchable text changed without keeping it. */
function textHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  return hash >>> 0;
}

/** What full-text search reads of an annotation: its exact text, note, tags and evidence titles. */
function searchableText(annotation: Annotation): string {
  const parts = [annotation.target.exact, annotation.note ?? '', ...(annotation.tags ?? [])];
  if (annotation.kind === 'claim') for (const evidence of annotation.evidence ?? []) if (evidence.title) parts.push(evidence.title);
  return parts.join('\n');
}

/** Which parts of a claim's verdict record are there, as `RECORD_BITS`. */
function recordBits(claim: ClaimAnnotation): number {
  let bits = claim.rationale?.trim() ? RECORD_BITS.rationale : 0;
  if (claim.evidence?.length) bits |= RECORD_BITS.evidence;
  if (claim.evidence?.some((evidence) => evidence.archive)) bits |= RECORD_BITS.archive;
  return bits;
}

function entityIdOf(annotation: Annotation): string | undefined {
  if (annotation.kind === 'claim') return annotation.claimantId;
  if (annotation.kind === 'quote') return annotation.speakerId;
  if (annotation.kind === 'entity') return annotation.entityId;
  return undefined;
}

/**
 * The corpus index: every annotation of the library's documents as one row of compact columns
 * (`AnnotationRows`), dictionary-coded values, the entities of the documents (`EntityDirectory`),
 * and a FlexSearch full-text index over each row's words. Documents enter and change through
 * `setDocument`, which touches only the annotations that changed (docs/CORPUS.md, "The index").
 *
 * The full-text index knows a row's text by a text id; when a row's text changes it is added anew
 * under a fresh id and the old id is forgotten here (FlexSearch removes in time proportional to
 * its whole size, so stale entries stay in it, unreachable, until the index is next built).
 */
export class CorpusIndex {
  readonly rows = new AnnotationRows();
  readonly statuses = new Dictionary();
  readonly labels = new Dictionary();
  readonly authors = new Dictionary();
  readonly tags = new Dictionary();
  readonly sources = new Dictionary();
  readonly months = new Dictionary();
  readonly entityIds = new Dictionary();
  readonly checkers = new Dictionary();
  /** Days claims were checked on (`YYYY-MM-DD`). */
  readonly checkedDays = new Dictionary();
  readonly entities = new EntityDirectory();
  readonly documents: (IndexedDocument | undefined)[] = [];
  private readonly byId = new Map<string, IndexedDocument>();
  private readonly freeDocuments: number[] = [];
  private readonly fullText = new FlexSearch.Index({ tokenize: 'strict', encoder: FlexSearch.Charset.Exact });
  private textRow = new Int32Array(1024);
  private nextTextId = 1;
  private rowHash = new Uint32Array(1024);
  /** Annotation objects already indexed as they are, with their row: an unchanged one costs one lookup. */
  private indexed = new WeakMap<Annotation, number>();
  private order: Int32Array | undefined;
  /** Full-text entries left behind by changed or removed rows. */
  staleTextEntries = 0;

  /** Entries ever added to the full-text index (stale ones included). */
  get textEntries(): number {
    return this.nextTextId - 1;
  }

  get documentCount(): number {
    return this.byId.size;
  }

  document(id: string): IndexedDocument | undefined {
    return this.byId.get(id);
  }

  /** Adds a document or brings its entry up to date with this state of it. */
  setDocument(document: ScholiaDocument): void {
    const entry = this.byId.get(document.id) ?? this.newEntry(document.id);
    const { meta } = document;
    const day = meta.published ?? document.imported.slice(0, 10);
    if (entry.title !== meta.title || entry.published !== meta.published || entry.imported !== document.imported) this.order = undefined;
    entry.title = meta.title;
    entry.source = this.sources.code(meta.source?.trim());
    entry.published = meta.published;
    entry.imported = document.imported;
    entry.day = day;
    entry.month = this.months.code(day.slice(0, 7));
    entry.stage = stageCode(meta.stage);
    const recency = `${document.modified} ${document.id}`;
    if (entry.entities !== document.entities) {
      this.entities.setDocumentEntities(entry.ordinal, recency, entry.entities, document.entities);
      entry.entities = document.entities;
    }
    if (entry.recency !== recency) {
      this.entities.setRecency(entry.ordinal, recency, document.entities);
      entry.recency = recency;
    }
    const present = new Set<string>();
    for (const annotation of document.annotations) {
      present.add(annotation.id);
      const row = entry.rows.get(annotation.id);
      if (row !== undefined && this.indexed.get(annotation) === row) continue;
      entry.rows.set(annotation.id, this.writeRow(entry.ordinal, annotation, row));
    }
    if (entry.rows.size > present.size) {
      for (const [id, row] of entry.rows) {
        if (present.has(id)) continue;
        this.releaseRow(row);
        entry.rows.delete(id);
      }
    }
  }

  /** Takes a document (trashed, or gone) out of the index. */
  removeDocument(id: string): void {
    const entry = this.byId.get(id);
    if (!entry) return;
    for (const row of entry.rows.values()) this.releaseRow(row);
    this.entities.setDocumentEntities(entry.ordinal, entry.recency, entry.entities, []);
    this.byId.delete(id);
    this.documents[entry.ordinal] = undefined;
    this.freeDocuments.push(entry.ordinal);
    this.order = undefined;
  }

  /** The rows whose words include every word of `text` (folded), as flags by row; undefined when `text` has no words. */
  textMatches(text: string): Uint8Array | undefined {
    const words = foldedWords(text);
    if (words.length === 0) return undefined;
    const flags = new Uint8Array(this.rows.size);
    const found = this.fullText.search(words.join(' '), { limit: Number.MAX_SAFE_INTEGER });
    for (const id of found) {
      const row = this.textRow[Number(id)] ?? -1;
      if (row >= 0) flags[row] = 1;
    }
    return flags;
  }

  /** Each document's place in result order (newest day first, then newest import), by ordinal. */
  documentOrder(): Int32Array {
    if (this.order) return this.order;
    const live = [...this.byId.values()].sort(
      (a, b) => b.day.localeCompare(a.day) || b.imported.localeCompare(a.imported) || a.id.localeCompare(b.id),
    );
    const order = new Int32Array(this.documents.length).fill(-1);
    live.forEach((entry, rank) => (order[entry.ordinal] = rank));
    this.order = order;
    return order;
  }

  private newEntry(id: string): IndexedDocument {
    const ordinal = this.freeDocuments.pop() ?? this.documents.length;
    const entry: IndexedDocument = {
      ordinal,
      id,
      title: '',
      source: 0,
      published: undefined,
      imported: '',
      day: '',
      month: 0,
      stage: stageCode(undefined),
      rows: new Map(),
      entities: [],
      recency: '',
    };
    this.documents[ordinal] = entry;
    this.byId.set(id, entry);
    this.order = undefined;
    return entry;
  }

  private writeRow(doc: number, annotation: Annotation, existing: number | undefined): number {
    const row = existing ?? this.rows.allocate();
    const claim = annotation.kind === 'claim' ? annotation : undefined;
    const values: RowValues = {
      doc,
      kind: KIND_CODES[annotation.kind],
      start: annotation.target.start,
      end: annotation.target.end,
      status: this.statuses.code(claim?.status),
      label: this.labels.code(claim?.label),
      checkworthy: claim?.checkworthy === undefined ? CHECKWORTHY_NONE : claim.checkworthy ? CHECKWORTHY_YES : CHECKWORTHY_NO,
      entity: this.entityIds.code(entityIdOf(annotation)),
      author: this.authors.code(annotation.author),
      stage: claim ? stageCode(claim.stage) : 0,
      checkedBy: this.checkers.code(claim?.checkedBy),
      checkedOn: this.checkedDays.code(claim?.checkedOn),
      record: claim ? recordBits(claim) : 0,
      tags: annotation.tags?.length ? Uint32Array.from(annotation.tags, (tag) => this.tags.code(tag)) : undefined,
      annotationId: annotation.id,
      exact: annotation.target.exact,
      note: annotation.note === undefined ? undefined : annotation.note.slice(0, NOTE_KEPT),
      modified: annotation.modified,
    };
    this.rows.write(row, values);
    this.indexText(row, searchableText(annotation));
    this.indexed.set(annotation, row);
    return row;
  }

  private indexText(row: number, text: string): void {
    if (row >= this.rowHash.length) this.rowHash = grow(this.rowHash, this.rows.doc.length);
    const hash = textHash(text);
    if (this.rows.textId[row] !== 0 && this.rowHash[row] === hash) return;
    this.forgetText(row);
    const words = foldedWords(text);
    this.rowHash[row] = hash;
    if (words.length === 0) return;
    const id = this.nextTextId++;
    if (id >= this.textRow.length) this.textRow = grow(this.textRow, this.textRow.length * 2);
    this.textRow[id] = row;
    this.rows.textId[row] = id;
    this.fullText.add(id, words.join(' '));
  }

  private forgetText(row: number): void {
    const id = this.rows.textId[row] ?? 0;
    if (id === 0) return;
    this.textRow[id] = -1;
    this.rows.textId[row] = 0;
    this.staleTextEntries += 1;
  }

  private releaseRow(row: number): void {
    this.forgetText(row);
    this.rowHash[row] = 0;
    this.rows.release(row);
  }
}

function grow<T extends Uint32Array | Int32Array>(array: T, capacity: number): T {
  const next = new (array.constructor as new (length: number) => T)(Math.max(capacity, array.length * 2));
  next.set(array);
  return next;
}
