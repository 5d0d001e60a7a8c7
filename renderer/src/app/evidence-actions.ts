import type { ApiClient } from '../../../shared/contract/api-client.ts';
import { messageOf } from '../../../shared/contract/errors.ts';
import type { SnapshotView } from '../../../shared/contract/evidence-channels.ts';
import type { DocumentSession } from '../session/document-session.ts';

/** What the evidence list asks of the app: archive a source, open its snapshot. */
export interface EvidenceActions {
  /** Fetches and stores a snapshot of the source, then shows the document as stored; false (and the reason said) on failure. */
  archive(annotationId: string, evidenceIndex: number): Promise<boolean>;
  /** The source's snapshot, its SHA-256 checked; or the message to show (a snapshot changed on disk, say). */
  openSnapshot(annotationId: string, evidenceIndex: number): Promise<SnapshotView | string>;
  /** Attaches the local file at `path` to the source (its hash and size recorded; the file stays where it is); false on failure, said. */
  attachFile(annotationId: string, evidenceIndex: number, path: string): Promise<boolean>;
  /** The desktop app's native dialog to choose that file (null when cancelled); absent in the browser host, which asks for a path. */
  readonly pickFile: (() => Promise<string | null>) | null;
}

export interface EvidenceActionsPorts {
  api: ApiClient;
  session(): DocumentSession | null;
  readOnlyMessage(): string | null;
  report(tone: 'info' | 'error', text: string): void;
  /** Reads the open document again after the services changed it. */
  reload(): Promise<void>;
  /** The desktop app's file dialog, when there is one. */
  pickFile: (() => Promise<string | null>) | null;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** The last part of a path, whichever separator it uses. */
export function fileName(path: string): string {
  return path.replace(/^.*[\\/]/u, '');
}

/**
 * The evidence actions over the API. Archiving is a change the services make (the fetch happens
 * there), so the session waits until its saves are done, sends its revision, adopts the new one and
 * the document is read again, its claim selected, as after a review import.
 */
export function evidenceActions(ports: EvidenceActionsPorts): EvidenceActions {
  /**
   * Runs one change the services make to the open document: after its saves, with its revision;
   * then the document is read again and the claim selected. Returns the success message, or says why it failed.
   */
  async function serviceChange(
    annotationId: string,
    failure: string,
    change: (session: DocumentSession) => Promise<{ revision: number; message: string }>,
  ): Promise<boolean> {
    const session = ports.session();
    if (!session) return false;
    const readOnly = ports.readOnlyMessage();
    if (readOnly) {
      ports.report('error', readOnly);
      return false;
    }
    try {
      await session.commands.whenIdle();
      const { revision, message } = await change(session);
      session.noteRevision(revision);
      await ports.reload();
      ports.session()?.select(annotationId);
      ports.report('info', message);
      return true;
    } catch (error) {
      ports.report('error', `${failure}: ${messageOf(error)}`);
      return false;
    }
  }

  return {
    archive: (annotationId, evidenceIndex) =>
      serviceChange(annotationId, 'Could not archive the source', async (session) => {
        ports.report('info', 'Archiving the source…');
        const { revision, archive } = await ports.api.call('evidence.archive', {
          documentId: session.id,
          annotationId,
          evidenceIndex,
          baseRevision: session.revision,
        });
        return {
          revision,
          message: `Archived ${hostOf(archive.finalUrl)}: SHA-256 ${archive.sha256.slice(0, 8)}…, ${archive.size} bytes kept in the library.`,
        };
      }),
    attachFile: (annotationId, evidenceIndex, path) =>
      serviceChange(annotationId, 'Could not attach the file', async (session) => {
        const { revision, file } = await ports.api.call('evidence.attachFile', {
          documentId: session.id,
          annotationId,
          evidenceIndex,
          path,
          baseRevision: session.revision,
        });
        return {
          revision,
          message: `Attached ${fileName(file.path)}: SHA-256 ${file.sha256.slice(0, 8)}…, ${file.size} bytes. The file stays where it is; its hash proves it later.`,
        };
      }),
    pickFile: ports.pickFile,
    async openSnapshot(annotationId, evidenceIndex) {
      const session = ports.session();
      if (!session) return 'No document is open.';
      try {
        return await ports.api.call('evidence.openSnapshot', { documentId: session.id, annotationId, evidenceIndex });
      } catch (error) {
        return messageOf(error);
      }
    },
  };
}
