import { exportDocument } from '../../electron/services/export/export-document.ts';
import { applyAnnotationOps } from '../../shared/layer/apply-layer-ops.ts';
import { DEFAULT_TAGSET } from '../../shared/model/tagset.ts';
import { documentFromRawText } from '../../shared/testing/annotated-sample.ts';
import type { ExportFormat } from '../../shared/export/options.ts';
import { generateAnnotationOps, generateArticle } from '../lib/generate.ts';
import type { BenchRow } from '../lib/report.ts';
import { median, sampleTimes, timed } from '../lib/stats.ts';

const FORMATS: readonly ExportFormat[] = ['html', 'pdf', 'docx'];

/** Report export times on a 50,000-word article with 5,000 annotations (figures for the record; no budget). */
export async function exportScenario(runs: number): Promise<BenchRow[]> {
  const empty = documentFromRawText(generateArticle(50_000, 21).raw, 'Generated article', 'bench');
  const layer = applyAnnotationOps(empty.text, DEFAULT_TAGSET, empty, generateAnnotationOps(empty.text, 5_000, 22));
  const document = { ...empty, ...layer };
  const rows: BenchRow[] = [];
  for (const format of FORMATS) {
    // A PDF takes half a minute (Chromium lays out and prints 50,000 words); one run, its browser start included, keeps the bench within ten minutes.
    const pdf = format === 'pdf';
    let bytes = 0;
    const times = await sampleTimes(
      pdf ? 1 : runs,
      () =>
        timed(async () => {
          bytes = (await exportDocument(document, DEFAULT_TAGSET, format, { annotator: 'Bench' })).bytes.length;
        }),
      pdf ? 0 : 1,
    );
    const count = times.length;
    rows.push({
      scenario: 'export: 50k words, 5k annotations',
      case: format,
      medianMs: median(times),
      runs: count,
      note: `${(bytes / 1_000_000).toFixed(1)} MB`,
    });
  }
  return rows;
}
