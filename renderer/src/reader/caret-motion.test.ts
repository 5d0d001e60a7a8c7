import { describe, expect, it } from 'vitest';
import { caretMotionOf, type MotionKey } from './caret-motion.ts';

function key(name: string, mods: Partial<MotionKey> = {}): MotionKey {
  return { key: name, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...mods };
}

describe('caretMotionOf', () => {
  it('moves by character and line with the arrows, and Shift extends', () => {
    expect(caretMotionOf(key('ArrowRight'), false)).toEqual({ alter: 'move', direction: 'forward', granularity: 'character' });
    expect(caretMotionOf(key('ArrowUp', { shiftKey: true }), false)).toEqual({
      alter: 'extend',
      direction: 'backward',
      granularity: 'line',
    });
  });

  it('moves by word and paragraph with Ctrl, with Option on macOS', () => {
    expect(caretMotionOf(key('ArrowLeft', { ctrlKey: true, shiftKey: true }), false)).toEqual({
      alter: 'extend',
      direction: 'backward',
      granularity: 'word',
    });
    expect(caretMotionOf(key('ArrowDown', { ctrlKey: true }), false)?.granularity).toBe('paragraph');
    expect(caretMotionOf(key('ArrowRight', { altKey: true }), true)?.granularity).toBe('word');
    expect(caretMotionOf(key('ArrowRight', { metaKey: true }), true)?.granularity).toBe('lineboundary');
  });

  it('goes to the ends of the line with Home and End, of the article with Ctrl', () => {
    expect(caretMotionOf(key('End', { shiftKey: true }), false)).toEqual({
      alter: 'extend',
      direction: 'forward',
      granularity: 'lineboundary',
    });
    expect(caretMotionOf(key('Home', { ctrlKey: true }), false)?.granularity).toBe('documentboundary');
    expect(caretMotionOf(key('ArrowUp', { metaKey: true }), true)?.granularity).toBe('documentboundary');
  });

  it('leaves Alt+arrows (span editing) and other keys alone', () => {
    expect(caretMotionOf(key('ArrowRight', { altKey: true }), false)).toBeNull();
    expect(caretMotionOf(key('ArrowRight', { altKey: true, shiftKey: true }), false)).toBeNull();
    expect(caretMotionOf(key('c'), false)).toBeNull();
  });
});
