import path from 'node:path';
import type { ApiClient } from '../../shared/contract/api-client.ts';
import type { ClaimAnnotation, Evidence } from '../../shared/model/annotation.ts';
import { withLibrary } from './library-client.ts';
import { UsageError } from './usage-error.ts';

export interface EvidenceArgs {
  json?: boolean;
  archive?: boolean;
  attach?: string;
  check?: boolean;
  allowPrivateNetwork?: boolean;
}

function describe(item: Evidence, number: number): string {
  const facts = [
    item.type,
    item.accessed && `accessed ${item.accessed}`,
    item.archive ? `archived ${item.archive.fetched} sha256:${item.archive.sha256}` : 'not archived',
    item.file && `file ${item.file.path} sha256:${item.file.sha256}`,
  ].filter(Boolean);
  return `${number}\t${item.url}\t${item.title ?? ''}\t${facts.join('; ')}`;
}

async function claimOf(api: ApiClient, documentId: string, claimId: string): Promise<ClaimAnnotation> {
  const { document } = await api.call('library.get', { id: documentId });
  const claim = document.annotations.find((a) => a.id === claimId);
  if (claim?.kind !== 'claim') throw new UsageError(`there is no claim ${claimId} in document ${documentId}`);
  return claim;
}

/**
 * `scholia evidence DOC CLAIM [N] [--archive | --attach FILE | --check]`: lists a claim's sources;
 * with N (from 1) and an action, archives that source's page (through the import pipeline and its
 * URL rules), attaches a local file by path and hash, or checks the attached file.
 */
export async function evidenceCommand(libraryDir: string, positionals: string[], args: EvidenceArgs): Promise<void> {
  const [documentId, claimId, number, ...extra] = positionals;
  if (!documentId || !claimId || extra.length > 0) throw new UsageError('evidence takes a document id, a claim id and a source number');
  const actions = [args.archive, args.attach !== undefined, args.check].filter(Boolean).length;
  if (actions > 1) throw new UsageError('choose one of --archive, --attach FILE and --check');
  if (args.allowPrivateNetwork && !args.archive) throw new UsageError('--allow-private-network is for evidence --archive');
  const evidenceIndex = Number(number) - 1;
  if (actions === 1 && !(Number.isInteger(evidenceIndex) && evidenceIndex >= 0))
    throw new UsageError('give the number of the source (1 for the first), as the list shows it');
  const ref = { documentId, annotationId: claimId, evidenceIndex };
  const print = (value: unknown, text: string) => console.log(args.json ? JSON.stringify(value, null, 2) : text);
  await withLibrary(
    {
      libraryDir,
      owner: 'scholia evidence',
      ...(actions === 0 ? { access: 'read' as const } : { whenLocked: 'fail' as const }),
      allowPrivateNetwork: args.allowPrivateNetwork === true,
    },
    async (api) => {
      const claim = await claimOf(api, documentId, claimId);
      if (args.archive) {
        const { archive } = await api.call('evidence.archive', ref);
        print(
          archive,
          `archived ${claim.evidence?.[evidenceIndex]?.url ?? ''}: evidence/${archive.id}.json, ${archive.size} bytes, sha256:${archive.sha256}`,
        );
      } else if (args.attach !== undefined) {
        const { file } = await api.call('evidence.attachFile', { ...ref, path: path.resolve(args.attach) });
        print(file, `attached ${file.path}: ${file.size} bytes, sha256:${file.sha256}`);
      } else if (args.check) {
        const check = await api.call('evidence.checkFile', ref);
        print(check, check.message);
        if (check.state !== 'matches') process.exitCode = 1;
      } else {
        const sources = claim.evidence ?? [];
        print(sources, sources.length > 0 ? sources.map((item, at) => describe(item, at + 1)).join('\n') : 'This claim has no sources.');
      }
    },
  );
}
