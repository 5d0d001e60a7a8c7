import type { Node as PmNode } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';

/** One suggestion drawn in the reader: its ProseMirror range, its kind and whether it is the current one. */
export interface SuggestionMark {
  id: string;
  from: number;
  to: number;
  kind: 'entity' | 'quote' | 'claim';
  current: boolean;
  title: string;
}

const suggestionLayerKey = new PluginKey<DecorationSet>('scholiaSuggestionLayer');

function decorationFor(mark: SuggestionMark): Decoration {
  const classes = ['sug', `sug-${mark.kind}`, ...(mark.current ? ['sug-current'] : [])].join(' ');
  return Decoration.inline(mark.from, mark.to, { nodeName: 'span', class: classes, 'data-suggestion-id': mark.id, title: mark.title });
}

/**
 * The decoration set for the suggestions shown. The set is small (what passes the confidence
 * threshold, a few dozen in an article) and changes by a whole step at a time (run, accept, reject,
 * the current one moving), so it is built afresh rather than patched.
 */
export function suggestionDecorations(doc: PmNode, marks: readonly SuggestionMark[]): DecorationSet {
  const size = doc.content.size;
  const decorations = marks.filter((mark) => mark.from >= 0 && mark.to <= size && mark.to > mark.from).map(decorationFor);
  return DecorationSet.create(doc, decorations);
}

export function withSuggestionMarks(tr: Transaction, marks: readonly SuggestionMark[]): Transaction {
  return tr.setMeta(suggestionLayerKey, marks);
}

export function suggestionLayerState(state: EditorState): DecorationSet {
  return suggestionLayerKey.getState(state) ?? DecorationSet.empty;
}

/** The machine suggestions' layer: dashed outlines of their own, apart from the annotations and never saved. */
export function suggestionLayerPlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: suggestionLayerKey,
    state: {
      init: () => DecorationSet.empty,
      apply(tr, value, _old, newState) {
        const marks = tr.getMeta(suggestionLayerKey) as readonly SuggestionMark[] | undefined;
        if (marks) return suggestionDecorations(newState.doc, marks);
        return tr.docChanged ? value.map(tr.mapping, tr.doc) : value;
      },
    },
    props: { decorations: (state) => suggestionLayerKey.getState(state) ?? DecorationSet.empty },
  });
}
