import {
  defaultRangeExtractor,
  elementScroll,
  observeElementOffset,
  observeElementRect,
  Virtualizer,
  type Range,
  type VirtualItem,
} from '@tanstack/virtual-core';
import type { JSX } from 'preact';
import { useLayoutEffect, useReducer, useRef, useState } from 'preact/hooks';

/** The side panels' scroll container: the rows scroll with the filters above them. */
const SCROLLER = '.tab-panel';
/** What a row holds when it takes focus: the row itself, or its main button. */
const FOCUS_TARGET = '[data-list-item]';

/** A list's row keys (an annotation's id…), and the way back from a key to its row. */
export interface RowKeys {
  count: number;
  keyOf(index: number): string;
  indexOf(key: string): number;
}

/** Row keys for a list; make them once per list (`useMemo`): new keys tell the virtualizer the rows changed. */
export function rowKeys(keys: readonly string[]): RowKeys {
  const indexes = new Map(keys.map((key, index) => [key, index]));
  return { count: keys.length, keyOf: (index) => keys[index] ?? '', indexOf: (key) => indexes.get(key) ?? -1 };
}

export interface VirtualRowsOptions {
  /** The rows' keys: measured heights follow rows through filtering. */
  keys: RowKeys;
  /** A row's height before it is measured, in pixels. */
  estimateSize: number;
  /** Space between rows, in pixels. */
  gap?: number;
  /** Rows that take keyboard focus (default: all); a group heading does not. */
  focusable?(index: number): boolean;
  /** Rows drawn whatever the scroll position, besides those in view (a group's heading…). */
  alsoDraw?(range: Range): number[];
  /** The element that scrolls the rows (a CSS selector matched from the list outwards); the side panels' by default. */
  scroller?: string;
}

/** Attributes that place a row: spread them on the row's element. */
export interface RowPlacement {
  ref(element: Element | null): void;
  'data-index': number;
  style: JSX.CSSProperties;
  'aria-setsize'?: number;
  'aria-posinset'?: number;
}

export interface VirtualRows {
  /** A ref for the element holding the rows (it gets the full height of the list). */
  listRef(element: HTMLElement | null): void;
  /** The rows to draw now, in order. */
  rows: VirtualItem[];
  /** The list element's style: the height of every row, drawn or not. */
  listStyle: JSX.CSSProperties;
  /**
   * Where a row goes. `position` is its place in its set for assistive technology: by default its
   * index in the list; null for a row that is no item (a group's heading).
   */
  place(row: VirtualItem, position?: { index: number; of: number } | null): RowPlacement;
  /** Scrolls to a row, then focuses it once it is drawn. */
  focusRow(index: number): void;
  /** Focuses the first row that takes focus. */
  focusFirst(): void;
  /** Scrolls a row into view unless it already is. */
  reveal(index: number): void;
  /** ↑ ↓ Home End between rows; ↑ on the first row calls `onLeaveTop`. */
  onKeyDown(event: KeyboardEvent, onLeaveTop?: () => void): void;
  /** The index of the row holding the focus, or -1. */
  focusedIndex(): number;
}

function rowIndexOf(element: Element | null): number {
  const row = element?.closest<HTMLElement>('[data-index]');
  return row ? Number(row.dataset['index']) : -1;
}

/**
 * Long lists drawn a screenful at a time with TanStack Virtual: the rows in view (and a few
 * around them) are in the DOM, each measured as drawn; the rest are counted into the list's height.
 * Keyboard focus moves through every row, drawn or not, and the focused row stays drawn.
 */
export function useVirtualRows(options: VirtualRowsOptions): VirtualRows {
  const { keys, estimateSize, gap = 0, focusable = () => true, scroller = SCROLLER } = options;
  const count = keys.count;
  const list = useRef<HTMLElement | null>(null);
  const [listRef] = useState(() => (element: HTMLElement | null) => {
    list.current = element;
  });
  const [scrollMargin, setScrollMargin] = useState(0);
  const [, redraw] = useReducer((tick: number) => tick + 1, 0);
  const pendingFocus = useRef(-1);
  const latest = useRef(options);
  latest.current = options;

  const settings = {
    count,
    estimateSize: () => estimateSize,
    getItemKey: keys.keyOf,
    getScrollElement: () => list.current?.closest<HTMLElement>(scroller) ?? null,
    observeElementRect,
    observeElementOffset,
    scrollToFn: elementScroll,
    scrollMargin,
    gap,
    overscan: 6,
    rangeExtractor: (range: Range) => {
      const indexes = new Set([...defaultRangeExtractor(range), ...(latest.current.alsoDraw?.(range) ?? [])]);
      // The focused row (or the one about to be) stays drawn, so the keyboard never loses its place.
      for (const index of [focusedIndex(), pendingFocus.current]) if (index >= 0 && index < range.count) indexes.add(index);
      return [...indexes].sort((a, b) => a - b);
    },
    onChange: () => redraw(0),
  };
  const [virtualizer] = useState(() => new Virtualizer<HTMLElement, Element>(settings));
  virtualizer.setOptions(settings);
  const [measure] = useState(() => (element: Element | null) => virtualizer.measureElement(element));

  useLayoutEffect(() => virtualizer._didMount(), [virtualizer]);
  useLayoutEffect(() => {
    virtualizer._willUpdate();
    // The filters above the list push it down: its offset in the scroller is the scroll margin.
    const element = list.current;
    const scrolling = element?.closest<HTMLElement>(scroller);
    if (element && scrolling) {
      const margin = Math.round(element.getBoundingClientRect().top - scrolling.getBoundingClientRect().top + scrolling.scrollTop);
      if (margin !== scrollMargin) setScrollMargin(margin);
    }
    // A row asked for focus before it was drawn.
    if (pendingFocus.current >= 0) {
      const target = rowElement(pendingFocus.current);
      if (target) {
        pendingFocus.current = -1;
        target.focus({ preventScroll: true });
      }
    }
  });

  const rowElement = (index: number): HTMLElement | null => {
    const row = list.current?.querySelector<HTMLElement>(`[data-index="${index}"]`);
    return row?.matches(FOCUS_TARGET) ? row : (row?.querySelector<HTMLElement>(FOCUS_TARGET) ?? null);
  };
  const focusRow = (index: number) => {
    if (index < 0 || index >= count) return;
    virtualizer.scrollToIndex(index, { align: 'auto' });
    const target = rowElement(index);
    if (target) target.focus({ preventScroll: true });
    else {
      pendingFocus.current = index;
      redraw(0);
    }
  };
  function focusedIndex(): number {
    return list.current?.contains(document.activeElement) ? rowIndexOf(document.activeElement) : -1;
  }
  const step = (from: number, by: 1 | -1): number => {
    for (let index = from + by; index >= 0 && index < count; index += by) if (focusable(index)) return index;
    return -1;
  };

  const onKeyDown = (event: KeyboardEvent, onLeaveTop?: () => void) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const current = focusedIndex();
    let next = -1;
    if (event.key === 'Home') next = step(-1, 1);
    else if (event.key === 'End') next = step(count, -1);
    else if (event.key === 'ArrowDown') next = current < 0 ? step(-1, 1) : step(current, 1);
    else if (event.key === 'ArrowUp' && current >= 0) {
      next = step(current, -1);
      if (next < 0 && onLeaveTop) {
        event.preventDefault();
        onLeaveTop();
        return;
      }
    }
    if (next < 0) return;
    event.preventDefault();
    focusRow(next);
  };

  return {
    listRef,
    rows: virtualizer.getVirtualItems(),
    listStyle: { position: 'relative', height: `${virtualizer.getTotalSize()}px` },
    place: (row, position) => ({
      ref: measure,
      'data-index': row.index,
      style: { position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${row.start - scrollMargin}px)` },
      ...(position === null ? {} : { 'aria-setsize': position?.of ?? count, 'aria-posinset': (position?.index ?? row.index) + 1 }),
    }),
    focusRow,
    focusFirst: () => focusRow(step(-1, 1)),
    reveal: (index) => {
      if (index >= 0 && index < count) virtualizer.scrollToIndex(index, { align: 'auto' });
    },
    onKeyDown,
    focusedIndex,
  };
}
