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

/** The stretch of the doc whose highlights are in the page (whole blocks around what is on screen). */
export interface DrawnWindow {
  from: number;
  to: number;
}

export interface AnnotationDecorationState {
  /** Every annotation's decorations. */
  decorations: DecorationSet;
  /** Where each annotation sits, so removing one looks only at its own range. */
  ranges: ReadonlyMap<string, { from: number; to: number }>;
  /** Null: every highlight is drawn. Else only those meeting the window are, in `drawn`. */
  window: DrawnWindow | null;
  /** The decorations the view draws: all of them, or those meeting the window. */
  drawn: DecorationSet;
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
  let { decorations, drawn } = state;
  const area = state.window;
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
  if (stale.length > 0) {
    // `remove` and `add` blank out entries of the array they are given: the window's filtered copy goes first.
    if (area) drawn = drawn.remove(stale.filter((decoration) => meets(decoration, area)));
    decorations = decorations.remove(stale);
  }
  const fresh: Decoration[] = [];
  for (const highlight of change.draw ?? []) {
    const clamped = clamp(highlight, doc);
    if (!clamped) continue;
    fresh.push(decorationFor(clamped));
    ranges.set(clamped.id, { from: clamped.from, to: clamped.to });
  }
  if (fresh.length > 0) {
    if (area)
      drawn = drawn.add(
        doc,
        fresh.filter((decoration) => meets(decoration, area)),
      );
    decorations = decorations.add(doc, fresh);
  }
  return { decorations, ranges, window: area, drawn: area ? drawn : decorations };
}

function meets(range: { from: number; to: number }, area: DrawnWindow): boolean {
  return range.to >= area.from && range.from <= area.to;
}

/** Draws only the highlights meeting `window` (null: all of them). */
export function withDrawnWindow(state: AnnotationDecorationState, area: DrawnWindow | null, doc: PmNode): AnnotationDecorationState {
  if (!area) return { ...state, window: null, drawn: state.decorations };
  return { ...state, window: area, drawn: DecorationSet.create(doc, state.decorations.find(area.from, area.to)) };
}

interface HighlightMeta {
  change?: HighlightChange;
  /** A new drawn window (null: draw everything). */
  window?: DrawnWindow | null;
}

function metaOf(tr: Transaction): HighlightMeta {
  return (tr.getMeta(annotationDecorationsKey) as HighlightMeta | undefined) ?? {};
}

/** Sets the meta a transaction needs to carry a highlight change. */
export function withHighlightChange(tr: Transaction, change: HighlightChange): Transaction {
  return tr.setMeta(annotationDecorationsKey, { ...metaOf(tr), change });
}

/** Sets the meta a transaction needs to move the drawn window. */
export function withWindow(tr: Transaction, window: DrawnWindow | null): Transaction {
  return tr.setMeta(annotationDecorationsKey, { ...metaOf(tr), window });
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
  const decorations = value.decorations.map(tr.mapping, tr.doc);
  const area = value.window && { from: tr.mapping.map(value.window.from, -1), to: tr.mapping.map(value.window.to, 1) };
  return { decorations, ranges, window: area, drawn: area ? value.drawn.map(tr.mapping, tr.doc) : decorations };
}

/**
 * Draws annotations as inline decorations, kept in plugin state and changed only by id. With an
 * initial `area`, only the highlights meeting it are in the page until the window moves
 * (`withWindow`); every annotation stays in the state (`ranges`, `decorations`) either way.
 */
export function annotationDecorationsPlugin(
  initial: readonly AnnotationHighlight[] = [],
  area: DrawnWindow | null = null,
): Plugin<AnnotationDecorationState> {
  return new Plugin<AnnotationDecorationState>({
    key: annotationDecorationsKey,
    state: {
      init: (_config, state) => {
        const empty = { decorations: DecorationSet.empty, ranges: new Map(), window: null, drawn: DecorationSet.empty };
        return withDrawnWindow(applyHighlightChange(empty, { draw: initial }, state.doc), area, state.doc);
      },
      apply(tr, value) {
        let current = tr.docChanged ? mapThrough(value, tr) : value;
        const meta = metaOf(tr);
        if (meta.window !== undefined) current = withDrawnWindow(current, meta.window, tr.doc);
        return meta.change ? applyHighlightChange(current, meta.change, tr.doc) : current;
      },
    },
    props: {
      decorations: (state) => annotationDecorationsKey.getState(state)?.drawn,
    },
  });
}
