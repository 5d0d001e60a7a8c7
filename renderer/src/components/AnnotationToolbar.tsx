import type { AnnotationKind } from '../../../shared/model/annotation.ts';
import type { AppStore } from '../app/app-store.ts';
import { chooseReviewFile } from '../app/review-file.ts';

const MARK_BUTTONS: { kind: AnnotationKind; label: string; key: string }[] = [
  { kind: 'claim', label: 'Claim', key: 'C' },
  { kind: 'quote', label: 'Quote', key: 'Q' },
  { kind: 'entity', label: 'Entity', key: 'E' },
  { kind: 'note', label: 'Note', key: 'N' },
];

const isMac = /Mac|iPhone|iPad/u.test(navigator.platform);
const MOD = isMac ? '⌘' : 'Ctrl+';

/** Buttons keep the reader's focus and text selection, so they act on what is selected there. */
function keepSelection(event: MouseEvent): void {
  event.preventDefault();
}

/** Marking buttons (with their keys) and undo/redo, above the article. */
export function AnnotationToolbar({ store }: { store: AppStore }) {
  const session = store.session.value;
  if (session) void session.saveState.value;
  if (session) void session.version.value;
  const undoLabel = session?.commands.undoLabel;
  const redoLabel = session?.commands.redoLabel;
  const readOnly = store.readOnly.value !== null;
  return (
    <div class="toolbar" role="toolbar" aria-label="Annotate">
      <div class="toolbar-group">
        {MARK_BUTTONS.map(({ kind, label, key }) => (
          <button
            key={kind}
            type="button"
            class={`button tool tool-${kind}`}
            disabled={!session || readOnly}
            aria-keyshortcuts={key}
            title={readOnly ? 'Read-only: marking is off' : `Mark the selected text as a ${label.toLowerCase()} (${key})`}
            onMouseDown={keepSelection}
            onClick={() => session?.markSelection(kind)}
          >
            <span class={`swatch swatch-${kind}`} aria-hidden="true" />
            {label}
            <kbd class="key-hint">{key}</kbd>
          </button>
        ))}
      </div>
      <div class="toolbar-group">
        <button
          type="button"
          class="button tool"
          disabled={!undoLabel || readOnly}
          aria-keyshortcuts="Control+Z Meta+Z"
          title={undoLabel ? `Undo: ${undoLabel} (${MOD}Z)` : 'Nothing to undo'}
          onMouseDown={keepSelection}
          onClick={() => store.undo()}
        >
          Undo
        </button>
        <button
          type="button"
          class="button tool"
          disabled={!redoLabel || readOnly}
          aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y"
          title={redoLabel ? `Redo: ${redoLabel} (${MOD}Shift+Z)` : 'Nothing to redo'}
          onMouseDown={keepSelection}
          onClick={() => store.redo()}
        >
          Redo
        </button>
      </div>
      <div class="toolbar-group">
        <button
          type="button"
          class="button tool"
          disabled={!session}
          aria-keyshortcuts="Control+Alt+R Meta+Alt+R"
          title={`Review a colleague’s tag file of this article (${MOD}Alt+R, or drop the .json file on the window)`}
          aria-label="Review tag file…"
          onClick={() => chooseReviewFile()}
        >
          Review…
        </button>
        <label
          class="toolbar-check"
          title="Import tag files placing exact and moved quotes only; fuzzy matches are refused and listed as orphaned"
        >
          <input
            type="checkbox"
            disabled={!session}
            checked={store.review.exactOnly.value}
            onChange={(event) => (store.review.exactOnly.value = event.currentTarget.checked)}
          />{' '}
          Exact matches only
        </label>
      </div>
      <p class="toolbar-hint">Select text (mouse or Shift+arrows), then press a key</p>
      <div class="toolbar-group">
        <button
          type="button"
          class="button tool"
          disabled={!session}
          aria-keyshortcuts="Control+F Meta+F"
          title={`Find in the article (${MOD}F)`}
          onMouseDown={keepSelection}
          onClick={() => store.ui.openFind(session?.selectedTextForFind() ?? '')}
        >
          Find
        </button>
        <button
          type="button"
          class="button tool"
          disabled={!session}
          aria-haspopup="dialog"
          title="Previous versions of this document, to restore one"
          onClick={() => (store.ui.dialog.value = 'versions')}
        >
          Versions…
        </button>
        <button
          type="button"
          class="button tool"
          disabled={!session}
          aria-haspopup="dialog"
          aria-keyshortcuts="Control+Shift+E Meta+Shift+E"
          title={`Export a report or a data file (${MOD}Shift+E)`}
          onClick={() => (store.ui.dialog.value = 'export')}
        >
          Export…
        </button>
        <button
          type="button"
          class="button tool"
          aria-keyshortcuts="?"
          aria-label="Keyboard shortcuts"
          title="Keyboard shortcuts (?)"
          onClick={() => (store.ui.dialog.value = 'shortcuts')}
        >
          <kbd class="key-hint">?</kbd>
        </button>
      </div>
    </div>
  );
}
