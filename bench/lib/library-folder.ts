import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { JsonBytesCache } from '../../electron/services/store/json-bytes.ts';
import { STORE_VERSION, summarize, type DocumentFile, type LibraryFile } from '../../electron/services/store/store-files.ts';
import { applyAnnotationOps } from '../../shared/layer/apply-layer-ops.ts';
import type { ScholiaDocument } from '../../shared/model/document.ts';
import { DEFAULT_SETTINGS } from '../../shared/model/settings.ts';
import { DEFAULT_TAGSET } from '../../shared/model/tagset.ts';
import { documentFromRawText } from '../../shared/testing/annotated-sample.ts';
import { generateAnnotationOps, generateArticle } from './generate.ts';

export interface DocumentSize {
  words: number;
  annotations: number;
}

/** A generated article with generated annotations (checked against its text as the store would), as a stored document. */
export function generatedDocument(id: string, size: DocumentSize, seed: number): ScholiaDocument {
  const empty = documentFromRawText(
    generateArticle(size.words, seed).raw,
    `${size.words.toLocaleString('en')} words, ${size.annotations.toLocaleString('en')} annotations`,
    id,
  );
  const layer = applyAnnotationOps(empty.text, DEFAULT_TAGSET, empty, generateAnnotationOps(empty.text, size.annotations, seed + 1));
  return { ...empty, ...layer };
}

/**
 * The bytes of a store file as the store writes it (compact, one record per line). The store's
 * serialiser freezes the records it keeps, so it gets a copy: the bench goes on using its documents.
 */
function storeFileText(value: DocumentFile | LibraryFile): string {
  return new JsonBytesCache().serialize(structuredClone(value)).toString('utf8');
}

/** The bytes of a document's file in the library, as the store writes it. */
export function documentFileText(document: ScholiaDocument): string {
  return storeFileText({ format: 'scholia-document', version: STORE_VERSION, document });
}

/**
 * Writes a library folder straight to disk in the store's format (the index and one file per
 * document): large generated documents need not travel through the API.
 */
export async function writeLibraryFolder(dir: string, documents: readonly ScholiaDocument[]): Promise<void> {
  await mkdir(path.join(dir, 'documents'), { recursive: true });
  for (const document of documents) await writeFile(path.join(dir, 'documents', `${document.id}.json`), documentFileText(document));
  const index: LibraryFile = {
    format: 'scholia-library',
    version: STORE_VERSION,
    documents: documents.map(summarize),
    trash: [],
    tagset: DEFAULT_TAGSET,
    settings: { ...DEFAULT_SETTINGS, annotatorName: 'Bench', profileSet: true },
  };
  await writeFile(path.join(dir, 'library.json'), storeFileText(index));
}
