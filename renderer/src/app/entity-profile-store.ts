import { signal } from '@preact/signals';
import type { EntityProfile, LibraryEntitySummary, MergeProposal, RegistryChange } from '../../../shared/corpus/corpus-query.ts';
import type { Entity } from '../../../shared/model/entity.ts';
import type { ApiClient } from '../../../shared/contract/api-client.ts';
import { messageOf } from '../../../shared/contract/errors.ts';
import type { ProfileHost } from './app-ports.ts';
import { runLibraryChange } from './library-change.ts';

/** What the profile workspace shows: one entity's page, or the list of possible duplicates. */
export type ProfilePane = 'profile' | 'duplicates';

/** One row of a profile picked for a split: an annotation of an article. */
export interface HitRef {
  documentId: string;
  annotationId: string;
}

/** The key a hit is known by in the split selection. */
export function hitKey(ref: HitRef): string {
  return `${ref.documentId}/${ref.annotationId}`;
}

function refOf(key: string): HitRef {
  const slash = key.indexOf('/');
  return { documentId: key.slice(0, slash), annotationId: key.slice(slash + 1) };
}

/** How long to wait for the reader to draw a document just opened, in animation frames. */
const READER_WAIT_FRAMES = 120;

/**
 * The library's entity registry in the app: the profile shown (`ui.profileEntityId`), the possible
 * duplicates, and the registry changes (edit, merge, split, dismiss) with their one-step undo and
 * redo in the services. After a change, an open article it touched is read again, so the reader
 * shows the new state.
 */
export class EntityProfileStore {
  readonly pane = signal<ProfilePane>('profile');
  readonly profile = signal<EntityProfile | null>(null);
  readonly loading = signal(false);
  /** Why the profile could not be shown. */
  readonly failure = signal<string | null>(null);
  readonly proposals = signal<MergeProposal[] | null>(null);
  /** Rows picked for "Move to a new entity…", by `hitKey`. */
  readonly picked = signal<ReadonlySet<string>>(new Set());
  readonly busy = signal(false);
  /** The entity the last split made from the profile shown, offered as a way to its own profile. */
  readonly splitOff = signal<Entity | null>(null);
  private loadRun = 0;

  constructor(
    private readonly app: ProfileHost,
    private readonly api: ApiClient,
  ) {}

  /** Shows an entity's profile in place of the reader. */
  async openProfile(entityId: string): Promise<void> {
    this.app.ui.profileEntityId.value = entityId;
    this.app.ui.workspace.value = 'profile';
    this.pane.value = 'profile';
    if (this.profile.value?.entity.id !== entityId) {
      this.profile.value = null;
      this.picked.value = new Set();
      this.splitOff.value = null;
    }
    await this.loadProfile();
  }

  /** Shows the possible duplicates in place of the reader. */
  async openDuplicates(): Promise<void> {
    this.app.ui.workspace.value = 'profile';
    this.pane.value = 'duplicates';
    await this.loadProposals();
  }

  /** Back to the article. */
  close(): void {
    this.app.ui.workspace.value = 'reader';
    requestAnimationFrame(() => this.app.session.value?.focusReader());
  }

  /** Reads the shown entity's profile again from the library. */
  async loadProfile(): Promise<void> {
    const entityId = this.app.ui.profileEntityId.value;
    if (!entityId) return;
    const run = (this.loadRun += 1);
    this.loading.value = true;
    try {
      const profile = await this.api.call('entities.profile', { entityId });
      if (run !== this.loadRun) return;
      this.profile.value = profile;
      this.failure.value = null;
      const present = new Set(profile.groups.flatMap((group) => group.hits.map((hit) => hitKey(hit))));
      this.picked.value = new Set([...this.picked.value].filter((key) => present.has(key)));
    } catch (error) {
      if (run !== this.loadRun) return;
      this.profile.value = null;
      this.failure.value = messageOf(error);
    } finally {
      if (run === this.loadRun) this.loading.value = false;
    }
  }

  async loadProposals(): Promise<void> {
    try {
      this.proposals.value = (await this.api.call('entities.proposals', {})).proposals;
    } catch (error) {
      this.proposals.value = [];
      this.app.report('error', `Could not list possible duplicates: ${messageOf(error)}`);
    }
  }

  /** Library entities whose name, alias or Wikidata id holds the filter, most used first (for the entity picker). */
  async searchLibrary(filter: string, limit = 8): Promise<LibraryEntitySummary[]> {
    try {
      return (await this.api.call('entities.list', { filter, limit })).entities;
    } catch {
      // The picker still offers the article's own entities.
      return [];
    }
  }

  /** Picks or unpicks a row for a split. */
  togglePicked(ref: HitRef): void {
    const key = hitKey(ref);
    const next = new Set(this.picked.value);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    this.picked.value = next;
  }

  clearPicked(): void {
    this.picked.value = new Set();
  }

  /**
   * Opens an article in the reader with one annotation selected and scrolled into view (Enter on a
   * row of the profile).
   */
  async openHit(ref: HitRef): Promise<void> {
    this.app.ui.workspace.value = 'reader';
    await this.app.openDocument(ref.documentId);
    const session = this.app.session.value;
    if (session?.id !== ref.documentId) return;
    // The reader is drawn after the workspace switch: wait for it, then select and show the span.
    for (let frame = 0; frame < READER_WAIT_FRAMES && !session.hasReader; frame += 1) await nextFrame();
    session.showAnnotation(ref.annotationId);
    session.focusReader();
  }

  /** Changes the entity's record in every article that holds it. */
  async update(entity: Entity): Promise<boolean> {
    return this.change(async () => (await this.api.call('entities.update', { entity })).change);
  }

  /** Moves the picked rows to a new entity; answers it, or null when the split was refused. */
  async split(name: string, type?: string): Promise<Entity | null> {
    const entityId = this.profile.value?.entity.id;
    const annotations = [...this.picked.value].map(refOf);
    if (!entityId || annotations.length === 0) return null;
    let created: Entity | null = null;
    const done = await this.change(async () => {
      const result = await this.api.call('entities.split', { entityId, annotations, name, ...(type ? { type } : {}) });
      created = result.entity;
      return result.change;
    });
    if (done) {
      this.picked.value = new Set();
      this.splitOff.value = created;
    }
    return done ? created : null;
  }

  /** Merges a proposal's entity into the one it keeps, in every article. */
  async merge(proposal: MergeProposal): Promise<boolean> {
    return this.change(
      async () => (await this.api.call('entities.merge', { keepId: proposal.keep.id, mergeIds: [proposal.merge.id] })).change,
    );
  }

  /** Dismisses a proposal, so it is not made again. */
  async dismiss(proposal: MergeProposal): Promise<void> {
    try {
      await this.api.call('entities.dismiss', { keepId: proposal.keep.id, mergeId: proposal.merge.id });
      this.proposals.value = (this.proposals.value ?? []).filter((other) => other !== proposal);
      this.app.report('info', `“${proposal.merge.name}” and “${proposal.keep.name}” stay apart; they will not be proposed again.`);
    } catch (error) {
      this.app.report('error', `Could not dismiss: ${messageOf(error)}`);
    }
  }

  /** Ctrl+Z in the profile or the duplicates list: undoes the last registry change, in every article it touched. */
  async undo(): Promise<void> {
    await this.step('undo');
  }

  async redo(): Promise<void> {
    await this.step('redo');
  }

  private async step(direction: 'undo' | 'redo'): Promise<void> {
    let change: RegistryChange | undefined;
    const done = await this.change(async () => {
      change = (await this.api.call(direction === 'undo' ? 'entities.undo' : 'entities.redo', {})).change;
      return change;
    }, direction);
    if (done && !change) this.app.report('info', direction === 'undo' ? 'No registry change to undo.' : 'No registry change to redo.');
  }

  /**
   * Runs one registry change: the open article finishes saving first (the change may touch it),
   * then the article is read again if the change touched it, and the profile and the duplicates
   * follow. The status line says what was done.
   */
  private change(run: () => Promise<RegistryChange | undefined>, direction?: 'undo' | 'redo'): Promise<boolean> {
    return runLibraryChange(this.app, this.busy, run, (change) => this.follow(change), direction);
  }

  /** Brings what the window shows up to date after a registry change. */
  private async follow(change: RegistryChange): Promise<void> {
    const session = this.app.session.value;
    if (session && change.documentIds.includes(session.id)) await this.app.reloadDocument();
    await Promise.all([
      this.app.ui.profileEntityId.value ? this.loadProfile() : Promise.resolve(),
      this.proposals.value !== null ? this.loadProposals() : Promise.resolve(),
      this.app.refreshLibrary().catch(() => undefined),
    ]);
  }
}

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}
