import type { ChannelOutput } from '../../../shared/contract/channels.ts';
import type { ExportFormat, ExportOptions } from '../../../shared/export/options.ts';
import type { ScholiaDocument } from '../../../shared/model/document.ts';
import type { Tagset } from '../../../shared/model/tagset.ts';
import type { DocumentsService } from '../library/documents-service.ts';
import type { SettingsService } from '../library/settings-service.ts';
import { exportDocument, type ExportDocumentOptions, type ExportedFile } from './export-document.ts';

/** What an export renders: a document, the codebook it is read with, and who is named as its annotator. */
export interface ExportSource {
  document: ScholiaDocument;
  tagset: Tagset;
  annotator: string;
}

/** Prints report HTML to PDF (the app passes Electron's printToPDF; Chromium through playwright-core otherwise). */
export type PrintPdf = NonNullable<ExportDocumentOptions['printPdf']>;

/**
 * Renders a document with its codebook and annotator in one format: the one export glue, used by
 * `export.render` for a library document and by the CLI for a tag file that carries its own text.
 */
export function renderExport(
  source: ExportSource,
  format: ExportFormat,
  options: ExportOptions = {},
  printPdf?: PrintPdf,
): Promise<ExportedFile> {
  return exportDocument(source.document, source.tagset, format, {
    ...options,
    annotator: source.annotator,
    ...(printPdf ? { printPdf } : {}),
  });
}

/** Exporting a library document (`export.render`): the document and codebook from the library, the annotator from the settings. */
export class ExportService {
  constructor(
    private readonly documents: DocumentsService,
    private readonly settings: SettingsService,
    private readonly printPdf?: PrintPdf,
  ) {}

  async render(documentId: string, format: ExportFormat, options?: ExportOptions): Promise<ChannelOutput<'export.render'>> {
    const { document, tagset } = await this.documents.get(documentId);
    const file = await renderExport({ document, tagset, annotator: this.settings.get().annotatorName }, format, options, this.printPdf);
    return { filename: file.filename, mimeType: file.mimeType, base64: Buffer.from(file.bytes).toString('base64') };
  }
}
