import type { AppCommand } from '../../../shared/contract/app-commands.ts';
import type { AppStore } from './app-store.ts';

/** Whether keys typed here belong to a text field (which has its own undo). */
function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLTextAreaElement) return true;
  if (target instanceof HTMLInputElement) return !['button', 'checkbox', 'radio', 'file', 'submit', 'reset'].includes(target.type);
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

/**
 * Undo and redo from the keyboard anywhere on the page (text fields keep their own), and from the
 * Electron menu. Returns a function that removes the listeners.
 */
export function installGlobalShortcuts(store: AppStore): () => void {
  const onKeyDown = (event: KeyboardEvent): void => {
    const step = historyStepOf(event);
    if (!step || isTextField(event.target)) return;
    event.preventDefault();
    if (step === 'undo') store.undo();
    else store.redo();
  };
  window.addEventListener('keydown', onKeyDown);

  const onCommand = (command: AppCommand): void => {
    if (command.type === 'open-document') {
      void store.openDocument(command.id);
      return;
    }
    // In a text field, the menu's Undo means the field's own undo.
    if (isTextField(document.activeElement)) {
      document.execCommand(command.type);
      return;
    }
    if (command.type === 'undo') store.undo();
    else store.redo();
  };
  const unsubscribe = window.scholia?.onCommand(onCommand);

  return () => {
    window.removeEventListener('keydown', onKeyDown);
    unsubscribe?.();
  };
}
