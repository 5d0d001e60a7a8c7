import { describe, expect, it } from 'vitest';
import { RESERVED_TAGSET_KEYS } from '../../../shared/model/tagset-check.ts';
import {
  isReaderCommand,
  isReviewCommand,
  isSuggestionCommand,
  isWindowCommand,
  KEY_MAP,
  keyBindings,
  keymapNames,
  plainKeyCommand,
  READER_COMMANDS,
  REVIEW_COMMANDS,
  SUGGESTION_COMMANDS,
  WINDOW_COMMANDS,
  type KeyCommand,
} from './key-map.ts';

const KEYMAPS: { name: string; commands: readonly KeyCommand[]; isOwn: (command: KeyCommand) => command is KeyCommand }[] = [
  { name: 'reader', commands: READER_COMMANDS, isOwn: isReaderCommand },
  { name: 'suggestions', commands: SUGGESTION_COMMANDS, isOwn: isSuggestionCommand },
  { name: 'review', commands: REVIEW_COMMANDS, isOwn: isReviewCommand },
  { name: 'window', commands: WINDOW_COMMANDS, isOwn: isWindowCommand },
];

describe('the key map', () => {
  it('names one command per key where a line binds several', () => {
    for (const row of KEY_MAP.flatMap((group) => group.rows)) {
      if (Array.isArray(row.does)) expect(row.does, row.action).toHaveLength(row.keys.length);
    }
  });

  it.each(KEYMAPS)('binds every command of the $name keymap, and no key to two of them', ({ commands, isOwn }) => {
    const bindings = keyBindings(isOwn);
    expect(new Set(bindings.map((binding) => binding.command))).toEqual(new Set(commands));
    const combos = bindings.map((binding) => binding.combo);
    expect(combos).toEqual([...new Set(combos)]);
  });

  it('reserves for the reader exactly the single keys its commands and the page-wide ones take, so no codebook can take them', () => {
    const single = [...keyBindings(isReaderCommand), ...keyBindings(isWindowCommand)]
      .map((binding) => binding.combo)
      .filter((combo) => [...combo].length === 1)
      .map((combo) => combo.toLowerCase());
    expect(new Set(RESERVED_TAGSET_KEYS)).toEqual(new Set(single));
  });
});

describe('keymapNames', () => {
  it('writes combinations in prosemirror-keymap notation', () => {
    expect(keymapNames('Alt+Shift+←')).toEqual(['Alt-Shift-ArrowLeft']);
    expect(keymapNames('Shift+Tab')).toEqual(['Shift-Tab']);
    expect(keymapNames('Shift+C')).toEqual(['Shift-C']);
    expect(keymapNames('Esc')).toEqual(['Escape']);
    expect(keymapNames('"')).toEqual(['"']);
    expect(keymapNames('F2')).toEqual(['F2']);
  });

  it('takes a lone capital letter in either case (Caps Lock)', () => {
    expect(keymapNames('C')).toEqual(['c', 'C']);
  });
});

describe('plainKeyCommand', () => {
  it('finds the review list command of a key, a letter in either case', () => {
    expect(plainKeyCommand('a', isReviewCommand)).toBe('review.accept');
    expect(plainKeyCommand('A', isReviewCommand)).toBe('review.accept');
    expect(plainKeyCommand('Enter', isReviewCommand)).toBe('review.accept');
    expect(plainKeyCommand('Delete', isReviewCommand)).toBe('review.reject');
    expect(plainKeyCommand('o', isReviewCommand)).toBe('review.reopen');
    expect(plainKeyCommand('x', isReviewCommand)).toBe(null);
    expect(plainKeyCommand('Escape', isSuggestionCommand)).toBe('suggestion.leave');
  });
});
