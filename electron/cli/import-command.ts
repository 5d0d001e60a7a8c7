import { type ImportResult } from '../../shared/contract/import-channels.ts';
import type { ScholiaDocument } from '../../shared/model/document.ts';
import { documentFromSource, type ImportedAs } from '../services/import/import-article.ts';
import { openScholia } from '../services/open-scholia.ts';
import { readImportFile } from '../services/text-file.ts';
import { UsageError } from './usage-error.ts';

const WEB_ADDRESS = /^https?:\/\//iu;

export interface ImportCommandOptions {
  json: boolean;
  /** `--allow-private-network`: web addresses may be on loopback, private or link-local networks. */
  allowPrivateNetwork: boolean;
}

/** Reads and extracts every source before the library is touched, so one bad file or address changes nothing. */
async function readSources(sources: string[], allowPrivateNetwork: boolean): Promise<{ source: string; document: ScholiaDocument; format: ImportedAs }[]> {
  const read = [];
  for (const source of sources) {
    const imported = WEB_ADDRESS.test(source)
      ? await documentFromSource({ kind: 'url', url: source, allowPrivateNetwork })
      : await documentFromSource({ kind: 'file', ...(await readImportFile(source)) });
    read.push({ source, ...imported });
  }
  return read;
}

/** `scholia import FILE|URL…`: text, Markdown, HTML, Word and PDF files, and web pages; prints each document's id. */
export async function importCommand(libraryDir: string, sources: string[], { json, allowPrivateNetwork }: ImportCommandOptions): Promise<void> {
  if (sources.length === 0) throw new UsageError('import needs at least one FILE or URL');
  const read = await readSources(sources, allowPrivateNetwork);
  const scholia = await openScholia({ libraryDir, whenLocked: 'fail', owner: 'scholia import' });
  const results: (ImportResult & { file: string })[] = [];
  try {
    for (const { source, document, format } of read) results.push({ file: source, ...(await scholia.library.addImported(document, format)) });
  } finally {
    await scholia.close();
  }
  if (json) console.log(JSON.stringify(results, null, 2));
  else for (const r of results) console.log(`${r.id}\t${r.title}${r.restoredFromTrash ? '\t(restored from the trash)' : r.duplicate ? '\t(already in the library)' : ''}`);
}
