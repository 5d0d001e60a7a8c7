import { existsSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CORPUS_EXPORT_FORMATS, CorpusExportFormat } from '../../shared/contract/corpus-channels.ts';
import { ScholiaError } from '../../shared/contract/errors.ts';
import { parseQueryString } from '../../shared/corpus/query-string.ts';
import { exportBrat } from '../../shared/export/brat.ts';
import { EXPORT_FORMATS, ExportFormat, REPORT_SECTIONS, ReportSection, type ExportOptions } from '../../shared/export/options.ts';
import { isValidId } from '../../shared/model/ids.ts';
import { MAX_TAG_FILE_BYTES } from '../../shared/model/tag-file.ts';
import { DEFAULT_TAGSET } from '../../shared/model/tagset.ts';
import { BrowserNotFoundError, findBrowser } from '../services/browser/find-browser.ts';
import { fileStem } from '../../shared/export/file-names.ts';
import { FILE_TYPES, type ExportedFile } from '../services/export/export-document.ts';
import { renderExport, type ExportSource } from '../services/export/export-service.ts';
import { readJsonFileInput } from '../services/json-file-input.ts';
import { documentFromTagFile, readTagFile } from '../services/tag-file-import.ts';
import { withLibrary } from './library-client.ts';
import { UsageError } from './usage-error.ts';

export interface ExportArgs {
  /** Export the whole library (or what `query` finds) as a corpus, instead of one DOC. */
  library?: boolean;
  /** A search in the query-string syntax; with `library` only. */
  query?: string;
  format?: string;
  out?: string;
  sections?: string;
  verdicts?: string;
  noArticle?: boolean;
  noText?: boolean;
  csvRawFormulas?: boolean;
}

/** What is exported: the document with its codebook, and how it is rendered in a format (by the library, or here for a tag file). */
interface Source {
  document: ExportSource['document'];
  tagset: ExportSource['tagset'];
  render(format: ExportFormat, options: ExportOptions): Promise<ExportedFile>;
}

function list(value: string | undefined): string[] | undefined {
  return value === undefined
    ? undefined
    : value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean);
}

/** A tag file with embedded text, read and checked, as a document of its own (not added to any library), rendered as `export.render` renders. */
async function fromTagFile(file: string): Promise<Source> {
  const tagFile = readTagFile(await readJsonFileInput(file, MAX_TAG_FILE_BYTES), file);
  const tagset = tagFile.tagset ?? DEFAULT_TAGSET;
  const source = { document: documentFromTagFile(tagFile, tagset), tagset, annotator: tagFile.annotator.name };
  return { ...source, render: (format, options) => renderExport(source, format, options) };
}

/** A library document, read with `library.get` and rendered by `export.render`, both in one read-only open of the library. */
async function exportFromLibrary<T>(libraryDir: string, id: string, work: (source: Source) => Promise<T>): Promise<T> {
  if (!existsSync(path.join(libraryDir, 'library.json'))) throw new ScholiaError('not-found', `There is no library at ${libraryDir}.`);
  return withLibrary({ libraryDir, access: 'read' }, async (api) => {
    const { document, tagset } = await api.call('library.get', { id });
    return work({
      document,
      tagset,
      render: async (format, options) => {
        const file = await api.call('export.render', { documentId: id, format, options });
        return { filename: file.filename, mimeType: file.mimeType, bytes: Buffer.from(file.base64, 'base64') };
      },
    });
  });
}

function findBrowserOrFail(): void {
  try {
    findBrowser();
  } catch (error) {
    if (error instanceof BrowserNotFoundError)
      throw new ScholiaError('internal', `PDF export needs a browser to print with. ${error.message}`);
    throw error;
  }
}

function isFolder(file: string): boolean {
  return existsSync(file) && statSync(file).isDirectory();
}

/** brat writes two files side by side: PATH.txt and PATH.ann (a `.txt` or `.ann` on PATH is dropped first); PATH.zip gets the zip. */
export function bratPaths(out: string): { txt: string; ann: string } {
  const base = out.replace(/\.(ann|txt)$/u, '');
  return { txt: `${base}.txt`, ann: `${base}.ann` };
}

/** `scholia export DOC --format F --out PATH`: DOC is a document id in the library, or a tag file that embeds its text. `--library` exports the corpus instead. */
export async function exportCommand(libraryDir: string, positionals: string[], args: ExportArgs): Promise<void> {
  if (args.library) return exportLibrary(libraryDir, positionals, args);
  if (args.query !== undefined) throw new UsageError('--query selects what export --library writes; it needs --library');
  const [doc, ...extra] = positionals;
  if (!doc || extra.length > 0) throw new UsageError('export needs exactly one DOC: a document id or a tag file');
  const format = ExportFormat.safeParse(args.format);
  if (!format.success) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}`);
  if (!args.out) throw new UsageError('export needs --out PATH');
  const sections = list(args.sections);
  const badSection = sections?.find((s) => !ReportSection.safeParse(s).success);
  if (badSection) throw new UsageError(`--sections takes ${REPORT_SECTIONS.join(', ')}, not "${badSection}"`);
  const options: ExportOptions = {
    ...(sections ? { sections: sections as ReportSection[] } : {}),
    ...(args.verdicts !== undefined ? { verdicts: list(args.verdicts) ?? [] } : {}),
    ...(args.noArticle ? { includeArticle: false } : {}),
    ...(args.noText ? { embedText: false } : {}),
    ...(args.csvRawFormulas ? { csvRawFormulas: true } : {}),
  };

  // PDF needs a browser to print with: without one, stop now with the one line that says what to install.
  if (format.data === 'pdf') findBrowserOrFail();
  const isFile = existsSync(doc) && statSync(doc).isFile();
  if (!isFile && !isValidId(doc)) throw new ScholiaError('not-found', `${doc} is neither a file nor a document id.`);
  const out = args.out;
  const write = (source: Source) => writeExport(source, format.data, options, out);
  if (isFile) await write(await fromTagFile(doc));
  else await exportFromLibrary(libraryDir, doc, write);
}

/** Checks the verdicts against the document's codebook, then writes the file (brat: two files unless PATH ends in .zip) and prints where. */
async function writeExport(source: Source, format: ExportFormat, options: ExportOptions, outArg: string): Promise<void> {
  const unknownVerdict = options.verdicts?.find((v) => !source.tagset.verdicts.some((known) => known.id === v));
  if (unknownVerdict)
    throw new UsageError(`--verdicts: "${unknownVerdict}" is not a verdict (${source.tagset.verdicts.map((v) => v.id).join(', ')})`);

  // An existing folder takes the file under the name the app would give it.
  const intoFolder = isFolder(outArg);
  const stem = fileStem(source.document.meta.title);
  const out = intoFolder
    ? path.join(path.resolve(outArg), format === 'brat' ? stem : `${stem}${FILE_TYPES[format].suffix}`)
    : path.resolve(outArg);
  await mkdir(path.dirname(out), { recursive: true });
  if (format === 'brat' && !out.endsWith('.zip')) {
    const files = exportBrat(source.document, source.tagset);
    const paths = bratPaths(out);
    await writeFile(paths.txt, files.txt);
    await writeFile(paths.ann, files.ann);
    console.log(paths.txt);
    console.log(paths.ann);
    return;
  }
  const file = await source.render(format, options);
  await writeFile(out, file.bytes);
  console.log(out);
}

/**
 * `scholia export --library [--query Q] --format F --out PATH`: the whole library, or what the
 * search finds, as one file, answered by `corpus.export` over a read-only open of the library.
 */
async function exportLibrary(libraryDir: string, positionals: string[], args: ExportArgs): Promise<void> {
  if (positionals.length > 0) throw new UsageError(`export --library writes the whole library; it takes no DOC (got "${positionals[0]}")`);
  const format = CorpusExportFormat.safeParse(args.format);
  if (!format.success) throw new UsageError(`export --library: --format must be one of ${CORPUS_EXPORT_FORMATS.join(', ')}`);
  if (!args.out) throw new UsageError('export --library needs --out PATH');
  const documentOnly = [
    args.sections !== undefined && '--sections',
    args.verdicts !== undefined && '--verdicts',
    args.noArticle && '--no-article',
    args.noText && '--no-text',
    args.csvRawFormulas && '--csv-raw-formulas',
  ].filter(Boolean);
  if (documentOnly.length > 0)
    throw new UsageError(`${documentOnly.join(', ')} shape the export of one document; export --library takes --query instead`);
  // A broken query is refused here, with the parser's message, before the library is opened.
  const query = args.query === undefined ? undefined : parseQueryString(args.query);
  if (format.data === 'pdf') findBrowserOrFail();
  if (!existsSync(path.join(libraryDir, 'library.json'))) throw new ScholiaError('not-found', `There is no library at ${libraryDir}.`);
  const file = await withLibrary({ libraryDir, access: 'read' }, (api) =>
    api.call('corpus.export', { format: format.data, ...(query ? { query } : {}) }),
  );
  const out = isFolder(args.out) ? path.join(path.resolve(args.out), file.filename) : path.resolve(args.out);
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, Buffer.from(file.base64, 'base64'));
  console.log(out);
}
