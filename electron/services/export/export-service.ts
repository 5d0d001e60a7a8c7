import type { ChannelOutput } from '../../../shared/contract/channels.ts';
import type { ClaimAppearances, ClaimReviewOptions } from '../../../shared/export/claim-review.ts';
import type { ExportFormat, ExportOptions } from '../../../shared/export/options.ts';
import type { ScholiaDocument } from '../../../shared/model/document.ts';
import type { Settings } from '../../../shared/model/settings.ts';
import type { Tagset } from '../../../shared/model/tagset.ts';
import type { DocumentsService } from '../library/documents-service.ts';
import type { SettingsService } from '../library/settings-service.ts';
import type { ClaimsService } from '../claims/claims-service.ts';
import { trackedAppearances } from './claim-appearances.ts';
import { exportDocument, type ExportDocumentOptions, type ExportedFile } from './export-document.ts';

/** What an export renders: a document, the codebook it is read with, who is named as its annotator, and where fact-checks are published. */
export interface ExportSource {
  document: ScholiaDocument;
  tagset: Tagset;
  annotator: string;
  publishing?: ClaimReviewOptions;
  /** Where its claims appeared in other articles of the library (ClaimReview's appearances). */
  claimAppearances?: ClaimAppearances;
}

/** The publishing settings ClaimReview reads. */
export function publishingOf(settings: Settings): ClaimReviewOptions {
  return {
    ...(settings.factCheckUrlBase ? { factCheckUrlBase: settings.factCheckUrlBase } : {}),
    ...(settings.publisherName ? { publisherName: settings.publisherName } : {}),
    ...(settings.publisherUrl ? { publisherUrl: settings.publisherUrl } : {}),
  };
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
    ...(source.publishing ? { publishing: source.publishing } : {}),
    ...(source.claimAppearances ? { claimAppearances: source.claimAppearances } : {}),
    ...(printPdf ? { printPdf } : {}),
  });
}

/** Exporting a library document (`export.render`): the document and codebook from the library, the annotator from the settings. */
export class ExportService {
  constructor(
    private readonly documents: DocumentsService,
    private readonly settings: SettingsService,
    private readonly printPdf?: PrintPdf,
    /** The claim tracker, for the other articles a claim appeared in (ClaimReview). */
    private readonly claims?: ClaimsService,
  ) {}

  async render(documentId: string, format: ExportFormat, options?: ExportOptions): Promise<ChannelOutput<'export.render'>> {
    const { document, tagset } = await this.documents.get(documentId);
    const settings = this.settings.get();
    const claimAppearances =
      format === 'claimreview' && this.claims ? await trackedAppearances(document, this.claims, this.documents) : undefined;
    const source = {
      document,
      tagset,
      annotator: settings.annotatorName,
      publishing: publishingOf(settings),
      ...(claimAppearances ? { claimAppearances } : {}),
    };
    const file = await renderExport(source, format, options, this.printPdf);
    return { filename: file.filename, mimeType: file.mimeType, base64: Buffer.from(file.bytes).toString('base64') };
  }
}
