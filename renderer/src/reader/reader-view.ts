import { Node as PmNode } from 'prosemirror-model';
import { EditorState, TextSelection } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import type { ReaderNode } from '../../../shared/model/content.ts';
import {
  annotationDecorationsPlugin,
  highlightState,
  withHighlightChange,
  withWindow,
  type AnnotationHighlight,
} from './annotation-decorations.ts';
import type { HighlightLook } from './annotation-appearance.ts';
import { caretMotionOf, type CaretMotion } from './caret-motion.ts';
import { DrawnWindowKeeper, drawsLazily, openingWindow } from './drawn-window.ts';
import { FindHighlights } from './find-highlights.ts';
import { ReaderOverlay } from './reader-overlay.ts';
import { readerSchema } from './reader-schema.ts';
import { groupIntoSections } from './sections.ts';
import { theirLayerPlugin, theirLayerState, withTheirChange, type TheirHighlight } from './review-decorations.ts';
import { suggestionLayerPlugin, suggestionLayerState, withSuggestionMarks, type SuggestionMark } from './suggestion-decorations.ts';
import { trimmedSpan, type TextSpan } from './selection-span.ts';
import { TextMap } from './text-map.ts';

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

/** A pause in scrolling long enough to draw the highlights that came near, and the longest a scroll waits for one. */
const WINDOW_PAUSE_MS = 90;
const WINDOW_MAX_WAIT_MS = 250;

const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/u.test(navigator.platform);

function isExternalLink(href: string): boolean {
  return /^https?:\/\//iu.test(href);
}

/** Links never navigate the app window: a plain click does nothing, Ctrl/Cmd+click opens http(s) links outside it. */
function handleLinkClick(event: MouseEvent): boolean {
  const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
  if (!link) return false;
  event.preventDefault();
  const href = link.getAttribute('href') ?? '';
  if ((event.ctrlKey || event.metaKey) && isExternalLink(href)) window.open(href, '_blank', 'noopener,noreferrer');
  return true;
}

/** The ids of the annotation highlights an element sits in, outermost first. */
function highlightIdsAround(target: EventTarget | null, root: HTMLElement): string[] {
  const ids: string[] = [];
  let node = target instanceof Element ? target : target instanceof Node ? target.parentElement : null;
  while (node && node !== root) {
    const id = node.getAttribute('data-annotation-id');
    if (id) ids.unshift(id);
    node = node.parentElement;
  }
  return ids;
}

/** Client rectangles of a range, joined into one box per line (nested highlights report a box each). */
function lineBoxes(rects: Iterable<DOMRect>): DOMRect[] {
  const lines: DOMRect[] = [];
  for (const rect of [...rects].filter((r) => r.width > 0 && r.height > 0).sort((a, b) => a.top - b.top || a.left - b.left)) {
    const line = lines.find((box) => rect.top < box.bottom - 2 && rect.bottom > box.top + 2);
    if (!line) {
      lines.push(DOMRect.fromRect(rect));
      continue;
    }
    const left = Math.min(line.left, rect.left);
    const top = Math.min(line.top, rect.top);
    lines[lines.indexOf(line)] = new DOMRect(left, top, Math.max(line.right, rect.right) - left, Math.max(line.bottom, rect.bottom) - top);
  }
  return lines;
}

/** The nearest ancestor that scrolls vertically. */
function scrollParent(element: HTMLElement): HTMLElement | null {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const overflow = getComputedStyle(node).overflowY;
    if (overflow === 'auto' || overflow === 'scroll') return node;
  }
  return null;
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
  private readonly findHighlights: FindHighlights;
  private readonly onDocumentSelectionChange: () => void;
  private readonly onResize: () => void;
  /** Set on a long article: keeps the highlights near the screen in the page, and only those. */
  private readonly windowKeeper: DrawnWindowKeeper | null;
  private readonly scroller: HTMLElement | null;
  /** While the article scrolls, the window waits for a pause (or `WINDOW_MAX_WAIT_MS`), so scrolling frames stay light. */
  private windowTimer: ReturnType<typeof setTimeout> | undefined;
  private windowWaitSince: number | null = null;
  private readonly onScroll = (): void => {
    if (!this.windowKeeper) return;
    const now = performance.now();
    this.windowWaitSince ??= now;
    clearTimeout(this.windowTimer);
    if (now - this.windowWaitSince >= WINDOW_MAX_WAIT_MS) this.moveDrawnWindow();
    else this.windowTimer = setTimeout(() => this.moveDrawnWindow(), WINDOW_PAUSE_MS);
  };

  constructor(place: HTMLElement, private readonly options: ReaderViewOptions) {
    this.scroller = scrollParent(place);
    const lazy = this.scroller !== null && drawsLazily(options.highlights.length, options.text.length);
    const article = PmNode.fromJSON(readerSchema, options.content);
    const doc = lazy ? groupIntoSections(article) : article;
    this.textMap = TextMap.build(doc, options.text);
    const state = EditorState.create({
      doc,
      plugins: [annotationDecorationsPlugin(options.highlights.map((item) => this.toHighlight(item)), lazy ? openingWindow(doc) : null), theirLayerPlugin(), suggestionLayerPlugin()],
    });
    this.view = new EditorView(place, {
      state,
      editable: () => false,
      attributes: (current) => ({
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
      }),
      handleClick: (view, _pos, event) => {
        if (handleLinkClick(event)) return true;
        // The click put the caret where it landed; ProseMirror must know before the redraw the pick causes.
        this.syncStateFromDom();
        options.onHighlightClick(highlightIdsAround(event.target, view.dom));
        return false;
      },
      handleDOMEvents: {
        click: (_view, event) => {
          const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
          if (link) event.preventDefault();
          return false;
        },
        auxclick: (_view, event) => handleLinkClick(event),
        keydown: (_view, event) => {
          if (!this.handleKey(event)) return false;
          event.preventDefault();
          return true;
        },
        focus: () => {
          // A keyboard user arriving in the article gets a caret where they are reading.
          if (!this.domSelectionInside()) this.placeCaretAtTopOfView();
          this.drawCaret();
          return false;
        },
        blur: () => {
          this.overlay.showCaret(null);
          return false;
        },
      },
    });
    this.overlay = new ReaderOverlay(place);
    this.findHighlights = new FindHighlights((span) => this.rangeFor(span));
    this.onDocumentSelectionChange = () => {
      this.drawCaret();
      options.onSelectionChange?.();
    };
    this.onResize = () => {
      this.moveDrawnWindow();
      this.drawCaret();
    };
    place.ownerDocument.addEventListener('selectionchange', this.onDocumentSelectionChange);
    window.addEventListener('resize', this.onResize);
    this.windowKeeper = lazy && this.scroller ? new DrawnWindowKeeper(this.view, this.scroller) : null;
    this.scroller?.addEventListener('scroll', this.onScroll, { passive: true });
    this.moveDrawnWindow();
  }

  /** On a long article, moves the drawn highlights along with the screen when it nears their edge. */
  private moveDrawnWindow(): void {
    clearTimeout(this.windowTimer);
    this.windowWaitSince = null;
    const next = this.windowKeeper?.next(highlightState(this.view.state).window);
    if (!next) return;
    // The redraw puts ProseMirror's selection into the page: it must be the analyst's, not an old one.
    this.syncStateFromDom();
    this.view.dispatch(withWindow(this.view.state.tr, next));
  }

  private toHighlight(item: SpanHighlight): AnnotationHighlight {
    const highlight: AnnotationHighlight = {
      id: item.id,
      from: this.textMap.toPos(item.start, 1),
      to: this.textMap.toPos(item.end, -1),
      className: item.look.className,
      title: item.look.title,
    };
    if (item.look.style) highlight.style = item.look.style;
    return highlight;
  }

  /** Removes and (re)draws the highlights of just these annotations, in one transaction. */
  updateHighlights(remove: readonly string[], draw: readonly SpanHighlight[]): void {
    if (remove.length === 0 && draw.length === 0) return;
    const change = { remove, draw: draw.map((item) => this.toHighlight(item)) };
    const tr = withHighlightChange(this.view.state.tr, change);
    // The change lands where the analyst is looking, even if no scroll event has moved the window there yet.
    const next = this.windowKeeper?.next(highlightState(this.view.state).window);
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

  private readonly theirKeys = new Map<string, string>();

  /** Shows the machine suggestions (in text offsets) as their own layer; an empty list hides it. One transaction. */
  setSuggestionLayer(items: readonly SuggestionSpan[]): void {
    const marks: SuggestionMark[] = items.map((item) => ({ ...item, from: this.textMap.toPos(item.start, 1), to: this.textMap.toPos(item.end, -1) }));
    this.view.dispatch(withSuggestionMarks(this.view.state.tr, marks));
  }

  // ---- keys -----------------------------------------------------------------------------------

  private handleKey(event: KeyboardEvent): boolean {
    if (this.options.onKey(this.view, event)) return true;
    const motion = caretMotionOf(event, IS_MAC);
    if (motion) return this.moveCaret(motion);
    if ((IS_MAC ? event.metaKey : event.ctrlKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'a') {
      this.selectSpan({ start: 0, end: this.textMap.text.length }, { reveal: false });
      return true;
    }
    return false;
  }

  /**
   * Moves the caret with the browser's own line and word logic (`Selection.modify`); the article's
   * ends are ours, since in a read-only page the browser's would be the page's. A move that would
   * leave the article stops at its first or last character.
   */
  private moveCaret(motion: CaretMotion): boolean {
    const selection = this.domSelection();
    if (!selection) return false;
    if (!this.domSelectionInside()) this.placeCaretAtTopOfView();
    const anchorNode = selection.anchorNode;
    const anchorOffset = selection.anchorOffset;
    if (motion.granularity !== 'documentboundary') selection.modify(motion.alter, motion.direction, motion.granularity);
    if (motion.granularity === 'documentboundary' || !this.domSelectionInside()) {
      const edge = motion.direction === 'forward' ? this.textMap.toPos(this.textMap.text.length, -1) : this.textMap.toPos(0, 1);
      const headDom = this.view.domAtPos(edge);
      if (motion.alter === 'extend' && anchorNode && this.view.dom.contains(anchorNode)) selection.setBaseAndExtent(anchorNode, anchorOffset, headDom.node, headDom.offset);
      else selection.setBaseAndExtent(headDom.node, headDom.offset, headDom.node, headDom.offset);
    }
    this.syncStateFromDom();
    this.drawCaret();
    this.keepCaretInView();
    this.options.onSelectionChange?.();
    return true;
  }

  // ---- selection and caret --------------------------------------------------------------------

  private domSelection(): Selection | null {
    return this.view.dom.ownerDocument.getSelection();
  }

  /** Whether the window's selection lies in the article. */
  private domSelectionInside(): boolean {
    const selection = this.domSelection();
    if (!selection || selection.rangeCount === 0 || !selection.anchorNode || !selection.focusNode) return false;
    return this.view.dom.contains(selection.anchorNode) && this.view.dom.contains(selection.focusNode);
  }

  /** Tells ProseMirror about a selection set in the DOM, so that its next redraw puts back this one and not an old one. */
  private syncStateFromDom(): void {
    const selection = this.domSelection();
    if (!selection || !this.domSelectionInside() || !selection.anchorNode || !selection.focusNode) return;
    const anchor = this.view.posAtDOM(selection.anchorNode, selection.anchorOffset);
    const head = this.view.posAtDOM(selection.focusNode, selection.focusOffset);
    const { state } = this.view;
    if (state.selection.anchor === anchor && state.selection.head === head) return;
    this.view.dispatch(state.tr.setSelection(TextSelection.between(state.doc.resolve(anchor), state.doc.resolve(head))));
  }

  private setDomSelection(anchorPos: number, headPos: number): void {
    const selection = this.domSelection();
    if (!selection) return;
    const anchor = this.view.domAtPos(anchorPos);
    const head = this.view.domAtPos(headPos);
    selection.setBaseAndExtent(anchor.node, anchor.offset, head.node, head.offset);
    this.syncStateFromDom();
  }

  /** A collapsed selection at the start of the first line showing in the scrolled view. */
  private placeCaretAtTopOfView(): void {
    const bounds = this.view.dom.getBoundingClientRect();
    const scroller = scrollParent(this.view.dom);
    const top = Math.max(bounds.top, scroller ? scroller.getBoundingClientRect().top : 0) + 12;
    const found = this.view.posAtCoords({ left: bounds.left + 2, top });
    const pos = found ? found.pos : this.textMap.toPos(0, 1);
    this.setDomSelection(pos, pos);
  }

  /** The text offset of the caret (the moving end of the selection), or null when the selection is elsewhere. */
  caretOffset(): number | null {
    const selection = this.domSelection();
    if (!selection || !this.domSelectionInside() || !selection.focusNode) return null;
    return this.textMap.toOffset(this.view.posAtDOM(selection.focusNode, selection.focusOffset), 1);
  }

  /**
   * The text the analyst has selected in the article, whitespace trimmed off its ends; null when
   * nothing is selected or the selection reaches outside the article.
   */
  selectedSpan(): TextSpan | null {
    const selection = this.domSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
    const range = selection.getRangeAt(0);
    const root = this.view.dom;
    if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
    const from = this.view.posAtDOM(range.startContainer, range.startOffset);
    const to = this.view.posAtDOM(range.endContainer, range.endOffset);
    return trimmedSpan(this.textMap.text, this.textMap.toOffset(Math.min(from, to), 1), this.textMap.toOffset(Math.max(from, to), -1));
  }

  /** Selects a span of the text (the caret at its end), giving the article focus. */
  selectSpan(span: TextSpan, options: { reveal?: boolean } = {}): void {
    this.focus();
    this.setDomSelection(this.textMap.toPos(span.start, 1), this.textMap.toPos(span.end, -1));
    this.drawCaret();
    if (options.reveal ?? true) this.revealSpan(span);
    this.options.onSelectionChange?.();
  }

  /** Puts the caret at a text offset (dropping any text selection). */
  placeCaret(offset: number): void {
    const pos = this.textMap.toPos(offset, 1);
    if (this.view.hasFocus() || this.domSelectionInside()) {
      this.setDomSelection(pos, pos);
      this.drawCaret();
    }
  }

  /** Drops the text selection (after it became an annotation, or on Escape), leaving the caret at its end. */
  clearTextSelection(): void {
    const selection = this.domSelection();
    if (selection && this.domSelectionInside()) {
      selection.collapseToEnd();
      this.syncStateFromDom();
    } else {
      const { state } = this.view;
      this.view.dispatch(state.tr.setSelection(TextSelection.create(state.doc, state.selection.to)));
    }
    this.drawCaret();
  }

  private drawCaret(): void {
    const selection = this.domSelection();
    if (!selection || !this.view.hasFocus() || !this.domSelectionInside() || !selection.focusNode) {
      this.overlay.showCaret(null);
      return;
    }
    const pos = this.view.posAtDOM(selection.focusNode, selection.focusOffset);
    const forward = selection.anchorNode === selection.focusNode ? selection.anchorOffset <= selection.focusOffset : true;
    try {
      const coords = this.view.coordsAtPos(pos, selection.isCollapsed || !forward ? 1 : -1);
      this.overlay.showCaret(new DOMRect(coords.left, coords.top, 0, coords.bottom - coords.top));
    } catch {
      this.overlay.showCaret(null);
    }
  }

  private keepCaretInView(): void {
    const selection = this.domSelection();
    const scroller = scrollParent(this.view.dom);
    if (!selection?.focusNode || !scroller) return;
    const coords = this.view.coordsAtPos(this.view.posAtDOM(selection.focusNode, selection.focusOffset));
    const box = scroller.getBoundingClientRect();
    const margin = 48;
    if (coords.top < box.top + margin) scroller.scrollTop -= box.top + margin - coords.top;
    else if (coords.bottom > box.bottom - margin) scroller.scrollTop += coords.bottom - (box.bottom - margin);
    this.drawCaret();
  }

  // ---- spans on screen ------------------------------------------------------------------------

  /** A DOM range over a span of the text. */
  rangeFor(span: TextSpan): Range | null {
    return this.rangeBetween(this.textMap.toPos(span.start, 1), this.textMap.toPos(span.end, -1));
  }

  /** A DOM range between two ProseMirror positions. */
  private rangeBetween(fromPos: number, toPos: number): Range | null {
    try {
      const from = this.view.domAtPos(fromPos, 1);
      const to = this.view.domAtPos(toPos, -1);
      const range = this.view.dom.ownerDocument.createRange();
      range.setStart(from.node, from.offset);
      range.setEnd(to.node, to.offset);
      return range;
    } catch {
      return null;
    }
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
    this.moveDrawnWindow();
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
    const dom = range ? this.rangeBetween(range.from, range.to) : null;
    const scroller = this.scroller;
    if (!dom || !scroller) return;
    const rect = dom.getBoundingClientRect();
    const box = scroller.getBoundingClientRect();
    if (rect.top < box.top) scroller.scrollTop -= box.top - rect.top;
    else if (rect.bottom > box.bottom) scroller.scrollTop += Math.min(rect.bottom - box.bottom, rect.top - box.top);
    this.moveDrawnWindow();
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
    this.scroller?.removeEventListener('scroll', this.onScroll);
    clearTimeout(this.windowTimer);
    this.findHighlights.clear();
    this.overlay.destroy();
    this.view.destroy();
  }
}
