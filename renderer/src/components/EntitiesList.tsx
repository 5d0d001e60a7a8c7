import { useComputed } from '@preact/signals';
import { useMemo, useState } from 'preact/hooks';
import { entityRows, entityUsage, type EntityFilter, type EntitySort } from '../model/annotation-lists.ts';
import type { DocumentSession } from '../session/document-session.ts';
import { EmptyList, FilterSelect, ListFilters, RowList } from './ListParts.tsx';
import { useRegistry } from './registry-context.ts';
import { rowKeys, useVirtualRows } from './virtual-rows.ts';

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The entity registry with each entity's mentions: activate a row to go to its first mention, ‹ › to step through them. */
export function EntitiesList({ session }: { session: DocumentSession }) {
  const [filter, setFilter] = useState<EntityFilter>({ type: 'all', query: '', sort: 'mentions' });
  const registry = useRegistry();
  const version = session.listVersion.value;
  const usage = useMemo(() => entityUsage(session.records), [session, version]);
  const rows = useMemo(() => entityRows(session.records, filter, usage), [session, usage, filter]);
  const total = session.records.entityCount();
  const keys = useMemo(() => rowKeys(rows.map((row) => row.entity.id)), [rows]);
  const virtual = useVirtualRows({ keys, estimateSize: 56 });
  // Follows the selection only as far as the entity and mention it points at, so selecting a claim or a quote leaves the list alone.
  // (A string, so that an unchanged entity and mention compare equal and redraw nothing.)
  const [currentEntity, currentMention] = useComputed(() => {
    const selected = session.selected;
    return selected?.kind === 'entity' ? `${selected.entityId} ${selected.id}` : `${session.inspectedEntityId.value ?? ''} `;
  }).value.split(' ');
  return (
    <>
      <ListFilters label="entities" query={filter.query} onQuery={(query) => setFilter({ ...filter, query })} rows={virtual}>
        <FilterSelect label="Filter entities by type" value={filter.type} onChange={(type) => setFilter({ ...filter, type })}>
          <option value="all">All types ({total})</option>
          {session.tagset.entityTypes.map((type) => (
            <option key={type.id} value={type.id}>
              {type.label}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect label="Sort entities" value={filter.sort} onChange={(sort) => setFilter({ ...filter, sort: sort as EntitySort })}>
          <option value="mentions">Most mentioned</option>
          <option value="name">By name</option>
          <option value="appearance">In reading order</option>
        </FilterSelect>
      </ListFilters>
      {registry ? (
        <p class="registry-entry">
          <button type="button" class="button button-quiet button-small" onClick={() => registry.openDuplicates()}>
            Possible duplicates across the library…
          </button>
        </p>
      ) : null}
      {rows.length === 0 ? (
        <EmptyList
          filtered={total > 0}
          none="No entity matches."
          empty={
            <>
              No entities yet. Select a name and press <kbd>E</kbd>.
            </>
          }
        />
      ) : (
        <RowList rows={virtual} label="Entities">
          {virtual.rows.map((row) => {
            const entry = rows[row.index];
            if (!entry) return null;
            const { entity, mentions, quotes, claims } = entry;
            const placement = virtual.place(row);
            const type = session.tagset.entityTypes.find((entry) => entry.id === entity.type);
            const isCurrent = currentEntity === entity.id;
            const position =
              currentMention && currentEntity === entity.id ? mentions.findIndex((mention) => mention.id === currentMention) : -1;
            const roles = [quotes > 0 ? plural(quotes, 'quote', 'quotes') : '', claims > 0 ? plural(claims, 'claim', 'claims') : ''].filter(
              Boolean,
            );
            return (
              <li
                key={entity.id}
                class="list-row entity-row"
                {...placement}
                style={{ ...placement.style, ...(type ? { '--ann-colour': type.colour } : {}) }}
              >
                <button
                  type="button"
                  class="list-item"
                  data-list-item
                  data-entity-ref={entity.id}
                  aria-current={isCurrent ? 'true' : undefined}
                  aria-keyshortcuts={registry ? 'Shift+P' : undefined}
                  onClick={() => session.showEntity(entity.id)}
                  onKeyDown={(event) => {
                    if (registry && event.key === 'P' && event.shiftKey && !event.ctrlKey && !event.altKey && !event.metaKey) {
                      event.preventDefault();
                      registry.openProfile(entity.id);
                    }
                  }}
                >
                  <span class="entity-dot" aria-hidden="true" />
                  <span class="item-body">
                    <span class="item-text item-name">{entity.name}</span>
                    <span class="item-meta">
                      <span>{type?.label ?? entity.type}</span>
                      {entity.aliases.length > 0 ? <span>also {entity.aliases.join(', ')}</span> : null}
                      {roles.length > 0 ? <span>{roles.join(', ')}</span> : null}
                      {entity.wikidata ? <span>{entity.wikidata}</span> : null}
                    </span>
                  </span>
                  <span class="mention-count" title={plural(mentions.length, 'mention', 'mentions')}>
                    {position >= 0 ? `${position + 1}/${mentions.length}` : mentions.length}
                  </span>
                </button>
                <span class="mention-steps">
                  <button
                    type="button"
                    class="button button-quiet button-icon"
                    aria-label={`Previous mention of ${entity.name}`}
                    title="Previous mention"
                    disabled={mentions.length === 0}
                    onClick={() => session.showMention(entity.id, -1)}
                  >
                    ‹
                  </button>
                  <button
                    type="button"
                    class="button button-quiet button-icon"
                    aria-label={`Next mention of ${entity.name}`}
                    title="Next mention"
                    disabled={mentions.length === 0}
                    onClick={() => session.showMention(entity.id, 1)}
                  >
                    ›
                  </button>
                  {registry ? (
                    <button
                      type="button"
                      class="button button-quiet button-icon"
                      aria-label={`Profile of ${entity.name}`}
                      title="Profile across the library (Shift+P)"
                      onClick={() => registry.openProfile(entity.id)}
                    >
                      ↗
                    </button>
                  ) : null}
                </span>
              </li>
            );
          })}
        </RowList>
      )}
    </>
  );
}
