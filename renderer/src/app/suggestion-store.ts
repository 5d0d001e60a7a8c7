import { computed, effect, signal } from '@preact/signals';
import { acceptSuggestionsOps } from '../../../shared/suggest/suggestion-ops.ts';
import type { Suggestion, SuggestionKind, SuggestionSet } from '../../../shared/suggest/suggestion.ts';
import type { ApiClient } from '../../../shared/contract/api-client.ts';
import type { SuggestionSpan } from '../reader/reader-layers.ts';
import type { DocumentSession } from '../session/document-session.ts';
import type { SuggestionHost } from './app-ports.ts';
import { messageOf } from '../../../shared/contract/errors.ts';

export const SUGGESTION_KINDS: readonly SuggestionKind[] = ['entity', 'quote', 'claim'];

export const SUGGESTION_KIND_LABELS: Record<SuggestionKind, { one: string; many: string }> = {
  entity: { one: 'Entity', many: 'Entities' },
  quote: { one: 'Quote', many: 'Quotes' },
  claim: { one: 'Claim', many: 'Claims' },
};

/** The confidence suggestions are shown from by default: below it they are mostly noise (scare quotes, stray capitals). */
export const DEFAULT_SHOWN_CONFIDENCE = 0.5;
export const CONFIDENCE_STEPS = [0.3, 0.5, 0.7, 0.85] as const;

/** The tooltip of a suggestion in the article. */
function titleOf(suggestion: Suggestion, set: SuggestionSet): string {
  const label = SUGGESTION_KIND_LABELS[suggestion.kind].one;
  const name = (key: string | undefined) => set.entities.find((entity) => entity.key === key)?.name;
  const detail =
    suggestion.kind === 'entity'
      ? ` → ${name(suggestion.entityKey) ?? ''}`
      : suggestion.kind === 'quote' && suggestion.speakerKey
        ? ` by ${name(suggestion.speakerKey) ?? ''}`
        : '';
  return `Suggested ${label.toLowerCase()}${detail} (${Math.round(suggestion.confidence * 100)}%)`;
}

/**
 * The machine suggestions of the open document: run on demand (or on opening a fresh import when
 * the setting asks), shown as their own layer, and decided one by one or a kind at a time. An
 * accepted suggestion becomes an ordinary annotation through the command layer (undo, redo and
 * saving as for one made by hand); a rejected one is remembered by the library.
 */
export class SuggestionStore {
  readonly set = signal<SuggestionSet | null>(null);
  readonly visible = signal(true);
  readonly minConfidence = signal<number>(DEFAULT_SHOWN_CONFIDENCE);
  readonly currentId = signal<string | null>(null);
  readonly running = signal(false);
  /** The suggestions shown: at or above the confidence, in text order. */
  readonly shown = computed(() =>
    (this.set.value?.suggestions ?? []).filter((suggestion) => suggestion.confidence >= this.minConfidence.value),
  );
  readonly current = computed(() => this.shown.value.find((suggestion) => suggestion.id === this.currentId.value) ?? null);

  private documentId: string | null = null;

  constructor(
    private readonly app: SuggestionHost,
    private readonly api: ApiClient,
  ) {
    // The layer follows everything it is drawn from: the set, the threshold, the toggle, the current one, the session, the review.
    effect(() => this.draw());
    app.session.subscribe((session) => {
      if (session?.id === this.documentId) return;
      this.documentId = session?.id ?? null;
      this.set.value = null;
      this.currentId.value = null;
      if (session && app.settings.value.suggestOnImport && session.records.annotations().next().done) void this.run();
    });
  }

  /** Asks the services for the document's suggestions (the NLP runs there) and draws them. */
  async run(): Promise<void> {
    const session = this.app.session.value;
    if (!session || this.running.value) return;
    this.running.value = true;
    try {
      const set = await this.api.call('suggest.run', { documentId: session.id });
      if (this.app.session.value?.id !== session.id) return;
      this.set.value = set;
      this.visible.value = true;
      this.currentId.value = null;
      const count = this.shown.value.length;
      this.app.report(
        'info',
        `${count} ${count === 1 ? 'suggestion' : 'suggestions'} at or above ${Math.round(this.minConfidence.value * 100)}%${set.rejected ? ` (${set.rejected} rejected before, left out)` : ''}.`,
      );
    } catch (error) {
      this.app.report('error', `Could not suggest: ${messageOf(error)}`);
    } finally {
      this.running.value = false;
    }
  }

  /** Ctrl+Alt+S: runs the suggesters when none are showing, else steps to the next suggestion; the article takes the focus. */
  runOrStep(): void {
    if (this.set.value && this.visible.value && this.shown.value.length > 0) this.next(1);
    else void this.run();
    this.app.session.value?.focusReader();
  }

  /** The setting "suggest on import": suggestions run by themselves when an article with no annotations yet is opened. */
  async setSuggestOnImport(on: boolean): Promise<void> {
    try {
      this.app.settings.value = await this.api.call('settings.set', { suggestOnImport: on });
    } catch (error) {
      this.app.report('error', `Could not change the setting: ${messageOf(error)}`);
    }
  }

  setMinConfidence(value: number): void {
    this.minConfidence.value = value;
    if (this.current.value === null) this.currentId.value = null;
  }

  toggle(): void {
    this.visible.value = !this.visible.value;
    if (!this.visible.value) this.currentId.value = null;
  }

  /** Makes a suggestion the current one and scrolls it into view. */
  select(id: string | null): void {
    this.currentId.value = id;
    const suggestion = this.current.value;
    if (suggestion) this.app.session.value?.showSpan(suggestion);
  }

  /** Moves to the next (or previous) suggestion shown, in text order, wrapping around. */
  next(step: 1 | -1 = 1): boolean {
    const shown = this.shown.value;
    if (!this.visible.value || shown.length === 0) return false;
    const index = shown.findIndex((suggestion) => suggestion.id === this.currentId.value);
    const nextIndex = index < 0 ? (step === 1 ? 0 : shown.length - 1) : (index + step + shown.length) % shown.length;
    this.select(shown[nextIndex]?.id ?? null);
    return true;
  }

  /** Accepts the current suggestion (or the one named) as an annotation; the next one becomes current. */
  accept(id = this.currentId.value): boolean {
    const suggestion = this.shown.value.find((candidate) => candidate.id === id);
    if (!suggestion) return false;
    return this.acceptSuggestions([suggestion], 'Accept suggestion');
  }

  /** Accepts every shown suggestion of a kind at or above the confidence, as one undoable step. */
  acceptAll(kind: SuggestionKind): boolean {
    const chosen = this.shown.value.filter((suggestion) => suggestion.kind === kind);
    if (chosen.length === 0) return false;
    const done = this.acceptSuggestions(chosen, `Accept ${chosen.length} suggested ${SUGGESTION_KIND_LABELS[kind].many.toLowerCase()}`);
    if (done)
      this.app.report(
        'info',
        `Accepted ${chosen.length} suggested ${SUGGESTION_KIND_LABELS[kind].many.toLowerCase()} at or above ${Math.round(this.minConfidence.value * 100)}%.`,
      );
    return done;
  }

  /** Rejects the current suggestion (or the one named): it goes, and the library remembers not to suggest it again. */
  reject(id = this.currentId.value): boolean {
    const session = this.app.session.value;
    const suggestion = this.shown.value.find((candidate) => candidate.id === id);
    if (!session || !suggestion) return false;
    const following = this.following(suggestion.id);
    this.drop([suggestion.id], following);
    this.api.call('suggest.reject', { documentId: session.id, ids: [suggestion.id] }).catch((error: unknown) => {
      this.app.report('error', `The rejection was not remembered: ${messageOf(error)}`);
    });
    return true;
  }

  private acceptSuggestions(suggestions: readonly Suggestion[], label: string): boolean {
    const session = this.app.session.value;
    const set = this.set.value;
    if (!session || !set) return false;
    const ops = acceptSuggestionsOps(
      suggestions,
      { text: session.text, registry: session.records.entities(), tagset: session.tagset, suggestedEntities: set.entities },
      { author: this.app.settings.value.annotatorName, now: new Date().toISOString(), newId: () => crypto.randomUUID() },
    );
    if (ops.length === 0 || !session.commands.run(label, ops)) return false;
    const last = suggestions.at(-1);
    this.drop(
      suggestions.map((suggestion) => suggestion.id),
      last && this.currentId.value !== null ? this.following(last.id) : null,
    );
    return true;
  }

  /** The id of the shown suggestion after this one, if any. */
  private following(id: string): string | null {
    const shown = this.shown.value;
    const index = shown.findIndex((suggestion) => suggestion.id === id);
    return shown.slice(index + 1).find((suggestion) => suggestion.id !== id)?.id ?? null;
  }

  private drop(ids: readonly string[], nextId: string | null): void {
    const set = this.set.value;
    if (!set) return;
    const gone = new Set(ids);
    this.set.value = { ...set, suggestions: set.suggestions.filter((suggestion) => !gone.has(suggestion.id)) };
    this.select(nextId);
  }

  /** Draws the layer: the shown suggestions, none while hidden or while a colleague's review is open (its layer is dashed too). */
  private draw(): void {
    const session: DocumentSession | null = this.app.session.value;
    const set = this.set.value;
    if (!session) return;
    const spans: SuggestionSpan[] =
      set && this.visible.value && !this.app.review.active.value
        ? this.shown.value.map((suggestion) => ({
            id: suggestion.id,
            start: suggestion.start,
            end: suggestion.end,
            kind: suggestion.kind,
            current: suggestion.id === this.currentId.value,
            title: titleOf(suggestion, set),
          }))
        : [];
    session.setSuggestionLayer(spans);
  }
}
