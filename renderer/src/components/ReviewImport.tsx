import { useEffect, useState } from 'preact/hooks';
import type { AppStore } from '../app/app-store.ts';
import { declaredFingerprint, REVIEW_FILE_INPUT_ID } from '../app/review-file.ts';
import { Dialog } from './Dialog.tsx';

function hasFiles(event: DragEvent): boolean {
  return [...(event.dataTransfer?.types ?? [])].includes('Files');
}

/**
 * A tag file dropped on the window: a review of the open article when it is that article's (or
 * names none), else a library import, which opens its article as a new document or, when the
 * article is in the library, places it there under Review.
 */
async function importDroppedTagFile(store: AppStore, file: File): Promise<void> {
  const open = store.session.value;
  const openFingerprint = open ? store.documents.value.find((summary) => summary.id === open.id)?.fingerprint : undefined;
  const declared = declaredFingerprint(await file.text());
  if (open && (declared === undefined || declared === openFingerprint)) await store.review.importFile(file);
  else await store.library.importFiles([file]);
}

/**
 * The hidden file input behind "Review tag file…", the window as a drop target for tag files
 * (see `importDroppedTagFile`; article files are imported into the library), and the dialog
 * listing every problem of a refused file.
 */
export function ReviewImport({ store }: { store: AppStore }) {
  const review = store.review;
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    let depth = 0;
    const onDragEnter = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth += 1;
      setDragging(true);
    };
    const onDragLeave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onDragOver = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const onDrop = (event: DragEvent) => {
      depth = 0;
      setDragging(false);
      const files = [...(event.dataTransfer?.files ?? [])];
      const [file] = files;
      if (!file) return;
      event.preventDefault();
      if (files.length === 1 && (/\.json$/iu.test(file.name) || file.type === 'application/json')) void importDroppedTagFile(store, file);
      else void store.library.importFiles(files);
    };
    window.addEventListener('dragenter', onDragEnter);
    window.addEventListener('dragleave', onDragLeave);
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onDragEnter);
      window.removeEventListener('dragleave', onDragLeave);
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [review, store]);
  const refused = review.refused.value;
  return (
    <>
      <input
        id={REVIEW_FILE_INPUT_ID}
        class="visually-hidden"
        type="file"
        accept=".json,application/json"
        tabIndex={-1}
        aria-label="Colleague’s tag file to review"
        onChange={(event) => {
          const input = event.currentTarget;
          const file = input.files?.[0];
          input.value = '';
          if (file) void review.importFile(file);
        }}
      />
      {dragging ? (
        <div class="drop-overlay" aria-hidden="true">
          <p>Drop articles to import them, or a colleague’s tag file (.json) to review it</p>
        </div>
      ) : null}
      {refused ? (
        <Dialog title="Tag file refused" class="review-refused" onClose={() => (review.refused.value = null)}>
          <p>
            <strong>{refused.fileName}</strong> was not imported; nothing was changed.{' '}
            {refused.problems.length === 1 ? 'The problem:' : `The ${refused.problems.length} problems:`}
          </p>
          <ul class="refused-problems" data-testid="refused-problems">
            {refused.problems.map((problem, index) => (
              <li key={index}>
                <code>{problem}</code>
              </li>
            ))}
          </ul>
        </Dialog>
      ) : null}
    </>
  );
}
