import type { AppStore } from '../app/app-store.ts';
import { AnnotatorName } from './AnnotatorName.tsx';
import { TeamSyncStatus } from './TeamSyncStatus.tsx';

/** Whether the open document's changes are saved, the latest message, and what the team's last sync did. */
export function StatusLine({ store }: { store: AppStore }) {
  const session = store.session.value;
  const save = session?.saveState.value;
  const message = store.message.value;
  let saveText = '';
  let saveTone = 'saved';
  if (save && save.pending > 0) {
    saveText = 'Saving…';
    saveTone = 'saving';
  } else if (save?.error) {
    saveText = 'Not saved';
    saveTone = 'error';
  } else if (session && store.readOnly.value) {
    saveText = 'Read-only';
    saveTone = 'read-only';
  } else if (session) {
    saveText = 'Saved';
  }
  return (
    <footer class="status-line">
      <span class={`save-state save-${saveTone}`} role="status" aria-live="polite" data-testid="save-state">
        {saveText}
      </span>
      {message ? (
        <span
          class={`status-message status-${message.tone}`}
          role={message.tone === 'error' ? 'alert' : 'status'}
          data-testid="status-message"
        >
          {message.text}
          <button type="button" class="button button-quiet button-tiny" aria-label="Dismiss message" onClick={() => store.clearMessage()}>
            ×
          </button>
        </span>
      ) : null}
      <span class="status-spacer" />
      <TeamSyncStatus store={store} />
      <AnnotatorName store={store} />
      <button
        type="button"
        class="button button-quiet button-tiny"
        aria-keyshortcuts="Control+, Meta+,"
        title="Annotator name and codebook (Ctrl+,)"
        onClick={() => (store.ui.dialog.value = 'settings')}
      >
        Settings
      </button>
    </footer>
  );
}
