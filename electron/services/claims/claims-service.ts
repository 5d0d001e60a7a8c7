import { randomUUID } from 'node:crypto';
import type { ChannelInput, ChannelOutput } from '../../../shared/contract/channels.ts';
import type { ClaimSuggestion, TrackedClaimView } from '../../../shared/contract/claims-channels.ts';
import type { RegistryChange } from '../../../shared/corpus/corpus-query.ts';
import { ScholiaError } from '../../../shared/contract/errors.ts';
import type { AnnotationOp } from '../../../shared/contract/ops.ts';
import type { StoredSuggestion } from './claims-file.ts';
import type { LibraryStore } from '../store/library-store.ts';
import { commitBatches, planBatches, planReplay } from '../entities/article-batches.ts';
import { checkedBefore, trackedView, verdictLabel } from './claim-views.ts';
import { refKey, type ClaimTracker, type GroupingState, type TrackedClaim } from './claim-tracker.ts';
import { TrackerHistory, type GroupingStep, type TrackerStep } from './tracker-history.ts';
import { recordOf, withVerdict, type VerdictRecord } from './verdict-copy.ts';

function appearancesIn(count: number): string {
  return `${count} ${count === 1 ? 'appearance' : 'appearances'}`;
}

/**
 * The claim tracker's channels: tracked claims and suggestions, confirm, split and dismiss, and one
 * verdict applied to every appearance of a tracked claim (each article's batch checked through the op
 * engine in memory first, then saved, one revision per article), undone and redone as one step.
 */
export class ClaimsService {
  private readonly history = new TrackerHistory();

  constructor(
    private readonly store: LibraryStore,
    readonly tracker: ClaimTracker,
  ) {}

  private async trackedOf(id: string): Promise<TrackedClaim> {
    await this.tracker.ready();
    const tracked = this.tracker.trackedClaim(id);
    if (!tracked) throw new ScholiaError('not-found', `There is no tracked claim ${id} in the library.`);
    return tracked;
  }

  private view(tracked: TrackedClaim): TrackedClaimView {
    return trackedView(this.tracker, this.store.tagset, tracked);
  }

  private suggestionView(suggestion: StoredSuggestion): ClaimSuggestion | undefined {
    const tracked = this.tracker.trackedClaim(suggestion.trackedId);
    const candidate = this.tracker.trackedClaim(suggestion.candidateId);
    if (!tracked || !candidate) return undefined;
    const view = this.view(tracked);
    const checked = checkedBefore(view);
    return { tracked: view, candidate: this.view(candidate), score: suggestion.score, ...(checked ? { checkedBefore: checked } : {}) };
  }

  async list({ all }: ChannelInput<'claims.list'>): Promise<ChannelOutput<'claims.list'>> {
    await this.tracker.ready();
    const tracked = [...this.tracker.trackedClaims()]
      .filter((claim) => all === true || claim.appearances.length > 1 || claim.confirmed)
      .map((claim) => this.view(claim))
      .sort(
        (a, b) =>
          Number(b.confirmed) - Number(a.confirmed) ||
          b.appearances.length - a.appearances.length ||
          a.text.localeCompare(b.text) ||
          (a.id < b.id ? -1 : 1),
      );
    const suggestions = this.tracker.suggestions().flatMap((suggestion) => this.suggestionView(suggestion) ?? []);
    return { tracked, suggestions };
  }

  async of({ documentId, annotationId }: ChannelInput<'claims.of'>): Promise<ChannelOutput<'claims.of'>> {
    await this.tracker.ready();
    const id = this.tracker.trackedIdOf(documentId, annotationId);
    const tracked = id === undefined ? undefined : this.tracker.trackedClaim(id);
    if (!tracked) {
      if (!this.tracker.info(refKey(documentId, annotationId)))
        throw new ScholiaError('not-found', `There is no claim ${annotationId} in document ${documentId}.`);
      return { otherArticles: 0, suggestions: [] };
    }
    const view = this.view(tracked);
    const otherArticles = new Set(view.appearances.map((a) => a.documentId).filter((other) => other !== documentId)).size;
    const suggestions = this.tracker
      .suggestions()
      .filter((s) => s.trackedId === tracked.id || s.candidateId === tracked.id)
      .flatMap((suggestion) => this.suggestionView(suggestion) ?? []);
    const own = checkedBefore(view, { documentId, annotationId });
    const suggested = suggestions.find((s) => s.candidate.id === tracked.id && s.checkedBefore)?.checkedBefore;
    const checked = own ?? suggested;
    return { tracked: view, otherArticles, ...(checked ? { checkedBefore: checked } : {}), suggestions };
  }

  async confirm({ trackedId, candidateId }: ChannelInput<'claims.confirm'>): Promise<ChannelOutput<'claims.confirm'>> {
    this.store.assertWritable();
    const tracked = await this.trackedOf(trackedId);
    if (candidateId === undefined) {
      const change = this.regroup(
        [trackedId],
        `Confirmed the ${appearancesIn(tracked.appearances.length)} of “${tracked.text}” as one claim`,
        () => {
          this.tracker.confirm(trackedId);
          return [];
        },
      );
      return { tracked: this.view(await this.trackedOf(trackedId)), change };
    }
    const candidate = await this.trackedOf(candidateId);
    if (candidateId === trackedId) throw new ScholiaError('bad-request', 'A tracked claim cannot be joined to itself.');
    const change = this.regroup([trackedId, candidateId], `Tracked “${candidate.text}” with “${tracked.text}”`, () => {
      this.tracker.join(trackedId, candidateId);
      return [];
    });
    return { tracked: this.view(await this.trackedOf(trackedId)), change };
  }

  async split({ trackedId, appearances }: ChannelInput<'claims.split'>): Promise<ChannelOutput<'claims.split'>> {
    this.store.assertWritable();
    const from = await this.trackedOf(trackedId);
    const keys = [...new Set(appearances.map(({ documentId, annotationId }) => refKey(documentId, annotationId)))];
    const foreign = appearances.find(({ documentId, annotationId }) => !from.appearances.includes(refKey(documentId, annotationId)));
    if (foreign)
      throw new ScholiaError(
        'bad-request',
        `Claim ${foreign.annotationId} of document ${foreign.documentId} is not an appearance of this tracked claim.`,
      );
    if (keys.length === from.appearances.length)
      throw new ScholiaError('bad-request', 'Splitting off every appearance would leave the tracked claim empty; keep at least one.');
    let created = '';
    const change = this.regroup([trackedId], `Split ${appearancesIn(keys.length)} off “${from.text}”`, () => {
      created = this.tracker.split(trackedId, keys);
      return [created];
    });
    const rest = this.tracker.trackedClaim(trackedId);
    return { tracked: this.view(await this.trackedOf(created)), ...(rest ? { rest: this.view(rest) } : {}), change };
  }

  async dismiss({ trackedId, candidateId }: ChannelInput<'claims.dismiss'>): Promise<ChannelOutput<'claims.dismiss'>> {
    this.store.assertWritable();
    const tracked = await this.trackedOf(trackedId);
    const candidate = await this.trackedOf(candidateId);
    if (!this.tracker.suggestion(trackedId, candidateId))
      throw new ScholiaError('not-found', `There is no suggestion that ${candidateId} joins ${trackedId}.`);
    let dismissed = false;
    const change = this.regroup([trackedId, candidateId], `Kept “${candidate.text}” apart from “${tracked.text}”`, () => {
      dismissed = this.tracker.dismiss(trackedId, candidateId);
      return [];
    });
    return { dismissed, change };
  }

  /**
   * Runs a grouping change over the tracked claims of `scope` (and those it creates, whose ids `run` answers)
   * and records it for undo: the grouping before and after. It touches no article.
   */
  private regroup(scope: string[], description: string, run: () => readonly string[]): RegistryChange {
    const before = this.tracker.groupingOf(scope);
    const created = run();
    const touched = [...scope, ...created];
    const change: RegistryChange = { id: randomUUID(), description, documentIds: [] };
    this.history.record({ kind: 'grouping', change, scope: touched, before, after: this.tracker.groupingOf(touched) });
    return change;
  }

  /** Puts a grouping change's tracked claims as `to` has them, or refuses (changing nothing) if they have changed since `from`. */
  private replayGrouping(step: GroupingStep, from: GroupingState, to: GroupingState, verb: 'undo' | 'redo'): void {
    if (!sameGrouping(this.tracker.groupingOf(step.scope), from))
      throw new ScholiaError(
        'conflict',
        `Cannot ${verb} “${step.change.description}”: those tracked claims have changed since (a claim was added, removed or regrouped). Nothing was changed.`,
      );
    this.tracker.restoreGrouping(step.scope, to);
  }

  /** The verdict record of `from`, which must be an appearance of the tracked claim. */
  private async recordFrom(tracked: TrackedClaim, from: { documentId: string; annotationId: string }): Promise<VerdictRecord> {
    if (!tracked.appearances.includes(refKey(from.documentId, from.annotationId)))
      throw new ScholiaError(
        'bad-request',
        `Claim ${from.annotationId} of document ${from.documentId} is not an appearance of this tracked claim.`,
      );
    const document = await this.store.getDocument(from.documentId);
    const claim = document.annotations.find((annotation) => annotation.id === from.annotationId);
    if (claim?.kind !== 'claim')
      throw new ScholiaError('conflict', `"${document.meta.title}" no longer holds claim ${from.annotationId}. Nothing was changed.`);
    return recordOf(claim);
  }

  /**
   * Gives every appearance the verdict (and, with `from`, that appearance's verdict record): checked in
   * every article in memory, then saved, one revision each; undone as one step.
   */
  async applyVerdict({ trackedId, verdict, from }: ChannelInput<'claims.applyVerdict'>): Promise<ChannelOutput<'claims.applyVerdict'>> {
    this.store.assertWritable();
    const tracked = await this.trackedOf(trackedId);
    const { tagset } = this.store;
    if (!tagset.verdicts.some((entry) => entry.id === verdict))
      throw new ScholiaError('bad-request', `The codebook has no verdict "${verdict}".`);
    const record = from ? await this.recordFrom(tracked, from) : undefined;
    const now = new Date().toISOString();
    const byDocument = new Map<string, string[]>();
    for (const key of tracked.appearances) {
      const info = this.tracker.info(key);
      if (info) byDocument.set(info.documentId, [...(byDocument.get(info.documentId) ?? []), info.annotationId]);
    }
    const batches: { documentId: string; ops: AnnotationOp[] }[] = [];
    for (const [documentId, annotationIds] of byDocument) {
      const document = await this.store.getDocument(documentId);
      const ops: AnnotationOp[] = [];
      for (const annotationId of annotationIds) {
        const claim = document.annotations.find((annotation) => annotation.id === annotationId);
        if (claim?.kind !== 'claim')
          throw new ScholiaError('conflict', `"${document.meta.title}" no longer holds claim ${annotationId}. Nothing was changed.`);
        const isSource = from?.documentId === documentId && from.annotationId === annotationId;
        const updated = withVerdict(claim, verdict, isSource ? undefined : record, now);
        if (updated) ops.push({ op: 'annotation.update', annotation: updated });
      }
      batches.push({ documentId, ops });
    }
    const label = verdictLabel(tagset, verdict);
    const planned = await planBatches(this.store, batches, `apply “${label}” to “${tracked.text}”`);
    const articles = await commitBatches(this.store, planned, now);
    const count = planned.reduce((sum, batch) => sum + batch.ops.length, 0);
    const change = {
      id: randomUUID(),
      description: `Gave “${label}”${record ? ' and its verdict record' : ''} to ${appearancesIn(count)} of “${tracked.text}” in ${articles.length} ${articles.length === 1 ? 'article' : 'articles'}`,
      documentIds: articles.map((article) => article.documentId),
    };
    if (articles.length > 0) this.history.record({ kind: 'verdict', change, trackedId, articles });
    await this.tracker.ready();
    return { tracked: this.view(await this.trackedOf(trackedId)), change };
  }

  /** Undoes the last change (a verdict in every article it touched, or a grouping), or refuses, changing nothing, if it has changed since. */
  async undo(): Promise<ChannelOutput<'claims.undo'>> {
    this.store.assertWritable();
    await this.tracker.ready();
    const step = this.history.lastDone;
    if (!step) return {};
    await this.replay(step, 'undo');
    this.history.undid();
    await this.tracker.ready();
    return { change: step.change };
  }

  async redo(): Promise<ChannelOutput<'claims.redo'>> {
    this.store.assertWritable();
    await this.tracker.ready();
    const step = this.history.lastUndone;
    if (!step) return {};
    await this.replay(step, 'redo');
    this.history.redid();
    await this.tracker.ready();
    return { change: step.change };
  }

  private async replay(step: TrackerStep, direction: 'undo' | 'redo'): Promise<void> {
    if (step.kind === 'grouping') {
      const [from, to] = direction === 'undo' ? [step.after, step.before] : [step.before, step.after];
      this.replayGrouping(step, from, to, direction);
      return;
    }
    const planned = await planReplay(this.store, step.articles, direction, `${direction} “${step.change.description}”`);
    await commitBatches(this.store, planned, new Date().toISOString());
  }
}

/** Whether two groupings are the same, whatever the order of their parts. */
function sameGrouping(a: GroupingState, b: GroupingState): boolean {
  const canonical = (state: GroupingState) =>
    JSON.stringify({
      tracked: state.tracked.map((t) => [t.id, t.text, t.confirmed, t.appearances]).sort((x, y) => (String(x[0]) < String(y[0]) ? -1 : 1)),
      suggestions: state.suggestions.map((s) => `${s.trackedId} ${s.candidateId} ${s.score}`).sort(),
      dismissed: [...state.dismissed].sort(),
    });
  return canonical(a) === canonical(b);
}
