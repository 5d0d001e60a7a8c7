import { useEffect, useRef, useState } from 'preact/hooks';
import { parseWikidataId } from '../../../shared/layer/entity-edits.ts';
import type { Entity } from '../../../shared/model/entity.ts';
import type { Tagset } from '../../../shared/model/tagset.ts';
import { Field } from './Field.tsx';

/** Aliases as the field shows them: one line, separated by semicolons (names may hold commas). */
const ALIAS_SEPARATOR = ';';

/** The aliases typed in the field: trimmed, without blanks, repeats or the name itself. */
export function parseAliases(text: string, name: string): string[] {
  const seen = new Set([name.toLocaleLowerCase()]);
  const aliases: string[] = [];
  for (const part of text.split(ALIAS_SEPARATOR)) {
    const alias = part.replace(/\s+/gu, ' ').trim();
    if (!alias || seen.has(alias.toLocaleLowerCase())) continue;
    seen.add(alias.toLocaleLowerCase());
    aliases.push(alias);
  }
  return aliases;
}

/** The entity the form's fields describe, or why they do not describe one. */
export function editedEntity(
  entity: Entity,
  fields: { name: string; type: string; aliases: string; wikidata: string; description: string },
): Entity | string {
  const name = fields.name.replace(/\s+/gu, ' ').trim();
  if (!name) return 'The entity needs a name.';
  const wikidataText = fields.wikidata.trim();
  const wikidata = wikidataText ? parseWikidataId(wikidataText) : null;
  if (wikidataText && !wikidata) return `“${wikidataText}” is not a Wikidata id (it looks like Q42, or a wikidata.org link).`;
  const description = fields.description.trim();
  const { wikidata: _wikidata, description: _description, ...rest } = entity;
  return {
    ...rest,
    name,
    type: fields.type,
    aliases: parseAliases(fields.aliases, name),
    ...(wikidata ? { wikidata } : {}),
    ...(description ? { description } : {}),
  };
}

/**
 * The registry record of an entity, edited for the whole library: name, type, aliases, Wikidata id
 * and description. Saving changes every article that holds the entity (one undo).
 */
export function EntityEditForm({
  entity,
  tagset,
  busy,
  onSave,
  onCancel,
}: {
  entity: Entity;
  tagset: Tagset;
  busy: boolean;
  onSave(entity: Entity): Promise<boolean>;
  onCancel(): void;
}) {
  const [fields, setFields] = useState({
    name: entity.name,
    type: entity.type,
    aliases: entity.aliases.join(`${ALIAS_SEPARATOR} `),
    wikidata: entity.wikidata ?? '',
    description: entity.description ?? '',
  });
  const [problem, setProblem] = useState<string | null>(null);
  const nameField = useRef<HTMLInputElement>(null);
  useEffect(() => nameField.current?.focus(), []);
  const set = (name: keyof typeof fields) => (event: { currentTarget: { value: string } }) =>
    setFields({ ...fields, [name]: event.currentTarget.value });
  const known = tagset.entityTypes.some((type) => type.id === entity.type);
  const submit = async (event: Event) => {
    event.preventDefault();
    const edited = editedEntity(entity, fields);
    if (typeof edited === 'string') {
      setProblem(edited);
      return;
    }
    setProblem(null);
    if (await onSave(edited)) onCancel();
  };
  return (
    <form
      class="profile-edit"
      aria-label="Edit the entity"
      onSubmit={(event) => void submit(event)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onCancel();
        }
      }}
    >
      <div class="profile-edit-grid">
        <Field label="Name">
          {(id) => <input ref={nameField} id={id} class="input" type="text" value={fields.name} onInput={set('name')} />}
        </Field>
        <Field label="Type">
          {(id) => (
            <select id={id} class="input" value={fields.type} onChange={set('type')}>
              {tagset.entityTypes.map((type) => (
                <option key={type.id} value={type.id}>
                  {type.label}
                </option>
              ))}
              {known ? null : <option value={entity.type}>{entity.type}</option>}
            </select>
          )}
        </Field>
        <Field label="Aliases" hint="Separated by semicolons">
          {(id) => <input id={id} class="input" type="text" value={fields.aliases} onInput={set('aliases')} />}
        </Field>
        <Field label="Wikidata id">
          {(id) => (
            <input
              id={id}
              class="input"
              type="text"
              placeholder="Q42 or a wikidata.org link"
              value={fields.wikidata}
              onInput={set('wikidata')}
            />
          )}
        </Field>
      </div>
      <Field label="Description">
        {(id) => <textarea id={id} class="input textarea" rows={2} value={fields.description} onInput={set('description')} />}
      </Field>
      {problem ? (
        <p class="form-problem" role="alert">
          {problem}
        </p>
      ) : null}
      <div class="profile-edit-actions">
        <button type="submit" class="button button-primary" disabled={busy}>
          Save in every article
        </button>
        <button type="button" class="button button-quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
