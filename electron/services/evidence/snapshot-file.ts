import { createHash, randomBytes } from 'node:crypto';
import { lstat, mkdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { ScholiaError } from '../../../shared/contract/errors.ts';
import { SnapshotId, type EvidenceSnapshot } from '../../../shared/model/annotation.ts';
import { ReaderDoc } from '../../../shared/model/content.ts';
import { IsoDateTime } from '../../../shared/model/ids.ts';
import { FOLDER_MODE, readLibraryFile, SymbolicLinkError, writeFileDurably } from '../store/durable-file.ts';

/** The library folder that holds snapshots: `evidence/<id>.json`. */
export const EVIDENCE_FOLDER = 'evidence';

/** What the analyst reads when a snapshot's bytes no longer hash to the SHA-256 recorded when it was stored. */
export const SNAPSHOT_CHANGED = 'This snapshot was changed on disk (its SHA-256 no longer matches); it is not shown.';

/** A stored snapshot: the sanitised page in the reader's schema, and where and when it was fetched. */
export const SnapshotFile = z.object({
  format: z.literal('scholia-snapshot'),
  version: z.literal(1),
  id: SnapshotId,
  /** The link as the analyst gave it, and where the page was found after redirects. */
  url: z.string().max(8192),
  finalUrl: z.string().max(8192),
  fetched: IsoDateTime,
  contentType: z.string().max(200),
  title: z.string().max(1000),
  content: ReaderDoc,
  text: z.string(),
});
export type SnapshotFile = z.infer<typeof SnapshotFile>;

export function newSnapshotId(): string {
  return randomBytes(16).toString('hex');
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Where a snapshot lives; the id is checked first, as it becomes a file name. */
export function snapshotPath(libraryDir: string, id: string): string {
  if (!SnapshotId.safeParse(id).success) throw new ScholiaError('bad-request', `"${id}" is not a snapshot id.`);
  return path.join(libraryDir, EVIDENCE_FOLDER, `${id}.json`);
}

/** Makes `evidence/` (0700), refusing one that is a symbolic link: a snapshot would land wherever it points. */
async function evidenceFolder(libraryDir: string): Promise<string> {
  const folder = path.join(libraryDir, EVIDENCE_FOLDER);
  const info = await lstat(folder).catch(() => undefined);
  if (info?.isSymbolicLink())
    throw new ScholiaError('forbidden', `${folder} is a symbolic link; Scholia does not follow links inside its library.`);
  if (!info) await mkdir(folder, { mode: FOLDER_MODE });
  return folder;
}

/**
 * Writes a snapshot durably (temporary file, fsync, rename, folder fsync) and answers its record:
 * the SHA-256 and size are of the very bytes written.
 */
export async function writeSnapshot(libraryDir: string, snapshot: SnapshotFile): Promise<EvidenceSnapshot> {
  await evidenceFolder(libraryDir);
  const bytes = Buffer.from(`${JSON.stringify(snapshot)}\n`, 'utf8');
  await writeFileDurably(snapshotPath(libraryDir, snapshot.id), bytes);
  return {
    id: snapshot.id,
    sha256: sha256Of(bytes),
    fetched: snapshot.fetched,
    size: bytes.byteLength,
    finalUrl: snapshot.finalUrl,
    contentType: snapshot.contentType,
  };
}

/** Takes a snapshot back out of the library (a write that could not be recorded). */
export async function removeSnapshot(libraryDir: string, id: string): Promise<void> {
  await unlink(snapshotPath(libraryDir, id)).catch(() => undefined);
}

/**
 * Reads a snapshot back and checks it against its record: a missing file is `not-found`, bytes that
 * no longer hash to the recorded SHA-256 a `conflict` (`SNAPSHOT_CHANGED`), never shown.
 */
export async function readSnapshot(libraryDir: string, record: EvidenceSnapshot): Promise<SnapshotFile> {
  const file = snapshotPath(libraryDir, record.id);
  let text: string;
  try {
    text = await readLibraryFile(file);
  } catch (error) {
    if (error instanceof SymbolicLinkError) throw new ScholiaError('forbidden', error.message);
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new ScholiaError('not-found', `The snapshot of this source is missing from the library (evidence/${record.id}.json).`);
    throw error;
  }
  if (sha256Of(Buffer.from(text, 'utf8')) !== record.sha256) throw new ScholiaError('conflict', SNAPSHOT_CHANGED);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ScholiaError('conflict', SNAPSHOT_CHANGED);
  }
  const parsed = SnapshotFile.safeParse(json);
  if (!parsed.success || parsed.data.id !== record.id) throw new ScholiaError('conflict', SNAPSHOT_CHANGED);
  return parsed.data;
}
