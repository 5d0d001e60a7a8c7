import { keydownHandler } from 'prosemirror-keymap';
import { Node as PmNode } from 'prosemirror-model';
import { EditorState, TextSelection } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import type { ReaderNode } from '../../../shared/model/content.ts';
import {
  annotationDecorationsPlugin,
  withHighlightChange,
  type AnnotationHighlight,
} from './annotation-decorations.ts';
import type { HighlightLook } from './annotation-appearance.ts';
import { readerSchema } from './reader-schema.ts';
import { trimmedSpan, type TextSpan } from './selection-span.ts';
import { TextMap } from './text-map.ts';

/** An annotation to draw, in text offsets. */
export interface SpanHighlight extends TextSpan {
  id: string;
  look: HighlightLook;
}

export interface ReaderViewOptions {
  content: ReaderNode;
  text: string;
  highlights: readonly SpanHighlight[];
  /** A click without a drag: the ids of the highlights under the pointer, outermost first (none on plain text). */
  onHighlightClick(ids: string[]): void;
  /** Key bindings in prosemirror-keymap notation, active while the article has focus. */
  keys: Record<string, () => boolean>;
}

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

/**
 * The article, read-only, in a ProseMirror view: it draws annotation highlights, reports clicks on
 * them, and reads the analyst's text selection as a span of the canonical text.
 */
export class ReaderView {
  readonly view: EditorView;
  readonly textMap: TextMap;

  constructor(place: HTMLElement, options: ReaderViewOptions) {
    const doc = PmNode.fromJSON(readerSchema, options.content);
    this.textMap = TextMap.build(doc, options.text);
    const bindings: Record<string, () => boolean> = {};
    for (const [key, run] of Object.entries(options.keys)) bindings[key] = () => run();
    // A view that is not editable never runs handleKeyDown props (so not the keymap plugin): keys go through a DOM handler.
    const onKeyDown = keydownHandler(bindings);
    const state = EditorState.create({
      doc,
      plugins: [annotationDecorationsPlugin(options.highlights.map((item) => this.toHighlight(item)))],
    });
    this.view = new EditorView(place, {
      state,
      editable: () => false,
      attributes: { tabindex: '0', class: 'reader-text', 'aria-label': 'Article text', 'aria-readonly': 'true' },
      handleClick: (view, _pos, event) => {
        if (handleLinkClick(event)) return true;
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
        keydown: (view, event) => {
          if (!onKeyDown(view, event)) return false;
          event.preventDefault();
          return true;
        },
      },
    });
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

  /** Removes and (re)draws the highlights of just these annotations. */
  updateHighlights(remove: readonly string[], draw: readonly SpanHighlight[]): void {
    if (remove.length === 0 && draw.length === 0) return;
    const change = { remove, draw: draw.map((item) => this.toHighlight(item)) };
    this.view.dispatch(withHighlightChange(this.view.state.tr, change));
  }

  /**
   * The text the analyst has selected in the article, whitespace trimmed off its ends; null when
   * nothing is selected or the selection reaches outside the article.
   */
  selectedSpan(): TextSpan | null {
    const selection = this.view.dom.ownerDocument.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
    const range = selection.getRangeAt(0);
    const root = this.view.dom;
    if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
    const from = this.view.posAtDOM(range.startContainer, range.startOffset);
    const to = this.view.posAtDOM(range.endContainer, range.endOffset);
    return trimmedSpan(this.textMap.text, this.textMap.toOffset(Math.min(from, to), 1), this.textMap.toOffset(Math.max(from, to), -1));
  }

  /** Drops the text selection (after it became an annotation, or on Escape). */
  clearTextSelection(): void {
    const { state } = this.view;
    const at = state.selection.to;
    this.view.dispatch(state.tr.setSelection(TextSelection.create(state.doc, at)));
    const selection = this.view.dom.ownerDocument.getSelection();
    if (selection && this.view.dom.contains(selection.anchorNode)) selection.collapseToEnd();
  }

  /** Scrolls an annotation's highlight into view, unless it is already visible. */
  revealAnnotation(id: string): void {
    const element = this.view.dom.querySelector(`[data-annotation-id="${CSS.escape(id)}"]`);
    element?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  focus(): void {
    this.view.focus();
  }

  destroy(): void {
    this.view.destroy();
  }
}
