import type { Low } from 'lowdb';
import { pairKey } from '../../../shared/entities/merge-proposals.ts';
import { registryFromDocuments, sameEntityRecord } from '../../../shared/entities/entity-records.ts';
import { applyLayerOps } from '../../../shared/layer/apply-layer-ops.ts';
import { pushEntityOps } from '../../../shared/layer/library-entity-edits.ts';
import type { ScholiaDocument } from '../../../shared/model/document.ts';
import type { Entity } from '../../../shared/model/entity.ts';
import type { DocumentChange, LibraryStore } from '../store/library-store.ts';
import { ENTITIES_FILE, ENTITIES_VERSION, openEntitiesFile, type EntitiesFile } from './registry-file.ts';

/**
 * The library-wide entity registry: one record per entity id (name, type, aliases, Wikidata id,
 * description), which articles hold each entity, and the merge proposals dismissed. It is kept in
 * `entities.json`, read (or built from the documents, when missing or damaged) on first use, and
 * follows the library through `onDocumentChange`: an entity new to the library joins it, an entity
 * edited inside one article updates its record, which is pushed to the other articles holding it.
 */
export class EntityRegistry {
  private readonly records = new Map<string, Entity>();
  /** Document id → the entity ids it holds. */
  private readonly entitiesOf = new Map<string, Set<string>>();
  /** Entity id → the documents holding it. */
  private readonly holders = new Map<string, Set<string>>();
  private readonly dismissed = new Set<string>();
  private file: Low<EntitiesFile> | undefined;
  /** `entities.json` is of a newer format: read, never written. */
  private newer = false;
  private loading: Promise<void> | undefined;
  /** Document changes, handled one at a time in the order they came. */
  private queue: Promise<void> = Promise.resolve();
  /** Revisions the registry made itself (`<document id> <revision>`): their entity records are the registry's, not edits to follow. */
  private readonly ownRevisions = new Set<string>();

  constructor(private readonly store: LibraryStore) {
    store.onDocumentChange((change) => this.follow(change));
  }

  /** The registry, loaded (on first use) and current with every document change so far. */
  async ready(): Promise<void> {
    await (this.loading ??= this.load());
    let drained: Promise<void>;
    do {
      drained = this.queue;
      await drained;
    } while (drained !== this.queue);
  }

  entity(id: string): Entity | undefined {
    return this.records.get(id);
  }

  entities(): Iterable<Entity> {
    return this.records.values();
  }

  get size(): number {
    return this.records.size;
  }

  /** The documents that hold the entity. */
  holdersOf(id: string): ReadonlySet<string> {
    return this.holders.get(id) ?? new Set();
  }

  isDismissed(a: string, b: string): boolean {
    return this.dismissed.has(pairKey(a, b));
  }

  dismissedPairs(): ReadonlySet<string> {
    return this.dismissed;
  }

  /** Remembers a dismissed proposal; false when it already was. */
  dismiss(a: string, b: string): boolean {
    const key = pairKey(a, b);
    if (this.dismissed.has(key)) return false;
    this.dismissed.add(key);
    this.writeSoon();
    return true;
  }

  /**
   * Notes a revision saved for the registry (a change across articles, its undo, a record pushed
   * in): following it updates which entities the article holds, but its records are not taken as
   * an edit made in the article, which would be pushed on again.
   */
  madeRevision(documentId: string, revision: number): void {
    this.ownRevisions.add(`${documentId} ${revision}`);
  }

  /** Sets (or with undefined, removes) records, as a registry change decides; the articles are changed by the caller. */
  setRecords(records: ReadonlyMap<string, Entity | undefined>): void {
    for (const [id, record] of records) {
      if (record) this.records.set(id, record);
      else this.records.delete(id);
    }
    this.writeSoon();
  }

  private async load(): Promise<void> {
    const opened = await openEntitiesFile(this.store.dir, this.store.writable, this.store.notices);
    this.file = opened.db;
    this.newer = opened.newer;
    const documents: ScholiaDocument[] = [];
    for await (const document of this.store.readableDocuments()) documents.push(document);
    const fromDocuments = registryFromDocuments(documents);
    for (const [id, record] of opened.read ? opened.read.entities.map((e) => [e.id, e] as const) : fromDocuments)
      this.records.set(id, record);
    for (const [a, b] of opened.read?.dismissed ?? []) this.dismissed.add(pairKey(a, b));
    let changed = opened.read === null;
    for (const [id, record] of fromDocuments) {
      if (this.records.has(id)) continue;
      this.records.set(id, record);
      changed = true;
    }
    for (const document of documents) this.hold(document.id, document.entities);
    for (const id of [...this.records.keys()]) {
      if (this.holders.has(id)) continue;
      this.records.delete(id);
      changed = true;
    }
    if (changed) this.writeSoon();
  }

  /** Queues a document change; before the registry's first use only an entity edit needs it (to push the edit on). */
  private follow(change: DocumentChange): void {
    if (!this.loading) {
      if (!editedEntities(change).length) return;
      this.loading = this.load();
    }
    const loading = this.loading;
    this.queue = this.queue
      .then(() => loading)
      .then(() => this.handle(change))
      .catch((error: unknown) => {
        this.store.notices.push({
          level: 'warning',
          message: `The entity registry could not follow a change of document ${change.id}: ${error instanceof Error ? error.message : String(error)}`,
        });
      });
  }

  private async handle(change: DocumentChange): Promise<void> {
    const released = this.hold(change.id, change.after?.entities ?? []);
    const after = change.after;
    let changed = false;
    const own = after !== undefined && this.ownRevisions.delete(`${after.id} ${after.revision}`);
    if (after && !own) {
      const edited = new Set(editedEntities(change));
      const pushHere: Entity[] = [];
      const pushElsewhere: Entity[] = [];
      for (const entity of after.entities) {
        const record = this.records.get(entity.id);
        if (!record || edited.has(entity.id)) {
          if (!record || !sameEntityRecord(record, entity)) {
            this.records.set(entity.id, entity);
            changed = true;
          }
          // Pushed even when the record already says so (a registry built just now from this very edit).
          if (edited.has(entity.id)) pushElsewhere.push(entity);
        } else if (!sameEntityRecord(record, entity)) {
          pushHere.push(record);
        }
      }
      if (pushHere.length > 0) await this.push(after.id, pushHere);
      // Every holder whose copy differs gets the record, the article edited included: an edit pushed
      // into it meanwhile (from another article) must not leave it out of step.
      for (const record of pushElsewhere) for (const holder of this.holdersOf(record.id)) await this.push(holder, [record]);
    }
    // An entity no article holds any more leaves the registry (an article that brings it back brings its record).
    for (const id of released) if (this.records.delete(id)) changed = true;
    if (changed) this.writeSoon();
  }

  /** Makes a document's copies of these entities equal their registry records, as one revision. */
  private async push(documentId: string, records: readonly Entity[]): Promise<void> {
    if (this.store.readOnlyFor(documentId) || !this.store.writable) return;
    const document = await this.store.getDocument(documentId);
    const copies = new Map(document.entities.map((entity) => [entity.id, entity]));
    const ops = records.flatMap((record) => pushEntityOps({ entity: (id) => copies.get(id), annotations: () => [] }, record));
    if (ops.length === 0) return;
    const outcome = applyLayerOps({ text: document.text, tagset: this.store.tagset }, document, ops);
    if (!outcome.ok) throw new Error(`the registry's record could not be applied to "${document.meta.title}": ${outcome.problem}`);
    this.madeRevision(documentId, this.store.commitRevision(document, outcome.layer).revision);
  }

  /** Records which entities a document holds now (none: it left the library); answers the entities no document holds any more. */
  private hold(documentId: string, entities: readonly Entity[]): string[] {
    const released: string[] = [];
    const previous = this.entitiesOf.get(documentId) ?? new Set<string>();
    for (const id of previous) {
      const holders = this.holders.get(id);
      holders?.delete(documentId);
      if (holders?.size === 0) this.holders.delete(id);
    }
    if (entities.length === 0) this.entitiesOf.delete(documentId);
    else this.entitiesOf.set(documentId, new Set(entities.map((entity) => entity.id)));
    for (const { id } of entities) {
      const holders = this.holders.get(id);
      if (holders) holders.add(documentId);
      else this.holders.set(id, new Set([documentId]));
    }
    for (const id of previous) if (!this.holders.has(id)) released.push(id);
    return released;
  }

  /** Writes `entities.json` after the debounce window, as it stands then. */
  private writeSoon(): void {
    const file = this.file;
    if (!file || this.newer || !this.store.writable) return;
    this.store.scheduleWrite(ENTITIES_FILE, () => {
      file.data = {
        format: 'scholia-entities',
        version: ENTITIES_VERSION,
        entities: [...this.records.values()],
        dismissed: [...this.dismissed].map((key) => key.split(' ') as [string, string]),
      };
      return file.write();
    });
  }
}

/** The entities whose record a change edited inside the document (held before and after, and different). */
function editedEntities({ before, after }: DocumentChange): string[] {
  if (!before || !after) return [];
  const earlier = new Map(before.entities.map((entity) => [entity.id, entity]));
  return after.entities.flatMap((entity) => {
    const was = earlier.get(entity.id);
    return was && !sameEntityRecord(was, entity) ? [entity.id] : [];
  });
}
