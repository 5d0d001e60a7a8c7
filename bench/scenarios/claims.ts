import { ClaimMatcher } from '../../shared/claims/matcher.ts';
import { generateClaims } from '../lib/generate-claims.ts';
import { withRatio, type BenchRow } from '../lib/report.ts';
import { trackerFlagCase } from './claim-tracker-case.ts';
import { median, sampleTimes, timed } from '../lib/stats.ts';

/** The budget for flagging a new claim against 100,000 tracked claims, and for adding one. */
const BUDGET_MS = 50;
const TRACKED = 100_000;

/**
 * The claim tracker's matcher (shared/claims) on generated claims: flagging a new claim (its best matches, scored) against
 * 100,000 tracked claims, beside 1,000, and adding one claim to the 100,000. Each run times a different new claim.
 */
export async function claimsScenario(runs: number): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const samples = Math.max(runs, 25);
  const queries = generateClaims(samples + 1, 99, 'new-');
  let small: BenchRow | undefined;
  for (const size of [1_000, TRACKED]) {
    const matcher = new ClaimMatcher();
    const tracked = generateClaims(size);
    const buildStart = performance.now();
    for (const claim of tracked) matcher.add(claim);
    const buildMs = performance.now() - buildStart;
    let flagged = 0;
    // every other new claim repeats a tracked one with its first word dropped
    const newClaim = (run: number) => {
      const repeated = tracked[((run + 1) * 7919) % size];
      return run % 2 === 1 && repeated
        ? { text: repeated.text.replace(/^\S+\s/, ''), entities: repeated.entities ?? [] }
        : (queries[run + 1] ?? { text: '' });
    };
    const flagTimes = await sampleTimes(samples, (run) =>
      timed(() => {
        flagged += matcher.match(newClaim(run)).filter((match) => match.level !== 'none').length;
      }),
    );
    const flag: BenchRow = {
      scenario: 'claims — flag a new claim',
      case: `${size.toLocaleString('en')} tracked`,
      medianMs: median(flagTimes),
      runs: samples,
      note: `${flagged} matches at suggest or above (${Math.floor(samples / 2)} repeats); index built in ${(buildMs / 1000).toFixed(1)} s`,
    };
    if (size === TRACKED) {
      rows.push({
        ...(small ? withRatio(flag, small) : flag),
        pass: flag.medianMs <= BUDGET_MS,
        note: `${flag.note}; budget ≤ ${BUDGET_MS} ms`,
      });
      const addTimes = await sampleTimes(samples, (run) =>
        timed(() => matcher.add({ ...(queries[run + 1] ?? { text: '' }), id: `added-${run}` })),
      );
      rows.push({
        scenario: 'claims — add one claim',
        case: `to ${size.toLocaleString('en')} tracked`,
        medianMs: median(addTimes),
        runs: samples,
        pass: median(addTimes) <= BUDGET_MS,
        note: `budget ≤ ${BUDGET_MS} ms`,
      });
    } else {
      small = flag;
      rows.push(flag);
    }
  }
  rows.push(await trackerFlagCase(TRACKED, samples, BUDGET_MS));
  return rows;
}
