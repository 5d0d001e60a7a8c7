const KEY_NAMES: Record<string, string> = { '←': 'ArrowLeft', '→': 'ArrowRight', '↑': 'ArrowUp', '↓': 'ArrowDown', Esc: 'Escape' };

/**
 * The keydown a browser fires for a combination as the key map writes it (`Ctrl+Shift+E`,
 * `Alt+←`, `C`): a letter is lower case unless Shift is held, and carries its `code`.
 */
export function keydownFor(combo: string, init: KeyboardEventInit = {}): KeyboardEvent {
  const parts = combo === '+' ? ['+'] : combo.split('+');
  const modifiers = new Set(parts.slice(0, -1));
  const named = parts.at(-1) ?? combo;
  const letter = /^[A-Z]$/u.test(named);
  const key = KEY_NAMES[named] ?? (letter && !modifiers.has('Shift') ? named.toLowerCase() : named);
  return new KeyboardEvent('keydown', {
    key,
    code: letter ? `Key${named}` : '',
    ctrlKey: modifiers.has('Ctrl'),
    altKey: modifiers.has('Alt'),
    shiftKey: modifiers.has('Shift'),
    metaKey: modifiers.has('Meta'),
    bubbles: true,
    cancelable: true,
    ...init,
  });
}
