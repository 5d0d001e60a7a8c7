import { strToU8 } from 'fflate';
import type { CorpusExportFormat } from '../../../shared/contract/corpus-channels.ts';
import { ScholiaError } from '../../../shared/contract/errors.ts';
import { exportCorpusCsv } from '../../../shared/export/corpus/corpus-csv.ts';
import { renderCorpusHtmlReport } from '../../../shared/export/corpus/corpus-html-report.ts';
import { renderCorpusMarkdownReport } from '../../../shared/export/corpus/corpus-markdown-report.ts';
import { buildCorpusReport, type CorpusReportOptions } from '../../../shared/export/corpus/corpus-report-model.ts';
import { assertNotEmpty, type CorpusSelection } from '../../../shared/export/corpus/corpus-selection.ts';
import { exportCorpusTagFiles } from '../../../shared/export/corpus/corpus-tag-files.ts';
import { exportCorpusWebAnnotations } from '../../../shared/export/corpus/corpus-web-annotation.ts';
import { printHtmlToPdf } from './chromium-pdf.ts';
import { renderCorpusDocxReport } from './corpus-docx-report.ts';
import type { ExportedFile } from './export-document.ts';

export const CORPUS_FILE_TYPES: Record<CorpusExportFormat, { suffix: string; mimeType: string }> = {
  csv: { suffix: '.annotations.csv', mimeType: 'text/csv; charset=utf-8' },
  w3c: { suffix: '.annotations.jsonld', mimeType: 'application/ld+json' },
  'tags-zip': { suffix: '.scholia-tags.zip', mimeType: 'application/zip' },
  qdpx: { suffix: '.qdpx', mimeType: 'application/zip' },
  html: { suffix: '.report.html', mimeType: 'text/html; charset=utf-8' },
  pdf: { suffix: '.report.pdf', mimeType: 'application/pdf' },
  md: { suffix: '.report.md', mimeType: 'text/markdown; charset=utf-8' },
  docx: { suffix: '.report.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
};

export interface CorpusExportOptions extends CorpusReportOptions {
  /** Whether the selection is a search's result (the file is named `scholia-search-…`) or the whole library (`scholia-library-…`). */
  searched?: boolean;
  /** The largest file to write (`MAX_CORPUS_EXPORT_BYTES` when left out). */
  maxBytes?: number;
  /** Prints report HTML to PDF; Chromium through playwright-core when left out (the app passes Electron's printToPDF). */
  printPdf?: (html: string, title: string) => Promise<Uint8Array>;
}

/**
 * The largest corpus export: the file travels base64-encoded in one answer, and a JavaScript
 * string holds at most about 512 million characters.
 */
export const MAX_CORPUS_EXPORT_BYTES = 256 * 1024 * 1024;

function tooLarge(maxBytes: number, size?: number): ScholiaError {
  const limit = `${+(maxBytes / (1024 * 1024)).toFixed(2)} MiB`;
  const what = size === undefined ? `more than ${limit}` : `${+(size / (1024 * 1024)).toFixed(2)} MiB, more than ${limit}`;
  return new ScholiaError('bad-request', `This export would be ${what}: export a search of part of the library instead.`);
}

/** The file name of a corpus export: what it holds, the export day and the format's ending. */
export function corpusFilename(format: CorpusExportFormat, exportedAt: string, searched = false): string {
  return `scholia-${searched ? 'search' : 'library'}-${exportedAt.slice(0, 10)}${CORPUS_FILE_TYPES[format].suffix}`;
}

/**
 * Exports a corpus selection in one format: the bytes, a file name and the MIME type. A selection
 * with no annotation is refused, and so is one whose file would pass `MAX_CORPUS_EXPORT_BYTES`.
 */
export async function exportCorpus(
  selection: CorpusSelection,
  format: CorpusExportFormat,
  options: CorpusExportOptions = {},
): Promise<ExportedFile> {
  assertNotEmpty(selection);
  const maxBytes = options.maxBytes ?? MAX_CORPUS_EXPORT_BYTES;
  let bytes: Uint8Array;
  try {
    bytes = await render(selection, format, options);
  } catch (error) {
    // A text past the longest string JavaScript can hold.
    if (error instanceof RangeError && /string length/iu.test(error.message)) throw tooLarge(maxBytes);
    throw error;
  }
  if (bytes.length > maxBytes) throw tooLarge(maxBytes, bytes.length);
  return {
    filename: corpusFilename(format, selection.exportedAt, options.searched),
    mimeType: CORPUS_FILE_TYPES[format].mimeType,
    bytes,
  };
}

async function render(selection: CorpusSelection, format: CorpusExportFormat, options: CorpusExportOptions): Promise<Uint8Array> {
  const reportOptions: CorpusReportOptions = {
    ...(options.title ? { title: options.title } : {}),
    ...(options.scope ? { scope: options.scope } : {}),
  };
  let bytes: Uint8Array;
  switch (format) {
    case 'csv':
      bytes = strToU8(exportCorpusCsv(selection));
      break;
    case 'w3c':
      bytes = strToU8(`${JSON.stringify(exportCorpusWebAnnotations(selection), null, 2)}\n`);
      break;
    case 'tags-zip':
      bytes = await exportCorpusTagFiles(selection);
      break;
    case 'qdpx': {
      // The XML builder loads when a project is exported, not when the services start.
      const { exportQdpx } = await import('../../../shared/export/corpus/refi-qda.ts');
      bytes = await exportQdpx(selection);
      break;
    }
    case 'html':
      bytes = strToU8(renderCorpusHtmlReport(buildCorpusReport(selection, reportOptions)));
      break;
    case 'pdf': {
      const model = buildCorpusReport(selection, reportOptions);
      const html = renderCorpusHtmlReport(model);
      bytes = options.printPdf ? await options.printPdf(html, model.title) : await printHtmlToPdf(html, { footerTitle: model.title });
      break;
    }
    case 'md':
      bytes = strToU8(renderCorpusMarkdownReport(buildCorpusReport(selection, reportOptions)));
      break;
    case 'docx':
      bytes = await renderCorpusDocxReport(buildCorpusReport(selection, reportOptions));
      break;
  }
  return bytes;
}
