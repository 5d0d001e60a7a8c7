import type { AppStore } from '../app/app-store.ts';

/** Says, above everything, that the library (or this document) can be read but not changed, and why. */
export function ReadOnlyBanner({ store }: { store: AppStore }) {
  const readOnly = store.readOnly.value;
  if (!readOnly) return null;
  return (
    <div class="read-only-banner" role="alert" data-testid="read-only-banner">
      <strong class="read-only-title">Read-only</strong>
      <p class="read-only-text">{readOnly.message}</p>
    </div>
  );
}
