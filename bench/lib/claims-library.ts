import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CLAIMS_FILE, CLAIMS_VERSION, type ClaimsFile } from '../../electron/services/claims/claims-file.ts';
import { JsonBytesCache } from '../../electron/services/store/json-bytes.ts';
import { STORE_VERSION, summarize, type DocumentFile, type LibraryFile } from '../../electron/services/store/store-files.ts';
import type { Annotation } from '../../shared/model/annotation.ts';
import type { DocumentSummary, ScholiaDocument } from '../../shared/model/document.ts';
import { DEFAULT_SETTINGS } from '../../shared/model/settings.ts';
import { DEFAULT_TAGSET } from '../../shared/model/tagset.ts';
import { documentFromRawText } from '../../shared/testing/annotated-sample.ts';
import { makeTarget } from '../../shared/text/target.ts';
import { generateClaims } from './generate-claims.ts';

const STAMP = '2026-01-31T09:00:00.000Z';

/**
 * Writes a library of `articles` articles straight to disk in the store's format, each made of
 * `perArticle` generated claims (one paragraph each, each a claim annotation), and its `claims.json`
 * with one tracked claim per annotation, as the tracker would have saved it.
 */
export async function writeClaimsLibrary(dir: string, articles: number, perArticle: number): Promise<{ claims: number }> {
  await mkdir(path.join(dir, 'documents'), { recursive: true });
  const claims = generateClaims(articles * perArticle);
  const summaries: DocumentSummary[] = [];
  const tracked: ClaimsFile['tracked'] = [];
  for (let article = 0; article < articles; article += 1) {
    const id = `article-${String(article).padStart(5, '0')}`;
    const own = claims.slice(article * perArticle, (article + 1) * perArticle);
    const empty = documentFromRawText(own.map((claim) => `${claim.text}.`).join('\n\n'), `Generated article ${article}`, id);
    const annotations: Annotation[] = [];
    let from = 0;
    own.forEach((claim, i) => {
      const start = empty.text.indexOf(claim.text, from);
      if (start < 0) return;
      from = start + claim.text.length;
      const annotationId = `${id}-c${i}`;
      annotations.push({
        id: annotationId,
        kind: 'claim',
        status: 'unverified',
        target: makeTarget(empty.text, start, from),
        author: 'Bench',
        created: STAMP,
        modified: STAMP,
      });
      tracked.push({ id: `tracked-${article}-${i}`, text: claim.text, confirmed: false, appearances: [{ documentId: id, annotationId }] });
    });
    const document: ScholiaDocument = { ...empty, annotations };
    const file: DocumentFile = { format: 'scholia-document', version: STORE_VERSION, document };
    await writeFile(path.join(dir, 'documents', `${id}.json`), new JsonBytesCache().serialize(file));
    summaries.push(summarize(document));
  }
  const index: LibraryFile = {
    format: 'scholia-library',
    version: STORE_VERSION,
    documents: summaries,
    trash: [],
    tagset: DEFAULT_TAGSET,
    settings: { ...DEFAULT_SETTINGS, annotatorName: 'Bench', profileSet: true },
  };
  await writeFile(path.join(dir, 'library.json'), new JsonBytesCache().serialize(index));
  const claimsFile: ClaimsFile = { format: 'scholia-claims', version: CLAIMS_VERSION, tracked, suggestions: [], dismissed: [] };
  await writeFile(path.join(dir, CLAIMS_FILE), JSON.stringify(claimsFile));
  return { claims: tracked.length };
}
