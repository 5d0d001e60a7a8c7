import { ANNOTATION_KINDS, type Annotation, type AnnotationKind, type EntityAnnotation } from '../../../shared/model/annotation.ts';
import type { Entity } from '../../../shared/model/entity.ts';
import { acceptedFromLine } from '../../../shared/review/provenance.ts';
import type { AppStore } from '../app/app-store.ts';
import type { EvidenceActions } from '../app/evidence-actions.ts';
import type { TeamStore } from '../app/team-store.ts';
import { KIND_LABELS } from '../reader/annotation-appearance.ts';
import type { DocumentSession } from '../session/document-session.ts';
import { AnnotationHistory } from './AnnotationHistory.tsx';
import { ClaimFields } from './ClaimFields.tsx';
import { DraftTextField } from './DraftTextField.tsx';
import { EntityCard } from './EntityCard.tsx';
import { Field } from './Field.tsx';
import { KindLegend } from './KindLegend.tsx';
import { QuoteFields } from './QuoteFields.tsx';

function EntityFields({ session, mention }: { session: DocumentSession; mention: EntityAnnotation }) {
  const entity = session.records.entity(mention.entityId);
  if (!entity) return <p class="inspector-problem">This mention points at an entity that no longer exists.</p>;
  return <EntityCard session={session} entity={entity} mention={mention} />;
}

function KindFields({ session, annotation, evidence }: { session: DocumentSession; annotation: Annotation; evidence: EvidenceActions }) {
  switch (annotation.kind) {
    case 'claim':
      return <ClaimFields session={session} claim={annotation} evidence={evidence} />;
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

/** Buttons that act on the article's text selection must not take it away. */
function keepSelection(event: MouseEvent): void {
  event.preventDefault();
}

function excerpt(text: string, length = 36): string {
  const line = text.replace(/\s+/gu, ' ').trim();
  return line.length > length ? `${line.slice(0, length - 1)}…` : line;
}

/** The annotations under the caret (or at the start of the selected one), innermost first, to pick among nested ones. */
function AtThisSpot({ session, annotation }: { session: DocumentSession; annotation: Annotation }) {
  void session.version.value;
  const caret = session.caret.value;
  const at = caret !== null && caret >= annotation.target.start && caret < annotation.target.end ? caret : annotation.target.start;
  const here = session.annotationsAt(at);
  if (here.length < 2) return null;
  return (
    <nav class="at-spot" aria-label="Annotations at this spot">
      <span class="field-label">At this spot</span>
      <ul class="at-spot-list">
        {here.map((other) => (
          <li key={other.id}>
            <button
              type="button"
              class={`at-spot-item at-spot-${other.kind}`}
              aria-current={other.id === annotation.id ? 'true' : undefined}
              onMouseDown={keepSelection}
              onClick={() => session.select(other.id)}
            >
              <span class={`swatch swatch-${other.kind}`} aria-hidden="true" />
              {KIND_LABELS[other.kind]} <span class="at-spot-text">“{excerpt(other.target.exact)}”</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function SpanTools({ session }: { session: DocumentSession }) {
  return (
    <div class="span-tools">
      <span class="field-hint">
        <kbd>Alt</kbd>+<kbd>←</kbd>/<kbd>→</kbd> move the start, with <kbd>Shift</kbd> the end
      </span>
      <button
        type="button"
        class="button button-small"
        aria-keyshortcuts="R"
        title="Make the text selected in the article this annotation's span (R)"
        onMouseDown={keepSelection}
        onClick={() => session.setSpanToSelection()}
      >
        Use selected text
      </button>
    </div>
  );
}

function KindSelect({ session, annotation }: { session: DocumentSession; annotation: Annotation }) {
  return (
    <Field label="Kind" hint="Shift+C, Q, E or N in the article">
      {(id) => (
        <select
          id={id}
          class="input"
          value={annotation.kind}
          onChange={(event) => session.changeKind(event.currentTarget.value as AnnotationKind)}
        >
          {ANNOTATION_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {KIND_LABELS[kind]}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function AnnotationDetails({
  session,
  annotation,
  evidence,
  team,
}: {
  session: DocumentSession;
  annotation: Annotation;
  evidence: EvidenceActions;
  team: TeamStore;
}) {
  void session.version.value;
  return (
    <section class="inspector-body" aria-label={`${KIND_LABELS[annotation.kind]} details`}>
      <div class="inspector-heading">
        <h2 class="inspector-kind">
          <span class={`swatch swatch-${annotation.kind}`} aria-hidden="true" />
          {KIND_LABELS[annotation.kind]}
        </h2>
        <button
          type="button"
          class="button button-danger button-small"
          title="Delete this annotation (Delete key)"
          onClick={() => session.deleteSelected()}
        >
          Delete annotation
        </button>
      </div>
      <blockquote class="inspector-quote" aria-label="Annotated text">
        {annotation.target.exact}
      </blockquote>
      {annotation.acceptedFrom ? (
        <p class="inspector-meta inspector-provenance" title={formatMoment(annotation.acceptedFrom.at)}>
          {acceptedFromLine(annotation.acceptedFrom)}
        </p>
      ) : null}
      <SpanTools session={session} />
      <AtThisSpot session={session} annotation={annotation} />
      <KindFields session={session} annotation={annotation} evidence={evidence} />
      <DraftTextField
        key={annotation.id}
        field="note"
        primary={annotation.kind === 'note'}
        label={annotation.kind === 'note' ? 'Note text' : 'Note'}
        value={annotation.note ?? ''}
        multiline
        pauseMs={800}
        placeholder={annotation.kind === 'note' ? 'Write the note…' : 'Add a note…'}
        onCommit={(note) => session.setNote(annotation.id, note)}
      />
      <KindSelect session={session} annotation={annotation} />
      <p class="inspector-meta">
        {annotation.author} · {formatMoment(annotation.modified)}
      </p>
      <AnnotationHistory team={team} documentId={session.id} annotationId={annotation.id} tagset={session.tagset} />
    </section>
  );
}

function EntityDetails({ session, entity }: { session: DocumentSession; entity: Entity }) {
  void session.version.value;
  return (
    <section class="inspector-body" aria-label="Entity details">
      <div class="inspector-heading">
        <h2 class="inspector-kind">
          <span class="swatch swatch-entity" aria-hidden="true" />
          Entity
        </h2>
      </div>
      <EntityCard session={session} entity={entity} />
    </section>
  );
}

/** The selected annotation's details (or an entity chosen in the list), every one of them editable; a short guide when nothing is selected. */
export function Inspector({ store }: { store: AppStore }) {
  const session = store.session.value;
  if (session) void session.version.value;
  const annotation = session?.selected;
  const inspectedId = session?.inspectedEntityId.value;
  const entity = inspectedId ? session?.records.entity(inspectedId) : undefined;
  return (
    <aside class="inspector" aria-label="Inspector" tabIndex={-1}>
      {session && annotation ? (
        <AnnotationDetails key={annotation.id} session={session} annotation={annotation} evidence={store.evidence} team={store.team} />
      ) : session && entity ? (
        <EntityDetails key={entity.id} session={session} entity={entity} />
      ) : (
        <div class="inspector-empty">
          <h2 class="panel-title">Inspector</h2>
          <p>Select text in the article, then press a key to mark it:</p>
          <KindLegend tagset={session?.tagset ?? null} />
          <p class="inspector-tip">
            Click a highlight to inspect it; click again at the same spot to step through overlapping annotations. <kbd>[</kbd> and{' '}
            <kbd>]</kbd> move between annotations, <kbd>Enter</kbd> opens the selected one here, <kbd>Delete</kbd> removes it,{' '}
            <kbd>Esc</kbd> deselects.
          </p>
          <p class="inspector-tip">
            No mouse needed: the arrow keys move a caret in the article, <kbd>Shift</kbd> selects, <kbd>Ctrl</kbd>+<kbd>F</kbd> finds.{' '}
            <kbd>?</kbd> lists every key.
          </p>
        </div>
      )}
    </aside>
  );
}
