import { describe, expect, it } from 'vitest';
import { runCrashTest } from '../testing/crash-harness.ts';
import { useTempDirs } from '../testing/temp-dir.ts';

const tempDir = useTempDirs();

// The full run (200 kills and more) is `npm run test:stress`; this one keeps the harness honest in `npm test`.
describe('crash safety (short run)', () => {
  it('leaves only whole, valid, announced states after a writer is killed at random moments', async () => {
    const result = await runCrashTest({ libraryDir: await tempDir(), kills: 12, seed: 12 });
    expect(result.problems).toEqual([]);
    expect(result.kills).toBe(12);
    expect(result.statesAnnounced).toBeGreaterThan(12);
  }, 120_000);
});
