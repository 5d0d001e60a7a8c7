import type { AppCommand } from '../../../shared/contract/app-commands.ts';
import type { AppStore } from './app-store.ts';
import { chooseReviewFile } from './review-file.ts';
import { cycleRegion, isInPanel } from './focus-regions.ts';

/** Whether keys typed here belong to a text field (which has its own undo). */
export function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLTextAreaElement) return true;
  if (target instanceof HTMLInputElement) return !['button', 'checkbox', 'radio', 'file', 'submit', 'reset', 'color'].includes(target.type);
  return target.isContentEditable;
}

type HistoryStep = 'undo' | 'redo';

/** Ctrl/Cmd+Z undoes; Ctrl/Cmd+Shift+Z and Ctrl+Y redo. */
export function historyStepOf(event: KeyboardEvent): HistoryStep | null {
  const mod = event.ctrlKey || event.metaKey;
  if (!mod || event.altKey) return null;
  const key = event.key.toLowerCase();
  if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && event.ctrlKey && !event.shiftKey) return 'redo';
  return null;
}

function isPlainKey(event: KeyboardEvent, key: string): boolean {
  return event.key === key && !event.ctrlKey && !event.metaKey && !event.altKey;
}

/** Focuses the search field of the open list. */
function focusListSearch(): boolean {
  const field = document.querySelector<HTMLInputElement>('.side-panel [role="tabpanel"] input[type="search"]');
  field?.focus();
  field?.select();
  return field !== null;
}

/**
 * Whether undo and redo mean the library's registry (a merge, a split, an entity edit) rather than
 * the open document: while the profile or the duplicates list shows and the focus is in it (or nowhere).
 */
export function isRegistryFocus(store: AppStore, target: EventTarget | null): boolean {
  if (store.ui.workspace.value !== 'profile') return false;
  return target === document.body || target === null || (target instanceof Element && target.closest('.entity-profile') !== null);
}

/** Whether undo and redo mean the claim tracker's verdicts: while the tracked claims show and the focus is in them (or nowhere). */
export function isClaimTrackerFocus(store: AppStore, target: EventTarget | null): boolean {
  if (store.ui.workspace.value !== 'claims') return false;
  return target === document.body || target === null || (target instanceof Element && target.closest('.claim-tracker') !== null);
}

/** Undo or redo: of the registry or the claim tracker when it has the focus, else of the open document. */
function historyStep(store: AppStore, step: HistoryStep, target: EventTarget | null): void {
  if (isClaimTrackerFocus(store, target)) void (step === 'undo' ? store.claimTracker.undo() : store.claimTracker.redo());
  else if (isRegistryFocus(store, target)) void (step === 'undo' ? store.entityProfile.undo() : store.entityProfile.redo());
  else if (step === 'undo') store.undo();
  else store.redo();
}

/**
 * The page-wide keys: undo and redo (text fields keep their own), find (Ctrl/Cmd+F), the shortcut
 * sheet (?), regions (F6), list search (/), the corpus search (Ctrl/Cmd+Shift+F), the tracked claims
 * (Ctrl/Cmd+Alt+C), the team (Ctrl/Cmd+Alt+M) and its Sync now (Ctrl/Cmd+Alt+Y), Escape back to
 * the article; and the Electron menu's
 * commands. Returns a function that removes the listeners.
 */
export function installGlobalShortcuts(store: AppStore): () => void {
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented) return;
    const inField = isTextField(event.target);
    const step = historyStepOf(event);
    if (step) {
      if (inField) return;
      event.preventDefault();
      historyStep(store, step, event.target);
      return;
    }
    if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'f') {
      event.preventDefault();
      store.ui.openFind(store.session.value?.selectedTextForFind() ?? '');
      return;
    }
    if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'o') {
      event.preventDefault();
      if (!store.ui.dialog.value) store.library.openImport();
      return;
    }
    if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key === ',') {
      event.preventDefault();
      store.ui.dialog.value = 'settings';
      return;
    }
    if ((event.ctrlKey || event.metaKey) && !event.altKey && event.shiftKey && event.key.toLowerCase() === 'e') {
      event.preventDefault();
      if (store.session.value && !store.ui.dialog.value) store.ui.dialog.value = 'export';
      return;
    }
    if ((event.ctrlKey || event.metaKey) && !event.altKey && event.shiftKey && event.key.toLowerCase() === 'f') {
      event.preventDefault();
      if (!store.ui.dialog.value) void store.corpus.open();
      return;
    }
    if ((event.ctrlKey || event.metaKey) && event.altKey && !event.shiftKey && event.code === 'KeyC') {
      event.preventDefault();
      if (!store.ui.dialog.value) void store.claimTracker.open();
      return;
    }
    if ((event.ctrlKey || event.metaKey) && event.altKey && !event.shiftKey && event.code === 'KeyM') {
      event.preventDefault();
      if (!store.ui.dialog.value) void store.team.open();
      return;
    }
    if ((event.ctrlKey || event.metaKey) && event.altKey && !event.shiftKey && event.code === 'KeyY') {
      event.preventDefault();
      if (!store.ui.dialog.value) void store.team.sync();
      return;
    }
    if ((event.ctrlKey || event.metaKey) && event.altKey && !event.shiftKey && event.code === 'KeyR') {
      event.preventDefault();
      if (store.session.value && !store.ui.dialog.value) chooseReviewFile();
      return;
    }
    if ((event.ctrlKey || event.metaKey) && event.altKey && !event.shiftKey && event.code === 'KeyS') {
      event.preventDefault();
      if (store.session.value && !store.ui.dialog.value) store.suggestions.runOrStep();
      return;
    }
    if (event.key === 'F6' && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      cycleRegion(event.shiftKey ? -1 : 1);
      return;
    }
    // A dialog of its own (a snapshot opened from the inspector) keeps its keys: Escape closes it.
    if (store.ui.dialog.value || (event.target instanceof Element && event.target.closest('dialog[open]'))) return;
    if (isPlainKey(event, 'Escape') && event.target === document.body && store.ui.workspace.value === 'profile') {
      event.preventDefault();
      store.entityProfile.close();
      return;
    }
    if (isPlainKey(event, 'Escape') && event.target === document.body && store.ui.workspace.value === 'claims') {
      event.preventDefault();
      store.claimTracker.close();
      return;
    }
    if (isPlainKey(event, 'Escape') && event.target === document.body && store.ui.workspace.value === 'team') {
      event.preventDefault();
      store.team.close();
      return;
    }
    // Escape that no field used (to revert an edit, close a list, clear a search) leaves the panel.
    if (
      isPlainKey(event, 'Escape') &&
      (event.target === document.body || isInPanel(event.target instanceof Element ? event.target : null))
    ) {
      event.preventDefault();
      store.session.value?.focusReader();
      return;
    }
    if (inField) return;
    if (isPlainKey(event, '?')) {
      event.preventDefault();
      store.ui.dialog.value = 'shortcuts';
    } else if (isPlainKey(event, '/')) {
      if (focusListSearch()) event.preventDefault();
    }
  };
  window.addEventListener('keydown', onKeyDown);

  const onCommand = (command: AppCommand): void => {
    if (command.type === 'open-document') {
      void store.openDocument(command.id);
      return;
    }
    if (command.type === 'import') {
      if (!store.ui.dialog.value) store.library.openImport();
      return;
    }
    if (command.type === 'team' || command.type === 'team-sync') {
      if (store.ui.dialog.value) return;
      if (command.type === 'team') void store.team.open();
      else void store.team.sync();
      return;
    }
    if (command.type === 'export' || command.type === 'review') {
      if (!store.session.value || store.ui.dialog.value) return;
      if (command.type === 'export') store.ui.dialog.value = 'export';
      else chooseReviewFile();
      return;
    }
    // In a text field, the menu's Undo means the field's own undo.
    if (isTextField(document.activeElement)) {
      document.execCommand(command.type);
      return;
    }
    historyStep(store, command.type, document.activeElement);
  };
  const unsubscribe = window.scholia?.onCommand(onCommand);

  return () => {
    window.removeEventListener('keydown', onKeyDown);
    unsubscribe?.();
  };
}
