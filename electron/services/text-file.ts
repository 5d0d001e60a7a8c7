import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { MAX_TEXT_LENGTH } from '../../shared/contract/channels.ts';
import { ScholiaError } from '../../shared/contract/errors.ts';
import { MAX_IMPORT_FILE_BYTES, tooLargeMessage } from '../../shared/import/import-formats.ts';

/** Control characters that never appear in real text files (everything below 0x20 but tab, newlines and form feed). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const BINARY_CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f]/u;

/** The largest file read at all: UTF-8 needs at most three bytes per UTF-16 code unit. */
export const MAX_IMPORT_BYTES = MAX_TEXT_LENGTH * 3;

/** Refuses a file that is empty or holds binary data, whatever its text encoding (an HTML page's charset is its own). */
export function assertTextBytes(bytes: Uint8Array, name: string): void {
  const text = new TextDecoder('latin1').decode(bytes);
  if (BINARY_CONTROL.test(text)) throw new ScholiaError('unsupported-file', `${name} is a binary file, not text.`);
  if (text.trim() === '') throw new ScholiaError('unsupported-file', `${name} is empty.`);
}

/** Decodes a file's bytes as UTF-8 text, refusing binary, non-UTF-8, oversized and empty content with a clear message. */
export function decodeTextFile(bytes: Uint8Array, name: string): string {
  if (bytes.byteLength > MAX_IMPORT_BYTES)
    throw new ScholiaError('unsupported-file', `${name} is larger than ${MAX_IMPORT_BYTES / 1_000_000} MB.`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ScholiaError('unsupported-file', `${name} is not UTF-8 text; save it as UTF-8 and import it again.`);
  }
  if (BINARY_CONTROL.test(text)) throw new ScholiaError('unsupported-file', `${name} is a binary file, not text.`);
  if (text.trim() === '') throw new ScholiaError('unsupported-file', `${name} is empty.`);
  return text;
}

/** Reads an article file from disk as text (see `decodeTextFile`). */
export async function readTextFile(file: string): Promise<string> {
  const name = path.basename(file);
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new ScholiaError('not-found', `${file} is not a file.`);
  if (info.size > MAX_IMPORT_BYTES)
    throw new ScholiaError('unsupported-file', `${name} is larger than ${MAX_IMPORT_BYTES / 1_000_000} MB.`);
  return decodeTextFile(await readFile(file), name);
}

/** Reads a file to import, of any accepted type, refusing a missing, empty or oversized one before reading it. */
export async function readImportFile(file: string): Promise<{ name: string; bytes: Uint8Array }> {
  const name = path.basename(file);
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new ScholiaError('not-found', `${file} is not a file.`);
  if (info.size > MAX_IMPORT_FILE_BYTES) throw new ScholiaError('unsupported-file', tooLargeMessage(name, info.size));
  if (info.size === 0) throw new ScholiaError('unsupported-file', `${name} is empty.`);
  return { name, bytes: await readFile(file) };
}
