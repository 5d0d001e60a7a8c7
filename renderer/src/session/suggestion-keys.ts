import { keydownHandler } from 'prosemirror-keymap';
import type { SuggestionStore } from '../app/suggestion-store.ts';
import type { ReaderKeyHandler } from './reader-keys.ts';

/**
 * The article's keys while a suggestion is current: Enter accepts, Backspace rejects, Tab and
 * Shift+Tab move to the next and previous one, Escape leaves them. With no current suggestion they
 * are the reader's as ever (Enter opens the inspector, Tab moves the focus on).
 */
export function suggestionKeyHandler(suggestions: SuggestionStore): ReaderKeyHandler {
  const own = keydownHandler({
    Enter: () => suggestions.accept(),
    Backspace: () => suggestions.reject(),
    Tab: () => suggestions.next(1),
    'Shift-Tab': () => suggestions.next(-1),
    Escape: () => {
      suggestions.select(null);
      return true;
    },
  });
  return (view, event) => suggestions.current.value !== null && own(view, event);
}
