import type { ClaimSuggestion } from '../../../shared/contract/claims-channels.ts';
import type { ClaimTrackerStore } from '../app/claim-tracker-store.ts';

/** The analyst's answer to a suggested match: "Same claim" joins it, "Not the same" dismisses it for good. */
export function SuggestionAnswer({
  tracker,
  suggestion,
  class: className,
}: {
  tracker: ClaimTrackerStore;
  suggestion: ClaimSuggestion;
  class: string;
}) {
  return (
    <div class={className}>
      <button type="button" class="button button-small" disabled={tracker.busy.value} onClick={() => void tracker.confirm(suggestion)}>
        Same claim
      </button>
      <button
        type="button"
        class="button button-quiet button-small"
        disabled={tracker.busy.value}
        onClick={() => void tracker.dismiss(suggestion)}
      >
        Not the same
      </button>
    </div>
  );
}
