import type { EditorView } from 'prosemirror-view';
import { highlightState, withWindow, type DrawnWindow } from './annotation-decorations.ts';
import { DrawnWindowKeeper } from './drawn-window.ts';

/** A pause in scrolling long enough to draw the highlights that came near, and the longest a scroll waits for one. */
const WINDOW_PAUSE_MS = 90;
const WINDOW_MAX_WAIT_MS = 250;

/**
 * On a long article, moves the window of drawn highlights along with the screen as the article
 * scrolls. While it scrolls, the window waits for a pause (or `WINDOW_MAX_WAIT_MS`), so scrolling
 * frames stay light. On a short article (no keeper) it does nothing.
 */
export class DrawnWindowFollower {
  /** Set on a long article: keeps the highlights near the screen in the page, and only those. */
  private readonly keeper: DrawnWindowKeeper | null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private waitSince: number | null = null;
  private readonly onScroll = (): void => {
    if (!this.keeper) return;
    const now = performance.now();
    this.waitSince ??= now;
    clearTimeout(this.timer);
    if (now - this.waitSince >= WINDOW_MAX_WAIT_MS) this.move();
    else this.timer = setTimeout(() => this.move(), WINDOW_PAUSE_MS);
  };

  /** `beforeMove` tells ProseMirror of the analyst's selection, which the redraw puts into the page. */
  constructor(
    private readonly view: EditorView,
    private readonly scroller: HTMLElement | null,
    lazy: boolean,
    private readonly beforeMove: () => void,
  ) {
    this.keeper = lazy && scroller ? new DrawnWindowKeeper(view, scroller) : null;
    scroller?.addEventListener('scroll', this.onScroll, { passive: true });
  }

  /** The window to draw now, when the screen has neared the edge of the drawn one; undefined when it has not. */
  next(): DrawnWindow | undefined {
    return this.keeper?.next(highlightState(this.view.state).window);
  }

  /** Moves the drawn highlights along with the screen when it nears their edge. */
  move(): void {
    clearTimeout(this.timer);
    this.waitSince = null;
    const next = this.keeper?.next(highlightState(this.view.state).window);
    if (!next) return;
    // The redraw puts ProseMirror's selection into the page: it must be the analyst's, not an old one.
    this.beforeMove();
    this.view.dispatch(withWindow(this.view.state.tr, next));
  }

  destroy(): void {
    this.scroller?.removeEventListener('scroll', this.onScroll);
    clearTimeout(this.timer);
  }
}
