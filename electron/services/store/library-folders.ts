import { lstat, readdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { ScholiaError } from '../../../shared/contract/errors.ts';
import { isValidId } from '../../../shared/model/ids.ts';
import { isTempName } from './durable-file.ts';
import { LOCK_FILE } from './library-lock.ts';

/** Names Windows keeps for devices, whatever the extension: never a document's file name. */
const DEVICE_NAME = /^(?:con|prn|aux|nul|com\d|lpt\d)$/iu;

/** Where a document's file lives: `documents/<id>.json`. Throws `bad-request` for an id that may not name a file. */
export function documentPath(dir: string, id: string): string {
  if (!isValidId(id) || DEVICE_NAME.test(id)) throw new ScholiaError('bad-request', `"${id}" is not a valid document id`);
  return path.join(dir, 'documents', `${id}.json`);
}

/** Where a trashed document's file lives: `trash/<id>.json`. */
export function trashPath(dir: string, id: string): string {
  documentPath(dir, id);
  return path.join(dir, 'trash', `${id}.json`);
}

/** The document ids a folder of the library holds files for (`<id>.json`), in order. */
export async function idsIn(dir: string, folder: 'documents' | 'trash'): Promise<string[]> {
  const names = await readdir(path.join(dir, folder)).catch(() => [] as string[]);
  return names
    .sort()
    .map((name) => (name.endsWith('.json') ? name.slice(0, -5) : ''))
    .filter(isValidId);
}

/** Temporary files a killed writer may have left: of a write, of taking the lock, of removing a stale lock. */
function isLeftoverTemp(name: string): boolean {
  return isTempName(name) || name.startsWith(`.${LOCK_FILE}.stale-`);
}

/** Deletes leftover temporary files; `unlink` removes a link planted at such a name, never what it points to. */
export async function removeLeftoverTemps(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(names.filter(isLeftoverTemp).map((name) => unlink(path.join(dir, name)).catch(() => undefined)));
}

/** The folders of a library that hold its files. */
const LIBRARY_FOLDERS = ['documents', 'trash', 'backups'] as const;

/**
 * Refuses a library whose `documents/`, `trash/` or `backups/` is a symbolic link: every file written
 * there would land wherever the link points. (The library folder itself may be a link: the user chose it.)
 */
export async function assertNoLinkedFolders(dir: string): Promise<void> {
  for (const folder of LIBRARY_FOLDERS) {
    const info = await lstat(path.join(dir, folder)).catch(() => undefined);
    if (info?.isSymbolicLink()) {
      throw new ScholiaError(
        'forbidden',
        `The library ${dir} cannot be opened: its ${folder} folder is a symbolic link, and Scholia does not follow links inside its library. Replace ${path.join(dir, folder)} with a real folder.`,
      );
    }
  }
}
