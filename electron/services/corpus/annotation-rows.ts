import { ANNOTATION_KINDS, WORKFLOW_STAGES, type AnnotationKind, type WorkflowStage } from '../../../shared/model/annotation.ts';
import type { RecordPart } from '../../../shared/corpus/corpus-query.ts';

export const KIND_CODES: Record<AnnotationKind, number> = { claim: 0, quote: 1, entity: 2, note: 3 };
export const KIND_OF_CODE: readonly AnnotationKind[] = ANNOTATION_KINDS;

/** `checkworthy` as a column: unknown, yes, no. */
export const CHECKWORTHY_NONE = 0;
export const CHECKWORTHY_YES = 1;
export const CHECKWORTHY_NO = 2;

/** A workflow stage as a column: its place in `WORKFLOW_STAGES` plus one (0: not a claim). */
export function stageCode(stage: WorkflowStage | undefined): number {
  return WORKFLOW_STAGES.indexOf(stage ?? 'to-check') + 1;
}
export const STAGE_OF_CODE: readonly (WorkflowStage | undefined)[] = [undefined, ...WORKFLOW_STAGES];

/** The parts of a claim's record (`has:`) as bits of one column. */
export const RECORD_BITS: Readonly<Record<RecordPart, number>> = { rationale: 1, evidence: 2, archive: 4 };

/** What one row holds, codes already taken from the index's dictionaries. */
export interface RowValues {
  doc: number;
  kind: number;
  start: number;
  end: number;
  status: number;
  label: number;
  checkworthy: number;
  entity: number;
  author: number;
  stage: number;
  checkedBy: number;
  checkedOn: number;
  record: number;
  tags: Uint32Array | undefined;
  annotationId: string;
  exact: string;
  note: string | undefined;
  modified: string;
}

function grown<T extends Uint8Array | Uint32Array | Int32Array>(array: T, capacity: number): T {
  const next = new (array.constructor as new (length: number) => T)(capacity);
  next.set(array);
  return next;
}

/**
 * The corpus index's annotation rows as columns: typed arrays for what filters and facets read
 * (document, kind, verdict, label, check-worthy, entity, annotator, the verdict record), plain arrays for what a hit
 * shows. A removed row is marked free (`doc` −1) and reused by the next added one.
 */
export class AnnotationRows {
  private capacity: number;
  /** Rows ever used (free ones included): scans run to here. */
  size = 0;
  private readonly free: number[] = [];

  doc: Int32Array;
  kind: Uint8Array;
  start: Uint32Array;
  end: Uint32Array;
  status: Uint32Array;
  label: Uint32Array;
  checkworthy: Uint8Array;
  entity: Uint32Array;
  author: Uint32Array;
  /** A claim's workflow stage (`stageCode`), checker and checked day (dictionary codes), record parts (`RECORD_BITS`). */
  stage: Uint8Array;
  checkedBy: Uint32Array;
  checkedOn: Uint32Array;
  record: Uint8Array;
  /** The id the full-text index knows the row's current text by (0: none). */
  textId: Uint32Array;
  readonly tags: (Uint32Array | undefined)[] = [];
  readonly annotationId: string[] = [];
  readonly exact: string[] = [];
  readonly note: (string | undefined)[] = [];
  readonly modified: string[] = [];

  constructor(capacity = 1024) {
    this.capacity = capacity;
    this.doc = new Int32Array(capacity);
    this.kind = new Uint8Array(capacity);
    this.start = new Uint32Array(capacity);
    this.end = new Uint32Array(capacity);
    this.status = new Uint32Array(capacity);
    this.label = new Uint32Array(capacity);
    this.checkworthy = new Uint8Array(capacity);
    this.entity = new Uint32Array(capacity);
    this.author = new Uint32Array(capacity);
    this.stage = new Uint8Array(capacity);
    this.checkedBy = new Uint32Array(capacity);
    this.checkedOn = new Uint32Array(capacity);
    this.record = new Uint8Array(capacity);
    this.textId = new Uint32Array(capacity);
  }

  /** Rows in use. */
  get live(): number {
    return this.size - this.free.length;
  }

  /** A row for a new annotation: a free one, or the next one. */
  allocate(): number {
    const reused = this.free.pop();
    if (reused !== undefined) return reused;
    if (this.size === this.capacity) this.grow(this.capacity * 2);
    return this.size++;
  }

  release(row: number): void {
    this.doc[row] = -1;
    this.textId[row] = 0;
    this.tags[row] = undefined;
    this.annotationId[row] = '';
    this.exact[row] = '';
    this.note[row] = undefined;
    this.modified[row] = '';
    this.free.push(row);
  }

  write(row: number, values: RowValues): void {
    this.doc[row] = values.doc;
    this.kind[row] = values.kind;
    this.start[row] = values.start;
    this.end[row] = values.end;
    this.status[row] = values.status;
    this.label[row] = values.label;
    this.checkworthy[row] = values.checkworthy;
    this.entity[row] = values.entity;
    this.author[row] = values.author;
    this.stage[row] = values.stage;
    this.checkedBy[row] = values.checkedBy;
    this.checkedOn[row] = values.checkedOn;
    this.record[row] = values.record;
    this.tags[row] = values.tags;
    this.annotationId[row] = values.annotationId;
    this.exact[row] = values.exact;
    this.note[row] = values.note;
    this.modified[row] = values.modified;
  }

  private grow(capacity: number): void {
    this.capacity = capacity;
    this.doc = grown(this.doc, capacity);
    this.kind = grown(this.kind, capacity);
    this.start = grown(this.start, capacity);
    this.end = grown(this.end, capacity);
    this.status = grown(this.status, capacity);
    this.label = grown(this.label, capacity);
    this.checkworthy = grown(this.checkworthy, capacity);
    this.entity = grown(this.entity, capacity);
    this.author = grown(this.author, capacity);
    this.stage = grown(this.stage, capacity);
    this.checkedBy = grown(this.checkedBy, capacity);
    this.checkedOn = grown(this.checkedOn, capacity);
    this.record = grown(this.record, capacity);
    this.textId = grown(this.textId, capacity);
  }
}
