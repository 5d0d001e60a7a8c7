import { TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import type { CaretMotion } from './caret-motion.ts';
import { scrollParent } from './reader-dom.ts';
import type { ReaderOverlay } from './reader-overlay.ts';
import { trimmedSpan, type TextSpan } from './selection-span.ts';
import type { TextMap } from './text-map.ts';

/**
 * The analyst's selection in the article, kept in the DOM (a read-only page draws none of its
 * own caret) and told to ProseMirror before it redraws; the keyboard caret drawn over the text.
 */
export class ReaderSelection {
  /** `changed` is called after a keyboard move of the caret. */
  constructor(
    private readonly view: EditorView,
    private readonly textMap: TextMap,
    private readonly overlay: ReaderOverlay,
    private readonly changed: () => void,
  ) {}

  private domSelection(): Selection | null {
    return this.view.dom.ownerDocument.getSelection();
  }

  /** Whether the window's selection lies in the article. */
  domSelectionInside(): boolean {
    const selection = this.domSelection();
    if (!selection || selection.rangeCount === 0 || !selection.anchorNode || !selection.focusNode) return false;
    return this.view.dom.contains(selection.anchorNode) && this.view.dom.contains(selection.focusNode);
  }

  /** Tells ProseMirror about a selection set in the DOM, so that its next redraw puts back this one and not an old one. */
  syncStateFromDom(): void {
    const selection = this.domSelection();
    if (!selection || !this.domSelectionInside() || !selection.anchorNode || !selection.focusNode) return;
    const anchor = this.view.posAtDOM(selection.anchorNode, selection.anchorOffset);
    const head = this.view.posAtDOM(selection.focusNode, selection.focusOffset);
    const { state } = this.view;
    if (state.selection.anchor === anchor && state.selection.head === head) return;
    this.view.dispatch(state.tr.setSelection(TextSelection.between(state.doc.resolve(anchor), state.doc.resolve(head))));
  }

  setDomSelection(anchorPos: number, headPos: number): void {
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

  /** A keyboard user arriving in the article gets a caret where they are reading. */
  onFocus(): void {
    if (!this.domSelectionInside()) this.placeCaretAtTopOfView();
    this.drawCaret();
  }

  hideCaret(): void {
    this.overlay.showCaret(null);
  }

  /**
   * Moves the caret with the browser's own line and word logic (`Selection.modify`); the article's
   * ends are ours, since in a read-only page the browser's would be the page's. A move that would
   * leave the article stops at its first or last character.
   */
  moveCaret(motion: CaretMotion): boolean {
    const selection = this.domSelection();
    if (!selection) return false;
    if (!this.domSelectionInside()) this.placeCaretAtTopOfView();
    const anchorNode = selection.anchorNode;
    const anchorOffset = selection.anchorOffset;
    if (motion.granularity !== 'documentboundary') selection.modify(motion.alter, motion.direction, motion.granularity);
    if (motion.granularity === 'documentboundary' || !this.domSelectionInside()) {
      const edge = motion.direction === 'forward' ? this.textMap.toPos(this.textMap.text.length, -1) : this.textMap.toPos(0, 1);
      const headDom = this.view.domAtPos(edge);
      if (motion.alter === 'extend' && anchorNode && this.view.dom.contains(anchorNode))
        selection.setBaseAndExtent(anchorNode, anchorOffset, headDom.node, headDom.offset);
      else selection.setBaseAndExtent(headDom.node, headDom.offset, headDom.node, headDom.offset);
    }
    this.syncStateFromDom();
    this.drawCaret();
    this.keepCaretInView();
    this.changed();
    return true;
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

  drawCaret(): void {
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
}
