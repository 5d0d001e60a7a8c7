import type { Node as PmNode } from 'prosemirror-model';
import type { EditorView } from 'prosemirror-view';
import type { DrawnWindow } from './annotation-decorations.ts';

/** Above this many highlights, or this much text, only the highlights near the screen are in the page. */
export const LAZY_HIGHLIGHTS = 500;
export const LAZY_TEXT_LENGTH = 50_000;

/** Screens of margin that must stay drawn above and below the one shown before the window moves. */
const KEEP_SCREENS = 0.25;
/** Screens drawn above and below the one shown when the window moves. */
const DRAW_SCREENS = 1;

/** Whether an article is long enough to draw only the highlights near the screen. */
export function drawsLazily(highlights: number, textLength: number): boolean {
  return highlights > LAZY_HIGHLIGHTS || textLength > LAZY_TEXT_LENGTH;
}

/** The positions of the doc's blocks (those of its sections, where it has them), for a search by height on screen. */
function blockStarts(doc: PmNode): number[] {
  return topLevelGroups(doc).flatMap((group) => group.blocks);
}

/** A top-level node of the doc: a section and the positions of its blocks, or a block on its own. */
interface TopLevelGroup {
  start: number;
  blocks: number[];
  /** The index of its first block among all the doc's blocks. */
  first: number;
}

function topLevelGroups(doc: PmNode): TopLevelGroup[] {
  const groups: TopLevelGroup[] = [];
  let first = 0;
  doc.forEach((node, offset) => {
    const blocks: number[] = [];
    if (node.type.name === 'section') node.forEach((_block, inner) => blocks.push(offset + 1 + inner));
    else blocks.push(offset);
    groups.push({ start: offset, blocks, first });
    first += blocks.length;
  });
  return groups;
}

/** The window of a reader just opened at the top: its first `blocks` blocks, before anything is laid out. */
export function openingWindow(doc: PmNode, blocks = 12): DrawnWindow {
  const starts = blockStarts(doc);
  const last = starts[Math.min(starts.length, blocks) - 1] ?? 0;
  return { from: 0, to: last + (doc.nodeAt(last)?.nodeSize ?? 0) };
}

/**
 * Decides which part of a long article has its highlights in the page: whole blocks from
 * `DRAW_SCREENS` screens above what the scroll area shows to as many below. The window moves once
 * less than `KEEP_SCREENS` of drawn margin is left on either side. Blocks are found by a binary
 * search on the boxes of the sections, then of the blocks of one section, so a decision costs a few
 * layout reads whatever the article's length, and reads inside no section but the ones the window
 * reaches: reading a box inside a section the browser has not laid out (`content-visibility`) makes
 * it lay that section out there and then.
 */
export class DrawnWindowKeeper {
  private readonly groups: TopLevelGroup[];
  private readonly starts: number[];

  constructor(
    private readonly view: EditorView,
    private readonly scroller: HTMLElement,
  ) {
    this.groups = topLevelGroups(view.state.doc);
    this.starts = this.groups.flatMap((group) => group.blocks);
  }

  /** A new window when `current` no longer covers the screen with margin; undefined when it does. */
  next(current: DrawnWindow | null): DrawnWindow | undefined {
    if (this.starts.length === 0) return undefined;
    const box = this.scroller.getBoundingClientRect();
    const height = Math.max(box.height, 1);
    const needed = this.span(this.blockAtHeight(box.top - KEEP_SCREENS * height), this.blockAtHeight(box.bottom + KEEP_SCREENS * height));
    if (current && current.from <= needed.from && current.to >= needed.to) return undefined;
    return this.span(this.blockAtHeight(box.top - DRAW_SCREENS * height), this.blockAtHeight(box.bottom + DRAW_SCREENS * height));
  }

  private span(first: number, last: number): DrawnWindow {
    const lastStart = this.starts[last] ?? 0;
    return { from: this.starts[first] ?? 0, to: lastStart + (this.view.state.doc.nodeAt(lastStart)?.nodeSize ?? 0) };
  }

  /** The index (in document order) of the first block whose bottom is below `y` (client coordinates), or the last block. */
  private blockAtHeight(y: number): number {
    const group = firstBelow(this.groups, y, (candidate) => this.bottomOf(candidate.start));
    const chosen = this.groups[group];
    if (!chosen) return this.starts.length - 1;
    return chosen.first + firstBelow(chosen.blocks, y, (start) => this.bottomOf(start));
  }

  private bottomOf(position: number): number {
    const element = this.view.nodeDOM(position);
    return element instanceof Element ? element.getBoundingClientRect().bottom : Number.POSITIVE_INFINITY;
  }
}

/** Binary search: the index of the first item whose bottom is at or below `y`, or the last index. */
function firstBelow<T>(items: readonly T[], y: number, bottomOf: (item: T) => number): number {
  let lo = 0;
  let hi = items.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (bottomOf(items[mid] as T) < y) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
