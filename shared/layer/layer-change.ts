/** Which records a batch added, removed or changed, by id (the net effect of the whole batch). */
export interface IdChanges {
  added: string[];
  removed: string[];
  updated: string[];
}

/** What a batch changed in a layer: for a reader's incremental redraw and kept counts. */
export interface LayerChange {
  annotations: IdChanges;
  entities: IdChanges;
}

/** Remembers, per id, the record a batch found before it first touched it (undefined: none). */
export class TouchLog<T> {
  private readonly before = new Map<string, T | undefined>();

  touch(id: string, current: T | undefined): void {
    if (!this.before.has(id)) this.before.set(id, current);
  }

  /** The ids touched so far. */
  ids(): IterableIterator<string> {
    return this.before.keys();
  }

  /** The net changes: a record counts as updated when it is no longer the very object it was. */
  changes(now: (id: string) => T | undefined): IdChanges {
    const result: IdChanges = { added: [], removed: [], updated: [] };
    for (const [id, before] of this.before) {
      const after = now(id);
      if (before && after) {
        if (before !== after) result.updated.push(id);
      } else if (after) result.added.push(id);
      else if (before) result.removed.push(id);
    }
    return result;
  }
}
