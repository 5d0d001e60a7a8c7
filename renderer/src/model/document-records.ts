import type { AnnotationOp } from '../../../shared/contract/ops.ts';
import { LayerIndex, type ApplyOutcome, type LayerView } from '../../../shared/layer/layer-index.ts';
import type { LayerContext } from '../../../shared/layer/layer-rules.ts';
import type { Annotation } from '../../../shared/model/annotation.ts';
import type { Entity } from '../../../shared/model/entity.ts';
import { RecordCounts } from './record-counts.ts';

/**
 * The annotations and entity registry of the open document, held in the op engine (`LayerIndex`),
 * which checks and applies every batch; here they also keep the lists' tallies, one record at a time.
 */
export class DocumentRecords implements LayerView {
  private readonly layer: LayerIndex;
  /** Tallies of the annotations, kept as each one is stored or dropped. */
  readonly counts = new RecordCounts();

  /** `context` gives the text and codebook batches are checked against (the current ones, asked at each batch). */
  constructor(
    annotations: readonly Annotation[] = [],
    entities: readonly Entity[] = [],
    private readonly context: () => LayerContext = () => ({}),
  ) {
    this.layer = new LayerIndex({ annotations, entities }, (before, after) => {
      if (before) this.counts.tally(before, -1);
      if (after) this.counts.tally(after, 1);
    });
  }

  /** How many entities the registry holds. */
  entityCount(): number {
    return this.layer.entityCount;
  }

  annotation(id: string): Annotation | undefined {
    return this.layer.annotation(id);
  }

  entity(id: string): Entity | undefined {
    return this.layer.entity(id);
  }

  annotations(): IterableIterator<Annotation> {
    return this.layer.annotations();
  }

  entities(): IterableIterator<Entity> {
    return this.layer.entities();
  }

  isEntityReferenced(entityId: string, exceptId?: string): boolean {
    return this.layer.isEntityReferenced(entityId, exceptId);
  }

  /** The ids of the annotations that refer to an entity (as mention, speaker or claimant). */
  referrersOf(entityId: string): ReadonlySet<string> {
    return this.layer.referrersOf(entityId);
  }

  /** Applies every op of the batch, or none of them: the inverse and change, or the refusal. */
  apply(ops: readonly AnnotationOp[]): ApplyOutcome {
    return this.layer.apply(ops, this.context());
  }
}
