/** A move of the keyboard caret, in the terms of `Selection.modify`. */
export interface CaretMotion {
  alter: 'move' | 'extend';
  direction: 'forward' | 'backward';
  granularity: 'character' | 'word' | 'line' | 'paragraph' | 'lineboundary' | 'documentboundary';
}

export interface MotionKey {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/**
 * The caret move a key asks for in the article, as in a text editor: arrows by character and line,
 * Ctrl (⌥ on macOS) by word and paragraph, Home/End to the line's ends, Ctrl+Home/End (⌘↑/⌘↓ on
 * macOS) to the article's ends; Shift extends the selection instead of moving. Null for any other key.
 */
export function caretMotionOf(event: MotionKey, mac: boolean): CaretMotion | null {
  const alter = event.shiftKey ? 'extend' : 'move';
  const wordMod = mac ? event.altKey && !event.ctrlKey && !event.metaKey : event.ctrlKey && !event.altKey && !event.metaKey;
  const plain = !event.ctrlKey && !event.altKey && !event.metaKey;
  const lineMod = mac && event.metaKey && !event.ctrlKey && !event.altKey;
  const motion = (direction: CaretMotion['direction'], granularity: CaretMotion['granularity']): CaretMotion => ({
    alter,
    direction,
    granularity,
  });
  switch (event.key) {
    case 'ArrowLeft':
    case 'ArrowRight': {
      const direction = event.key === 'ArrowRight' ? 'forward' : 'backward';
      if (plain) return motion(direction, 'character');
      if (wordMod) return motion(direction, 'word');
      if (lineMod) return motion(direction, 'lineboundary');
      return null;
    }
    case 'ArrowUp':
    case 'ArrowDown': {
      const direction = event.key === 'ArrowDown' ? 'forward' : 'backward';
      if (plain) return motion(direction, 'line');
      if (wordMod) return motion(direction, 'paragraph');
      if (lineMod) return motion(direction, 'documentboundary');
      return null;
    }
    case 'Home':
    case 'End': {
      const direction = event.key === 'End' ? 'forward' : 'backward';
      if (plain) return motion(direction, 'lineboundary');
      if ((mac ? event.metaKey : event.ctrlKey) && !event.altKey) return motion(direction, 'documentboundary');
      return null;
    }
    default:
      return null;
  }
}
