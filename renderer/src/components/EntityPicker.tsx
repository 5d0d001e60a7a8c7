import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Entity } from '../../../shared/model/entity.ts';
import type { Tagset } from '../../../shared/model/tagset.ts';
import { queryWords } from '../../../shared/text/text-search.ts';
import { useRegistry } from './registry-context.ts';

interface EntityPickerProps {
  label: string;
  entities: readonly Entity[];
  tagset: Tagset;
  /** The entity chosen now, if any; its name shows in the field. */
  value?: Entity | undefined;
  onPick(entity: Entity): void;
  /** Offers "Add “typed name”" when no entity has that name; the type it gets is named in the option. */
  onCreate?: ((name: string) => void) | undefined;
  createTypeLabel?: string;
  /** Clears the choice (a × button and an emptied field + Enter). */
  onClear?: (() => void) | undefined;
  placeholder?: string;
  /** `data-field` name, for keys that jump to this field. */
  field?: string;
  primary?: boolean;
  /**
   * Also offers the library's entities from other articles that match what is typed, after the
   * article's own; picking one gives `onPick` the library's record (same id), for the caller to add.
   */
  offerLibrary?: boolean;
}

const MAX_OPTIONS = 8;
const MAX_LIBRARY_OPTIONS = 5;
/** How long typing pauses before the library is asked, in milliseconds. */
const LIBRARY_PAUSE_MS = 150;

/** The library's entities matching the typed text that the article does not hold; [] while not typing. */
function useLibraryMatches(enabled: boolean, query: string, own: readonly Entity[]): Entity[] {
  const registry = useRegistry();
  const [found, setFound] = useState<{ query: string; entities: Entity[] }>({ query: '', entities: [] });
  const active = enabled && registry !== null && query !== '';
  useEffect(() => {
    if (!active || !registry) return;
    let current = true;
    const timer = setTimeout(() => {
      void registry.searchLibrary(query).then((summaries) => {
        if (current) setFound({ query, entities: summaries.map((summary) => summary.entity) });
      });
    }, LIBRARY_PAUSE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [active, registry, query]);
  if (!active || found.query !== query) return [];
  const ownIds = new Set(own.map((entity) => entity.id));
  return found.entities.filter((entity) => !ownIds.has(entity.id)).slice(0, MAX_LIBRARY_OPTIONS);
}

/** How well an entity matches typed words: 2 when a name starts with the query, 1 when every word occurs, 0 otherwise. */
function score(entity: Entity, query: string, words: readonly string[]): number {
  const names = [entity.name, ...entity.aliases].map((name) => name.toLocaleLowerCase());
  if (names.some((name) => name.startsWith(query))) return 2;
  if (names.some((name) => words.every((word) => name.includes(word)))) return 1;
  return 0;
}

/**
 * A type-ahead field over the entity registry (an ARIA combobox): typing filters by name and alias,
 * ↑/↓ move through the matches, Enter picks one (or adds the typed name as a new entity), Escape
 * puts the field back.
 */
export function EntityPicker({
  label,
  entities,
  tagset,
  value,
  onPick,
  onCreate,
  createTypeLabel,
  onClear,
  placeholder,
  field,
  primary,
  offerLibrary = false,
}: EntityPickerProps) {
  const id = useId();
  const [text, setText] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const typing = text !== null;
  const query = (text ?? '').trim().toLocaleLowerCase();
  const words = queryWords(query);
  const matches = typing
    ? entities
        .map((entity) => ({ entity, score: query ? score(entity, query, words) : 1 }))
        .filter((match) => match.score > 0)
        .sort((a, b) => b.score - a.score || a.entity.name.localeCompare(b.entity.name))
        .slice(0, MAX_OPTIONS)
        .map((match) => match.entity)
    : [];
  const library = useLibraryMatches(offerLibrary && typing, query, entities);
  const ownCount = matches.length;
  matches.push(...library);
  const exact = matches.some((entity) => [entity.name, ...entity.aliases].some((name) => name.toLocaleLowerCase() === query));
  const canCreate = Boolean(onCreate && query && !exact);
  const optionCount = matches.length + (canCreate ? 1 : 0);
  const open = typing && optionCount > 0;
  const activeIndex = Math.min(active, optionCount - 1);

  const finish = () => {
    setText(null);
    setActive(0);
  };
  const choose = (index: number) => {
    const entity = matches[index];
    if (entity) onPick(entity);
    else if (canCreate && index === matches.length) onCreate?.((text ?? '').replace(/\s+/gu, ' ').trim());
    finish();
  };
  const typeOf = (entity: Entity) => tagset.entityTypes.find((type) => type.id === entity.type);

  return (
    <div class="field entity-picker">
      <label class="field-label" for={id}>
        {label}
      </label>
      <div class="input-row">
        <input
          ref={input}
          id={id}
          class="input"
          type="text"
          role="combobox"
          autocomplete="off"
          aria-autocomplete="list"
          aria-expanded={open ? 'true' : 'false'}
          aria-controls={`${id}-list`}
          aria-activedescendant={open ? `${id}-option-${activeIndex}` : undefined}
          data-field={field}
          data-primary-field={primary ? '' : undefined}
          placeholder={placeholder}
          value={typing ? text : (value?.name ?? '')}
          onFocus={(event) => event.currentTarget.select()}
          onInput={(event) => {
            setText(event.currentTarget.value);
            setActive(0);
          }}
          onBlur={finish}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
              event.preventDefault();
              if (!typing) {
                setText('');
                return;
              }
              const by = event.key === 'ArrowDown' ? 1 : -1;
              setActive((activeIndex + by + optionCount) % Math.max(1, optionCount));
            } else if (event.key === 'Enter') {
              event.preventDefault();
              if (open) choose(activeIndex);
              else if (typing && !query && onClear) {
                onClear();
                finish();
              }
            } else if (event.key === 'Escape' && typing) {
              event.preventDefault();
              finish();
            }
          }}
        />
        {value && onClear ? (
          <button
            type="button"
            class="button button-quiet button-icon"
            aria-label={`Clear ${label.toLowerCase()}`}
            title={`Clear ${label.toLowerCase()}`}
            onClick={onClear}
          >
            ×
          </button>
        ) : null}
      </div>
      <ul id={`${id}-list`} class="picker-options" role="listbox" aria-label={label} hidden={!open}>
        {matches.map((entity, index) => {
          const type = typeOf(entity);
          const fromLibrary = index >= ownCount;
          return (
            <li
              key={entity.id}
              id={`${id}-option-${index}`}
              role="option"
              class={`picker-option${fromLibrary ? ' picker-library' : ''}${fromLibrary && index === ownCount ? ' picker-library-first' : ''}`}
              aria-selected={index === activeIndex ? 'true' : 'false'}
              aria-description={fromLibrary ? 'from other articles of the library' : undefined}
              style={type ? { '--ann-colour': type.colour } : undefined}
              onMouseDown={(event) => {
                event.preventDefault();
                choose(index);
              }}
            >
              <span class="entity-dot" aria-hidden="true" />
              <span class="picker-name">{entity.name}</span>
              <span class="picker-type">{fromLibrary ? `${type?.label ?? entity.type} · library` : (type?.label ?? entity.type)}</span>
            </li>
          );
        })}
        {canCreate ? (
          <li
            id={`${id}-option-${matches.length}`}
            role="option"
            class="picker-option picker-create"
            aria-selected={activeIndex === matches.length ? 'true' : 'false'}
            onMouseDown={(event) => {
              event.preventDefault();
              choose(matches.length);
            }}
          >
            Add “{(text ?? '').trim()}”{createTypeLabel ? ` as a new ${createTypeLabel.toLowerCase()}` : ''}
          </li>
        ) : null}
      </ul>
    </div>
  );
}
