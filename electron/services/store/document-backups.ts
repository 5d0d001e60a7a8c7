import { constants } from 'node:fs';
import { copyFile, link, lstat, mkdir, readdir, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { DocumentVersion } from '../../../shared/contract/channels.ts';
import { ScholiaError } from '../../../shared/contract/errors.ts';
import type { ScholiaDocument } from '../../../shared/model/document.ts';
import { isValidId } from '../../../shared/model/ids.ts';
import { FOLDER_MODE, isTempName, readLibraryFile, syncDirectory, SymbolicLinkError, tempPathOf } from './durable-file.ts';
import { countAnnotations, DocumentFile, STORE_VERSION } from './store-files.ts';

export interface BackupPolicy {
  /** How many previous saves of each document are kept. */
  saves: number;
  /** How many days keep their last save. */
  days: number;
}

export const DEFAULT_BACKUP_POLICY: BackupPolicy = { saves: 10, days: 30 };

/** `r000012-20260131T090000123Z`: revision 12, last changed at that instant (UTC). */
const SAVE_NAME = /^r(\d{6,12})-(\d{8}T\d{9}Z)\.json$/u;
/** `daily-2026-01-31`: the last save of that local day. */
const DAILY_NAME = /^daily-(\d{4}-\d{2}-\d{2})\.json$/u;

function compactInstant(iso: string): string {
  return new Date(iso).toISOString().replace(/[-:.]/gu, '');
}

function localDay(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * A hard link (free: the replaced file's bytes stay where they are), or a copy where links are not
 * possible. Neither goes through a link planted at `to`: `link` and the exclusive copy fail on
 * any name already there, which is then left as it is.
 */
async function keepCopy(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EXDEV' && code !== 'EMLINK') throw error;
    await copyFile(from, to, constants.COPYFILE_EXCL).catch((copyError: unknown) => {
      if ((copyError as NodeJS.ErrnoException).code !== 'EEXIST') throw copyError;
    });
  }
}

/** Throws `SymbolicLinkError` for a path that is a symbolic link (a planted one: the store never makes any). */
async function assertNotLink(file: string): Promise<void> {
  if ((await lstat(file)).isSymbolicLink()) throw new SymbolicLinkError(file);
}

/**
 * Previous versions of each document, in `<library>/backups/<id>/`: the last `saves` states a save
 * replaced (`r<revision>-<instant>.json`), and for each of the last `days` days the last state of
 * that day (`daily-<date>.json`). A version is kept just before a save replaces it, as a hard link
 * of the replaced file, so keeping it writes no document bytes.
 */
export class DocumentBackups {
  constructor(
    readonly libraryDir: string,
    readonly policy: BackupPolicy = DEFAULT_BACKUP_POLICY,
  ) {}

  dirOf(id: string): string {
    if (!isValidId(id)) throw new ScholiaError('bad-request', `"${id}" is not a valid document id`);
    return path.join(this.libraryDir, 'backups', id);
  }

  /**
   * Keeps `file`, which holds `previous`, as a version before a save replaces it. Refuses
   * (`SymbolicLinkError`) when the file or the document's backup folder is a symbolic link, so a
   * planted link neither becomes a backup nor sends backups elsewhere.
   */
  async keep(file: string, previous: ScholiaDocument): Promise<void> {
    const dir = this.dirOf(previous.id);
    await assertNotLink(file);
    await mkdir(dir, { recursive: true, mode: FOLDER_MODE });
    await assertNotLink(dir);
    const revision = String(previous.revision).padStart(6, '0');
    await keepCopy(file, path.join(dir, `r${revision}-${compactInstant(previous.modified)}.json`));
    const daily = path.join(dir, `daily-${localDay(previous.modified)}.json`);
    const temp = tempPathOf(daily);
    await keepCopy(file, temp);
    await rename(temp, daily);
    // rename() leaves both names when they already were links of one file.
    await unlink(temp).catch(() => undefined);
    await this.prune(dir);
    await syncDirectory(dir);
  }

  /** Deletes the versions beyond the policy, and any temporary file a killed save left here. */
  private async prune(dir: string): Promise<void> {
    const names = await readdir(dir);
    const leftovers = names.filter(isTempName);
    const revisionOf = (name: string) => Number(SAVE_NAME.exec(name)?.[1]);
    const saves = names.filter((name) => SAVE_NAME.test(name)).sort((a, b) => revisionOf(a) - revisionOf(b) || a.localeCompare(b));
    const days = names.filter((name) => DAILY_NAME.test(name)).sort();
    const surplus = [
      ...saves.slice(0, Math.max(0, saves.length - this.policy.saves)),
      ...days.slice(0, Math.max(0, days.length - this.policy.days)),
    ];
    await Promise.all([...surplus, ...leftovers].map((name) => unlink(path.join(dir, name)).catch(() => undefined)));
  }

  /** The readable versions of a document, newest first; one state kept under two names is listed once. */
  async list(id: string): Promise<DocumentVersion[]> {
    const dir = this.dirOf(id);
    const names = await readdir(dir).catch(() => [] as string[]);
    const found = new Map<string, DocumentVersion>();
    // Saves first, so a state kept both as a save and as a day's copy goes by the save's id.
    const ordered = [...names.filter((name) => SAVE_NAME.test(name)), ...names.filter((name) => DAILY_NAME.test(name))];
    for (const name of ordered) {
      const document = await this.readVersionFile(path.join(dir, name)).catch(() => null);
      if (!document || document.id !== id) continue;
      const key = `${document.revision}@${document.modified}`;
      const kind = name.startsWith('daily-') ? 'daily' : 'save';
      const existing = found.get(key);
      if (existing) {
        if (!existing.kinds.includes(kind)) existing.kinds.push(kind);
        continue;
      }
      found.set(key, {
        id: name.slice(0, -'.json'.length),
        savedAt: document.modified,
        revision: document.revision,
        counts: countAnnotations(document),
        kinds: [kind],
      });
    }
    return [...found.values()].sort((a, b) => b.savedAt.localeCompare(a.savedAt) || b.revision - a.revision);
  }

  /** The document as one version holds it; `not-found` for a version that is not there or not readable. */
  async read(id: string, versionId: string): Promise<ScholiaDocument> {
    // A version id is a backup's file name without `.json`: checked against the contract's pattern before it names a file.
    if (!DocumentVersion.shape.id.safeParse(versionId).success) throw new ScholiaError('bad-request', `"${versionId}" is not a version id`);
    const file = path.join(this.dirOf(id), `${versionId}.json`);
    let document: ScholiaDocument;
    try {
      document = await this.readVersionFile(file);
    } catch (error) {
      if (error instanceof ScholiaError) throw error;
      if (error instanceof SymbolicLinkError)
        throw new ScholiaError(
          'not-found',
          `Version ${versionId} of document ${id} is a symbolic link (${file}); Scholia does not follow links inside its library, so it cannot be restored.`,
        );
      throw new ScholiaError('not-found', `Document ${id} has no readable version ${versionId}.`);
    }
    if (document.id !== id) throw new ScholiaError('not-found', `Version ${versionId} does not belong to document ${id}.`);
    return document;
  }

  private async readVersionFile(file: string): Promise<ScholiaDocument> {
    const json: unknown = JSON.parse(await readLibraryFile(file));
    const version = typeof json === 'object' && json !== null && 'version' in json ? json.version : undefined;
    if (typeof version === 'number' && version > STORE_VERSION) {
      throw new ScholiaError(
        'read-only',
        `This version was saved by a newer version of Scholia (format ${version}); update Scholia to restore it.`,
      );
    }
    return DocumentFile.parse(json).document;
  }
}
