import type { EditorState, Plugin } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import {
  annotationDecorationsPlugin,
  highlightState,
  withHighlightChange,
  withWindow,
  type AnnotationHighlight,
  type DrawnWindow,
} from './annotation-decorations.ts';
import type { HighlightLook } from './annotation-appearance.ts';
import type { DrawnWindowFollower } from './drawn-window-follower.ts';
import { theirLayerPlugin, theirLayerState, withTheirChange, type TheirHighlight } from './review-decorations.ts';
import { suggestionLayerPlugin, suggestionLayerState, withSuggestionMarks, type SuggestionMark } from './suggestion-decorations.ts';
import type { TextSpan } from './selection-span.ts';
import type { TextMap } from './text-map.ts';

/** An annotation to draw, in text offsets. */
export interface SpanHighlight extends TextSpan {
  id: string;
  look: HighlightLook;
}

/** A suggestion to draw in the suggestion layer, in text offsets. */
export interface SuggestionSpan extends TextSpan {
  id: string;
  kind: SuggestionMark['kind'];
  current: boolean;
  title: string;
}

/** A colleague's item to draw in the review layer, in text offsets. */
export interface TheirSpan extends TextSpan {
  id: string;
  className: string;
  title?: string;
}

/** The reader's decoration layers: the analyst's highlights (drawn in `initial`, within `area` when lazy), a colleague's, the suggestions. */
export function layerPlugins(initial: readonly AnnotationHighlight[], area: DrawnWindow | null): Plugin[] {
  return [annotationDecorationsPlugin(initial, area), theirLayerPlugin(), suggestionLayerPlugin()];
}

/** The article's attributes, the counts of what each layer draws among them. */
export function readerAttributes(current: EditorState, lazy: boolean): Record<string, string> {
  return {
    tabindex: '0',
    // A long article leaves the layout of sections far off screen to the browser (`content-visibility`).
    class: lazy ? 'reader-text reader-long' : 'reader-text',
    'aria-label': 'Article text',
    'aria-readonly': 'true',
    'aria-keyshortcuts': 'C Q E N',
    // How many annotations are drawn: a change is complete in the page once this reflects it.
    'data-highlight-count': String(highlightState(current).ranges.size),
    // How many of a colleague's items are drawn (the review layer).
    'data-their-count': String(theirLayerState(current).ranges.size),
    // How many suggestions are drawn (the suggestion layer).
    'data-suggestion-count': String(suggestionLayerState(current).find().length),
  };
}

/** An annotation's highlight in document positions. */
export function toHighlight(textMap: TextMap, item: SpanHighlight): AnnotationHighlight {
  const highlight: AnnotationHighlight = {
    id: item.id,
    from: textMap.toPos(item.start, 1),
    to: textMap.toPos(item.end, -1),
    className: item.look.className,
    title: item.look.title,
  };
  if (item.look.style) highlight.style = item.look.style;
  return highlight;
}

/** Changes to the decoration layers, given in text offsets, each applied in one transaction. */
export class ReaderLayers {
  private readonly theirKeys = new Map<string, string>();

  constructor(
    private readonly view: EditorView,
    private readonly textMap: TextMap,
    private readonly drawnWindow: DrawnWindowFollower,
  ) {}

  /** Removes and (re)draws the highlights of just these annotations, in one transaction. */
  updateHighlights(remove: readonly string[], draw: readonly SpanHighlight[]): void {
    if (remove.length === 0 && draw.length === 0) return;
    const change = { remove, draw: draw.map((item) => toHighlight(this.textMap, item)) };
    const tr = withHighlightChange(this.view.state.tr, change);
    // The change lands where the analyst is looking, even if no scroll event has moved the window there yet.
    const next = this.drawnWindow.next();
    this.view.dispatch(next ? withWindow(tr, next) : tr);
  }

  /**
   * Shows a colleague's layer (review items, in text offsets): items no longer given are removed,
   * new or changed ones drawn, the rest left alone; one transaction.
   */
  setTheirLayer(items: readonly TheirSpan[]): void {
    const drawn = theirLayerState(this.view.state).ranges;
    const next = new Map(items.map((item) => [item.id, item]));
    const remove = [...drawn.keys()].filter((id) => !next.has(id));
    const draw: TheirHighlight[] = [];
    for (const item of items) {
      const from = this.textMap.toPos(item.start, 1);
      const to = this.textMap.toPos(item.end, -1);
      const old = drawn.get(item.id);
      const key = `${item.className}|${item.title ?? ''}`;
      if (old && old.from === from && old.to === to && this.theirKeys.get(item.id) === key) continue;
      this.theirKeys.set(item.id, key);
      draw.push({ id: item.id, from, to, className: item.className, ...(item.title ? { title: item.title } : {}) });
    }
    for (const id of remove) this.theirKeys.delete(id);
    if (remove.length === 0 && draw.length === 0) return;
    this.view.dispatch(withTheirChange(this.view.state.tr, { remove, draw }));
  }

  /** Shows the machine suggestions (in text offsets) as their own layer; an empty list hides it. One transaction. */
  setSuggestionLayer(items: readonly SuggestionSpan[]): void {
    const marks: SuggestionMark[] = items.map((item) => ({
      ...item,
      from: this.textMap.toPos(item.start, 1),
      to: this.textMap.toPos(item.end, -1),
    }));
    this.view.dispatch(withSuggestionMarks(this.view.state.tr, marks));
  }
}
