import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { openScholia } from '../../electron/services/open-scholia.ts';
import type { ChannelOutput } from '../../shared/contract/channels.ts';
import type { AnnotationOp } from '../../shared/contract/ops.ts';
import { makeTarget } from '../../shared/text/target.ts';
import { writeClaimsLibrary } from '../lib/claims-library.ts';
import { generateClaims } from '../lib/generate-claims.ts';
import type { BenchRow } from '../lib/report.ts';
import { median, timed } from '../lib/stats.ts';

const TRACKED = 20_000;
const IMPORTED = 3_000;
/** How often a call is made while the pass runs, in milliseconds. */
const PROBE_EVERY_MS = 25;

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? 0;
}

/**
 * The tracker's background pass (docs/CLAIMS.md, "Speed of the tracker"): an article bringing
 * 3,000 new claims at once (every other one a tracked claim reworded) into a library of 20,000 tracked
 * claims is grouped at once, and its near
 * matches are looked for afterwards. While that pass runs, `library.list` is called every 25 ms:
 * how long after it was due the host answers it, and how late its event loop runs, is what an analyst feels.
 */
export async function claimTrackerPassScenario(): Promise<BenchRow[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'scholia-bench-pass-'));
  try {
    await writeClaimsLibrary(dir, TRACKED / 1_000, 1_000);
    const scholia = await openScholia({ libraryDir: dir, debounceMs: 1000 });
    try {
      const { tracker } = scholia.services.claims;
      const loadMs = await timed(() => tracker.ready());
      // Every other new claim repeats a tracked one with its first word dropped, as in the flag case: a near match to suggest.
      const existing = generateClaims(TRACKED);
      const texts = generateClaims(IMPORTED, 42, 'pass-').map((claim, run) => {
        const repeated = existing[((run + 1) * 7919) % TRACKED];
        return run % 2 === 1 && repeated ? repeated.text.replace(/^\S+\s/u, '') : claim.text;
      });
      const imported = await scholia.dispatch('library.importText', { text: texts.map((t) => `${t}.`).join('\n\n'), filename: 'pass.txt' });
      if (!imported.ok) throw new Error(imported.error.message);
      const documentId = (imported.value as ChannelOutput<'library.importText'>).id;
      const { text, revision } = (await scholia.services.documents.get(documentId)).document;
      let from = 0;
      const ops: AnnotationOp[] = texts.map((claimText, run) => {
        const start = text.indexOf(claimText, from);
        from = start + claimText.length;
        const now = new Date().toISOString();
        return {
          op: 'annotation.add',
          annotation: {
            id: `pass-${run}`,
            kind: 'claim',
            status: 'unverified',
            target: makeTarget(text, start, from),
            author: 'Bench',
            created: now,
            modified: now,
          },
        };
      });

      const delay = monitorEventLoopDelay({ resolution: 1 });
      const answers: number[] = [];
      let running = true;
      const probing = (async () => {
        // Each call is due PROBE_EVERY_MS after the last answer; it is answered late by however long the host was busy, plus its own time.
        while (running) {
          const due = performance.now() + PROBE_EVERY_MS;
          await new Promise((resolve) => setTimeout(resolve, PROBE_EVERY_MS));
          await scholia.dispatch('library.list', {});
          answers.push(performance.now() - due);
        }
      })();
      delay.enable();
      const passMs = await timed(async () => {
        const applied = await scholia.dispatch('annotations.apply', { documentId, ops, baseRevision: revision });
        if (!applied.ok) throw new Error(applied.error.message);
        await tracker.ready();
      });
      delay.disable();
      running = false;
      await probing;
      const lateP99 = delay.percentile(99) / 1e6;
      const lateMax = delay.max / 1e6;
      return [
        {
          scenario: 'claims — the tracker’s background pass',
          case: `${IMPORTED.toLocaleString('en')} new claims at once, ${TRACKED.toLocaleString('en')} tracked: a call while it runs`,
          medianMs: median(answers),
          runs: answers.length,
          note: `library.list answered ${percentile(answers, 0.99).toFixed(1)} ms after it was due at p99, ${Math.max(...answers).toFixed(1)} ms at most; event loop late by ${lateP99.toFixed(1)} ms at p99, ${lateMax.toFixed(1)} ms at most; the pass took ${(passMs / 1000).toFixed(1)} s (${tracker.suggestions().length} suggestions); tracker loaded in ${(loadMs / 1000).toFixed(1)} s`,
        },
      ];
    } finally {
      await scholia.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
