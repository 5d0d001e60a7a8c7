/**
 * Batches writes per key: a burst of changes to one file costs one write after `delayMs` of quiet,
 * at most `maxDelayMs` after the first change. `flush` writes everything pending at once.
 */
export class DebouncedWrites {
  private readonly pending = new Map<string, { timer: NodeJS.Timeout; since: number; write: () => Promise<void> }>();
  private readonly running = new Set<Promise<WriteFailure | undefined>>();

  constructor(
    private readonly delayMs: number,
    private readonly onError: (key: string, error: unknown) => void,
    private readonly maxDelayMs = delayMs * 10,
  ) {}

  schedule(key: string, write: () => Promise<void>): void {
    const previous = this.pending.get(key);
    const since = previous?.since ?? Date.now();
    if (previous) clearTimeout(previous.timer);
    const wait = Math.max(0, Math.min(this.delayMs, since + this.maxDelayMs - Date.now()));
    const timer = setTimeout(() => void this.run(key), wait);
    this.pending.set(key, { timer, since, write });
  }

  get hasPending(): boolean {
    return this.pending.size > 0 || this.running.size > 0;
  }

  /** Runs one pending write; resolves with its failure, if it failed (and never rejects). */
  private run(key: string): Promise<WriteFailure | undefined> {
    const entry = this.pending.get(key);
    if (!entry) return Promise.resolve(undefined);
    clearTimeout(entry.timer);
    this.pending.delete(key);
    const done: Promise<WriteFailure | undefined> = entry
      .write()
      .then(
        () => undefined,
        (error: unknown) => {
          this.onError(key, error);
          return { key, error };
        },
      )
      .finally(() => this.running.delete(done));
    this.running.add(done);
    return done;
  }

  /**
   * Writes everything pending now and waits for every write in flight. Rejects if any of them
   * failed, so a caller that reports "saved" (quit, a restore) never does so wrongly.
   */
  async flush(): Promise<void> {
    const started = [...this.pending.keys()].map((key) => this.run(key));
    const outcomes = await Promise.all([...started, ...this.running]);
    const failure = outcomes.find((outcome) => outcome !== undefined);
    if (failure) {
      const reason = failure.error instanceof Error ? failure.error.message : String(failure.error);
      throw new Error(`Could not save ${failure.key}: ${reason}`, { cause: failure.error });
    }
  }
}

interface WriteFailure {
  key: string;
  error: unknown;
}
