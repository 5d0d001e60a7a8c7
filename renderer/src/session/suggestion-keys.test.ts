// @vitest-environment jsdom
import { signal } from '@preact/signals';
import type { EditorView } from 'prosemirror-view';
import { describe, expect, it } from 'vitest';
import { isSuggestionCommand, keyBindings, type SuggestionCommand } from '../commands/key-map.ts';
import type { SuggestionStore } from '../app/suggestion-store.ts';
import { keydownFor } from '../testing/keyboard-events.ts';
import { suggestionKeyHandler } from './suggestion-keys.ts';

const EXPECTED: Record<SuggestionCommand, string> = {
  'suggestion.accept': 'accept()',
  'suggestion.reject': 'reject()',
  'suggestion.next': 'next(1)',
  'suggestion.previous': 'next(-1)',
  'suggestion.leave': 'select(null)',
};

function recordingSuggestions(current: string | null) {
  const calls: string[] = [];
  const record =
    (name: string) =>
    (...args: unknown[]) => {
      calls.push(`${name}(${args.map(String).join(',')})`);
      return true;
    };
  const suggestions = {
    current: signal(current),
    accept: record('accept'),
    reject: record('reject'),
    next: record('next'),
    select: record('select'),
  };
  const handler = suggestionKeyHandler(suggestions as unknown as SuggestionStore);
  return { calls, press: (event: KeyboardEvent) => handler({} as EditorView, event) };
}

describe('the suggestion keymap', () => {
  it('takes Enter, Backspace, Tab, Shift+Tab and Esc', () => {
    expect(keyBindings(isSuggestionCommand).map((binding) => binding.combo)).toEqual(['Enter', 'Backspace', 'Tab', 'Shift+Tab', 'Esc']);
  });

  it.each(keyBindings(isSuggestionCommand))('binds $combo to $command while a suggestion is current', ({ combo, command }) => {
    const suggestions = recordingSuggestions('s1');
    expect(suggestions.press(keydownFor(combo))).toBe(true);
    expect(suggestions.calls).toEqual([EXPECTED[command]]);
  });

  it('leaves every key to the reader when no suggestion is current', () => {
    const suggestions = recordingSuggestions(null);
    expect(suggestions.press(keydownFor('Enter'))).toBe(false);
    expect(suggestions.press(keydownFor('Tab'))).toBe(false);
    expect(suggestions.calls).toEqual([]);
  });
});
