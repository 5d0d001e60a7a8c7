import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { ScholiaError } from '../../shared/contract/errors.ts';

/**
 * Reads a JSON file someone handed us (a colleague's tag file), refusing it before reading when it is
 * larger than `maxBytes`, so a huge file costs no memory. Missing, oversized and unparsable files
 * are `ScholiaError`s with a one-line message.
 */
export async function readJsonFileInput(file: string, maxBytes: number): Promise<unknown> {
  const name = path.basename(file);
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new ScholiaError('not-found', `${file}: there is no such file`);
  if (info.size > maxBytes)
    throw new ScholiaError(
      'unsupported-file',
      `${name} is ${Math.ceil(info.size / (1024 * 1024))} MiB; a tag file may be at most ${maxBytes / (1024 * 1024)} MiB`,
    );
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new ScholiaError('unsupported-file', `${name} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}
