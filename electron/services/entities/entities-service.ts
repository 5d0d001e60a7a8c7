import { randomUUID } from 'node:crypto';
import type { ChannelInput, ChannelOutput } from '../../../shared/contract/channels.ts';
import { ScholiaError } from '../../../shared/contract/errors.ts';
import type { AnnotationOp } from '../../../shared/contract/ops.ts';
import type { RegistryChange } from '../../../shared/corpus/corpus-query.ts';
import { absorbedEntity, sameEntityRecord } from '../../../shared/entities/entity-records.ts';
import { mergeProposals } from '../../../shared/entities/merge-proposals.ts';
import { LayerIndex } from '../../../shared/layer/layer-index.ts';
import { mergeIntoLibraryEntityOps, pushEntityOps, splitEntityOps } from '../../../shared/layer/library-entity-edits.ts';
import type { Entity } from '../../../shared/model/entity.ts';
import type { LibraryStore } from '../store/library-store.ts';
import { commitBatches, planBatches, planReplay, type PlannedBatch } from './article-batches.ts';
import type { EntityRegistry } from './entity-registry.ts';
import { RegistryHistory, type RegistryStep } from './registry-history.ts';

/** The most merge proposals answered at once. */
export const MAX_PROPOSALS = 500;

function articles(count: number): string {
  return `${count} ${count === 1 ? 'article' : 'articles'}`;
}

/**
 * Changes of the library-wide entity registry that span articles: an edit of a record, merge,
 * split, proposals and their dismissal, and one undo and redo for each change. Every article's
 * batch goes through the op engine in memory first; only when all apply are they saved, one
 * revision per article, so a refusal changes nothing.
 */
export class EntitiesService {
  private readonly history = new RegistryHistory();

  constructor(
    private readonly store: LibraryStore,
    readonly registry: EntityRegistry,
  ) {}

  private async entityOf(id: string): Promise<Entity> {
    await this.registry.ready();
    const entity = this.registry.entity(id);
    if (!entity) throw new ScholiaError('not-found', `There is no entity ${id} in the library.`);
    return entity;
  }

  /** The registry's record of an entity changed, and pushed into every article that holds it. */
  async update({ entity }: ChannelInput<'entities.update'>): Promise<ChannelOutput<'entities.update'>> {
    this.store.assertWritable();
    const before = await this.entityOf(entity.id);
    if (!this.store.tagset.entityTypes.some((type) => type.id === entity.type))
      throw new ScholiaError('bad-request', `The codebook has no entity type "${entity.type}".`);
    const batches = await this.batchesFor(this.registry.holdersOf(entity.id), (view) => pushEntityOps(view, entity));
    const planned = await planBatches(this.store, batches, `change "${before.name}"`);
    if (sameEntityRecord(before, entity) && planned.length === 0)
      return { entity, change: { id: randomUUID(), description: `“${entity.name}” is unchanged`, documentIds: [] } };
    const description = `Changed “${before.name}” in ${articles(planned.length)}`;
    const change = await this.commit(planned, new Map([[entity.id, before]]), new Map([[entity.id, entity]]), description);
    return { entity, change };
  }

  /** Pairs of entities that look like one, for the analyst to confirm or dismiss. */
  async proposals(): Promise<ChannelOutput<'entities.proposals'>> {
    await this.registry.ready();
    const { registry } = this;
    const proposals = mergeProposals({
      entities: registry.entities(),
      documentsOf: (id) => registry.holdersOf(id).size,
      documentsOfPair: (a, b) => new Set([...registry.holdersOf(a), ...registry.holdersOf(b)]).size,
      dismissed: registry.dismissedPairs(),
      limit: MAX_PROPOSALS,
    });
    return { proposals };
  }

  async dismiss({ keepId, mergeId }: ChannelInput<'entities.dismiss'>): Promise<ChannelOutput<'entities.dismiss'>> {
    this.store.assertWritable();
    await this.entityOf(keepId);
    await this.entityOf(mergeId);
    if (keepId === mergeId) throw new ScholiaError('bad-request', 'A proposal pairs two different entities.');
    return { dismissed: this.registry.dismiss(keepId, mergeId) };
  }

  /**
   * Merges entities into `keepId` in every article: mentions, quotes and claims move to it, the
   * merged entities leave each article, the kept one is added where missing and takes the merged
   * names as aliases (and a Wikidata id and description where it has none).
   */
  async merge({ keepId, mergeIds }: ChannelInput<'entities.merge'>): Promise<ChannelOutput<'entities.merge'>> {
    this.store.assertWritable();
    const kept = await this.entityOf(keepId);
    const ids = [...new Set(mergeIds)];
    if (ids.includes(keepId)) throw new ScholiaError('bad-request', `Entity ${keepId} cannot be merged into itself.`);
    const merged = await Promise.all(ids.map((id) => this.entityOf(id)));
    for (const entity of merged) {
      const other = [kept, ...merged].find((e) => e.wikidata && entity.wikidata && e.wikidata !== entity.wikidata);
      if (other)
        throw new ScholiaError(
          'bad-request',
          `“${entity.name}” (${entity.wikidata}) and “${other.name}” (${other.wikidata}) have different Wikidata ids: they are different entities and are not merged.`,
        );
    }
    const record = merged.reduce(absorbedEntity, kept);
    const touched = new Set([keepId, ...ids].flatMap((id) => [...this.registry.holdersOf(id)]));
    const now = new Date().toISOString();
    const batches = await this.batchesFor(touched, (view) =>
      ids.some((id) => view.entity(id)) ? mergeIntoLibraryEntityOps(view, record, ids, now) : pushEntityOps(view, record),
    );
    const names = merged.map((entity) => `“${entity.name}”`).join(', ');
    const planned = await planBatches(this.store, batches, `merge ${names} into “${kept.name}”`);
    const before = new Map<string, Entity | undefined>([[keepId, kept], ...merged.map((entity) => [entity.id, entity] as const)]);
    const after = new Map<string, Entity | undefined>([[keepId, record], ...ids.map((id) => [id, undefined] as const)]);
    const change = await this.commit(planned, before, after, `Merged ${names} into “${kept.name}” in ${articles(planned.length)}`);
    return { entity: record, change };
  }

  /** Moves the given mentions, quotes and claims of an entity to a new entity, in their articles. */
  async split({ entityId, annotations, name, type }: ChannelInput<'entities.split'>): Promise<ChannelOutput<'entities.split'>> {
    this.store.assertWritable();
    const from = await this.entityOf(entityId);
    const created: Entity = { id: randomUUID(), name: name.replace(/\s+/gu, ' ').trim(), type: type ?? from.type, aliases: [] };
    const byDocument = new Map<string, string[]>();
    for (const { documentId, annotationId } of annotations)
      byDocument.set(documentId, [...(byDocument.get(documentId) ?? []), annotationId]);
    const now = new Date().toISOString();
    const batches: { documentId: string; ops: AnnotationOp[] }[] = [];
    for (const [documentId, annotationIds] of byDocument) {
      if (!this.registry.holdersOf(entityId).has(documentId))
        throw new ScholiaError('bad-request', `Document ${documentId} does not hold “${from.name}”.`);
      const document = await this.store.getDocument(documentId);
      const { ops, refused } = splitEntityOps(new LayerIndex(document), entityId, created, annotationIds, now);
      if (refused.length > 0)
        throw new ScholiaError(
          'bad-request',
          `In "${document.meta.title}", ${refused.join(', ')} ${refused.length === 1 ? 'is not a mention, quote or claim' : 'are not mentions, quotes or claims'} of “${from.name}”.`,
        );
      batches.push({ documentId, ops });
    }
    const planned = await planBatches(this.store, batches, `split “${created.name}” off “${from.name}”`);
    const change = await this.commit(
      planned,
      new Map([[created.id, undefined]]),
      new Map([[created.id, created]]),
      `Split “${created.name}” off “${from.name}” in ${articles(planned.length)}`,
    );
    return { entity: created, change };
  }

  /** Undoes the last registry change in every article it touched, or refuses (changing nothing) if one has changed since. */
  async undo(): Promise<ChannelOutput<'entities.undo'>> {
    this.store.assertWritable();
    await this.registry.ready();
    const step = this.history.lastDone;
    if (!step) return {};
    await this.replay(step, 'undo');
    this.history.undid();
    return { change: step.change };
  }

  async redo(): Promise<ChannelOutput<'entities.redo'>> {
    this.store.assertWritable();
    await this.registry.ready();
    const step = this.history.lastUndone;
    if (!step) return {};
    await this.replay(step, 'redo');
    this.history.redid();
    return { change: step.change };
  }

  private async replay(step: RegistryStep, direction: 'undo' | 'redo'): Promise<void> {
    const action = `${direction} “${step.change.description}”`;
    const planned = await planReplay(this.store, step.articles, direction, action);
    await commitBatches(this.store, planned, new Date().toISOString(), {
      beforeSaving: () => this.registry.setRecords(direction === 'undo' ? step.recordsBefore : step.recordsAfter),
      saved: (documentId, revision) => this.registry.madeRevision(documentId, revision),
    });
  }

  /** The batches that `build` answers for each document, in the library's order. */
  private async batchesFor(documentIds: Iterable<string>, build: (view: LayerIndex) => AnnotationOp[]) {
    const batches: { documentId: string; ops: AnnotationOp[] }[] = [];
    for (const documentId of documentIds) {
      const document = await this.store.getDocument(documentId);
      batches.push({ documentId, ops: build(new LayerIndex(document)) });
    }
    return batches;
  }

  /** Sets the registry's records, saves every planned batch, and keeps the whole as one step to undo. */
  private async commit(
    planned: readonly PlannedBatch[],
    recordsBefore: Map<string, Entity | undefined>,
    recordsAfter: Map<string, Entity | undefined>,
    description: string,
  ): Promise<RegistryChange> {
    const batches = await commitBatches(this.store, planned, new Date().toISOString(), {
      beforeSaving: () => this.registry.setRecords(recordsAfter),
      saved: (documentId, revision) => this.registry.madeRevision(documentId, revision),
    });
    const change: RegistryChange = { id: randomUUID(), description, documentIds: batches.map((batch) => batch.documentId) };
    this.history.record({ change, articles: batches, recordsBefore, recordsAfter });
    return change;
  }
}
