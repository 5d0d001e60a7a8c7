import type { ApiClient } from '../../../shared/contract/api-client.ts';
import type { DecisionEntry } from '../commands/undo-history.ts';
import type { DocumentSession } from '../session/document-session.ts';

/** The open document's next undo (or redo) step when it is a review decision (read reactively: it follows the save state). */
export function nextDecision(session: DocumentSession | null, direction: 'undo' | 'redo'): DecisionEntry | undefined {
  if (!session) return undefined;
  void session.saveState.value;
  const entry = direction === 'undo' ? session.commands.nextUndo : session.commands.nextRedo;
  return entry?.kind === 'decision' ? entry : undefined;
}

/**
 * Undoes (`review.undo`) or redoes (`review.redo`) a decision of the document's history in the
 * services and tells the session the revision it produced; the status-line text. Throws when the
 * review had nothing to replay.
 */
export async function replayInServices(
  api: ApiClient,
  session: DocumentSession,
  entry: DecisionEntry,
  direction: 'undo' | 'redo',
): Promise<string> {
  const input = { documentId: session.id, reviewId: entry.reviewId };
  const { revision, replayed } =
    direction === 'undo'
      ? await api.call('review.undo', input).then((result) => ({ revision: result.revision, replayed: result.undone }))
      : await api.call('review.redo', input).then((result) => ({ revision: result.revision, replayed: result.redone }));
  session.noteRevision(revision);
  if (replayed === undefined) throw new Error(`the review has nothing to ${direction}.`);
  return `${direction === 'undo' ? 'Undid' : 'Redid'}: ${replayed}.`;
}
