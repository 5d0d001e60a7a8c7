import type { AppStore } from '../app/app-store.ts';

/** "Assigned to me": a toggle above the library's list, showing only the articles assigned to the analyst. */
export function AssignedToMeFilter({ store }: { store: AppStore }) {
  const library = store.library;
  const on = library.assignedToMe.value;
  return (
    <button
      type="button"
      class={`button button-small library-assigned ${on ? 'library-assigned-on' : ''}`}
      aria-pressed={on}
      title={`Only the articles assigned to ${store.settings.value.annotatorName} (or your team member id)`}
      onClick={() => void library.toggleAssignedToMe()}
    >
      Assigned to me
    </button>
  );
}
