import type { RegistryChange } from '../../../shared/corpus/corpus-query.ts';
import type { Entity } from '../../../shared/model/entity.ts';
import type { ArticleBatch } from './article-batches.ts';

/** One registry change as undo and redo replay it: each article's ops and inverse, and the registry records before and after. */
export interface RegistryStep {
  change: RegistryChange;
  articles: ArticleBatch[];
  recordsBefore: Map<string, Entity | undefined>;
  recordsAfter: Map<string, Entity | undefined>;
}

/** The most registry changes that can be undone. */
export const REGISTRY_HISTORY_LIMIT = 100;

/** The registry's undo and redo stacks, for this run of the library (like the reader's own history). */
export class RegistryHistory {
  private readonly done: RegistryStep[] = [];
  private readonly undone: RegistryStep[] = [];

  /** A new change: it can be undone, and nothing undone before it can be redone any more. */
  record(step: RegistryStep): void {
    this.done.push(step);
    if (this.done.length > REGISTRY_HISTORY_LIMIT) this.done.shift();
    this.undone.length = 0;
  }

  get lastDone(): RegistryStep | undefined {
    return this.done.at(-1);
  }

  get lastUndone(): RegistryStep | undefined {
    return this.undone.at(-1);
  }

  /** The last change was undone. */
  undid(): void {
    const step = this.done.pop();
    if (step) this.undone.push(step);
  }

  /** The last undone change was done again. */
  redid(): void {
    const step = this.undone.pop();
    if (step) this.done.push(step);
  }
}
