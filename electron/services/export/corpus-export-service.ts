import type { ChannelOutput } from '../../../shared/contract/channels.ts';
import { ScholiaError } from '../../../shared/contract/errors.ts';
import type { CorpusExportFormat } from '../../../shared/contract/corpus-channels.ts';
import type { CorpusQuery } from '../../../shared/corpus/corpus-query.ts';
import { formatQueryString } from '../../../shared/corpus/query-string.ts';
import type { CorpusEntry } from '../../../shared/export/corpus/corpus-selection.ts';
import type { SettingsService } from '../library/settings-service.ts';
import type { LibraryStore } from '../store/library-store.ts';
import { exportCorpus } from './corpus-export.ts';
import type { PrintPdf } from './export-service.ts';

/** The articles and annotations a corpus export covers: every annotation of the library, or those a query finds. */
export type SelectCorpus = (query?: CorpusQuery) => Promise<CorpusEntry[]>;

/**
 * Every annotation of every article in the library (not the trash), newest article first (by
 * published date, then import). Documents are read without being kept in the store's memory, and
 * a file that cannot be read is left out, as search does; the library list reports it.
 */
export async function selectWholeLibrary(store: Pick<LibraryStore, 'summaries' | 'peekDocument'>): Promise<CorpusEntry[]> {
  const summaries = [...store.summaries].sort(
    (a, b) => (b.published ?? b.imported).localeCompare(a.published ?? a.imported) || b.imported.localeCompare(a.imported),
  );
  const entries: CorpusEntry[] = [];
  for (const summary of summaries) {
    const document = await store.peekDocument(summary.id);
    if (document) entries.push({ document, annotations: document.annotations });
  }
  return entries;
}

/** What a query selected, in words, for the report's header. */
export function describeScope(query: CorpusQuery | undefined): string {
  const text = query ? formatQueryString(query) : '';
  return text ? `Search: ${text}` : 'Every annotation of the library';
}

/**
 * `corpus.export`: the selection from `selectCorpus`, the codebook and the annotator's name from
 * the settings, rendered in one format and answered as base64 (as `export.render` answers).
 */
export class CorpusExportService {
  constructor(
    private readonly selectCorpus: SelectCorpus,
    private readonly settings: SettingsService,
    private readonly printPdf?: PrintPdf,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async export(format: CorpusExportFormat, query?: CorpusQuery): Promise<ChannelOutput<'corpus.export'>> {
    const documents = await this.selectCorpus(query);
    if (!documents.some((entry) => entry.annotations.length > 0))
      throw new ScholiaError(
        'bad-request',
        query
          ? 'The search found no annotations, so there is nothing to export.'
          : 'The library holds no annotations yet, so there is nothing to export.',
      );
    const selection = {
      documents,
      tagset: this.settings.tagset(),
      exportedAt: this.now().toISOString(),
      annotator: this.settings.get().annotatorName,
    };
    const file = await exportCorpus(selection, format, {
      scope: describeScope(query),
      searched: query !== undefined,
      ...(this.printPdf ? { printPdf: this.printPdf } : {}),
    });
    return { filename: file.filename, mimeType: file.mimeType, base64: Buffer.from(file.bytes).toString('base64') };
  }
}
