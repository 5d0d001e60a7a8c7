import type { BatchSource, ImportResult } from '../../shared/contract/import-channels.ts';
import { readImportFile } from '../services/text-file.ts';
import { withLibrary } from './library-client.ts';
import { UsageError } from './usage-error.ts';

const WEB_ADDRESS = /^https?:\/\//iu;

export interface ImportCommandOptions {
  json: boolean;
  /** `--allow-private-network`: web addresses may be on loopback, private or link-local networks. */
  allowPrivateNetwork: boolean;
}

/** Reads every file from disk (a missing, empty or oversized one is refused before the library is opened); web addresses go as they are. */
async function readSources(sources: readonly string[]): Promise<BatchSource[]> {
  const read: BatchSource[] = [];
  for (const source of sources) {
    if (WEB_ADDRESS.test(source)) {
      read.push({ kind: 'url', url: source });
      continue;
    }
    const { name, bytes } = await readImportFile(source);
    read.push({ kind: 'file', filename: name, base64: Buffer.from(bytes).toString('base64') });
  }
  return read;
}

/**
 * `scholia import FILE|URL…`: text, Markdown, HTML, Word and PDF files, Scholia tag files (with
 * their annotations; one for an article already in the library goes to Review), and web pages; prints each
 * document's id. One `library.importBatch`: every source is extracted before any is stored, so one
 * bad file or address changes nothing. Private networks follow `--allow-private-network` (fixed when the
 * library is opened), never the library's setting.
 */
export async function importCommand(
  libraryDir: string,
  sources: string[],
  { json, allowPrivateNetwork }: ImportCommandOptions,
): Promise<void> {
  if (sources.length === 0) throw new UsageError('import needs at least one FILE or URL');
  const batch = await readSources(sources);
  const { results } = await withLibrary({ libraryDir, whenLocked: 'fail', owner: 'scholia import', allowPrivateNetwork }, (api) =>
    api.call('library.importBatch', { sources: batch }),
  );
  const listed: (ImportResult & { file: string })[] = results.map((result, index) => ({ file: sources[index] ?? '', ...result }));
  if (json) console.log(JSON.stringify(listed, null, 2));
  else
    for (const r of listed)
      console.log(
        `${r.id}\t${r.title}${r.reviewId ? `\t(already in the library; the tag file is under Review as ${r.reviewId})` : r.restoredFromTrash ? '\t(restored from the trash)' : r.duplicate ? '\t(already in the library)' : ''}`,
      );
}
