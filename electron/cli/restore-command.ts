import { existsSync } from 'node:fs';
import path from 'node:path';
import type { DocumentVersion } from '../../shared/contract/channels.ts';
import { ScholiaError } from '../../shared/contract/errors.ts';
import { isValidId } from '../../shared/model/ids.ts';
import { withLibrary } from './library-client.ts';
import { UsageError } from './usage-error.ts';

export interface RestoreArgs {
  /** 1 is the newest previous version, as `--list` numbers them. */
  version?: string;
  list?: boolean;
  json?: boolean;
}

function describe(version: DocumentVersion, number: number): string {
  const { claims, quotes, entities, notes } = version.counts;
  const kept = version.kinds.includes('save') ? (version.kinds.includes('daily') ? 'save, last of its day' : 'save') : 'last of its day';
  return `${String(number).padStart(3)}  ${version.savedAt}  revision ${version.revision}  ${claims} claims, ${quotes} quotes, ${entities} entities, ${notes} notes  (${kept})`;
}

function parseVersionNumber(value: string, count: number): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1)
    throw new UsageError(`--version must be a version number from the list (1 is the newest), not "${value}"`);
  if (number > count)
    throw new ScholiaError(
      'not-found',
      `There is no version ${number}: the document has ${count} previous ${count === 1 ? 'version' : 'versions'}.`,
    );
  return number;
}

/**
 * `scholia restore DOC [--list | --version N]`: lists a document's previous versions (the default),
 * or restores one of them. A restore is a new save, so it can be undone by restoring the version it
 * replaced; it refuses to run while another process has the library open.
 */
export async function restoreCommand(libraryDir: string, positionals: string[], args: RestoreArgs): Promise<void> {
  const [id, ...extra] = positionals;
  if (!id || extra.length > 0) throw new UsageError('restore needs exactly one DOC (a document id)');
  if (!isValidId(id)) throw new UsageError(`"${id}" is not a document id`);
  if (args.list && args.version !== undefined) throw new UsageError('restore takes --list or --version N, not both');
  if (!existsSync(path.join(libraryDir, 'library.json')) && !existsSync(path.join(libraryDir, 'documents'))) {
    throw new ScholiaError('not-found', `There is no library at ${libraryDir}.`);
  }
  const restoring = args.version !== undefined;
  const opening = restoring
    ? ({ libraryDir, whenLocked: 'fail', owner: 'scholia restore' } as const)
    : ({ libraryDir, access: 'read' } as const);
  await withLibrary(opening, async (api) => {
    const { versions } = await api.call('document.versions', { documentId: id });
    if (!restoring) {
      if (args.json) {
        console.log(
          JSON.stringify(
            versions.map((version, index) => ({ number: index + 1, ...version })),
            null,
            2,
          ),
        );
      } else if (versions.length === 0) {
        console.log(`Document ${id} has no previous versions yet.`);
      } else {
        versions.forEach((version, index) => console.log(describe(version, index + 1)));
        console.log(`\nRestore one with: scholia restore ${id} --version N`);
      }
      return;
    }
    const number = parseVersionNumber(String(args.version), versions.length);
    const chosen = versions[number - 1] as DocumentVersion;
    const result = await api.call('document.restore', { documentId: id, versionId: chosen.id });
    if (args.json) console.log(JSON.stringify(result, null, 2));
    else
      console.log(
        `Restored ${id} to version ${number} (revision ${chosen.revision} of ${chosen.savedAt}); it is now revision ${result.revision}. The state it replaced is kept: scholia restore ${id} --list.`,
      );
  });
}
