import type { DirectEditorProps, EditorView } from 'prosemirror-view';
import { caretMotionOf, type CaretMotion } from './caret-motion.ts';

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

/** What the article's DOM events do, as the reader view wires them. */
export interface ReaderEventHandlers {
  /** A click landed in the article (not on a link): the caret is where it landed, in the DOM only so far. */
  beforeHighlightClick(): void;
  /** A click without a drag: the ids of the highlights under the pointer, outermost first. */
  onHighlightClick(ids: string[]): void;
  /** The reader's own keys, tried first; true when the key was handled. */
  onKey(view: EditorView, event: KeyboardEvent): boolean;
  /** Moves the keyboard caret; true when it moved. */
  moveCaret(motion: CaretMotion): boolean;
  /** Ctrl/Cmd+A: selects the whole article. */
  selectAll(): void;
  onFocus(): void;
  onBlur(): void;
}

function handleKey(handlers: ReaderEventHandlers, view: EditorView, event: KeyboardEvent): boolean {
  if (handlers.onKey(view, event)) return true;
  const motion = caretMotionOf(event, IS_MAC);
  if (motion) return handlers.moveCaret(motion);
  if ((IS_MAC ? event.metaKey : event.ctrlKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'a') {
    handlers.selectAll();
    return true;
  }
  return false;
}

/** The EditorView props that handle clicks, links, keys and focus in the article. */
export function readerEventProps(handlers: ReaderEventHandlers): Pick<DirectEditorProps, 'handleClick' | 'handleDOMEvents'> {
  return {
    handleClick: (view, _pos, event) => {
      if (handleLinkClick(event)) return true;
      // The click put the caret where it landed; ProseMirror must know before the redraw the pick causes.
      handlers.beforeHighlightClick();
      handlers.onHighlightClick(highlightIdsAround(event.target, view.dom));
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
        if (!handleKey(handlers, view, event)) return false;
        event.preventDefault();
        return true;
      },
      focus: () => {
        handlers.onFocus();
        return false;
      },
      blur: () => {
        handlers.onBlur();
        return false;
      },
    },
  };
}
