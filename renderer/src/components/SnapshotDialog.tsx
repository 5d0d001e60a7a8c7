import type { SnapshotView } from '../../../shared/contract/evidence-channels.ts';
import { ReaderView } from '../reader/reader-view.ts';
import { Dialog } from './Dialog.tsx';
import { ReaderFrame, useReaderView } from './reader-host.tsx';

function formatMoment(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** The snapshot's page in a reader of its own: no highlights, no keys that change anything. */
function SnapshotReader({ snapshot }: { snapshot: SnapshotView }) {
  const { place, failure } = useReaderView(
    (host) =>
      new ReaderView(host, {
        content: snapshot.content,
        text: snapshot.text,
        highlights: [],
        onHighlightClick: () => undefined,
        onKey: () => false,
      }),
    () => undefined,
    [snapshot],
  );
  return <ReaderFrame place={place} failure={failure} class="reader snapshot-reader" aria-label={`Archived snapshot: ${snapshot.title}`} />;
}

/**
 * A source's archived snapshot, read-only, under a banner that says what it is (the link, when it
 * was fetched, its SHA-256); or, for a snapshot that could not be shown (changed on disk), why.
 */
export function SnapshotDialog({ snapshot, onClose }: { snapshot: SnapshotView | string; onClose(): void }) {
  if (typeof snapshot === 'string') {
    return (
      <Dialog title="Archived snapshot" onClose={onClose} class="snapshot-dialog">
        <div class="read-only-banner snapshot-problem" role="alert" data-testid="snapshot-problem">
          <strong class="read-only-title">Not shown</strong>
          <p class="read-only-text">{snapshot}</p>
        </div>
      </Dialog>
    );
  }
  const { archive } = snapshot;
  return (
    <Dialog title={snapshot.title} onClose={onClose} class="snapshot-dialog">
      <div class="read-only-banner snapshot-banner" role="note" data-testid="snapshot-banner">
        <strong class="read-only-title">Read-only</strong>
        <p class="read-only-text">
          Archived snapshot of <span class="snapshot-url">{snapshot.url}</span>, fetched {formatMoment(archive.fetched)}, SHA-256{' '}
          <code class="snapshot-hash" title={archive.sha256}>
            {archive.sha256.slice(0, 16)}…
          </code>
          {archive.finalUrl !== snapshot.url ? <span class="snapshot-final"> (found at {archive.finalUrl})</span> : null}
        </p>
      </div>
      <SnapshotReader snapshot={snapshot} />
    </Dialog>
  );
}
