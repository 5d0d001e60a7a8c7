export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Runs `sample` `runs` times (after `warmup` unrecorded runs) and returns every duration in ms. */
export async function sampleTimes(runs: number, sample: (run: number) => Promise<number> | number, warmup = 1): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await sample(-1 - i);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await sample(i));
  return times;
}

/** Times an async function in Node. */
export async function timed(work: () => Promise<unknown> | unknown): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}
