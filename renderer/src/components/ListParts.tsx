import { useSignalEffect } from '@preact/signals';
import type { ComponentChildren, RefObject } from 'preact';
import { useLayoutEffect, useState } from 'preact/hooks';
import type { DocumentSession } from '../session/document-session.ts';

/** How many items a list draws before "Show more": long lists stay quick to redraw. */
export const LIST_PAGE = 150;

/** A short, one-line form of annotated text for lists. */
export function excerpt(text: string, length = 140): string {
  const line = text.replace(/\s+/gu, ' ').trim();
  return line.length > length ? `${line.slice(0, length - 1)}…` : line;
}

/** Moves focus between a panel's items with the arrow keys (and Home/End). */
export function onListKeyDown(event: KeyboardEvent): void {
  if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(event.key) || event.altKey || event.ctrlKey || event.metaKey) return;
  const panel = (event.currentTarget as HTMLElement).closest('[role="tabpanel"]');
  if (!panel) return;
  const items = [...panel.querySelectorAll<HTMLElement>('[data-list-item]')];
  if (items.length === 0) return;
  const index = items.indexOf(document.activeElement as HTMLElement);
  let next: HTMLElement | undefined;
  if (event.key === 'Home') next = items[0];
  else if (event.key === 'End') next = items.at(-1);
  else if (event.key === 'ArrowDown') next = items[index < 0 ? 0 : Math.min(items.length - 1, index + 1)];
  else if (index > 0) next = items[index - 1];
  else if (index === 0) next = panel.querySelector<HTMLElement>('input[type="search"]') ?? undefined;
  if (!next) return;
  event.preventDefault();
  next.focus();
  next.scrollIntoView({ block: 'nearest' });
}

interface ListFiltersProps {
  label: string;
  query: string;
  onQuery(query: string): void;
  children?: ComponentChildren;
}

/** A list's search field and its filters. Escape in a filled search field empties it. */
export function ListFilters({ label, query, onQuery, children }: ListFiltersProps) {
  return (
    <div class="list-filters">
      <input
        class="input input-search"
        type="search"
        aria-label={`Search ${label}`}
        aria-keyshortcuts="/"
        placeholder={`Search ${label}  /`}
        value={query}
        onInput={(event) => onQuery(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && query) {
            event.preventDefault();
            onQuery('');
          } else if (event.key === 'ArrowDown') {
            onListKeyDown(event);
          }
        }}
      />
      {children ? <div class="list-filter-row">{children}</div> : null}
    </div>
  );
}

/** A labelled select for a list filter. */
export function FilterSelect({ label, value, onChange, children }: { label: string; value: string; onChange(value: string): void; children: ComponentChildren }) {
  return (
    <select class="input input-compact" aria-label={label} title={label} value={value} onChange={(event) => onChange(event.currentTarget.value)}>
      {children}
    </select>
  );
}

/** Draws the first page of a long list and offers the rest a page at a time. */
export function usePaged<T>(items: readonly T[]): { shown: readonly T[]; more: ComponentChildren } {
  const [limit, setLimit] = useState(LIST_PAGE);
  const shown = items.length > limit ? items.slice(0, limit) : items;
  const more =
    items.length > limit ? (
      <button type="button" class="button button-small list-more" onClick={() => setLimit(limit + LIST_PAGE)}>
        Show {Math.min(LIST_PAGE, items.length - limit)} more of {items.length - limit}
      </button>
    ) : null;
  return { shown, more };
}

/** What a list says when it has nothing to show. */
export function EmptyList({ filtered, empty, none }: { filtered: boolean; empty: ComponentChildren; none: string }) {
  return <p class="list-empty">{filtered ? none : empty}</p>;
}

/**
 * Marks the selected annotation's item in a list (`aria-current`) and scrolls it into view when the
 * selection moves, by touching just those elements: the items do not each follow the selection, so
 * selecting something never redraws a long list.
 */
export function useSelectedItem(session: DocumentSession, root: RefObject<HTMLElement>): void {
  const mark = (scroll: boolean) => {
    const container = root.current;
    if (!container) return;
    const id = session.selectedId.peek();
    for (const element of container.querySelectorAll('[data-annotation-ref][aria-current]')) {
      if (element.getAttribute('data-annotation-ref') !== id) element.removeAttribute('aria-current');
    }
    if (!id) return;
    const item = container.querySelector(`[data-annotation-ref="${CSS.escape(id)}"]`);
    if (!item) return;
    item.setAttribute('aria-current', 'true');
    if (scroll && document.activeElement !== item) item.scrollIntoView({ block: 'nearest' });
  };
  // After each redraw of the list (new items come without the mark).
  useLayoutEffect(() => mark(false));
  useSignalEffect(() => {
    void session.selectedId.value;
    mark(true);
  });
}
