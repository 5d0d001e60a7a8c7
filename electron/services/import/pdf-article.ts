import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import { ScholiaError } from '../../../shared/contract/errors.ts';
import { pdfBlocks, type PdfPage, type PdfTextRun } from '../../../shared/import/pdf-paragraphs.ts';
import type { DocumentMeta } from '../../../shared/model/document.ts';
import { languageTag } from './html-metadata.ts';
import { titleFromLeadingHeading, type ExtractedArticle } from './extracted-article.ts';

type PdfJs = typeof PdfJsModule;
type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

/** Fewer letters than this on every page together, and the PDF is taken to be scanned images. */
const MIN_TEXT_CHARACTERS = 20;

/**
 * pdf.js's legacy build (the one made for Node), loaded on the first PDF, with its worker code run
 * in this thread: handed over as `globalThis.pdfjsWorker`, so no worker file is looked up at run time
 * (which a bundled main process could not find).
 */
async function loadPdfJs(): Promise<PdfJs> {
  const [pdfjs, worker] = await Promise.all([import('pdfjs-dist/legacy/build/pdf.mjs'), import('pdfjs-dist/legacy/build/pdf.worker.mjs')]);
  (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
  return pdfjs;
}

async function pageOf(pdf: PdfDocument, number: number): Promise<PdfPage> {
  const page = await pdf.getPage(number);
  const [left = 0, bottom = 0, right = 0, top = 0] = page.view;
  const content = await page.getTextContent();
  const runs: PdfTextRun[] = [];
  for (const item of content.items) {
    if (!('str' in item)) continue;
    const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = item.transform as number[];
    const size = Math.hypot(c, d) || Math.hypot(a, b) || item.height;
    runs.push({ text: item.str, x: e - left, baseline: top - f, width: item.width, size });
  }
  page.cleanup();
  return { width: right - left, height: top - bottom, runs };
}

async function pdfMetadata(pdf: PdfDocument): Promise<Partial<DocumentMeta>> {
  const { info } = (await pdf.getMetadata().catch(() => ({ info: {} }))) as { info: Record<string, unknown> };
  const text = (key: string) =>
    typeof info[key] === 'string' && (info[key] as string).trim() !== '' ? (info[key] as string).trim() : undefined;
  const title = text('Title');
  const author = text('Author');
  // The creation date is when the file was made (often printed from a page), not when the article was published.
  const language = languageTag(text('Lang'));
  return { ...(title ? { title } : {}), ...(author ? { author } : {}), ...(language ? { language } : {}) };
}

function refusal(name: string, error: unknown): ScholiaError {
  const kind = error instanceof Error ? error.name : '';
  if (kind === 'PasswordException')
    return new ScholiaError('unsupported-file', `${name} is protected by a password; save an unprotected copy and import that.`);
  return new ScholiaError(
    'unsupported-file',
    `${name} could not be read as a PDF (${error instanceof Error ? error.message : String(error)}). It may be damaged or cut short.`,
  );
}

/**
 * A PDF with a text layer: its text read by pdf.js page by page, paragraphs rebuilt from the lines
 * (see `pdfBlocks`), its title, author and date from the document info. A PDF with no text (scanned
 * pages) is refused: it needs OCR first.
 */
export async function articleFromPdf(bytes: Uint8Array, name: string): Promise<ExtractedArticle> {
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
    stopAtErrors: false,
  });
  let pdf: PdfDocument;
  try {
    pdf = await task.promise;
  } catch (error) {
    await task.destroy();
    throw refusal(name, error);
  }
  try {
    const pages: PdfPage[] = [];
    for (let number = 1; number <= pdf.numPages; number += 1) pages.push(await pageOf(pdf, number));
    const letters = pages.reduce((sum, page) => sum + page.runs.reduce((count, run) => count + run.text.replace(/\s/gu, '').length, 0), 0);
    if (letters < MIN_TEXT_CHARACTERS) {
      throw new ScholiaError(
        'unsupported-file',
        `${name} has no text layer (its pages are images, as in a scan). Run it through OCR first, then import the result.`,
      );
    }
    const meta = await pdfMetadata(pdf);
    return titleFromLeadingHeading({ meta, blocks: pdfBlocks(pages) });
  } catch (error) {
    throw error instanceof ScholiaError ? error : refusal(name, error);
  } finally {
    await pdf.destroy();
  }
}
