import type { AnnotationOp } from '../contract/ops.ts';
import { entityIdsOf, type Annotation } from '../model/annotation.ts';
import type { Entity } from '../model/entity.ts';
import { TouchLog, type LayerChange } from './layer-change.ts';
import { annotationProblem, entityProblem, type LayerContext } from './layer-rules.ts';

/** A document's annotation layer as plain lists: what a document stores. */
export interface AnnotationLayer {
  entities: readonly Entity[];
  annotations: readonly Annotation[];
}

/** A batch that applied: the ops that undo it exactly (in the order to apply them) and what it changed. */
export interface AppliedOps {
  ok: true;
  inverse: AnnotationOp[];
  change: LayerChange;
}

/** A batch that did not apply, and why; the layer is as it was. */
export interface RefusedOps {
  ok: false;
  /** Why, naming the op at fault: `op 3: there is no annotation a7`. */
  reason: string;
  /** The rule the op broke, without the op: `there is no annotation a7`. */
  problem: string;
  opIndex: number;
}

export type ApplyOutcome = AppliedOps | RefusedOps;

/** Told of every annotation stored or dropped (a rollback included), to keep tallies without rescanning. */
export type AnnotationListener = (before: Annotation | undefined, after: Annotation | undefined) => void;

/** What the edit builders read of a layer. */
export interface LayerView {
  annotation(id: string): Annotation | undefined;
  entity(id: string): Entity | undefined;
  annotations(): Iterable<Annotation>;
  entities(): Iterable<Entity>;
  /** Whether any annotation other than `exceptId` refers to the entity (as mention, speaker or claimant). */
  isEntityReferenced(entityId: string, exceptId?: string): boolean;
}

class Refusal extends Error {
  constructor(
    readonly opIndex: number,
    readonly problem: string,
  ) {
    super(`op ${opIndex}: ${problem}`);
  }
}

/**
 * The op engine: a document's annotations and entity registry, indexed by id and by the entities
 * each annotation refers to, changed only by `apply`. Every integrity rule of the annotation layer
 * is checked here, and only here; each op costs the records it touches, never a scan of the layer.
 */
export class LayerIndex implements LayerView {
  private readonly annotationsById = new Map<string, Annotation>();
  private readonly entitiesById = new Map<string, Entity>();
  /** Entity id → the annotations that refer to it. */
  private readonly referrers = new Map<string, Set<string>>();

  constructor(
    layer: AnnotationLayer,
    private readonly listener?: AnnotationListener,
  ) {
    for (const entity of layer.entities) this.entitiesById.set(entity.id, entity);
    for (const annotation of layer.annotations) this.store(annotation);
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

  get annotationCount(): number {
    return this.annotationsById.size;
  }

  get entityCount(): number {
    return this.entitiesById.size;
  }

  /** The ids of the annotations that refer to an entity. */
  referrersOf(entityId: string): ReadonlySet<string> {
    return this.referrers.get(entityId) ?? new Set();
  }

  isEntityReferenced(entityId: string, exceptId?: string): boolean {
    const ids = this.referrers.get(entityId);
    return ids !== undefined && (ids.size > 1 || (ids.size === 1 && !ids.has(exceptId ?? '')));
  }

  /** The layer as plain lists (in insertion order). */
  toLayer(): { entities: Entity[]; annotations: Annotation[] } {
    return { entities: [...this.entitiesById.values()], annotations: [...this.annotationsById.values()] };
  }

  /**
   * Applies a batch all or nothing. Each op must find (or, to add, not find) its record, and every
   * record it writes must fit the text and codebook of `context`; after the batch, every annotation
   * it wrote refers only to existing entities, and no entity it removed is still referred to.
   * Refused, the layer is left as it was and the reason names the op at fault.
   */
  apply(ops: readonly AnnotationOp[], context: LayerContext = {}): ApplyOutcome {
    const inverse: AnnotationOp[] = [];
    const annotationLog = new TouchLog<Annotation>();
    const entityLog = new TouchLog<Entity>();
    const lastWrite = new Map<string, number>();
    try {
      ops.forEach((op, index) => {
        inverse.push(this.applyOne(op, index, context, annotationLog, entityLog));
        lastWrite.set(op.op.startsWith('entity.') ? `e:${idOf(op)}` : `a:${idOf(op)}`, index);
      });
      this.checkReferences(annotationLog, entityLog, lastWrite);
    } catch (error) {
      for (const undo of inverse.reverse()) this.applyUnchecked(undo);
      if (error instanceof Refusal) return { ok: false, reason: error.message, problem: error.problem, opIndex: error.opIndex };
      throw error;
    }
    return {
      ok: true,
      inverse: inverse.reverse(),
      change: {
        annotations: annotationLog.changes((id) => this.annotationsById.get(id)),
        entities: entityLog.changes((id) => this.entitiesById.get(id)),
      },
    };
  }

  /** Applies one op after checking it, and returns its inverse. */
  private applyOne(
    op: AnnotationOp,
    index: number,
    context: LayerContext,
    annotationLog: TouchLog<Annotation>,
    entityLog: TouchLog<Entity>,
  ): AnnotationOp {
    switch (op.op) {
      case 'annotation.add':
      case 'annotation.update': {
        const { id } = op.annotation;
        const previous = this.annotationsById.get(id);
        if (op.op === 'annotation.add' && previous) refuseOp(index, `annotation ${id} already exists`);
        if (op.op === 'annotation.update' && !previous) refuseOp(index, `there is no annotation ${id}`);
        const problem = annotationProblem(context, op.annotation);
        if (problem) refuseOp(index, problem);
        annotationLog.touch(id, previous);
        this.store(op.annotation);
        return previous ? { op: 'annotation.update', annotation: previous } : { op: 'annotation.remove', id };
      }
      case 'annotation.remove': {
        const previous = this.annotationsById.get(op.id);
        if (!previous) return refuseOp(index, `there is no annotation ${op.id}`);
        annotationLog.touch(op.id, previous);
        this.drop(previous);
        return { op: 'annotation.add', annotation: previous };
      }
      case 'entity.add':
      case 'entity.update': {
        const { id } = op.entity;
        const previous = this.entitiesById.get(id);
        if (op.op === 'entity.add' && previous) refuseOp(index, `entity ${id} already exists`);
        if (op.op === 'entity.update' && !previous) refuseOp(index, `there is no entity ${id}`);
        const problem = entityProblem(context, op.entity);
        if (problem) refuseOp(index, problem);
        entityLog.touch(id, previous);
        this.entitiesById.set(id, op.entity);
        return previous ? { op: 'entity.update', entity: previous } : { op: 'entity.remove', id };
      }
      case 'entity.remove': {
        const previous = this.entitiesById.get(op.id);
        if (!previous) return refuseOp(index, `there is no entity ${op.id}`);
        entityLog.touch(op.id, previous);
        this.entitiesById.delete(op.id);
        return { op: 'entity.add', entity: previous };
      }
    }
  }

  /** Applies an op known to fit (the inverse of one just applied), to take a refused batch back. */
  private applyUnchecked(op: AnnotationOp): void {
    if (op.op === 'annotation.add' || op.op === 'annotation.update') this.store(op.annotation);
    else if (op.op === 'annotation.remove') {
      const previous = this.annotationsById.get(op.id);
      if (previous) this.drop(previous);
    } else if (op.op === 'entity.add' || op.op === 'entity.update') this.entitiesById.set(op.entity.id, op.entity);
    else this.entitiesById.delete(op.id);
  }

  /** After a batch: what it wrote refers to existing entities, and what it removed nothing refers to. */
  private checkReferences(annotationLog: TouchLog<Annotation>, entityLog: TouchLog<Entity>, lastWrite: ReadonlyMap<string, number>): void {
    for (const id of annotationLog.ids()) {
      const annotation = this.annotationsById.get(id);
      for (const entityId of annotation ? entityIdsOf(annotation) : []) {
        if (!this.entitiesById.has(entityId)) {
          throw new Refusal(
            lastWrite.get(`a:${id}`) ?? 0,
            `annotation ${id} refers to entity ${entityId}, which does not exist after this batch`,
          );
        }
      }
    }
    for (const id of entityLog.ids()) {
      const [referrer] = this.entitiesById.has(id) ? [] : this.referrersOf(id);
      if (referrer !== undefined) {
        throw new Refusal(
          lastWrite.get(`e:${id}`) ?? 0,
          `entity ${id} is still referenced (annotation ${referrer} refers to entity ${id})`,
        );
      }
    }
  }

  /** Stores an annotation (replacing the one with its id), keeping the reference index. */
  private store(annotation: Annotation): void {
    const previous = this.annotationsById.get(annotation.id);
    if (previous) this.unlink(previous);
    this.annotationsById.set(annotation.id, annotation);
    for (const entityId of entityIdsOf(annotation)) {
      let ids = this.referrers.get(entityId);
      if (!ids) this.referrers.set(entityId, (ids = new Set()));
      ids.add(annotation.id);
    }
    this.listener?.(previous, annotation);
  }

  private drop(annotation: Annotation): void {
    this.annotationsById.delete(annotation.id);
    this.unlink(annotation);
    this.listener?.(annotation, undefined);
  }

  private unlink(annotation: Annotation): void {
    for (const entityId of entityIdsOf(annotation)) {
      const ids = this.referrers.get(entityId);
      ids?.delete(annotation.id);
      if (ids?.size === 0) this.referrers.delete(entityId);
    }
  }
}

function idOf(op: AnnotationOp): string {
  return op.op === 'annotation.add' || op.op === 'annotation.update'
    ? op.annotation.id
    : op.op === 'entity.add' || op.op === 'entity.update'
      ? op.entity.id
      : op.id;
}

function refuseOp(index: number, reason: string): never {
  throw new Refusal(index, reason);
}

/** The applied batch, for a batch that must apply (an inverse, newest first); a refusal there is a bug, thrown. */
export function mustApply(outcome: ApplyOutcome): AppliedOps {
  if (!outcome.ok) throw new Error(`A batch that must apply was refused: ${outcome.reason}`);
  return outcome;
}
