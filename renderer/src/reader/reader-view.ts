import { Node as PmNode } from 'prosemirror-model';
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import type { ReaderNode } from '../../../shared/model/content.ts';
import { highlightState } from './annotation-decorations.ts';
import { drawsLazily, openingWindow } from './drawn-window.ts';
import { DrawnWindowFollower } from './drawn-window-follower.ts';
import { FindHighlights } from './find-highlights.ts';
import { lineBoxes, rangeBetween, scrollParent } from './reader-dom.ts';
import { readerEventProps } from './reader-events.ts';
import {
  layerPlugins,
  readerAttributes,
  ReaderLayers,
  toHighlight,
  type SpanHighlight,
  type SuggestionSpan,
  type TheirSpan,
} from './reader-layers.ts';
import { ReaderOverlay } from './reader-overlay.ts';
import { readerSchema } from './reader-schema.ts';
import { ReaderSelection } from './reader-selection.ts';
import { groupIntoSections } from './sections.ts';
import type { TextSpan } from './selection-span.ts';
import { TextMap } from './text-map.ts';

export interface ReaderViewOptions {
  content: ReaderNode;
  text: string;
  highlights: readonly SpanHighlight[];
  /** A click without a drag: the ids of the highlights under the pointer, outermost first (none on plain text). */
  onHighlightClick(ids: string[]): void;
  /** The reader's own keys, active while the article has focus; true when the key was handled. */
  onKey(view: EditorView, event: KeyboardEvent): boolean;
  /** The caret or the text selection in the article moved. */
  onSelectionChange?(): void;
}

/**
 * The article, read-only, in a ProseMirror view: it draws annotation highlights, reports clicks on
 * them, and reads and sets the analyst's text selection as a span of the canonical text. A
 * keyboard caret (drawn over the text, since a read-only page has none) moves with the arrow keys.
 */
export class ReaderView {
  readonly view: EditorView;
  readonly textMap: TextMap;
  private readonly overlay: ReaderOverlay;
  private readonly selection: ReaderSelection;
  private readonly layers: ReaderLayers;
  private readonly findHighlights: FindHighlights;
  private readonly onDocumentSelectionChange: () => void;
  private readonly onResize: () => void;
  private readonly scroller: HTMLElement | null;
  /** On a long article, the window of drawn highlights that follows the screen. */
  private readonly drawnWindow: DrawnWindowFollower;

  constructor(
    place: HTMLElement,
    private readonly options: ReaderViewOptions,
  ) {
    this.scroller = scrollParent(place);
    const lazy = this.scroller !== null && drawsLazily(options.highlights.length, options.text.length);
    const article = PmNode.fromJSON(readerSchema, options.content);
    const doc = lazy ? groupIntoSections(article) : article;
    this.textMap = TextMap.build(doc, options.text);
    const state = EditorState.create({
      doc,
      plugins: layerPlugins(
        options.highlights.map((item) => toHighlight(this.textMap, item)),
        lazy ? openingWindow(doc) : null,
      ),
    });
    this.view = new EditorView(place, {
      state,
      editable: () => false,
      attributes: (current) => readerAttributes(current, lazy),
      ...readerEventProps({
        beforeHighlightClick: () => this.selection.syncStateFromDom(),
        onHighlightClick: (ids) => options.onHighlightClick(ids),
        onKey: (view, event) => options.onKey(view, event),
        moveCaret: (motion) => this.selection.moveCaret(motion),
        selectAll: () => this.selectSpan({ start: 0, end: this.textMap.text.length }, { reveal: false }),
        onFocus: () => this.selection.onFocus(),
        onBlur: () => this.selection.hideCaret(),
      }),
    });
    this.overlay = new ReaderOverlay(place);
    this.selection = new ReaderSelection(this.view, this.textMap, this.overlay, () => options.onSelectionChange?.());
    this.findHighlights = new FindHighlights((span) => this.rangeFor(span));
    this.onDocumentSelectionChange = () => {
      this.selection.drawCaret();
      options.onSelectionChange?.();
    };
    this.onResize = () => {
      this.drawnWindow.move();
      this.selection.drawCaret();
    };
    place.ownerDocument.addEventListener('selectionchange', this.onDocumentSelectionChange);
    window.addEventListener('resize', this.onResize);
    this.drawnWindow = new DrawnWindowFollower(this.view, this.scroller, lazy, () => this.selection.syncStateFromDom());
    this.layers = new ReaderLayers(this.view, this.textMap, this.drawnWindow);
    this.drawnWindow.move();
  }

  // ---- layers ---------------------------------------------------------------------------------

  /** Removes and (re)draws the highlights of just these annotations, in one transaction. */
  updateHighlights(remove: readonly string[], draw: readonly SpanHighlight[]): void {
    this.layers.updateHighlights(remove, draw);
  }

  /** Shows a colleague's layer (review items, in text offsets), changing only what changed; one transaction. */
  setTheirLayer(items: readonly TheirSpan[]): void {
    this.layers.setTheirLayer(items);
  }

  /** Shows the machine suggestions (in text offsets) as their own layer; an empty list hides it. One transaction. */
  setSuggestionLayer(items: readonly SuggestionSpan[]): void {
    this.layers.setSuggestionLayer(items);
  }

  // ---- selection and caret --------------------------------------------------------------------

  /** The text offset of the caret (the moving end of the selection), or null when the selection is elsewhere. */
  caretOffset(): number | null {
    return this.selection.caretOffset();
  }

  /** The text the analyst has selected in the article, whitespace trimmed off its ends; null when none or outside it. */
  selectedSpan(): TextSpan | null {
    return this.selection.selectedSpan();
  }

  /** Selects a span of the text (the caret at its end), giving the article focus. */
  selectSpan(span: TextSpan, options: { reveal?: boolean } = {}): void {
    this.focus();
    this.selection.setDomSelection(this.textMap.toPos(span.start, 1), this.textMap.toPos(span.end, -1));
    this.selection.drawCaret();
    if (options.reveal ?? true) this.revealSpan(span);
    this.options.onSelectionChange?.();
  }

  /** Puts the caret at a text offset (dropping any text selection). */
  placeCaret(offset: number): void {
    this.selection.placeCaret(offset);
  }

  /** Drops the text selection (after it became an annotation, or on Escape), leaving the caret at its end. */
  clearTextSelection(): void {
    this.selection.clearTextSelection();
  }

  // ---- spans on screen ------------------------------------------------------------------------

  /** A DOM range over a span of the text. */
  rangeFor(span: TextSpan): Range | null {
    return rangeBetween(this.view, this.textMap.toPos(span.start, 1), this.textMap.toPos(span.end, -1));
  }

  /** Scrolls a span to the middle of the view, unless it is already comfortably visible. */
  revealSpan(span: TextSpan): void {
    const range = this.rangeFor(span);
    const scroller = scrollParent(this.view.dom);
    if (!range || !scroller) return;
    const rect = range.getBoundingClientRect();
    const box = scroller.getBoundingClientRect();
    if (rect.top >= box.top + 24 && rect.bottom <= box.bottom - 24) return;
    scroller.scrollTop += rect.top - box.top - Math.max(24, (box.height - rect.height) / 2);
    this.drawnWindow.move();
  }

  /** Briefly lights up a span, to show where it is. */
  flashSpan(span: TextSpan): void {
    const range = this.rangeFor(span);
    if (range) this.overlay.flash(lineBoxes(range.getClientRects()));
  }

  /**
   * Scrolls an annotation's highlight into view, unless it is already visible (found by its range,
   * since on a long article a far-off highlight is not in the page until the window reaches it).
   */
  revealAnnotation(id: string): void {
    const range = highlightState(this.view.state).ranges.get(id);
    const dom = range ? rangeBetween(this.view, range.from, range.to) : null;
    const scroller = this.scroller;
    if (!dom || !scroller) return;
    const rect = dom.getBoundingClientRect();
    const box = scroller.getBoundingClientRect();
    if (rect.top < box.top) scroller.scrollTop -= box.top - rect.top;
    else if (rect.bottom > box.bottom) scroller.scrollTop += Math.min(rect.bottom - box.bottom, rect.top - box.top);
    this.drawnWindow.move();
  }

  /** Draws find-in-article matches, the current one stronger; an empty list clears them. */
  showFindMatches(matches: readonly TextSpan[], current: number): void {
    if (matches.length === 0) this.findHighlights.clear();
    else this.findHighlights.show(matches, current);
  }

  /** Gives the article keyboard focus (a read-only ProseMirror view does not take it by itself). */
  focus(): void {
    this.view.dom.focus({ preventScroll: true });
  }

  destroy(): void {
    this.view.dom.ownerDocument.removeEventListener('selectionchange', this.onDocumentSelectionChange);
    window.removeEventListener('resize', this.onResize);
    this.drawnWindow.destroy();
    this.findHighlights.clear();
    this.overlay.destroy();
    this.view.destroy();
  }
}
