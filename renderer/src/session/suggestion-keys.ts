import type { ReadonlySignal } from '@preact/signals';
import { keydownHandler } from 'prosemirror-keymap';
import { isSuggestionCommand, keyBindings, keymapNames, type SuggestionCommand } from '../commands/key-map.ts';
import type { ReaderKeyHandler } from './reader-keys.ts';

/**
 * The article's keys while a suggestion is current, bound as the key map (`commands/key-map.ts`) says:
 * Enter accepts, Backspace rejects, Tab and Shift+Tab move to the next and previous one, Escape
 * leaves them. With no current suggestion they are the reader's as ever (Enter opens the
 * inspector, Tab moves the focus on).
 */
/** What the suggestion keys drive: the current suggestion and moving between them (the suggestion store). */
export interface SuggestionKeyTarget {
  /** The suggestion the keys act on; none leaves the keys to the reader. */
  readonly current: ReadonlySignal<unknown>;
  accept(): boolean;
  reject(): boolean;
  next(step: 1 | -1): boolean;
  select(id: null): void;
}

export function suggestionKeyHandler(suggestions: SuggestionKeyTarget): ReaderKeyHandler {
  const commands: Record<SuggestionCommand, () => boolean> = {
    'suggestion.accept': () => suggestions.accept(),
    'suggestion.reject': () => suggestions.reject(),
    'suggestion.next': () => suggestions.next(1),
    'suggestion.previous': () => suggestions.next(-1),
    'suggestion.leave': () => {
      suggestions.select(null);
      return true;
    },
  };
  const bindings: Record<string, () => boolean> = {};
  for (const { combo, command } of keyBindings(isSuggestionCommand)) {
    for (const name of keymapNames(combo)) bindings[name] = commands[command];
  }
  const own = keydownHandler(bindings);
  return (view, event) => suggestions.current.value !== null && own(view, event);
}
