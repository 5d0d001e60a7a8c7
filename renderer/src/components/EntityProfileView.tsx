import type { AppStore } from '../app/app-store.ts';

/** An entity's profile: every mention, quote and claim of it across the library, grouped by article. */
export function EntityProfileView({ store: _store }: { store: AppStore }) {
  return (
    <main class="workspace entity-profile" aria-label="Entity profile">
      <h1>Entity</h1>
    </main>
  );
}
