import { signal } from '@preact/signals';

export type PanelTab = 'claims' | 'quotes' | 'entities' | 'notes';
export const PANEL_TABS: readonly PanelTab[] = ['claims', 'quotes', 'entities', 'notes'];

export type DialogName = 'shortcuts' | 'settings' | 'export' | 'versions';

/** What the window shows around the article: the list tab, the find bar, an open dialog. */
export class UiState {
  readonly panelTab = signal<PanelTab>('claims');
  readonly dialog = signal<DialogName | null>(null);
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
