import { DEFAULT_TAGSET } from '../../shared/model/tagset.ts';
import { suggestDocument } from '../../shared/suggest/suggest-document.ts';
import { documentFromRawText } from '../../shared/testing/annotated-sample.ts';
import { generateArticle } from '../lib/generate.ts';
import type { BenchRow } from '../lib/report.ts';
import { median, sampleTimes, timed } from '../lib/stats.ts';

/** Suggesting entities, quotes and claims on articles of growing length (figures for the record; no budget). */
export async function suggestScenario(runs: number): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const words of [1_000, 10_000]) {
    const document = documentFromRawText(generateArticle(words, 31).raw, 'Generated article', 'bench');
    const count = words > 1_000 ? Math.min(runs, 3) : runs;
    let suggestions = 0;
    const times = await sampleTimes(count, () =>
      timed(() => {
        suggestions = suggestDocument(document, DEFAULT_TAGSET).suggestions.length;
      }),
    );
    rows.push({
      scenario: 'suggest (warm, in the services)',
      case: `${words.toLocaleString('en')} words`,
      medianMs: median(times),
      runs: count,
      note: `${suggestions} suggestions`,
    });
  }
  return rows;
}
