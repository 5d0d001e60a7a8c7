import type { Node as PmNode } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';

/** How one annotation is drawn: its ProseMirror range and the attributes of its highlight. */
export interface AnnotationHighlight {
  id: string;
  from: number;
  to: number;
  className: string;
  /** Inline custom properties such as `--ann-colour: #0369a1` (applied through the CSSOM, so CSP-safe). */
  style?: string;
  title?: string;
}

/** A change to the drawn highlights: ids to take away, highlights to draw (replacing any with the same id). */
export interface HighlightChange {
  remove?: readonly string[];
  draw?: readonly AnnotationHighlight[];
}

interface HighlightSpec {
  annotationId: string;
}

export interface AnnotationDecorationState {
  decorations: DecorationSet;
  /** Where each drawn annotation sits, so removing one looks only at its own range. */
  ranges: ReadonlyMap<string, { from: number; to: number }>;
}

export const annotationDecorationsKey = new PluginKey<AnnotationDecorationState>('scholiaAnnotations');

function decorationFor(highlight: AnnotationHighlight): Decoration {
  const attrs: Record<string, string> = {
    // A node name of its own gives every annotation its own element, so overlapping ones nest.
    nodeName: 'span',
    class: highlight.className,
    'data-annotation-id': highlight.id,
  };
  if (highlight.style) attrs['style'] = highlight.style;
  if (highlight.title) attrs['title'] = highlight.title;
  const spec: HighlightSpec = { annotationId: highlight.id };
  return Decoration.inline(highlight.from, highlight.to, attrs, spec);
}

function clamp(highlight: AnnotationHighlight, doc: PmNode): AnnotationHighlight | null {
  const from = Math.max(0, highlight.from);
  const to = Math.min(doc.content.size, highlight.to);
  return to > from ? { ...highlight, from, to } : null;
}

/**
 * Applies a change to the decoration state incrementally: only the decorations of the ids named
 * are removed and added; everything else in the set is left as it is.
 */
export function applyHighlightChange(state: AnnotationDecorationState, change: HighlightChange, doc: PmNode): AnnotationDecorationState {
  let decorations = state.decorations;
  const ranges = new Map(state.ranges);
  const removeIds = new Set(change.remove ?? []);
  for (const highlight of change.draw ?? []) if (ranges.has(highlight.id)) removeIds.add(highlight.id);
  const stale: Decoration[] = [];
  for (const id of removeIds) {
    const range = ranges.get(id);
    if (!range) continue;
    stale.push(...decorations.find(range.from, range.to, (spec: HighlightSpec) => spec.annotationId === id));
    ranges.delete(id);
  }
  if (stale.length > 0) decorations = decorations.remove(stale);
  const fresh: Decoration[] = [];
  for (const highlight of change.draw ?? []) {
    const clamped = clamp(highlight, doc);
    if (!clamped) continue;
    fresh.push(decorationFor(clamped));
    ranges.set(clamped.id, { from: clamped.from, to: clamped.to });
  }
  if (fresh.length > 0) decorations = decorations.add(doc, fresh);
  return { decorations, ranges };
}

/** Sets the meta a transaction needs to carry a highlight change. */
export function withHighlightChange(tr: Transaction, change: HighlightChange): Transaction {
  return tr.setMeta(annotationDecorationsKey, change);
}

/** The drawn highlights of an editor state (for tests and hit-testing). */
export function highlightState(state: EditorState): AnnotationDecorationState {
  const value = annotationDecorationsKey.getState(state);
  if (!value) throw new Error('the annotation decorations plugin is not installed');
  return value;
}

/** Keeps the state valid across a doc change (the reader never makes one, but a plugin should not break on it). */
function mapThrough(value: AnnotationDecorationState, tr: Transaction): AnnotationDecorationState {
  const ranges = new Map<string, { from: number; to: number }>();
  for (const [id, range] of value.ranges) ranges.set(id, { from: tr.mapping.map(range.from, 1), to: tr.mapping.map(range.to, -1) });
  return { decorations: value.decorations.map(tr.mapping, tr.doc), ranges };
}

/** Draws annotations as inline decorations, kept in plugin state and changed only by id. */
export function annotationDecorationsPlugin(initial: readonly AnnotationHighlight[] = []): Plugin<AnnotationDecorationState> {
  return new Plugin<AnnotationDecorationState>({
    key: annotationDecorationsKey,
    state: {
      init: (_config, state) =>
        applyHighlightChange({ decorations: DecorationSet.empty, ranges: new Map() }, { draw: initial }, state.doc),
      apply(tr, value) {
        const current = tr.docChanged ? mapThrough(value, tr) : value;
        const change = tr.getMeta(annotationDecorationsKey) as HighlightChange | undefined;
        return change ? applyHighlightChange(current, change, tr.doc) : current;
      },
    },
    props: {
      decorations: (state) => annotationDecorationsKey.getState(state)?.decorations,
    },
  });
}
