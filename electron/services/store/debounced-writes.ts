/**
 * Batches writes per key: a burst of changes to one file costs one write after `delayMs` of quiet,
 * at most `maxDelayMs` after the first change. `flush` writes everything pending at once.
 */
export class DebouncedWrites {
  private readonly pending = new Map<string, { timer: NodeJS.Timeout; since: number; write: () => Promise<void> }>();
  private readonly running = new Set<Promise<void>>();

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

  private run(key: string): Promise<void> {
    const entry = this.pending.get(key);
    if (!entry) return Promise.resolve();
    clearTimeout(entry.timer);
    this.pending.delete(key);
    const done = entry
      .write()
      .catch((error: unknown) => this.onError(key, error))
      .finally(() => this.running.delete(done));
    this.running.add(done);
    return done;
  }

  /** Writes everything pending now and waits for every write in flight. */
  async flush(): Promise<void> {
    await Promise.all([...this.pending.keys()].map((key) => this.run(key)));
    await Promise.all([...this.running]);
  }
}
