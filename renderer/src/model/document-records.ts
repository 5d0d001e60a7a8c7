import type { AnnotationOp } from '../../../shared/contract/ops.ts';
import type { Annotation } from '../../../shared/model/annotation.ts';
import type { Entity } from '../../../shared/model/entity.ts';
import { RecordCounts } from './record-counts.ts';

/** Which records a batch added, removed or changed, by id (net effect of the whole batch). */
export interface IdChanges {
  added: string[];
  removed: string[];
  updated: string[];
}

export interface RecordChange {
  annotations: IdChanges;
  entities: IdChanges;
}

export interface AppliedBatch {
  /** The ops that undo the batch exactly, in the order to apply them. */
  inverse: AnnotationOp[];
  change: RecordChange;
}

/** A batch that cannot apply to the current records; nothing of it was kept. */
export class RecordsError extends Error {}

/** Tracks, per id, whether a record existed before the batch touched it. */
class TouchLog {
  private readonly existedBefore = new Map<string, boolean>();

  touch(id: string, exists: boolean): void {
    if (!this.existedBefore.has(id)) this.existedBefore.set(id, exists);
  }

  changes(existsNow: (id: string) => boolean): IdChanges {
    const result: IdChanges = { added: [], removed: [], updated: [] };
    for (const [id, before] of this.existedBefore) {
      const after = existsNow(id);
      if (before && after) result.updated.push(id);
      else if (after) result.added.push(id);
      else if (before) result.removed.push(id);
    }
    return result;
  }
}

/** Entity ids an annotation points at (mention, speaker, claimant). */
export function referencedEntityIds(annotation: Annotation): string[] {
  switch (annotation.kind) {
    case 'entity':
      return [annotation.entityId];
    case 'quote':
      return annotation.speakerId ? [annotation.speakerId] : [];
    case 'claim':
      return annotation.claimantId ? [annotation.claimantId] : [];
    case 'note':
      return [];
  }
}

/**
 * The annotations and entity registry of the open document. Applies batches of ops all-or-nothing,
 * with the same integrity rules as the store, and returns each batch's exact inverse.
 */
export class DocumentRecords {
  private readonly annotationsById = new Map<string, Annotation>();
  private readonly entitiesById = new Map<string, Entity>();
  /** Tallies of the annotations, kept as each one is stored or dropped. */
  readonly counts = new RecordCounts();

  constructor(annotations: readonly Annotation[] = [], entities: readonly Entity[] = []) {
    for (const entity of entities) this.entitiesById.set(entity.id, entity);
    for (const annotation of annotations) this.store(annotation);
  }

  /** How many entities the registry holds. */
  entityCount(): number {
    return this.entitiesById.size;
  }

  annotation(id: string): Annotation | undefined {
    return this.annotationsById.get(id);
  }

  entity(id: string): Entity | undefined {
    return this.entitiesById.get(id);
  }

  annotations(): IterableIterator<Annotation> {
    return this.annotationsById.values();
  }

  entities(): IterableIterator<Entity> {
    return this.entitiesById.values();
  }

  /** Whether any annotation other than `exceptId` points at the entity. */
  isEntityReferenced(entityId: string, exceptId?: string): boolean {
    for (const annotation of this.annotationsById.values()) {
      if (annotation.id !== exceptId && referencedEntityIds(annotation).includes(entityId)) return true;
    }
    return false;
  }

  /** Applies every op of the batch, or none of them (throwing RecordsError). */
  apply(ops: readonly AnnotationOp[]): AppliedBatch {
    const inverse: AnnotationOp[] = [];
    const annotationLog = new TouchLog();
    const entityLog = new TouchLog();
    try {
      for (const op of ops) {
        inverse.unshift(this.applyOne(op, annotationLog, entityLog));
      }
      this.checkReferences(ops);
    } catch (error) {
      for (const undo of inverse) this.applyOne(undo, new TouchLog(), new TouchLog());
      throw error instanceof RecordsError ? error : new RecordsError(String(error));
    }
    return {
      inverse,
      change: {
        annotations: annotationLog.changes((id) => this.annotationsById.has(id)),
        entities: entityLog.changes((id) => this.entitiesById.has(id)),
      },
    };
  }

  /** Applies one op and returns its inverse. */
  private applyOne(op: AnnotationOp, annotationLog: TouchLog, entityLog: TouchLog): AnnotationOp {
    switch (op.op) {
      case 'annotation.add': {
        const { id } = op.annotation;
        if (this.annotationsById.has(id)) throw new RecordsError(`annotation ${id} already exists`);
        annotationLog.touch(id, false);
        this.store(op.annotation);
        return { op: 'annotation.remove', id };
      }
      case 'annotation.update': {
        const { id } = op.annotation;
        const previous = this.annotationsById.get(id);
        if (!previous) throw new RecordsError(`annotation ${id} does not exist`);
        annotationLog.touch(id, true);
        this.store(op.annotation);
        return { op: 'annotation.update', annotation: previous };
      }
      case 'annotation.remove': {
        const previous = this.annotationsById.get(op.id);
        if (!previous) throw new RecordsError(`annotation ${op.id} does not exist`);
        annotationLog.touch(op.id, true);
        this.drop(previous);
        return { op: 'annotation.add', annotation: previous };
      }
      case 'entity.add': {
        const { id } = op.entity;
        if (this.entitiesById.has(id)) throw new RecordsError(`entity ${id} already exists`);
        entityLog.touch(id, false);
        this.entitiesById.set(id, op.entity);
        return { op: 'entity.remove', id };
      }
      case 'entity.update': {
        const { id } = op.entity;
        const previous = this.entitiesById.get(id);
        if (!previous) throw new RecordsError(`entity ${id} does not exist`);
        entityLog.touch(id, true);
        this.entitiesById.set(id, op.entity);
        return { op: 'entity.update', entity: previous };
      }
      case 'entity.remove': {
        const previous = this.entitiesById.get(op.id);
        if (!previous) throw new RecordsError(`entity ${op.id} does not exist`);
        entityLog.touch(op.id, true);
        this.entitiesById.delete(op.id);
        return { op: 'entity.add', entity: previous };
      }
    }
  }

  /** Stores an annotation (replacing the one with its id), keeping the counts. */
  private store(annotation: Annotation): void {
    const previous = this.annotationsById.get(annotation.id);
    if (previous) this.counts.tally(previous, -1);
    this.annotationsById.set(annotation.id, annotation);
    this.counts.tally(annotation, 1);
  }

  private drop(annotation: Annotation): void {
    this.annotationsById.delete(annotation.id);
    this.counts.tally(annotation, -1);
  }

  /** After a batch: every annotation it wrote points at existing entities, and no removed entity is still referenced. */
  private checkReferences(ops: readonly AnnotationOp[]): void {
    for (const op of ops) {
      if (op.op === 'annotation.add' || op.op === 'annotation.update') {
        const current = this.annotationsById.get(op.annotation.id);
        for (const entityId of current ? referencedEntityIds(current) : []) {
          if (!this.entitiesById.has(entityId)) throw new RecordsError(`annotation ${op.annotation.id} refers to a missing entity ${entityId}`);
        }
      } else if (op.op === 'entity.remove' && !this.entitiesById.has(op.id) && this.isEntityReferenced(op.id)) {
        throw new RecordsError(`entity ${op.id} is still referenced`);
      }
    }
  }
}
