import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { exportTagFile } from '../../shared/export/tag-file-export.ts';
import type { Annotation } from '../../shared/model/annotation.ts';
import type { ScholiaDocument } from '../../shared/model/document.ts';
import type { Tagset } from '../../shared/model/tagset.ts';
import { makeTarget } from '../../shared/text/target.ts';
import type { ReaderPage } from './reader-page.ts';
import type { ScholiaHost } from './scholia-host.ts';

/** The time stamped on every annotation and tag file the review tests build. */
export const STAMP = '2026-02-02T10:00:00.000Z';

/** An annotation of `kind` on the first occurrence of `exact` in `text`. */
export function annotation(
  text: string,
  id: string,
  kind: Annotation['kind'],
  exact: string,
  extra: Record<string, unknown>,
  author: string,
): Annotation {
  const start = text.indexOf(exact);
  if (start < 0) throw new Error(`no "${exact}" in the text`);
  return {
    id,
    kind,
    target: makeTarget(text, start, start + exact.length),
    author,
    created: STAMP,
    modified: STAMP,
    ...extra,
  } as Annotation;
}

/** The host's sample article (the only document of a new library) and the tagset. */
export async function sampleDocument(host: ScholiaHost): Promise<{ document: ScholiaDocument; tagset: Tagset }> {
  const { documents } = (await host.call('library.list', {})) as { documents: { id: string }[] };
  const id = documents[0]?.id;
  if (!id) throw new Error('no sample document');
  return (await host.call('library.get', { id })) as { document: ScholiaDocument; tagset: Tagset };
}

/** Writes a JSON file to a new temporary folder and returns its path. */
export async function writeTempJson(name: string, value: unknown): Promise<string> {
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'scholia-review-')), name);
  await writeFile(file, JSON.stringify(value, null, 2));
  return file;
}

/** A colleague's tag file of `document` holding `annotations`, written to a temporary folder. */
export function writeTagFile(
  name: string,
  document: ScholiaDocument,
  tagset: Tagset,
  annotator: string,
  annotations: Annotation[],
): Promise<string> {
  return writeTempJson(name, exportTagFile({ ...document, annotations, entities: [] }, tagset, { annotator, exportedAt: STAMP }));
}

/** Imports a tag file the way the analyst does: the Review button and the file chooser. */
export async function importTagFile(reader: ReaderPage, file: string): Promise<void> {
  const chooser = reader.page.waitForEvent('filechooser');
  await reader.page.getByRole('button', { name: 'Review tag file…' }).click();
  await (await chooser).setFiles(file);
}
