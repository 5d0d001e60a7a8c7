/** The most changes across articles that can be undone. */
export const CHANGE_HISTORY_LIMIT = 100;

/**
 * The undo and redo stacks of changes that span articles (registry changes, verdicts applied to a
 * tracked claim), for this run of the library, like the reader's own history.
 */
export class ChangeHistory<Step> {
  private readonly done: Step[] = [];
  private readonly undone: Step[] = [];

  /** A new change: it can be undone, and nothing undone before it can be redone any more. */
  record(step: Step): void {
    this.done.push(step);
    if (this.done.length > CHANGE_HISTORY_LIMIT) this.done.shift();
    this.undone.length = 0;
  }

  get lastDone(): Step | undefined {
    return this.done.at(-1);
  }

  get lastUndone(): Step | undefined {
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
