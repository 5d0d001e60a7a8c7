import JSZip from 'jszip';
import type { TagFileV1 } from '../../model/tag-file.ts';
import { fileStem } from '../file-names.ts';
import { exportTagFile } from '../tag-file-export.ts';
import { assertNotEmpty, selectedDocument, type CorpusSelection } from './corpus-selection.ts';

/** Where an article's tag file goes in the zip: `tags/<title stem>-<document id>.json`, unique by the id. */
export function tagFilePath(title: string, documentId: string): string {
  return `tags/${fileStem(title)}-${documentId}.json`;
}

/** The selection's tag files, one per article: each self-contained (its text embedded), with the chosen annotations and the article's entities. */
export function corpusTagFiles(selection: CorpusSelection): { path: string; tagFile: TagFileV1 }[] {
  assertNotEmpty(selection);
  return selection.documents.map((entry) => ({
    path: tagFilePath(entry.document.meta.title, entry.document.id),
    tagFile: exportTagFile(selectedDocument(entry), selection.tagset, { annotator: selection.annotator, exportedAt: selection.exportedAt }),
  }));
}

/** The selection's tag files as one zip (deflated, every entry dated at the export time). */
export async function exportCorpusTagFiles(selection: CorpusSelection): Promise<Uint8Array> {
  const zip = new JSZip();
  const date = new Date(selection.exportedAt);
  for (const { path, tagFile } of corpusTagFiles(selection))
    zip.file(path, `${JSON.stringify(tagFile, null, 2)}\n`, { date, createFolders: false });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
