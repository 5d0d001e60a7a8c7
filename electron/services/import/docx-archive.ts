import { unzipSync, type UnzipFileInfo } from 'fflate';
import JSZip from 'jszip';
import { ScholiaError } from '../../../shared/contract/errors.ts';
import { formatSize } from '../../../shared/import/import-formats.ts';

/** The most files a Word document may hold: a long report with its images has a few hundred. */
export const MAX_DOCX_ENTRIES = 2_000;
/** The most a Word document may unpack to, all its files together: four times the text an article may hold, in XML. */
export const MAX_DOCX_UNPACKED_BYTES = 64 * 1024 * 1024;
/** How much bigger than its packed size a file may unpack: Word's XML packs 5 to 20 times, a compression bomb a thousand. */
export const MAX_DOCX_RATIO = 100;
/** Files up to this size may pack better than `MAX_DOCX_RATIO` (a few repeated lines do): they cannot be a bomb. */
const RATIO_FREE_BYTES = 1024 * 1024;

function bomb(name: string, why: string): ScholiaError {
  return new ScholiaError('unsupported-file', `${name} ${why}: it may be a compression bomb, and was not imported.`);
}

/** The files the archive's central directory lists, with their declared sizes; refused past the entry limit. */
function declaredEntries(bytes: Uint8Array, name: string): Map<string, UnzipFileInfo> {
  const entries = new Map<string, UnzipFileInfo>();
  let count = 0;
  try {
    unzipSync(bytes, {
      filter: (file) => {
        count += 1;
        if (count > MAX_DOCX_ENTRIES) throw bomb(name, `holds more than ${MAX_DOCX_ENTRIES.toLocaleString('en')} files`);
        entries.set(file.name, file);
        return false;
      },
    });
  } catch (error) {
    if (error instanceof ScholiaError) throw error;
    throw new ScholiaError(
      'unsupported-file',
      `${name} could not be read as a Word document (${error instanceof Error ? error.message : String(error)}). It may be damaged or cut short.`,
    );
  }
  return entries;
}

function assertDeclaredSizes(entries: Map<string, UnzipFileInfo>, name: string): void {
  const total = [...entries.values()].reduce((sum, entry) => sum + entry.originalSize, 0);
  if (total > MAX_DOCX_UNPACKED_BYTES)
    throw bomb(name, `would unpack to ${formatSize(total)}, more than the ${formatSize(MAX_DOCX_UNPACKED_BYTES)} a Word document may`);
  for (const entry of entries.values()) {
    if (entry.originalSize > RATIO_FREE_BYTES && entry.originalSize > MAX_DOCX_RATIO * Math.max(1, entry.size)) {
      throw bomb(
        name,
        `packs ${entry.name} ${Math.round(entry.originalSize / Math.max(1, entry.size))} times smaller than it is, far more than a Word document does`,
      );
    }
  }
}

/** Inflates one file of the archive as a stream, stopping at `allowed` bytes; resolves to how many it held. */
function inflatedSize(file: JSZip.JSZipObject, allowed: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const stream = file.nodeStream('nodebuffer') as NodeJS.ReadableStream & { destroy(): void };
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > allowed) {
        stream.destroy();
        resolve(size);
      }
    });
    stream.on('end', () => resolve(size));
    stream.on('error', reject);
  });
}

/**
 * Refuses a Word document (a ZIP archive) that would unpack to more than the import can hold, before
 * anything converts it: too many files, a declared size over `MAX_DOCX_UNPACKED_BYTES`, a file packed
 * more than `MAX_DOCX_RATIO` times; then every file is inflated as a stream by JSZip (the reader
 * mammoth uses), counted, and abandoned as soon as it holds more than its declared size or the total
 * passes the limit, so a central directory that lies about sizes costs no more than the limit.
 */
export async function assertDocxWithinLimits(bytes: Uint8Array, name: string): Promise<void> {
  const declared = declaredEntries(bytes, name);
  assertDeclaredSizes(declared, name);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch (error) {
    throw new ScholiaError(
      'unsupported-file',
      `${name} could not be read as a Word document (${error instanceof Error ? error.message : String(error)}). It may be damaged or cut short.`,
    );
  }
  let total = 0;
  for (const file of Object.values(zip.files)) {
    if (file.dir) continue;
    // Both readers list the same central directory; a name they decode differently is held to the total alone.
    const entry = declared.get(file.unsafeOriginalName ?? file.name);
    const remaining = MAX_DOCX_UNPACKED_BYTES - total;
    const allowed = Math.min(remaining, entry?.originalSize ?? remaining);
    // A file that fails to inflate is mammoth's to report, if it reads that file at all.
    const size = await inflatedSize(file, allowed).catch(() => 0);
    if (size > remaining) throw bomb(name, `unpacks to more than the ${formatSize(MAX_DOCX_UNPACKED_BYTES)} a Word document may`);
    if (entry && size > entry.originalSize) throw bomb(name, `holds more in ${file.name} than its table of contents declares`);
    total += size;
  }
}
