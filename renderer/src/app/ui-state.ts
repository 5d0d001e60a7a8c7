import { signal } from '@preact/signals';

export type PanelTab = 'claims' | 'quotes' | 'entities' | 'notes';
export const PANEL_TABS: readonly PanelTab[] = ['claims', 'quotes', 'entities', 'notes'];

/** What the middle of the window shows: the article, the corpus search, an entity's profile, the tracked claims, or the team. */
export type Workspace = 'reader' | 'search' | 'profile' | 'claims' | 'team';

export type DialogName = 'shortcuts' | 'settings' | 'export' | 'versions' | 'team-join';

/** What the window shows around the article: the list tab, the find bar, an open dialog. */
export class UiState {
  readonly panelTab = signal<PanelTab>('claims');
  readonly dialog = signal<DialogName | null>(null);
  readonly workspace = signal<Workspace>('reader');
  /** The registry entity whose profile the profile workspace shows. */
  readonly profileEntityId = signal<string | null>(null);
  readonly findOpen = signal(false);
  /** Bumps each time find is asked for, so an open find bar takes focus again. */
  readonly findRequest = signal(0);
  /** Text to search for when find opens (the selected text, if short). */
  readonly findSeed = signal('');

  openFind(seed: string): void {
    if (seed) this.findSeed.value = seed;
    this.findOpen.value = true;
    this.findRequest.value += 1;
  }

  closeFind(): void {
    this.findOpen.value = false;
  }
}
