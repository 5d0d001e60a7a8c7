/** A rectangle in the overlay's coordinates. */
interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

const FLASH_MS = 1400;

/**
 * A layer over the article for what is not part of the text: the keyboard caret and the flash that
 * shows where a span is. It never takes pointer events and is hidden from assistive technology
 * (the selection itself is what they read).
 */
export class ReaderOverlay {
  private readonly layer: HTMLDivElement;
  private readonly caret: HTMLDivElement;
  private flashTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: HTMLElement) {
    const document = host.ownerDocument;
    this.layer = document.createElement('div');
    this.layer.className = 'reader-overlay';
    this.layer.setAttribute('aria-hidden', 'true');
    this.caret = document.createElement('div');
    this.caret.className = 'reader-caret';
    this.caret.hidden = true;
    this.layer.append(this.caret);
    host.append(this.layer);
  }

  private toBox(rect: DOMRect): Box {
    const origin = this.host.getBoundingClientRect();
    return { left: rect.left - origin.left, top: rect.top - origin.top, width: rect.width, height: rect.height };
  }

  private place(element: HTMLElement, box: Box): void {
    element.style.left = `${box.left}px`;
    element.style.top = `${box.top}px`;
    element.style.width = `${box.width}px`;
    element.style.height = `${box.height}px`;
  }

  /** Shows the caret at a point of the text (a collapsed range's rectangle), or hides it. */
  showCaret(rect: DOMRect | null): void {
    if (!rect) {
      this.caret.hidden = true;
      return;
    }
    const box = this.toBox(rect);
    this.place(this.caret, { left: Math.round(box.left) - 1, top: box.top, width: 2, height: Math.max(box.height, 16) });
    this.caret.hidden = false;
  }

  /** Briefly lights up the rectangles of a span, to show where it is. */
  flash(rects: readonly DOMRect[]): void {
    clearTimeout(this.flashTimer);
    for (const old of this.layer.querySelectorAll('.reader-flash')) old.remove();
    for (const rect of rects) {
      if (rect.width === 0) continue;
      const box = this.toBox(rect);
      const element = this.host.ownerDocument.createElement('div');
      element.className = 'reader-flash';
      this.place(element, { left: box.left - 2, top: box.top - 1, width: box.width + 4, height: box.height + 2 });
      this.layer.append(element);
    }
    this.flashTimer = setTimeout(() => {
      for (const old of this.layer.querySelectorAll('.reader-flash')) old.remove();
    }, FLASH_MS);
  }

  destroy(): void {
    clearTimeout(this.flashTimer);
    this.layer.remove();
  }
}
