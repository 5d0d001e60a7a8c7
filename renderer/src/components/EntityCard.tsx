import { useState } from 'preact/hooks';
import type { EntityAnnotation } from '../../../shared/model/annotation.ts';
import type { Entity } from '../../../shared/model/entity.ts';
import type { DocumentSession } from '../session/document-session.ts';
import { DraftTextField } from './DraftTextField.tsx';
import { EntityPicker } from './EntityPicker.tsx';
import { Field } from './Field.tsx';
import { useRegistry } from './registry-context.ts';

function AliasEditor({ session, entity }: { session: DocumentSession; entity: Entity }) {
  const [draft, setDraft] = useState('');
  const add = () => {
    const alias = draft.replace(/\s+/gu, ' ').trim();
    if (alias && session.setAliases(entity.id, [...entity.aliases, alias])) setDraft('');
  };
  return (
    <Field label="Aliases">
      {(id) => (
        <div class="aliases">
          {entity.aliases.length > 0 ? (
            <ul class="chips" aria-label="Aliases">
              {entity.aliases.map((alias) => (
                <li key={alias} class="chip">
                  {alias}
                  <button
                    type="button"
                    class="chip-remove"
                    aria-label={`Remove alias ${alias}`}
                    onClick={() =>
                      session.setAliases(
                        entity.id,
                        entity.aliases.filter((other) => other !== alias),
                      )
                    }
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
          <input
            id={id}
            class="input"
            type="text"
            placeholder="Add an alias, then Enter"
            data-field="alias"
            value={draft}
            onInput={(event) => setDraft(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                add();
              } else if (event.key === 'Escape' && draft) {
                event.preventDefault();
                setDraft('');
              }
            }}
            onBlur={add}
          />
        </div>
      )}
    </Field>
  );
}

function MentionSteps({
  session,
  entity,
  mentions,
  current,
}: {
  session: DocumentSession;
  entity: Entity;
  mentions: number;
  current: number;
}) {
  return (
    <div class="mention-line">
      <span>
        {mentions === 0
          ? 'No mentions tagged'
          : current >= 0
            ? `Mention ${current + 1} of ${mentions}`
            : mentions === 1
              ? '1 mention'
              : `${mentions} mentions`}
      </span>
      <span class="mention-steps">
        <button
          type="button"
          class="button button-small"
          aria-label="Previous mention"
          aria-keyshortcuts="{"
          disabled={mentions === 0}
          onClick={() => session.showMention(entity.id, -1)}
        >
          ‹ Previous
        </button>
        <button
          type="button"
          class="button button-small"
          aria-label="Next mention"
          aria-keyshortcuts="}"
          disabled={mentions === 0}
          onClick={() => session.showMention(entity.id, 1)}
        >
          Next ›
        </button>
      </span>
    </div>
  );
}

/**
 * One entry of the entity registry, every field editable: name (a former name that occurs in the
 * text stays as an alias), type, aliases, Wikidata item, description; its mentions, "Tag all
 * mentions", merging into another entity, and deletion.
 */
export function EntityCard({ session, entity, mention }: { session: DocumentSession; entity: Entity; mention?: EntityAnnotation }) {
  // Reads the records: redraw on every change (a component that reads signals skips redraws its props do not ask for).
  void session.version.value;
  const registry = useRegistry();
  const type = session.tagset.entityTypes.find((entry) => entry.id === entity.type);
  const mentions: string[] = [];
  let quotes = 0;
  let claims = 0;
  for (const annotation of session.records.annotations()) {
    if (annotation.kind === 'entity' && annotation.entityId === entity.id) mentions.push(annotation.id);
    else if (annotation.kind === 'quote' && annotation.speakerId === entity.id) quotes += 1;
    else if (annotation.kind === 'claim' && annotation.claimantId === entity.id) claims += 1;
  }
  const ordered = mentions.map((id) => session.records.annotation(id)).sort((a, b) => (a?.target.start ?? 0) - (b?.target.start ?? 0));
  const current = mention ? ordered.findIndex((annotation) => annotation?.id === mention.id) : -1;
  const untagged = session.untaggedMentionCount(entity.id);
  const others = [...session.records.entities()].filter((other) => other.id !== entity.id);
  const roles = [
    quotes ? `speaks ${quotes === 1 ? '1 quote' : `${quotes} quotes`}` : '',
    claims ? `makes ${claims === 1 ? '1 claim' : `${claims} claims`}` : '',
  ].filter(Boolean);
  return (
    <section class="entity-card" aria-label="Entity">
      <DraftTextField
        key={`${entity.id}-name`}
        label="Entity name"
        field="entity-name"
        primary
        value={entity.name}
        onCommit={(name) => session.renameEntity(entity.id, name)}
      />
      <Field
        label="Entity type"
        hint={`In the article: ${session.tagset.entityTypes
          .filter((entry) => entry.key)
          .map((entry) => `${(entry.key ?? '').toUpperCase()} ${entry.label.toLowerCase()}`)
          .join(', ')}`}
      >
        {(id) => (
          <span class="select-with-swatch">
            <span class="swatch swatch-dot" style={type ? { backgroundColor: type.colour } : undefined} aria-hidden="true" />
            <select
              id={id}
              class="input"
              value={entity.type}
              onChange={(event) => session.setEntityType(entity.id, event.currentTarget.value)}
            >
              {session.tagset.entityTypes.map((entry) => (
                <option key={entry.id} value={entry.id}>
                  {entry.label}
                </option>
              ))}
              {type ? null : <option value={entity.type}>{entity.type}</option>}
            </select>
          </span>
        )}
      </Field>
      <MentionSteps session={session} entity={entity} mentions={ordered.length} current={current} />
      <div class="tag-all">
        <button
          type="button"
          class="button"
          aria-keyshortcuts="T"
          title="Tag every other occurrence of the name and aliases (T)"
          disabled={untagged === 0}
          onClick={() => session.tagAllMentions(entity.id)}
        >
          Tag all mentions
        </button>
        <span class="field-hint" data-testid="untagged-count">
          {untagged === 0 ? 'Every occurrence is tagged' : untagged === 1 ? '1 more in the text' : `${untagged} more in the text`}
        </span>
      </div>
      {roles.length > 0 ? <p class="inspector-meta">{roles.join(' · ')}</p> : null}
      {registry ? (
        <p class="profile-link">
          <button
            type="button"
            class="button button-small"
            aria-keyshortcuts="Shift+P"
            title="Every mention, quote and claim of this entity across the library (Shift+P in the article)"
            onClick={() => registry.openProfile(entity.id)}
          >
            Profile across the library
          </button>
        </p>
      ) : null}
      <AliasEditor key={`${entity.id}-aliases`} session={session} entity={entity} />
      <DraftTextField
        key={`${entity.id}-wikidata`}
        label="Wikidata id"
        field="wikidata"
        placeholder="Q42 or a wikidata.org link"
        value={entity.wikidata ?? ''}
        onCommit={(value) => session.setWikidata(entity.id, value)}
      />
      {entity.wikidata ? (
        <p class="inspector-meta">
          <a class="external-link" href={`https://www.wikidata.org/wiki/${entity.wikidata}`} target="_blank" rel="noopener noreferrer">
            {entity.wikidata} on Wikidata ↗
          </a>
        </p>
      ) : null}
      <DraftTextField
        key={`${entity.id}-description`}
        label="Description"
        multiline
        pauseMs={800}
        placeholder="Who or what this is, for colleagues"
        value={entity.description ?? ''}
        onCommit={(value) => session.setEntityDescription(entity.id, value)}
      />
      {others.length > 0 ? (
        <EntityPicker
          key={`${entity.id}-merge`}
          label="Merge into"
          field="merge"
          placeholder="Another entity this one is the same as"
          entities={others}
          tagset={session.tagset}
          onPick={(into) => {
            // The card shows the merged entity now (this field goes with the old one): back to the article.
            if (session.mergeEntity(entity.id, into.id)) session.focusReader();
          }}
        />
      ) : null}
      <button type="button" class="button button-danger button-small" onClick={() => session.deleteEntity(entity.id)}>
        {ordered.length === 0
          ? 'Delete entity'
          : `Delete entity and its ${ordered.length === 1 ? 'mention' : `${ordered.length} mentions`}`}
      </button>
    </section>
  );
}
