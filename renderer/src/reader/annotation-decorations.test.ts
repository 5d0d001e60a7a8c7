import { Node as PmNode } from 'prosemirror-model';
import { EditorState } from 'prosemirror-state';
import type { Decoration } from 'prosemirror-view';
import { describe, expect, it } from 'vitest';
import {
  annotationDecorationsPlugin,
  highlightState,
  withHighlightChange,
  withWindow,
  type AnnotationHighlight,
  type DrawnWindow,
  type HighlightChange,
} from './annotation-decorations.ts';
import { readerSchema } from './reader-schema.ts';

const doc = PmNode.fromJSON(readerSchema, {
  type: 'doc',
  content: [
    { type: 'paragraph', content: [{ type: 'text', text: 'The European Parliament was hit by a cyberattack.' }] },
    { type: 'paragraph', content: [{ type: 'text', text: 'A pro-Kremlin group claimed it.' }] },
  ],
});

function highlight(id: string, from: number, to: number, className = 'ann ann-claim'): AnnotationHighlight {
  return { id, from, to, className };
}

function stateWith(initial: AnnotationHighlight[]): EditorState {
  return EditorState.create({ doc, plugins: [annotationDecorationsPlugin(initial)] });
}

function change(state: EditorState, highlightChange: HighlightChange): EditorState {
  return state.apply(withHighlightChange(state.tr, highlightChange));
}

function all(state: EditorState): Decoration[] {
  return highlightState(state).decorations.find();
}

function idsOf(decorations: Decoration[]): string[] {
  return [...new Set(decorations.map((decoration) => (decoration.spec as { annotationId: string }).annotationId))].sort();
}

function placement(decoration: Decoration): string {
  return `${(decoration.spec as { annotationId: string }).annotationId}@${decoration.from}-${decoration.to}`;
}

describe('annotation decorations', () => {
  const initial = [
    highlight('a', 5, 24),
    highlight('b', 1, 50),
    highlight('c', 14, 24, 'ann ann-entity'),
    highlight('d', 40, 60, 'ann ann-quote'),
  ];

  it('draws every annotation, overlapping ones and one across two paragraphs included', () => {
    const state = stateWith(initial);
    expect(idsOf(all(state))).toEqual(['a', 'b', 'c', 'd']);
    const spanning = all(state).filter((decoration) => (decoration.spec as { annotationId: string }).annotationId === 'd');
    expect(spanning.length).toBeGreaterThanOrEqual(1);
    expect(Math.min(...spanning.map((decoration) => decoration.from))).toBe(40);
    expect(Math.max(...spanning.map((decoration) => decoration.to))).toBe(60);
  });

  it('gives each annotation its own element, its id and its classes', () => {
    const [decoration] = highlightState(stateWith([highlight('a', 5, 24)])).decorations.find(5, 24);
    expect((decoration as unknown as { type: { attrs: Record<string, string> } }).type.attrs).toMatchObject({
      nodeName: 'span',
      class: 'ann ann-claim',
      'data-annotation-id': 'a',
    });
  });

  it('removes only the named annotation and keeps every other decoration as it was', () => {
    const before = stateWith(initial);
    const kept = all(before).filter((decoration) => (decoration.spec as { annotationId: string }).annotationId !== 'a');
    const after = change(before, { remove: ['a'] });
    expect(idsOf(all(after))).toEqual(['b', 'c', 'd']);
    expect(all(after).map(placement).sort()).toEqual(kept.map(placement).sort());
    expect(highlightState(after).ranges.has('a')).toBe(false);
  });

  it('redraws an annotation drawn again under the same id instead of doubling it', () => {
    const before = stateWith(initial);
    const after = change(before, { draw: [highlight('c', 14, 24, 'ann ann-entity ann-selected')] });
    const drawn = all(after).filter((decoration) => (decoration.spec as { annotationId: string }).annotationId === 'c');
    expect(drawn).toHaveLength(1);
    expect((drawn[0] as unknown as { type: { attrs: Record<string, string> } }).type.attrs['class']).toContain('ann-selected');
    expect(idsOf(all(after))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('removes an annotation that spans two paragraphs completely', () => {
    const after = change(stateWith(initial), { remove: ['d'] });
    expect(idsOf(all(after))).toEqual(['a', 'b', 'c']);
  });

  it('leaves the state untouched by transactions without a change', () => {
    const before = stateWith(initial);
    const after = before.apply(before.tr.setMeta('unrelated', true));
    expect(highlightState(after)).toBe(highlightState(before));
  });

  it('ignores ids it never drew and clamps ranges to the document', () => {
    const after = change(stateWith([]), { remove: ['nope'], draw: [highlight('x', 40, 10_000)] });
    expect(highlightState(after).ranges.get('x')).toEqual({ from: 40, to: doc.content.size });
  });
});

describe('annotation decorations drawn in a window', () => {
  // The first paragraph is positions 0–51, the second 51–84.
  const first: DrawnWindow = { from: 0, to: 51 };
  const second: DrawnWindow = { from: 51, to: 84 };
  const initial = [
    highlight('a', 5, 24),
    highlight('c', 14, 24, 'ann ann-entity'),
    highlight('d', 40, 60, 'ann ann-quote'),
    highlight('e', 60, 70),
  ];

  function windowed(window: DrawnWindow): EditorState {
    return EditorState.create({ doc, plugins: [annotationDecorationsPlugin(initial, window)] });
  }

  function drawnIds(state: EditorState): string[] {
    return idsOf(highlightState(state).drawn.find());
  }

  it('draws only the highlights meeting the window, and keeps every annotation in the state', () => {
    const state = windowed(first);
    expect(drawnIds(state)).toEqual(['a', 'c', 'd']);
    expect(idsOf(all(state))).toEqual(['a', 'c', 'd', 'e']);
    expect(highlightState(state).ranges.size).toBe(4);
  });

  it('draws what the window reaches when it moves, and lets go of what it left', () => {
    const moved = windowed(first).apply(withWindow(windowed(first).tr, second));
    expect(drawnIds(moved)).toEqual(['d', 'e']);
  });

  it('draws a change inside the window at once and keeps one outside it for later', () => {
    const state = change(windowed(first), { draw: [highlight('inside', 30, 35), highlight('outside', 70, 80)], remove: ['a'] });
    expect(drawnIds(state)).toEqual(['c', 'd', 'inside']);
    expect(idsOf(all(state))).toContain('outside');
    const moved = state.apply(withWindow(state.tr, second));
    expect(drawnIds(moved)).toEqual(['d', 'e', 'outside']);
  });

  it('draws everything again when the window is lifted', () => {
    const state = windowed(first);
    expect(drawnIds(state.apply(withWindow(state.tr, null)))).toEqual(['a', 'c', 'd', 'e']);
  });

  it('moves the window and applies a change in one transaction', () => {
    const state = windowed(first);
    const tr = withWindow(withHighlightChange(state.tr, { draw: [highlight('late', 72, 78)] }), second);
    expect(drawnIds(state.apply(tr))).toEqual(['d', 'e', 'late']);
  });
});
