import { Node as PmNode } from 'prosemirror-model';
import { EditorState } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { annotationDecorationsPlugin, highlightState, withHighlightChange } from './annotation-decorations.ts';
import { readerSchema } from './reader-schema.ts';
import { theirLayerPlugin, theirLayerState, withTheirChange, type TheirChange } from './review-decorations.ts';

const doc = PmNode.fromJSON(readerSchema, {
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text: 'The European Parliament was hit by a cyberattack.' }] }],
});

function start(): EditorState {
  return EditorState.create({
    doc,
    plugins: [annotationDecorationsPlugin([{ id: 'mine', from: 5, to: 24, className: 'ann ann-claim' }]), theirLayerPlugin()],
  });
}

function change(state: EditorState, theirChange: TheirChange): EditorState {
  return state.apply(withTheirChange(state.tr, theirChange));
}

describe('their layer', () => {
  it('draws their items as ann-theirs with the review item id, beside my highlights', () => {
    const state = change(start(), { draw: [{ id: 't1', from: 5, to: 24, className: 'ann-theirs-agreed', title: 'B: claim' }] });
    const [decoration] = theirLayerState(state).decorations.find();
    expect((decoration as unknown as { type: { attrs: Record<string, string> } }).type.attrs).toMatchObject({
      class: 'ann-theirs ann-theirs-agreed',
      'data-review-item-id': 't1',
      title: 'B: claim',
    });
    expect(highlightState(state).ranges.size).toBe(1);
  });

  it('changes only the items named, and leaves my highlights alone', () => {
    let state = change(start(), {
      draw: [
        { id: 't1', from: 5, to: 24, className: 'a' },
        { id: 't2', from: 30, to: 40, className: 'b' },
      ],
    });
    const kept = theirLayerState(state).decorations.find(30, 40)[0]?.spec as unknown;
    state = change(state, { remove: ['t1'], draw: [{ id: 't3', from: 1, to: 4, className: 'c' }] });
    expect([...theirLayerState(state).ranges.keys()].sort()).toEqual(['t2', 't3']);
    // The untouched item keeps its very decoration (its spec object is the same one).
    expect(theirLayerState(state).decorations.find(30, 40)[0]?.spec).toBe(kept);
    state = state.apply(withHighlightChange(state.tr, { remove: ['mine'] }));
    expect(theirLayerState(state).ranges.size).toBe(2);
    // Drawing an id again replaces it.
    state = change(state, { draw: [{ id: 't2', from: 31, to: 41, className: 'b' }] });
    expect(theirLayerState(state).ranges.get('t2')).toEqual({ from: 31, to: 41 });
    expect(theirLayerState(state).decorations.find().length).toBe(2);
  });
});
