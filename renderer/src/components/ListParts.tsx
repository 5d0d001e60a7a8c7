import { useSignalEffect } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import type { DocumentSession } from '../session/document-session.ts';
import type { VirtualRows } from './virtual-rows.ts';

/** A short, one-line form of annotated text for lists. */
export function excerpt(text: string, length = 140): string {
  const line = text.replace(/\s+/gu, ' ').trim();
  return line.length > length ? `${line.slice(0, length - 1)}…` : line;
}

/** Puts the caret in the search field of the panel holding `element`. */
export function focusListSearch(element: Element): void {
  element.closest('[role="tabpanel"]')?.querySelector<HTMLElement>('input[type="search"]')?.focus();
}

interface ListFiltersProps {
  label: string;
  query: string;
  onQuery(query: string): void;
  /** The list below: ↓ in the search field goes to its first row. */
  rows: VirtualRows;
  children?: ComponentChildren;
}

/** A list's search field and its filters. Escape in a filled search field empties it. */
export function ListFilters({ label, query, onQuery, rows, children }: ListFiltersProps) {
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
            event.preventDefault();
            rows.focusFirst();
          }
        }}
      />
      {children ? <div class="list-filter-row">{children}</div> : null}
    </div>
  );
}

/** A labelled select for a list filter. */
export function FilterSelect({
  label,
  value,
  onChange,
  children,
}: {
  label: string;
  value: string;
  onChange(value: string): void;
  children: ComponentChildren;
}) {
  return (
    <select
      class="input input-compact"
      aria-label={label}
      title={label}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
    >
      {children}
    </select>
  );
}

/** What a list says when it has nothing to show. */
export function EmptyList({ filtered, empty, none }: { filtered: boolean; empty: ComponentChildren; none: string }) {
  return <p class="list-empty">{filtered ? none : empty}</p>;
}

/** A list of rows drawn as they scroll into view, ↑ ↓ Home End moving between them (↑ from the first goes back to the search field). */
export function RowList({ rows, label, children }: { rows: VirtualRows; label: string; children: ComponentChildren }) {
  return (
    <ul
      ref={rows.listRef}
      class="item-list"
      aria-label={label}
      style={rows.listStyle}
      onKeyDown={(event) => rows.onKeyDown(event, () => focusListSearch(event.currentTarget))}
    >
      {children}
    </ul>
  );
}

/**
 * The selected annotation's id, for the list to mark its row (`aria-current`). When the selection
 * moves (in the article, say) the list scrolls to its row, however far down, unless that row has
 * the focus already.
 */
export function useSelectedRow(session: DocumentSession, rows: VirtualRows, indexOf: (id: string) => number): string | null {
  const latest = useRef({ rows, indexOf });
  latest.current = { rows, indexOf };
  useSignalEffect(() => {
    const id = session.selectedId.value;
    if (!id) return;
    const index = latest.current.indexOf(id);
    if (index >= 0 && latest.current.rows.focusedIndex() !== index) latest.current.rows.reveal(index);
  });
  return session.selectedId.value;
}
