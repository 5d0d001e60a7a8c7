import { foldKey } from '../../../shared/corpus/fold.ts';
import type { Entity } from '../../../shared/model/entity.ts';

/** One library entity: the copies the documents holding it keep (ids are library-wide), and its folded names. */
interface EntityRecord {
  copies: Map<number, Copy>;
  /** The copy of the most recently modified document, whose name and type the index shows. */
  latest: Copy;
  /** Folded id, names, aliases and Wikidata id, each with how many copies carry it. */
  keys: Map<string, number>;
}

/** An entity as one document holds it, and that document's recency (its `modified`, then its id). */
interface Copy {
  entity: Entity;
  recency: string;
}

function keysOf(entity: Entity): string[] {
  const keys = new Set([foldKey(entity.id), foldKey(entity.name), ...entity.aliases.map(foldKey)]);
  if (entity.wikidata) keys.add(foldKey(entity.wikidata));
  return [...keys];
}

/**
 * The entities of the indexed documents, one record per library id, kept from each document's
 * `entities`, and a lookup from any folded name, alias, id or Wikidata id to the ids carrying it.
 */
function mostRecent(copies: Map<number, Copy>): Copy {
  let latest: Copy | undefined;
  for (const copy of copies.values()) if (!latest || copy.recency > latest.recency) latest = copy;
  if (!latest) throw new Error('an entity record without copies');
  return latest;
}

export class EntityDirectory {
  private readonly records = new Map<string, EntityRecord>();
  private readonly byKey = new Map<string, Set<string>>();

  /**
   * Follows a document's entities from `before` to `after`; copies kept as they were cost nothing.
   * `recency` orders documents (the shown copy is the most recent one's), so the index answers the
   * same however its documents came in.
   */
  setDocumentEntities(doc: number, recency: string, before: readonly Entity[], after: readonly Entity[]): void {
    const kept = new Set(after);
    for (const entity of before) if (!kept.has(entity)) this.removeCopy(doc, entity);
    const had = new Set(before);
    for (const entity of after) if (!had.has(entity)) this.addCopy(doc, { entity, recency });
  }

  /** A document was saved again: its copies now rank by its new recency (a later save shows its copies). */
  setRecency(doc: number, recency: string, entities: readonly Entity[]): void {
    for (const entity of entities) {
      const record = this.records.get(entity.id);
      const copy = record?.copies.get(doc);
      if (!record || !copy) continue;
      const older = recency < copy.recency;
      copy.recency = recency;
      if (older && record.latest === copy) record.latest = mostRecent(record.copies);
      else if (recency >= record.latest.recency) record.latest = copy;
    }
  }

  entity(id: string): Entity | undefined {
    return this.records.get(id)?.latest.entity;
  }

  /** How many indexed documents hold the entity. */
  documentCount(id: string): number {
    return this.records.get(id)?.copies.size ?? 0;
  }

  ids(): IterableIterator<string> {
    return this.records.keys();
  }

  /** The entity ids a filter value names: an id, or a name, alias or Wikidata id, compared folded. */
  resolve(value: string): Set<string> {
    const found = new Set(this.byKey.get(foldKey(value)) ?? []);
    if (this.records.has(value)) found.add(value);
    return found;
  }

  /** Whether the entity's id, name, an alias or its Wikidata id holds `folded` (a folded filter). */
  matches(id: string, folded: string): boolean {
    const record = this.records.get(id);
    if (!record) return false;
    for (const key of record.keys.keys()) if (key.includes(folded)) return true;
    return false;
  }

  private addCopy(doc: number, copy: Copy): void {
    const { entity } = copy;
    let record = this.records.get(entity.id);
    if (!record) {
      record = { copies: new Map(), latest: copy, keys: new Map() };
      this.records.set(entity.id, record);
    }
    const replaced = record.copies.get(doc);
    if (replaced) this.dropKeys(entity.id, record, replaced.entity);
    record.copies.set(doc, copy);
    if (replaced === record.latest) record.latest = mostRecent(record.copies);
    else if (copy.recency >= record.latest.recency) record.latest = copy;
    for (const key of keysOf(entity)) {
      const count = record.keys.get(key) ?? 0;
      record.keys.set(key, count + 1);
      if (count === 0) this.keySet(key).add(entity.id);
    }
  }

  private removeCopy(doc: number, entity: Entity): void {
    const record = this.records.get(entity.id);
    const copy = record?.copies.get(doc);
    if (!record || copy?.entity !== entity) return;
    record.copies.delete(doc);
    this.dropKeys(entity.id, record, entity);
    if (record.copies.size === 0) this.records.delete(entity.id);
    else if (record.latest === copy) record.latest = mostRecent(record.copies);
  }

  private dropKeys(id: string, record: EntityRecord, entity: Entity): void {
    for (const key of keysOf(entity)) {
      const count = (record.keys.get(key) ?? 0) - 1;
      if (count > 0) {
        record.keys.set(key, count);
        continue;
      }
      record.keys.delete(key);
      const ids = this.byKey.get(key);
      ids?.delete(id);
      if (ids?.size === 0) this.byKey.delete(key);
    }
  }

  private keySet(key: string): Set<string> {
    let ids = this.byKey.get(key);
    if (!ids) {
      ids = new Set();
      this.byKey.set(key, ids);
    }
    return ids;
  }
}
