import { describe, expect, it } from 'vitest';
import { runCrashTest } from '../testing/crash-harness.ts';
import { useTempDirs } from '../testing/temp-dir.ts';

const tempDir = useTempDirs();
const KILLS = Number(process.env.SCHOLIA_CRASH_KILLS ?? 250);

describe('crash safety', () => {
  it(`leaves only whole, valid, announced states after ${KILLS} SIGKILLs at random moments`, async () => {
    const started = Date.now();
    const result = await runCrashTest({
      libraryDir: await tempDir(),
      kills: KILLS,
      seed: 2026,
      onKill: (kill, progress) => {
        if (kill % 50 === 0)
          console.log(`crash test: ${kill} kills, ${progress.filesChecked} files checked, ${progress.problems.length} problems`);
      },
    });
    console.log(
      `crash test: ${result.kills} kills survived (${result.killsDuringOpen} while opening the library), ${result.filesChecked} files parsed and validated, ` +
        `${result.statesAnnounced} states announced, ${result.flushesCompleted} completed flushes checked, ${result.problems.length} problems, ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    expect(result.problems).toEqual([]);
    expect(result.kills).toBe(KILLS);
  });
});
