import type { AppStore } from '../app/app-store.ts';
import { CONFIDENCE_STEPS, SUGGESTION_KIND_LABELS, SUGGESTION_KINDS, type SuggestionStore } from '../app/suggestion-store.ts';
import type { Suggestion, SuggestionSet } from '../../../shared/suggest/suggestion.ts';

const percent = (value: number) => `${Math.round(value * 100)}%`;

function detailOf(suggestion: Suggestion, set: SuggestionSet, text: string): string {
  const entity = (key: string | undefined) => set.entities.find((candidate) => candidate.key === key);
  switch (suggestion.kind) {
    case 'entity': {
      const found = entity(suggestion.entityKey);
      return found ? `${found.name} · ${found.type}${found.registryId ? ' · in the registry' : ''}` : '';
    }
    case 'quote': {
      const speaker = entity(suggestion.speakerKey)?.name ?? 'no speaker found';
      const cue = suggestion.cue ? ` · cue “${text.slice(suggestion.cue.start, suggestion.cue.end)}”` : '';
      return `${suggestion.form} · ${speaker}${cue}`;
    }
    case 'claim':
      return suggestion.label ? `claim type ${suggestion.label}` : 'check-worthy statement';
  }
}

function CurrentSuggestion({ suggestions, suggestion, text }: { suggestions: SuggestionStore; suggestion: Suggestion; text: string }) {
  const set = suggestions.set.value;
  if (!set) return null;
  const words = text.slice(suggestion.start, suggestion.end);
  return (
    <div class="suggestion-current" role="group" aria-label="Current suggestion">
      <span class={`suggestion-kind suggestion-kind-${suggestion.kind}`}>{SUGGESTION_KIND_LABELS[suggestion.kind].one}</span>
      <div class="suggestion-body">
        <p class="suggestion-words">“{words.length > 140 ? `${words.slice(0, 137)}…` : words}”</p>
        <p class="suggestion-detail">
          {detailOf(suggestion, set, text)} · {suggestion.kind === 'claim' ? 'check-worthiness' : 'confidence'}{' '}
          {percent(suggestion.confidence)}
        </p>
        <p class="suggestion-reasons">{suggestion.reasons.join(' · ')}</p>
      </div>
      <div class="suggestion-actions">
        <button type="button" class="button button-small button-primary" onClick={() => suggestions.accept()} title="Accept (Enter)">
          Accept <kbd>Enter</kbd>
        </button>
        <button type="button" class="button button-small" onClick={() => suggestions.reject()} title="Reject (Backspace)">
          Reject <kbd>⌫</kbd>
        </button>
        <button type="button" class="button button-small" onClick={() => suggestions.next(1)} title="Next (Tab)">
          Next <kbd>Tab</kbd>
        </button>
      </div>
    </div>
  );
}

/**
 * The suggestions bar above the article: run the suggesters, the counts of each kind shown with
 * "accept all" above the chosen confidence, a toggle that hides the layer, and the current
 * suggestion with its reasons and its keys (Enter accept, Backspace reject, Tab next).
 */
export function SuggestionsBar({ store }: { store: AppStore }) {
  const session = store.session.value;
  const suggestions = store.suggestions;
  if (!session || store.review.active.value) return null;
  const set = suggestions.set.value;
  const shown = suggestions.shown.value;
  const current = suggestions.current.value;
  const readOnly = store.readOnly.value !== null;
  const start = () => {
    suggestions.next(1);
    session.focusReader();
  };
  return (
    <section class="suggestions-bar" aria-label="Suggestions">
      <div class="suggestions-row">
        <button type="button" class="button button-small" disabled={suggestions.running.value} onClick={() => void suggestions.run()}>
          {suggestions.running.value ? 'Suggesting…' : set ? 'Run again' : 'Suggest'}
        </button>
        {set ? (
          <>
            <label class="suggestions-threshold">
              <select
                class="input input-small"
                aria-label="Lowest confidence shown"
                value={String(suggestions.minConfidence.value)}
                onChange={(event) => suggestions.setMinConfidence(Number(event.currentTarget.value))}
              >
                {CONFIDENCE_STEPS.map((step) => (
                  <option key={step} value={String(step)}>
                    ≥ {percent(step)}
                  </option>
                ))}
              </select>
            </label>
            {SUGGESTION_KINDS.map((kind) => {
              const count = shown.filter((suggestion) => suggestion.kind === kind).length;
              return (
                <span class="suggestions-kind" key={kind}>
                  <span class={`suggestion-swatch suggestion-swatch-${kind}`} aria-hidden="true" />
                  {SUGGESTION_KIND_LABELS[kind].many} {count}
                  <button
                    type="button"
                    class="button button-small button-quiet"
                    disabled={count === 0 || readOnly || !suggestions.visible.value}
                    onClick={() => suggestions.acceptAll(kind)}
                    title={`Accept all ${count} shown`}
                    aria-label={`Accept all ${count} suggested ${SUGGESTION_KIND_LABELS[kind].many.toLowerCase()} at or above ${percent(suggestions.minConfidence.value)}`}
                  >
                    Accept
                  </button>
                </span>
              );
            })}
            <span class="suggestions-spacer" />
            {shown.length > 0 && !current && suggestions.visible.value ? (
              <button type="button" class="button button-small" onClick={start}>
                One by one
              </button>
            ) : null}
            <button
              type="button"
              class="button button-small"
              aria-label={suggestions.visible.value ? 'Hide suggestions' : 'Show suggestions'}
              aria-pressed={!suggestions.visible.value}
              onClick={() => suggestions.toggle()}
            >
              {suggestions.visible.value ? 'Hide' : 'Show'}
            </button>
          </>
        ) : (
          <span class="field-hint suggestions-hint">
            Entities, quotes and claims proposed on this computer; nothing is saved until you accept.
          </span>
        )}
      </div>
      {current && suggestions.visible.value ? (
        <CurrentSuggestion suggestions={suggestions} suggestion={current} text={session.text} />
      ) : null}
    </section>
  );
}
