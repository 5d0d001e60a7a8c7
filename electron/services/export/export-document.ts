import { strToU8, zipSync } from 'fflate';
import { exportBrat } from '../../../shared/export/brat.ts';
import { exportClaimReviews, type ClaimAppearances, type ClaimReviewOptions } from '../../../shared/export/claim-review.ts';
import { exportConll } from '../../../shared/export/conll.ts';
import { fileStem } from '../../../shared/export/file-names.ts';
import { exportCsv } from '../../../shared/export/csv.ts';
import { renderHtmlReport } from '../../../shared/export/html-report.ts';
import { renderMarkdownReport } from '../../../shared/export/markdown-report.ts';
import type { ExportFormat, ExportOptions } from '../../../shared/export/options.ts';
import { buildReport } from '../../../shared/export/report-model.ts';
import { exportTagFile } from '../../../shared/export/tag-file-export.ts';
import { exportWebAnnotations } from '../../../shared/export/web-annotation.ts';
import type { ScholiaDocument } from '../../../shared/model/document.ts';
import type { Tagset } from '../../../shared/model/tagset.ts';
import { renderDocxReport } from './docx-report.ts';
import { printHtmlToPdf } from './chromium-pdf.ts';

/** One exported file. */
export interface ExportedFile {
  filename: string;
  mimeType: string;
  bytes: Uint8Array;
}

export interface ExportDocumentOptions extends ExportOptions {
  /** The person exporting: the tag file's annotator, listed among the report's annotators. */
  annotator?: string;
  /** The export time; now when left out. */
  now?: Date;
  /** Where and by whom fact-checks are published (the settings), for ClaimReview; refused without them. */
  publishing?: ClaimReviewOptions;
  /** Where the claims appeared in other articles (the claim tracker), for ClaimReview's appearances. */
  claimAppearances?: ClaimAppearances;
  /** Prints report HTML to PDF; Chromium through playwright-core when left out (the app passes Electron's printToPDF). */
  printPdf?: (html: string, title: string) => Promise<Uint8Array>;
}

export const FILE_TYPES: Record<ExportFormat, { suffix: string; mimeType: string }> = {
  html: { suffix: '.html', mimeType: 'text/html; charset=utf-8' },
  pdf: { suffix: '.pdf', mimeType: 'application/pdf' },
  md: { suffix: '.md', mimeType: 'text/markdown; charset=utf-8' },
  docx: { suffix: '.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  tags: { suffix: '.scholia-tags.json', mimeType: 'application/json' },
  w3c: { suffix: '.annotations.jsonld', mimeType: 'application/ld+json' },
  csv: { suffix: '.annotations.csv', mimeType: 'text/csv; charset=utf-8' },
  claimreview: { suffix: '.claimreview.jsonld', mimeType: 'application/ld+json' },
  brat: { suffix: '.brat.zip', mimeType: 'application/zip' },
  conll: { suffix: '.conll', mimeType: 'text/plain; charset=utf-8' },
};

function json(value: unknown): Uint8Array {
  return strToU8(`${JSON.stringify(value, null, 2)}\n`);
}

/**
 * Exports a document in one format: the bytes, a file name made from its title, and the MIME
 * type. brat's two files (`.txt`, `.ann`) and an `annotation.conf` come as one zip.
 */
export async function exportDocument(
  document: ScholiaDocument,
  tagset: Tagset,
  format: ExportFormat,
  options: ExportDocumentOptions = {},
): Promise<ExportedFile> {
  const now = (options.now ?? new Date()).toISOString();
  const annotator = options.annotator ?? 'Analyst';
  const stem = fileStem(document.meta.title);
  const reportOf = () => buildReport(document, tagset, { ...options, generatedAt: now, annotator });
  let bytes: Uint8Array;
  switch (format) {
    case 'html':
      bytes = strToU8(renderHtmlReport(reportOf()));
      break;
    case 'pdf': {
      const html = renderHtmlReport(reportOf());
      bytes = options.printPdf
        ? await options.printPdf(html, document.meta.title)
        : await printHtmlToPdf(html, { footerTitle: document.meta.title });
      break;
    }
    case 'md':
      bytes = strToU8(renderMarkdownReport(reportOf()));
      break;
    case 'docx':
      bytes = await renderDocxReport(reportOf());
      break;
    case 'tags':
      bytes = json(
        exportTagFile(document, tagset, {
          annotator,
          exportedAt: now,
          ...(options.embedText === undefined ? {} : { embedText: options.embedText }),
        }),
      );
      break;
    case 'w3c':
      bytes = json(exportWebAnnotations(document, tagset));
      break;
    case 'csv':
      bytes = strToU8(exportCsv(document, tagset, { rawFormulas: options.csvRawFormulas === true }));
      break;
    case 'claimreview':
      bytes = json(exportClaimReviews(document, tagset, options.publishing ?? {}, options.claimAppearances));
      break;
    case 'brat': {
      const files = exportBrat(document, tagset);
      const mtime = options.now ?? new Date();
      bytes = zipSync({
        [`${stem}/${stem}.txt`]: [strToU8(files.txt), { mtime }],
        [`${stem}/${stem}.ann`]: [strToU8(files.ann), { mtime }],
        [`${stem}/annotation.conf`]: [strToU8(files.conf), { mtime }],
      });
      break;
    }
    case 'conll':
      bytes = strToU8(exportConll(document));
      break;
  }
  return { filename: `${stem}${FILE_TYPES[format].suffix}`, mimeType: FILE_TYPES[format].mimeType, bytes };
}
