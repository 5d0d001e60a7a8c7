import { useState } from 'preact/hooks';
import type { Annotation, ClaimAnnotation, EntityAnnotation, QuoteAnnotation, QuoteForm } from '../../../shared/model/annotation.ts';
import { QUOTE_FORMS } from '../../../shared/model/annotation.ts';
import type { Entity } from '../../../shared/model/entity.ts';
import type { AppStore } from '../app/app-store.ts';
import { KIND_LABELS } from '../reader/annotation-appearance.ts';
import type { DocumentSession } from '../session/document-session.ts';
import { DraftTextField } from './DraftTextField.tsx';
import { Field } from './Field.tsx';
import { KindLegend } from './KindLegend.tsx';

const FORM_LABELS: Record<QuoteForm, string> = { direct: 'Direct', indirect: 'Indirect (reported)', mixed: 'Mixed' };

function ClaimFields({ session, claim }: { session: DocumentSession; claim: ClaimAnnotation }) {
  const verdict = session.tagset.verdicts.find((entry) => entry.id === claim.status);
  return (
    <>
      <Field label="Verdict">
        {(id) => (
          <span class="select-with-swatch">
            <span class="swatch swatch-dot" style={verdict ? { backgroundColor: verdict.colour } : undefined} aria-hidden="true" />
            <select id={id} class="input" value={claim.status} onChange={(event) => session.setVerdict(claim.id, event.currentTarget.value)}>
              {session.tagset.verdicts.map((entry) => (
                <option key={entry.id} value={entry.id}>
                  {entry.label}
                </option>
              ))}
            </select>
          </span>
        )}
      </Field>
      {session.tagset.claimLabels.length > 0 ? (
        <Field label="Claim type">
          {(id) => (
            <select id={id} class="input" value={claim.label ?? ''} onChange={(event) => session.setClaimLabel(claim.id, event.currentTarget.value || undefined)}>
              <option value="">Not set</option>
              {session.tagset.claimLabels.map((entry) => (
                <option key={entry.id} value={entry.id}>
                  {entry.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      <label class="field field-inline">
        <input type="checkbox" checked={claim.checkworthy ?? false} onChange={(event) => session.setCheckworthy(claim.id, event.currentTarget.checked)} />
        <span class="field-label">Worth checking</span>
      </label>
    </>
  );
}

/** The document's entities grouped by type, in tagset order, for choosing a speaker. */
function EntityOptions({ session, entities }: { session: DocumentSession; entities: Entity[] }) {
  return (
    <>
      {session.tagset.entityTypes.map((type) => {
        const ofType = entities.filter((entity) => entity.type === type.id).sort((a, b) => a.name.localeCompare(b.name));
        if (ofType.length === 0) return null;
        return (
          <optgroup key={type.id} label={type.label}>
            {ofType.map((entity) => (
              <option key={entity.id} value={entity.id}>
                {entity.name}
              </option>
            ))}
          </optgroup>
        );
      })}
    </>
  );
}

function NewSpeakerField({ session, quote }: { session: DocumentSession; quote: QuoteAnnotation }) {
  const [name, setName] = useState('');
  const add = () => {
    if (session.setSpeakerByName(quote.id, name)) setName('');
  };
  return (
    <Field label="New speaker">
      {(id) => (
        <div class="input-row">
          <input
            id={id}
            class="input"
            type="text"
            value={name}
            placeholder="Type a name"
            onInput={(event) => setName(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                add();
              }
            }}
          />
          <button type="button" class="button" disabled={!name.trim()} onClick={add}>
            Add speaker
          </button>
        </div>
      )}
    </Field>
  );
}

function QuoteFields({ session, quote }: { session: DocumentSession; quote: QuoteAnnotation }) {
  const entities = [...session.records.entities()];
  const known = new Set(session.tagset.entityTypes.map((type) => type.id));
  const untyped = entities.filter((entity) => !known.has(entity.type));
  return (
    <>
      <Field label="Speaker">
        {(id) => (
          <select id={id} class="input" value={quote.speakerId ?? ''} onChange={(event) => session.setSpeaker(quote.id, event.currentTarget.value || undefined)}>
            <option value="">Unknown speaker</option>
            <EntityOptions session={session} entities={entities} />
            {untyped.map((entity) => (
              <option key={entity.id} value={entity.id}>
                {entity.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <NewSpeakerField session={session} quote={quote} />
      <Field label="Quote form">
        {(id) => (
          <select id={id} class="input" value={quote.form} onChange={(event) => session.setQuoteForm(quote.id, event.currentTarget.value as QuoteForm)}>
            {QUOTE_FORMS.map((form) => (
              <option key={form} value={form}>
                {FORM_LABELS[form]}
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  );
}

function EntityFields({ session, mention }: { session: DocumentSession; mention: EntityAnnotation }) {
  const entity = session.records.entity(mention.entityId);
  if (!entity) return <p class="inspector-problem">This mention points at an entity that no longer exists.</p>;
  let mentions = 0;
  for (const annotation of session.records.annotations()) if (annotation.kind === 'entity' && annotation.entityId === entity.id) mentions += 1;
  const type = session.tagset.entityTypes.find((entry) => entry.id === entity.type);
  return (
    <>
      <DraftTextField key={entity.id} label="Entity name" value={entity.name} onCommit={(name) => session.renameEntity(entity.id, name)} />
      <Field label="Entity type">
        {(id) => (
          <span class="select-with-swatch">
            <span class="swatch swatch-dot" style={type ? { backgroundColor: type.colour } : undefined} aria-hidden="true" />
            <select id={id} class="input" value={entity.type} onChange={(event) => session.setEntityType(entity.id, event.currentTarget.value)}>
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
      <p class="inspector-meta">
        {mentions === 1 ? 'Mentioned once' : `Mentioned ${mentions} times`}
        {entity.aliases.length > 0 ? ` · also “${entity.aliases.join('”, “')}”` : ''}
      </p>
    </>
  );
}

function KindFields({ session, annotation }: { session: DocumentSession; annotation: Annotation }) {
  switch (annotation.kind) {
    case 'claim':
      return <ClaimFields session={session} claim={annotation} />;
    case 'quote':
      return <QuoteFields session={session} quote={annotation} />;
    case 'entity':
      return <EntityFields session={session} mention={annotation} />;
    case 'note':
      return null;
  }
}

function formatMoment(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

function AnnotationDetails({ session, annotation }: { session: DocumentSession; annotation: Annotation }) {
  return (
    <section class="inspector-body" aria-label={`${KIND_LABELS[annotation.kind]} details`}>
      <div class="inspector-heading">
        <h2 class="inspector-kind">
          <span class={`swatch swatch-${annotation.kind}`} aria-hidden="true" />
          {KIND_LABELS[annotation.kind]}
        </h2>
        <button type="button" class="button button-danger button-small" title="Delete this annotation (Delete key)" onClick={() => session.deleteSelected()}>
          Delete annotation
        </button>
      </div>
      <blockquote class="inspector-quote" aria-label="Annotated text">
        {annotation.target.exact}
      </blockquote>
      <KindFields session={session} annotation={annotation} />
      <DraftTextField
        key={annotation.id}
        label={annotation.kind === 'note' ? 'Note text' : 'Note'}
        value={annotation.note ?? ''}
        multiline
        pauseMs={800}
        placeholder={annotation.kind === 'note' ? 'Write the note…' : 'Add a note…'}
        onCommit={(note) => session.setNote(annotation.id, note)}
      />
      <p class="inspector-meta">
        {annotation.author} · {formatMoment(annotation.modified)}
      </p>
    </section>
  );
}

/** The selected annotation's details, every one of them editable; a short guide when nothing is selected. */
export function Inspector({ store }: { store: AppStore }) {
  const session = store.session.value;
  if (session) void session.version.value;
  const annotation = session?.selected;
  return (
    <aside class="inspector" aria-label="Inspector" tabIndex={-1}>
      {session && annotation ? (
        <AnnotationDetails key={annotation.id} session={session} annotation={annotation} />
      ) : (
        <div class="inspector-empty">
          <h2 class="panel-title">Inspector</h2>
          <p>Select text in the article, then press a key to mark it:</p>
          <KindLegend tagset={session?.tagset ?? null} />
          <p class="inspector-tip">
            Click a highlight to inspect it; click again at the same spot to step through overlapping annotations. <kbd>[</kbd> and <kbd>]</kbd> move
            between annotations, <kbd>Delete</kbd> removes the selected one, <kbd>Esc</kbd> deselects.
          </p>
        </div>
      )}
    </aside>
  );
}
