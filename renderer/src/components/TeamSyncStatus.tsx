import type { AppStore } from '../app/app-store.ts';
import { syncLine } from '../model/team-words.ts';

/**
 * The status line's word on the team: what the last sync did ("Synced 19:42: 2 articles from Bob",
 * "Offline: 3 changes wait to be pushed", "History rewritten on the server: sync stopped"), in a
 * polite live region, so a sync the host ran by itself is heard without taking the focus; and the
 * button to the team view (Ctrl+Alt+M). The region is empty for a library in no team.
 */
export function TeamSyncStatus({ store }: { store: AppStore }) {
  const line = syncLine(store.team.status.value);
  return (
    <>
      <span
        class={line ? `team-sync-status team-sync-${line.tone}` : 'team-sync-status'}
        role="status"
        aria-live="polite"
        data-testid="team-sync-status"
      >
        {line?.text ?? ''}
      </span>
      <button
        type="button"
        class="button button-quiet button-tiny"
        aria-keyshortcuts="Control+Alt+M Meta+Alt+M"
        title="The team: join, share articles, Sync now (Ctrl+Alt+M)"
        aria-pressed={store.ui.workspace.value === 'team'}
        onClick={() => void store.team.open()}
      >
        Team
      </button>
    </>
  );
}
