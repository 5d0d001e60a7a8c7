import { signal } from '@preact/signals';
import type { ApiClient } from '../../../shared/contract/api-client.ts';
import type { ChannelOutput } from '../../../shared/contract/channels.ts';
import type { ClaimSuggestion, TrackedClaimView } from '../../../shared/contract/claims-channels.ts';
import type { RegistryChange } from '../../../shared/corpus/corpus-query.ts';
import { messageOf } from '../../../shared/contract/errors.ts';
import type { ProfileHost } from './app-ports.ts';
import { runLibraryChange } from './library-change.ts';

/** How long to wait for the reader to draw a document just opened, in animation frames. */
const READER_WAIT_FRAMES = 120;

export type ClaimOf = ChannelOutput<'claims.of'>;

/**
 * The claim tracker in the app (`ui.workspace` = 'claims'): the tracked claims and the suggestions,
 * confirm, split and dismiss, one verdict for every appearance with its one-step undo and redo in
 * the services, and the inspector's line for the selected claim. After a change, an open article it
 * touched is read again, so the reader shows the new state.
 */
export class ClaimTrackerStore {
  readonly tracked = signal<TrackedClaimView[] | null>(null);
  readonly suggestions = signal<ClaimSuggestion[]>([]);
  /** The tracked claim to show first (opened from the inspector). */
  readonly focusId = signal<string | null>(null);
  readonly busy = signal(false);
  /** Bumps after each change, so the inspector's line reads its claim again. */
  readonly changes = signal(0);

  constructor(
    private readonly app: ProfileHost,
    private readonly api: ApiClient,
  ) {}

  /** Shows the tracked claims in place of the reader, `focusId` first when given. */
  async open(focusId?: string): Promise<void> {
    this.focusId.value = focusId ?? null;
    this.app.ui.workspace.value = 'claims';
    await this.load();
  }

  close(): void {
    this.app.ui.workspace.value = 'reader';
    requestAnimationFrame(() => this.app.session.value?.focusReader());
  }

  async load(): Promise<void> {
    try {
      const listed = await this.api.call('claims.list', {});
      this.tracked.value = listed.tracked;
      this.suggestions.value = listed.suggestions;
    } catch (error) {
      this.tracked.value = [];
      this.app.report('error', `Could not list the tracked claims: ${messageOf(error)}`);
    }
  }

  /** The tracked claim of a claim annotation, for the inspector; null when the library cannot say. */
  async of(documentId: string, annotationId: string): Promise<ClaimOf | null> {
    try {
      return await this.api.call('claims.of', { documentId, annotationId });
    } catch {
      return null;
    }
  }

  /** "Same claim": the suggested claim joins the tracked one. */
  async confirm(suggestion: ClaimSuggestion): Promise<boolean> {
    return this.grouping(async () => {
      await this.api.call('claims.confirm', { trackedId: suggestion.tracked.id, candidateId: suggestion.candidate.id });
      return `“${suggestion.candidate.text}” is now tracked with “${suggestion.tracked.text}”.`;
    });
  }

  /** Confirms a grouping made by the same wording as it is. */
  async confirmGroup(tracked: TrackedClaimView): Promise<boolean> {
    return this.grouping(async () => {
      await this.api.call('claims.confirm', { trackedId: tracked.id });
      return `Confirmed: the ${tracked.appearances.length} appearances of “${tracked.text}” are one claim.`;
    });
  }

  /** "Not the same": the suggestion is dismissed for good. */
  async dismiss(suggestion: ClaimSuggestion): Promise<boolean> {
    return this.grouping(async () => {
      await this.api.call('claims.dismiss', { trackedId: suggestion.tracked.id, candidateId: suggestion.candidate.id });
      return `“${suggestion.candidate.text}” stays apart from “${suggestion.tracked.text}”; it will not be suggested again.`;
    });
  }

  /** Moves one appearance to a tracked claim of its own. */
  async split(tracked: TrackedClaimView, ref: { documentId: string; annotationId: string }): Promise<boolean> {
    return this.grouping(async () => {
      await this.api.call('claims.split', { trackedId: tracked.id, appearances: [ref] });
      return `Split off: that appearance is now a tracked claim of its own.`;
    });
  }

  /** Gives every appearance of the tracked claim the verdict (after the analyst confirmed it), in every article. */
  async applyVerdict(tracked: TrackedClaimView, verdict: string, from?: { documentId: string; annotationId: string }): Promise<boolean> {
    return this.change(
      async () => (await this.api.call('claims.applyVerdict', { trackedId: tracked.id, verdict, ...(from ? { from } : {}) })).change,
    );
  }

  /** Ctrl+Z in the tracked claims view: undoes the last change, a verdict applied (in every article it touched), or a confirm, split or dismiss. */
  async undo(): Promise<void> {
    await this.step('undo');
  }

  async redo(): Promise<void> {
    await this.step('redo');
  }

  /** Opens an appearance in its article, selected and scrolled into view (Enter on a row). */
  async openAppearance(ref: { documentId: string; annotationId: string }): Promise<void> {
    this.app.ui.workspace.value = 'reader';
    await this.app.openDocument(ref.documentId);
    const session = this.app.session.value;
    if (session?.id !== ref.documentId) return;
    for (let frame = 0; frame < READER_WAIT_FRAMES && !session.hasReader; frame += 1) await nextFrame();
    session.showAnnotation(ref.annotationId);
    session.focusReader();
  }

  private async step(direction: 'undo' | 'redo'): Promise<void> {
    let change: RegistryChange | undefined;
    const done = await this.change(async () => {
      change = (await this.api.call(direction === 'undo' ? 'claims.undo' : 'claims.redo', {})).change;
      return change;
    }, direction);
    if (done && !change)
      this.app.report('info', direction === 'undo' ? 'Nothing to undo in the tracked claims.' : 'Nothing to redo in the tracked claims.');
  }

  private async grouping(run: () => Promise<string>): Promise<boolean> {
    if (this.busy.value) return false;
    this.busy.value = true;
    try {
      const message = await run();
      await this.load();
      this.changes.value += 1;
      this.app.report('info', message);
      return true;
    } catch (error) {
      this.app.report('error', `Not changed: ${messageOf(error)}`);
      return false;
    } finally {
      this.busy.value = false;
    }
  }

  /** Runs one change across articles: the open article finishes saving first, then what the window shows follows. */
  private change(run: () => Promise<RegistryChange | undefined>, direction?: 'undo' | 'redo'): Promise<boolean> {
    return runLibraryChange(this.app, this.busy, run, (change) => this.follow(change), direction);
  }

  /** Brings what the window shows up to date after a change across articles. */
  private async follow(change: RegistryChange): Promise<void> {
    const session = this.app.session.value;
    if (session && change.documentIds.includes(session.id)) await this.app.reloadDocument();
    await Promise.all([this.load(), this.app.refreshLibrary().catch(() => undefined)]);
    this.changes.value += 1;
  }
}

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}
