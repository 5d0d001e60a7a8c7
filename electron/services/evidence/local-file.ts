import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { ScholiaError } from '../../../shared/contract/errors.ts';

/** What a local file is now: its SHA-256 and size, read in a stream (a large PDF is never held whole). */
export interface FileDigest {
  sha256: string;
  size: number;
}

/** The digest of a regular file at an absolute path; `bad-request` for a relative path, `not-found` for no such file. */
export async function digestLocalFile(file: string): Promise<FileDigest> {
  if (!path.isAbsolute(file)) throw new ScholiaError('bad-request', `Give the file's full path, not "${file}".`);
  const info = await stat(file).catch(() => undefined);
  if (!info) throw new ScholiaError('not-found', `There is no file at ${file}.`);
  if (!info.isFile()) throw new ScholiaError('bad-request', `${file} is not a file.`);
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).byteLength;
  }
  return { sha256: hash.digest('hex'), size };
}
