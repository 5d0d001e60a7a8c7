import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CorpusGroup, CorpusHit, EntityProfile } from '../../../shared/corpus/corpus-query.ts';
import type { Tagset } from '../../../shared/model/tagset.ts';
import type { AppStore } from '../app/app-store.ts';
import { hitKey, type EntityProfileStore } from '../app/entity-profile-store.ts';
import { isTextField } from '../app/global-shortcuts.ts';
import { HIT_KIND_LABELS, hitSummary, profileRowKey, profileRows, type ProfileRow } from '../model/profile-rows.ts';
import { DuplicatesList } from './DuplicatesList.tsx';
import { EntityEditForm } from './EntityEditForm.tsx';
import { excerpt } from './ListParts.tsx';
import { rowKeys, useVirtualRows } from './virtual-rows.ts';

const SCROLLER = '.profile-scroll';

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

/** An article's date as a profile shows it: "3 Dec 2026". */
export function articleDate(group: CorpusGroup): string | null {
  if (!group.published) return null;
  const date = new Date(`${group.published}T00:00:00Z`);
  return Number.isNaN(date.getTime())
    ? group.published
    : date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

function ProfileFacts({ profile, tagset }: { profile: EntityProfile; tagset: Tagset }) {
  const { entity } = profile;
  const type = tagset.entityTypes.find((entry) => entry.id === entity.type);
  const counts: [string, number][] = [
    ['Mentions', profile.mentions],
    ['Quotes', profile.quotes],
    ['Claims', profile.claims],
    ['Articles', profile.groups.length],
  ];
  return (
    <>
      <p class="profile-kicker">
        <span class="profile-type" style={type ? { '--ann-colour': type.colour } : undefined}>
          <span class="entity-dot" aria-hidden="true" />
          {type?.label ?? entity.type}
        </span>
        {entity.wikidata ? (
          <a class="external-link" href={`https://www.wikidata.org/wiki/${entity.wikidata}`} target="_blank" rel="noopener noreferrer">
            {entity.wikidata} on Wikidata ↗
          </a>
        ) : (
          <span class="profile-muted">No Wikidata id</span>
        )}
      </p>
      <h1 class="profile-name">{entity.name}</h1>
      {entity.aliases.length > 0 ? <p class="profile-aliases">Also: {entity.aliases.join(' · ')}</p> : null}
      {entity.description ? <p class="profile-description">{entity.description}</p> : null}
      <dl class="profile-counts" aria-label="Across the library">
        {counts.map(([label, count]) => (
          <div key={label} class="profile-count">
            <dt>{label}</dt>
            <dd>{count.toLocaleString('en')}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

function SplitForm({ store, tagset, type, onDone }: { store: EntityProfileStore; tagset: Tagset; type: string; onDone(): void }) {
  const [name, setName] = useState('');
  const [chosenType, setType] = useState(type);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const count = store.picked.value.size;
  return (
    <form
      class="profile-split"
      aria-label="Move to a new entity"
      onSubmit={(event) => {
        event.preventDefault();
        if (!name.trim()) return;
        void store.split(name.trim(), chosenType).then((entity) => entity && onDone());
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onDone();
        }
      }}
    >
      <p class="profile-split-lead">Move {plural(count, 'annotation', 'annotations')} to a new entity:</p>
      <div class="input-row">
        <input
          ref={input}
          class="input"
          type="text"
          aria-label="Name of the new entity"
          placeholder="Name of the new entity"
          value={name}
          onInput={(event) => setName(event.currentTarget.value)}
        />
        <select
          class="input input-compact"
          aria-label="Type of the new entity"
          value={chosenType}
          onChange={(event) => setType(event.currentTarget.value)}
        >
          {tagset.entityTypes.map((entry) => (
            <option key={entry.id} value={entry.id}>
              {entry.label}
            </option>
          ))}
        </select>
        <button type="submit" class="button button-small button-primary" disabled={!name.trim() || store.busy.value}>
          Move
        </button>
        <button type="button" class="button button-quiet button-small" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function HitRow({ store, hit, tagset }: { store: EntityProfileStore; hit: CorpusHit; tagset: Tagset }) {
  const picked = store.picked.value.has(hitKey(hit));
  const verdict = hit.status ? tagset.verdicts.find((entry) => entry.id === hit.status) : undefined;
  return (
    <div class={`profile-hit${picked ? ' is-picked' : ''}`}>
      <input
        type="checkbox"
        class="profile-pick"
        tabIndex={-1}
        aria-label="Pick for a split"
        checked={picked}
        onChange={() => store.togglePicked(hit)}
      />
      <button
        type="button"
        class="profile-hit-button"
        data-list-item
        aria-pressed={picked ? 'true' : 'false'}
        aria-keyshortcuts="Enter Space"
        title="Enter: open in the article · Space: pick for a split"
        onClick={() => void store.openHit(hit)}
        onKeyDown={(event) => {
          if (event.key === ' ' && !event.ctrlKey && !event.altKey && !event.metaKey) {
            event.preventDefault();
            store.togglePicked(hit);
          }
        }}
      >
        <span class={`hit-kind hit-kind-${hit.kind}`}>{HIT_KIND_LABELS[hit.kind]}</span>
        <span class="hit-text">{hit.kind === 'entity' ? hit.exact : `“${excerpt(hit.exact, 220)}”`}</span>
        {hit.kind === 'claim' ? (
          <span class="hit-verdict">
            <span class="verdict-dot" style={verdict ? { backgroundColor: verdict.colour } : undefined} aria-hidden="true" />
            {verdict?.label ?? hit.status ?? 'No verdict'}
          </span>
        ) : null}
      </button>
    </div>
  );
}

function ArticleHeading({ group }: { group: CorpusGroup }) {
  const date = articleDate(group);
  return (
    <div class="profile-article">
      <h2 class="profile-article-title">{group.title}</h2>
      <p class="profile-article-meta">
        {[group.source, date, hitSummary(group.hits)].filter(Boolean).map((part) => (
          <span key={part}>{part}</span>
        ))}
      </p>
    </div>
  );
}

function ProfileRows({ store, rows, tagset }: { store: EntityProfileStore; rows: ProfileRow[]; tagset: Tagset }) {
  const keys = useMemo(() => rowKeys(rows.map(profileRowKey)), [rows]);
  const virtual = useVirtualRows({
    keys,
    estimateSize: 40,
    scroller: SCROLLER,
    focusable: (index) => rows[index]?.type === 'hit',
  });
  const hitCount = rows.length - rows.filter((row) => row.type === 'article').length;
  // A profile just opened takes the focus on its first row, so the arrows, Enter and Space work at once.
  useEffect(() => {
    if (!isTextField(document.activeElement)) virtual.focusFirst();
    // Once per profile: the component is keyed by the entity.
  }, []);
  return (
    <ul
      ref={virtual.listRef}
      class="profile-rows"
      aria-label="Mentions, quotes and claims by article"
      style={virtual.listStyle}
      onKeyDown={(event) => virtual.onKeyDown(event)}
    >
      {virtual.rows.map((item) => {
        const row = rows[item.index];
        if (!row) return null;
        if (row.type === 'article') {
          return (
            <li key={item.key} class="profile-line profile-line-article" {...virtual.place(item, null)}>
              <ArticleHeading group={row.group} />
            </li>
          );
        }
        return (
          <li key={item.key} class="profile-line" {...virtual.place(item, { index: row.position, of: hitCount })}>
            <HitRow store={store} hit={row.hit} tagset={tagset} />
          </li>
        );
      })}
    </ul>
  );
}

function ProfilePane({ store }: { store: AppStore }) {
  const profiles = store.entityProfile;
  const profile = profiles.profile.value;
  const tagset = store.tagset.value;
  const [editing, setEditing] = useState(false);
  const [splitting, setSplitting] = useState(false);
  const rows = useMemo(() => profileRows(profile?.groups ?? []), [profile]);
  const picked = profiles.picked.value.size;
  useEffect(() => {
    if (picked === 0) setSplitting(false);
  }, [picked]);

  if (!profile) {
    return (
      <div class="profile-column">
        <ProfileNav store={store} />
        <p class="profile-empty" role={profiles.failure.value ? 'alert' : undefined}>
          {profiles.failure.value
            ? `Could not show the profile: ${profiles.failure.value}`
            : profiles.loading.value
              ? 'Loading the profile…'
              : 'Choose an entity (its Profile button, or Shift+P in the article) to see it across the library.'}
        </p>
      </div>
    );
  }
  return (
    <div class="profile-column">
      <ProfileNav store={store} />
      <header class="profile-header">
        <ProfileFacts profile={profile} tagset={tagset} />
        {editing ? (
          <EntityEditForm
            key={profile.entity.id}
            entity={profile.entity}
            tagset={tagset}
            busy={profiles.busy.value}
            onSave={(entity) => profiles.update(entity)}
            onCancel={() => setEditing(false)}
          />
        ) : (
          <p class="profile-actions">
            <button type="button" class="button button-small" onClick={() => setEditing(true)}>
              Edit entity…
            </button>
          </p>
        )}
      </header>
      <div class="profile-toolbar" aria-live="polite">
        {picked === 0 && profiles.splitOff.value ? (
          <span class="profile-hint">
            Moved to a new entity:{' '}
            <button
              type="button"
              class="button button-quiet button-small"
              onClick={() => void profiles.openProfile(profiles.splitOff.value?.id ?? '')}
            >
              Profile of {profiles.splitOff.value.name} ↗
            </button>
          </span>
        ) : picked === 0 ? (
          <span class="profile-hint">
            <kbd>Enter</kbd> opens a row in its article · <kbd>Space</kbd> picks rows to move to a new entity · <kbd>Ctrl+Z</kbd> undoes a
            registry change
          </span>
        ) : splitting ? (
          <SplitForm store={profiles} tagset={tagset} type={profile.entity.type} onDone={() => setSplitting(false)} />
        ) : (
          <>
            <span class="profile-picked">{plural(picked, 'row', 'rows')} picked</span>
            <button type="button" class="button button-small" onClick={() => setSplitting(true)}>
              Move to a new entity…
            </button>
            <button type="button" class="button button-quiet button-small" onClick={() => profiles.clearPicked()}>
              Clear
            </button>
          </>
        )}
      </div>
      {rows.length === 0 ? (
        <p class="profile-empty">No mention, quote or claim of {profile.entity.name} in the library.</p>
      ) : (
        <ProfileRows key={profile.entity.id} store={profiles} rows={rows} tagset={tagset} />
      )}
    </div>
  );
}

function ProfileNav({ store }: { store: AppStore }) {
  const profiles = store.entityProfile;
  const onDuplicates = profiles.pane.value === 'duplicates';
  return (
    <nav class="profile-nav" aria-label="Registry">
      <button type="button" class="button button-quiet button-small" aria-keyshortcuts="Escape" onClick={() => profiles.close()}>
        ← Back to the article <kbd>Esc</kbd>
      </button>
      {onDuplicates ? (
        store.ui.profileEntityId.value ? (
          <button
            type="button"
            class="button button-quiet button-small"
            onClick={() => void profiles.openProfile(store.ui.profileEntityId.value ?? '')}
          >
            Back to the profile
          </button>
        ) : null
      ) : (
        <button type="button" class="button button-quiet button-small" onClick={() => void profiles.openDuplicates()}>
          Possible duplicates
        </button>
      )}
    </nav>
  );
}

/**
 * An entity across the library (`ui.workspace` = 'profile'): its record and counts, then every
 * mention, quote it speaks and claim it makes, article by article, drawn as they scroll into view.
 * Enter opens a row in its article, Space picks rows for a split, Escape goes back to the article;
 * or the possible duplicates, with merge and dismiss.
 */
export function EntityProfileView({ store }: { store: AppStore }) {
  const pane = store.entityProfile.pane.value;
  return (
    <main
      class="workspace entity-profile"
      aria-label={pane === 'duplicates' ? 'Possible duplicates' : 'Entity profile'}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented && !isTextField(event.target)) {
          event.preventDefault();
          store.entityProfile.close();
        }
      }}
    >
      <div class="profile-scroll">
        {pane === 'duplicates' ? <DuplicatesList store={store} nav={<ProfileNav store={store} />} /> : <ProfilePane store={store} />}
      </div>
    </main>
  );
}
