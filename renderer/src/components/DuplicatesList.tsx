import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { MergeProposal } from '../../../shared/corpus/corpus-query.ts';
import type { Entity } from '../../../shared/model/entity.ts';
import type { Tagset } from '../../../shared/model/tagset.ts';
import type { AppStore } from '../app/app-store.ts';

/** Why two entities look like one, as the list says it. */
export function proposalReason(proposal: MergeProposal): string {
  switch (proposal.reason) {
    case 'wikidata':
      return `Same Wikidata id (${proposal.keep.wikidata ?? proposal.merge.wikidata ?? ''})`;
    case 'name':
      return 'Same name';
    case 'alias':
      return 'A name of one is an alias of the other';
  }
}

function articles(count: number): string {
  return `${count} ${count === 1 ? 'article' : 'articles'}`;
}

function proposalKey(proposal: MergeProposal): string {
  return `${proposal.keep.id}+${proposal.merge.id}`;
}

function EntitySide({ entity, tagset, role }: { entity: Entity; tagset: Tagset; role: string }) {
  const type = tagset.entityTypes.find((entry) => entry.id === entity.type);
  return (
    <div class="duplicate-side" style={type ? { '--ann-colour': type.colour } : undefined}>
      <span class="duplicate-role">{role}</span>
      <span class="duplicate-name">
        <span class="entity-dot" aria-hidden="true" />
        {entity.name}
      </span>
      <span class="duplicate-meta">
        {[type?.label ?? entity.type, entity.wikidata, entity.aliases.length > 0 ? `also ${entity.aliases.join(', ')}` : '']
          .filter(Boolean)
          .map((part) => (
            <span key={part}>{part}</span>
          ))}
      </span>
    </div>
  );
}

function ProposalRow({ store, proposal }: { store: AppStore; proposal: MergeProposal }) {
  const profiles = store.entityProfile;
  const [confirming, setConfirming] = useState(false);
  const busy = profiles.busy.value;
  return (
    <li class="duplicate" aria-label={`${proposal.merge.name} and ${proposal.keep.name}`}>
      <div class="duplicate-pair">
        <EntitySide entity={proposal.merge} tagset={store.tagset.value} role="Merge" />
        <span class="duplicate-arrow" aria-hidden="true">
          →
        </span>
        <EntitySide entity={proposal.keep} tagset={store.tagset.value} role="Into" />
      </div>
      <p class="duplicate-reason">
        <span>{proposalReason(proposal)}</span>
        <span>{articles(proposal.documents)}</span>
      </p>
      {confirming ? (
        <div class="duplicate-confirm" role="group" aria-label="Confirm the merge">
          <p>
            Merge “{proposal.merge.name}” into “{proposal.keep.name}”? {articles(proposal.documents)} will change; its name becomes an
            alias. <kbd>Ctrl+Z</kbd> takes the merge back in every article.
          </p>
          <div class="duplicate-actions">
            <button
              type="button"
              class="button button-small button-primary"
              disabled={busy}
              ref={(button) => button?.focus()}
              onClick={() => void profiles.merge(proposal).then((done) => done && setConfirming(false))}
            >
              Merge in {articles(proposal.documents)}
            </button>
            <button type="button" class="button button-quiet button-small" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <div class="duplicate-actions">
          <button type="button" class="button button-small" disabled={busy} onClick={() => setConfirming(true)}>
            Merge…
          </button>
          <button type="button" class="button button-quiet button-small" disabled={busy} onClick={() => void profiles.dismiss(proposal)}>
            Dismiss
          </button>
          <button type="button" class="button button-quiet button-small" onClick={() => void profiles.openProfile(proposal.keep.id)}>
            Profile of “{proposal.keep.name}”
          </button>
        </div>
      )}
    </li>
  );
}

/** The registry's possible duplicates: pairs of entities that look like one, to merge (after a confirmation) or dismiss. */
export function DuplicatesList({ store, nav }: { store: AppStore; nav: ComponentChildren }) {
  const proposals = store.entityProfile.proposals.value;
  return (
    <div class="profile-column">
      {nav}
      <header class="profile-header">
        <h1 class="profile-name">Possible duplicates</h1>
        <p class="profile-description">
          Entities of different articles that look like one: the same Wikidata id, the same name, or a name that is the other’s alias.
          Merging joins them in every article; <kbd>Ctrl+Z</kbd> here undoes it everywhere.
        </p>
      </header>
      {proposals === null ? (
        <p class="profile-empty">Looking for duplicates…</p>
      ) : proposals.length === 0 ? (
        <p class="profile-empty">No possible duplicates: every entity of the library looks distinct.</p>
      ) : (
        <ul class="duplicates" aria-label="Possible duplicates">
          {proposals.map((proposal) => (
            <ProposalRow key={proposalKey(proposal)} store={store} proposal={proposal} />
          ))}
        </ul>
      )}
    </div>
  );
}
