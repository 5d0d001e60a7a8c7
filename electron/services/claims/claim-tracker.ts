import type { Low } from 'lowdb';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { ClaimMatcher, type ClaimMatch } from '../../../shared/claims/matcher.ts';
import type { ClaimAnnotation } from '../../../shared/model/annotation.ts';
import type { ScholiaDocument } from '../../../shared/model/document.ts';
import type { DocumentChange, LibraryStore } from '../store/library-store.ts';
import { CLAIMS_FILE, CLAIMS_VERSION, openClaimsFile, type ClaimsFile, type StoredSuggestion } from './claims-file.ts';

/** What the tracker keeps of one claim annotation, read from its document. */
export interface ClaimInfo {
  documentId: string;
  annotationId: string;
  text: string;
  start: number;
  end: number;
  status: string;
  claimantId?: string;
  claimant?: string;
  modified: string;
  checkedOn?: string;
  /** Whether the claim's verdict record has a rationale, and how many sources it cites. */
  hasRationale: boolean;
  sources: number;
}

/** What the tracker keeps of an article holding claims. */
export interface ArticleInfo {
  title: string;
  published?: string;
}

export interface TrackedClaim {
  id: string;
  text: string;
  confirmed: boolean;
  /** Annotation keys (`<document id> <annotation id>`), first appearance first. */
  appearances: string[];
}

/** The grouping of some tracked claims at one moment, as undo and redo of a grouping change put it back. */
export interface GroupingState {
  tracked: TrackedClaim[];
  suggestions: StoredSuggestion[];
  /** Pair keys. */
  dismissed: string[];
}

/** How many near matches one new claim is suggested for, at most. */
export const SUGGESTIONS_PER_CLAIM = 3;
/** More new claims than this in one change are grouped at once and matched for suggestions afterwards. */
const SUGGEST_BATCH = 20;
/** How long the search for near matches runs before it yields to other work, in milliseconds. */
const SUGGEST_SLICE_MS = 8;

export const refKey = (documentId: string, annotationId: string) => `${documentId} ${annotationId}`;
const pairKey = (a: string, b: string) => (a < b ? `${a} ${b}` : `${b} ${a}`);

function infoOf(document: ScholiaDocument, claim: ClaimAnnotation): ClaimInfo {
  const claimant = claim.claimantId ? document.entities.find((entity) => entity.id === claim.claimantId)?.name : undefined;
  return {
    documentId: document.id,
    annotationId: claim.id,
    text: claim.target.exact,
    start: claim.target.start,
    end: claim.target.end,
    status: claim.status,
    ...(claim.claimantId ? { claimantId: claim.claimantId } : {}),
    ...(claimant ? { claimant } : {}),
    modified: claim.modified,
    ...(claim.checkedOn ? { checkedOn: claim.checkedOn } : {}),
    hasRationale: (claim.rationale ?? '').trim() !== '',
    sources: claim.evidence?.length ?? 0,
  };
}

function claimsOf(document: ScholiaDocument): ClaimAnnotation[] {
  return document.annotations.filter((annotation): annotation is ClaimAnnotation => annotation.kind === 'claim');
}

/**
 * The claims of the library grouped by the assertion they make (docs/CLAIMS.md, "The claim tracker").
 * Kept in `claims.json`, built from the documents on first use, and kept current through
 * `onDocumentChange`: a new claim with the same normalised text as a tracked claim joins it at once;
 * one near a tracked claim becomes a tracked claim of its own with a suggestion to join; a removed
 * claim leaves its group. The matcher indexes one entry per tracked claim.
 */
export class ClaimTracker {
  private readonly tracked = new Map<string, TrackedClaim>();
  /** Annotation key → the tracked claim it appears in. */
  private readonly trackedOf = new Map<string, string>();
  private readonly infos = new Map<string, ClaimInfo>();
  /** Document id → its claims' annotation keys. */
  private readonly keysOf = new Map<string, Set<string>>();
  private readonly articles = new Map<string, ArticleInfo>();
  /** Pair key of the two tracked ids → the suggestion. */
  private readonly suggestionsByPair = new Map<string, StoredSuggestion>();
  private readonly dismissed = new Set<string>();
  private readonly matcher = new ClaimMatcher();
  private file: Low<ClaimsFile> | undefined;
  private newer = false;
  private loading: Promise<void> | undefined;
  private queue: Promise<void> = Promise.resolve();
  /** Near matches still being looked for, a batch at a time (see `suggestFor`). */
  private suggesting: Promise<void> = Promise.resolve();

  constructor(private readonly store: LibraryStore) {
    store.onDocumentChange((change) => this.follow(change));
  }

  /** The tracker, loaded (on first use) and current with every document change so far. */
  async ready(): Promise<void> {
    await (this.loading ??= this.load());
    let drained: Promise<void>;
    let suggested: Promise<void>;
    do {
      drained = this.queue;
      suggested = this.suggesting;
      await drained;
      await suggested;
    } while (drained !== this.queue || suggested !== this.suggesting);
  }

  get size(): number {
    return this.tracked.size;
  }

  trackedClaims(): Iterable<TrackedClaim> {
    return this.tracked.values();
  }

  trackedClaim(id: string): TrackedClaim | undefined {
    return this.tracked.get(id);
  }

  trackedIdOf(documentId: string, annotationId: string): string | undefined {
    return this.trackedOf.get(refKey(documentId, annotationId));
  }

  info(key: string): ClaimInfo | undefined {
    return this.infos.get(key);
  }

  article(documentId: string): ArticleInfo | undefined {
    return this.articles.get(documentId);
  }

  suggestions(): StoredSuggestion[] {
    return [...this.suggestionsByPair.values()].sort((a, b) => b.score - a.score);
  }

  suggestion(trackedId: string, candidateId: string): StoredSuggestion | undefined {
    const found = this.suggestionsByPair.get(pairKey(trackedId, candidateId));
    return found && found.trackedId === trackedId && found.candidateId === candidateId ? found : undefined;
  }

  /**
   * How a claim with this text (and claimant) would be tracked, without tracking it: the tracked
   * claims of the same normalised text, and the near matches.
   */
  flag(text: string, entities: readonly string[] = []): { identical: string[]; near: ClaimMatch[] } {
    const identical = this.matcher.identicalTo(text);
    if (identical.length > 0) return { identical, near: [] };
    const near = this.matcher.match({ text, entities }, SUGGESTIONS_PER_CLAIM).filter((match) => match.level !== 'none');
    return { identical, near };
  }

  /** Joins the candidate's appearances to the tracked claim, which becomes confirmed. */
  join(trackedId: string, candidateId: string): void {
    const into = this.tracked.get(trackedId);
    const from = this.tracked.get(candidateId);
    if (!into || !from || into === from) return;
    this.unindex(into);
    this.unindex(from);
    this.tracked.delete(candidateId);
    for (const key of from.appearances) {
      into.appearances.push(key);
      this.trackedOf.set(key, trackedId);
    }
    into.confirmed = true;
    this.index(into);
    this.repointSuggestions(candidateId, trackedId);
    this.writeSoon();
  }

  confirm(trackedId: string): void {
    const tracked = this.tracked.get(trackedId);
    if (!tracked || tracked.confirmed) return;
    tracked.confirmed = true;
    this.writeSoon();
  }

  /** Moves appearances of a tracked claim to a new confirmed one, its own text that of its first appearance; answers its id. */
  split(trackedId: string, keys: readonly string[]): string {
    const from = this.tracked.get(trackedId);
    if (!from) throw new Error(`no tracked claim ${trackedId}`);
    const moving = new Set(keys);
    this.unindex(from);
    from.appearances = from.appearances.filter((key) => !moving.has(key));
    const first = this.infos.get(keys[0] ?? '');
    const created: TrackedClaim = { id: randomUUID(), text: first?.text ?? from.text, confirmed: true, appearances: [...keys] };
    if (from.appearances.length > 0) this.index(from);
    else this.tracked.delete(trackedId);
    this.tracked.set(created.id, created);
    for (const key of keys) this.trackedOf.set(key, created.id);
    this.index(created);
    this.dismissed.add(pairKey(trackedId, created.id));
    this.writeSoon();
    return created.id;
  }

  /** Remembers that a suggestion was dismissed; false when there was none. */
  dismiss(trackedId: string, candidateId: string): boolean {
    const key = pairKey(trackedId, candidateId);
    const had = this.suggestionsByPair.delete(key);
    this.dismissed.add(key);
    this.writeSoon();
    return had;
  }

  /** The grouping of the tracked claims named (those that exist), with the suggestions and dismissed pairs that name them. */
  groupingOf(scope: readonly string[]): GroupingState {
    const ids = new Set(scope);
    const names = (a: string, b: string) => ids.has(a) || ids.has(b);
    return {
      tracked: scope.flatMap((id) => {
        const tracked = this.tracked.get(id);
        return tracked ? [{ ...tracked, appearances: [...tracked.appearances] }] : [];
      }),
      suggestions: this.suggestions().filter((s) => names(s.trackedId, s.candidateId)),
      dismissed: [...this.dismissed].filter((pair) => {
        const [a = '', b = ''] = pair.split(' ');
        return names(a, b);
      }),
    };
  }

  /**
   * Puts the tracked claims named back as `state` had them (undo and redo of confirm, split and
   * dismiss); the appearances must be those they hold now, moved about.
   */
  restoreGrouping(scope: readonly string[], state: GroupingState): void {
    const now = this.groupingOf(scope);
    for (const tracked of now.tracked) {
      this.unindex(tracked);
      this.tracked.delete(tracked.id);
    }
    for (const suggestion of now.suggestions) this.suggestionsByPair.delete(pairKey(suggestion.trackedId, suggestion.candidateId));
    for (const pair of now.dismissed) this.dismissed.delete(pair);
    for (const stored of state.tracked) {
      const tracked = { ...stored, appearances: [...stored.appearances] };
      this.tracked.set(tracked.id, tracked);
      for (const key of tracked.appearances) this.trackedOf.set(key, tracked.id);
      this.index(tracked);
    }
    for (const suggestion of state.suggestions)
      this.suggestionsByPair.set(pairKey(suggestion.trackedId, suggestion.candidateId), suggestion);
    for (const pair of state.dismissed) this.dismissed.add(pair);
    this.writeSoon();
  }

  private async load(): Promise<void> {
    const opened = await openClaimsFile(this.store.dir, this.store.writable, this.store.notices);
    this.file = opened.db;
    this.newer = opened.newer;
    const fresh: string[] = [];
    for await (const document of this.store.readableDocuments()) fresh.push(...this.read(document));
    let changed = opened.read === null;
    // A hand-edited file may name a tracked claim twice, or a claim twice: the first wins, the rest is dropped.
    for (const stored of opened.read?.tracked ?? []) {
      const appearances = [...new Set(stored.appearances.map(({ documentId, annotationId }) => refKey(documentId, annotationId)))].filter(
        (key) => this.infos.has(key) && !this.trackedOf.has(key),
      );
      if (appearances.length !== stored.appearances.length) changed = true;
      if (appearances.length === 0 || this.tracked.has(stored.id)) {
        changed = true;
        continue;
      }
      const tracked: TrackedClaim = { id: stored.id, text: stored.text, confirmed: stored.confirmed, appearances };
      this.tracked.set(tracked.id, tracked);
      for (const key of appearances) this.trackedOf.set(key, tracked.id);
      this.index(tracked);
    }
    for (const [a, b] of opened.read?.dismissed ?? []) this.dismissed.add(pairKey(a, b));
    for (const suggestion of opened.read?.suggestions ?? [])
      if (
        suggestion.trackedId !== suggestion.candidateId &&
        this.tracked.has(suggestion.trackedId) &&
        this.tracked.has(suggestion.candidateId) &&
        !this.dismissed.has(pairKey(suggestion.trackedId, suggestion.candidateId))
      )
        this.suggestionsByPair.set(pairKey(suggestion.trackedId, suggestion.candidateId), suggestion);
    // Claims new to the tracker are grouped by their normalised text at once (a lookup each); their
    // near matches are looked for afterwards, a few at a time, so a large library answers meanwhile.
    const created: string[] = [];
    for (const key of fresh) {
      if (this.trackedOf.has(key)) continue;
      const id = this.track(key, false);
      if (id) created.push(id);
      changed = true;
    }
    if (changed) this.writeSoon();
    this.suggestLater(created);
  }

  /** Queues a search for near matches of new tracked claims, after any queued before. */
  private suggestLater(trackedIds: readonly string[]): void {
    if (trackedIds.length === 0) return;
    this.suggesting = this.suggesting
      .then(() => this.suggestFor(trackedIds))
      .catch((error: unknown) => {
        this.store.notices.push({
          level: 'warning',
          message: `The claim tracker could not look for similar claims: ${error instanceof Error ? error.message : String(error)}`,
        });
      });
  }

  /** Looks for near matches of the given tracked claims, yielding to other work between small batches. */
  private async suggestFor(trackedIds: readonly string[]): Promise<void> {
    // As if they had come one by one: each claim is suggested for those tracked before it, never after.
    const order = new Map(trackedIds.map((id, position) => [id, position]));
    let slice = performance.now();
    for (const [position, id] of trackedIds.entries()) {
      if (performance.now() - slice > SUGGEST_SLICE_MS) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        slice = performance.now();
      }
      const tracked = this.tracked.get(id);
      if (!tracked) continue;
      const near = this.matcher
        .match({ id, text: tracked.text, entities: this.entitiesOf(tracked) }, SUGGESTIONS_PER_CLAIM * 2)
        .filter((match) => (order.get(match.id) ?? -1) < position)
        .slice(0, SUGGESTIONS_PER_CLAIM);
      this.suggest(id, near);
    }
    this.writeSoon();
  }

  /** Takes in a document's article info and claims; answers their keys. */
  private read(document: ScholiaDocument): string[] {
    this.articles.set(document.id, {
      title: document.meta.title,
      ...(document.meta.published ? { published: document.meta.published } : {}),
    });
    const keys = claimsOf(document).map((claim) => {
      const key = refKey(document.id, claim.id);
      this.infos.set(key, infoOf(document, claim));
      return key;
    });
    if (keys.length > 0) this.keysOf.set(document.id, new Set(keys));
    else this.keysOf.delete(document.id);
    return keys;
  }

  /** Tracks a claim new to the tracker: it joins a tracked claim of the same normalised text, or starts one (with suggestions). */
  /** Puts a claim in the tracked claim of the same text, or a new one (with its near matches as suggestions, if `suggest`); answers a new one's id. */
  private track(key: string, suggest = true): string | undefined {
    const info = this.infos.get(key);
    if (!info) return undefined;
    const identical = this.matcher.identicalTo(info.text);
    const near = identical.length > 0 || !suggest ? [] : this.flag(info.text, info.claimantId ? [info.claimantId] : []).near;
    const joined = identical.map((id) => this.tracked.get(id)).find((tracked) => tracked !== undefined);
    if (joined) {
      joined.appearances.push(key);
      this.trackedOf.set(key, joined.id);
      if (info.claimantId) {
        this.unindex(joined);
        this.index(joined);
      }
      return undefined;
    }
    const created: TrackedClaim = { id: randomUUID(), text: info.text, confirmed: false, appearances: [key] };
    this.tracked.set(created.id, created);
    this.trackedOf.set(key, created.id);
    this.index(created);
    this.suggest(created.id, near);
    return created.id;
  }

  /** Keeps the near matches of a tracked claim as suggestions, but dismissed pairs and those already kept the other way round. */
  private suggest(candidateId: string, near: readonly ClaimMatch[]): void {
    for (const match of near) {
      if (match.level === 'none' || match.id === candidateId) continue;
      const pair = pairKey(match.id, candidateId);
      if (this.dismissed.has(pair) || !this.tracked.has(match.id) || this.suggestionsByPair.has(pair)) continue;
      this.suggestionsByPair.set(pair, { trackedId: match.id, candidateId, score: Math.round(match.score * 1000) / 1000 });
    }
  }

  /** Takes a claim out of its tracked claim; a tracked claim left empty goes, with its suggestions. */
  private untrack(key: string): void {
    const id = this.trackedOf.get(key);
    this.trackedOf.delete(key);
    const tracked = id === undefined ? undefined : this.tracked.get(id);
    if (!tracked) return;
    this.unindex(tracked);
    tracked.appearances = tracked.appearances.filter((k) => k !== key);
    if (tracked.appearances.length > 0) {
      this.index(tracked);
      return;
    }
    this.tracked.delete(tracked.id);
    this.repointSuggestions(tracked.id, undefined);
  }

  /** The claimants of a tracked claim's appearances, for the matcher's entity agreement. */
  private entitiesOf(tracked: TrackedClaim): string[] {
    return [...new Set(tracked.appearances.flatMap((key) => this.infos.get(key)?.claimantId ?? []))];
  }

  private index(tracked: TrackedClaim): void {
    this.matcher.add({ id: tracked.id, text: tracked.text, entities: this.entitiesOf(tracked) });
  }

  private unindex(tracked: TrackedClaim): void {
    this.matcher.remove(tracked.id);
  }

  /** Suggestions naming `from` now name `to` (dropped when `to` is undefined or the pair would be one claim). */
  private repointSuggestions(from: string, to: string | undefined): void {
    for (const [pair, suggestion] of [...this.suggestionsByPair]) {
      if (suggestion.trackedId !== from && suggestion.candidateId !== from) continue;
      this.suggestionsByPair.delete(pair);
      if (to === undefined) continue;
      const moved = {
        trackedId: suggestion.trackedId === from ? to : suggestion.trackedId,
        candidateId: suggestion.candidateId === from ? to : suggestion.candidateId,
        score: suggestion.score,
      };
      const key = pairKey(moved.trackedId, moved.candidateId);
      if (moved.trackedId !== moved.candidateId && !this.dismissed.has(key) && !this.suggestionsByPair.has(key))
        this.suggestionsByPair.set(key, moved);
    }
  }

  /** Queues a document change; before the tracker's first use there is nothing to follow (loading reads the documents). */
  private follow(change: DocumentChange): void {
    if (!this.loading) return;
    const loading = this.loading;
    this.queue = this.queue
      .then(() => loading)
      .then(() => this.handle(change))
      .catch((error: unknown) => {
        this.store.notices.push({
          level: 'warning',
          message: `The claim tracker could not follow a change of document ${change.id}: ${error instanceof Error ? error.message : String(error)}`,
        });
      });
  }

  private handle({ id, after }: DocumentChange): void {
    const previous = new Map([...(this.keysOf.get(id) ?? [])].map((key) => [key, this.infos.get(key)?.text]));
    for (const key of previous.keys()) this.infos.delete(key);
    if (after) this.read(after);
    else {
      this.keysOf.delete(id);
      this.articles.delete(id);
    }
    const now = this.keysOf.get(id) ?? new Set<string>();
    let changed = false;
    for (const [key, text] of previous) {
      if (now.has(key) && this.infos.get(key)?.text === text) continue;
      this.untrack(key);
      changed = true;
    }
    // Many new claims at once (an import) are grouped now and matched for suggestions afterwards, as on loading.
    const fresh = [...now].filter((key) => !this.trackedOf.has(key));
    const bulk = fresh.length > SUGGEST_BATCH;
    const created: string[] = [];
    for (const key of fresh) {
      const id = this.track(key, !bulk);
      if (id && bulk) created.push(id);
      changed = true;
    }
    if (changed) this.writeSoon();
    this.suggestLater(created);
  }

  /** Writes `claims.json` after the debounce window, as it stands then. */
  private writeSoon(): void {
    const file = this.file;
    if (!file || this.newer || !this.store.writable) return;
    this.store.scheduleWrite(CLAIMS_FILE, () => {
      file.data = {
        format: 'scholia-claims',
        version: CLAIMS_VERSION,
        tracked: [...this.tracked.values()].map((tracked) => ({
          id: tracked.id,
          text: tracked.text,
          confirmed: tracked.confirmed,
          appearances: tracked.appearances.map((key) => {
            const [documentId = '', annotationId = ''] = key.split(' ');
            return { documentId, annotationId };
          }),
        })),
        suggestions: this.suggestions(),
        dismissed: [...this.dismissed].map((key) => key.split(' ') as [string, string]),
      };
      return file.write();
    });
  }
}
