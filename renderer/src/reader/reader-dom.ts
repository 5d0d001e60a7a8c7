import type { EditorView } from 'prosemirror-view';

/** The nearest ancestor that scrolls vertically. */
export function scrollParent(element: HTMLElement): HTMLElement | null {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const overflow = getComputedStyle(node).overflowY;
    if (overflow === 'auto' || overflow === 'scroll') return node;
  }
  return null;
}

/** Client rectangles of a range, joined into one box per line (nested highlights report a box each). */
export function lineBoxes(rects: Iterable<DOMRect>): DOMRect[] {
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

/** A DOM range between two ProseMirror positions. */
export function rangeBetween(view: EditorView, fromPos: number, toPos: number): Range | null {
  try {
    const from = view.domAtPos(fromPos, 1);
    const to = view.domAtPos(toPos, -1);
    const range = view.dom.ownerDocument.createRange();
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    return range;
  } catch {
    return null;
  }
}
