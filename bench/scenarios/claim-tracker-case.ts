import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openScholia } from '../../electron/services/open-scholia.ts';
import type { ChannelOutput } from '../../shared/contract/channels.ts';
import { makeTarget } from '../../shared/text/target.ts';
import { writeClaimsLibrary } from '../lib/claims-library.ts';
import { generateClaims } from '../lib/generate-claims.ts';
import type { BenchRow } from '../lib/report.ts';
import { median, timed } from '../lib/stats.ts';

/**
 * A new claim annotation applied through `annotations.apply` in a library whose tracker holds
 * `tracked` tracked claims, until the tracker has flagged it (joined, suggested or left alone).
 * Every other new claim repeats a tracked one with its first word dropped.
 */
export async function trackerFlagCase(tracked: number, samples: number, budgetMs: number): Promise<BenchRow> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'scholia-bench-claims-'));
  try {
    const perArticle = 1_000;
    await writeClaimsLibrary(dir, Math.ceil(tracked / perArticle), perArticle);
    const existing = generateClaims(tracked);
    const fresh = generateClaims(samples, 99, 'new-');
    const texts = fresh.map((claim, run) => {
      const repeated = existing[((run + 1) * 7919) % tracked];
      return run % 2 === 1 && repeated ? repeated.text.replace(/^\S+\s/, '') : claim.text;
    });
    const scholia = await openScholia({ libraryDir: dir, debounceMs: 1000 });
    try {
      const { tracker } = scholia.services.claims;
      const loadMs = await timed(() => tracker.ready());
      const imported = await scholia.dispatch('library.importText', { text: texts.map((t) => `${t}.`).join('\n\n'), filename: 'new.txt' });
      if (!imported.ok) throw new Error(imported.error.message);
      const documentId = (imported.value as ChannelOutput<'library.importText'>).id;
      const { text } = await scholia.services.documents.get(documentId).then((answer) => answer.document);
      const times: number[] = [];
      let joined = 0;
      let suggested = 0;
      let from = 0;
      for (const [run, claimText] of texts.entries()) {
        const start = text.indexOf(claimText, from);
        from = start + claimText.length;
        const annotation = {
          id: `bench-new-${run}`,
          kind: 'claim' as const,
          status: 'unverified',
          target: makeTarget(text, start, from),
          author: 'Bench',
          created: new Date().toISOString(),
          modified: new Date().toISOString(),
        };
        const before = tracker.size;
        const pending = tracker.suggestions().length;
        times.push(
          await timed(async () => {
            const applied = await scholia.dispatch('annotations.apply', { documentId, ops: [{ op: 'annotation.add', annotation }] });
            if (!applied.ok) throw new Error(applied.error.message);
            await tracker.ready();
          }),
        );
        if (tracker.size === before) joined += 1;
        if (tracker.suggestions().length > pending) suggested += 1;
      }
      const ms = median(times);
      return {
        scenario: 'claims — a new claim annotation flagged by the tracker',
        case: `${tracked.toLocaleString('en')} tracked claims`,
        medianMs: ms,
        runs: samples,
        pass: ms <= budgetMs,
        note: `annotations.apply and the tracker's flag; ${joined} of ${samples} joined a tracked claim, ${suggested} suggested for one; tracker loaded in ${(loadMs / 1000).toFixed(1)} s; budget ≤ ${budgetMs} ms`,
      };
    } finally {
      await scholia.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
