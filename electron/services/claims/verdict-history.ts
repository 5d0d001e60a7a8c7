import type { RegistryChange } from '../../../shared/corpus/corpus-query.ts';
import type { ArticleBatch } from '../entities/article-batches.ts';

/** One verdict applied across articles, as undo and redo replay it. */
export interface VerdictStep {
  change: RegistryChange;
  trackedId: string;
  articles: ArticleBatch[];
}

/** The most verdict changes that can be undone. */
export const VERDICT_HISTORY_LIMIT = 100;

/** The tracker's undo and redo stacks, for this run of the library. */
export class VerdictHistory {
  private readonly done: VerdictStep[] = [];
  private readonly undone: VerdictStep[] = [];

  record(step: VerdictStep): void {
    this.done.push(step);
    if (this.done.length > VERDICT_HISTORY_LIMIT) this.done.shift();
    this.undone.length = 0;
  }

  get lastDone(): VerdictStep | undefined {
    return this.done.at(-1);
  }

  get lastUndone(): VerdictStep | undefined {
    return this.undone.at(-1);
  }

  undid(): void {
    const step = this.done.pop();
    if (step) this.undone.push(step);
  }

  redid(): void {
    const step = this.undone.pop();
    if (step) this.done.push(step);
  }
}
