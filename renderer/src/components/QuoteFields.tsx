import { QUOTE_FORMS, type QuoteAnnotation, type QuoteForm } from '../../../shared/model/annotation.ts';
import { speakerEntityType } from '../../../shared/layer/new-annotation.ts';
import type { DocumentSession } from '../session/document-session.ts';
import { EntityPicker } from './EntityPicker.tsx';
import { Field } from './Field.tsx';
import { ProfileLink } from './ProfileLink.tsx';
import { FORM_LABELS } from './QuotesList.tsx';

/** Buttons act on the article's text selection, so they must not take it away. */
function keepSelection(event: MouseEvent): void {
  event.preventDefault();
}

/** A quote's fields: speaker (type-ahead; S takes the selected name; A the last speaker), form, cue (U). */
export function QuoteFields({ session, quote }: { session: DocumentSession; quote: QuoteAnnotation }) {
  void session.version.value;
  const speaker = quote.speakerId ? session.records.entity(quote.speakerId) : undefined;
  const last = session.lastSpeakerFor(quote.id);
  const personType = session.tagset.entityTypes.find((type) => type.id === speakerEntityType(session.tagset));
  return (
    <>
      <EntityPicker
        label="Speaker"
        field="speaker"
        primary
        placeholder="Type a name (S: the selected name)"
        entities={[...session.records.entities()]}
        tagset={session.tagset}
        value={speaker}
        offerLibrary
        onPick={(entity) => session.attributeToEntity(quote.id, entity)}
        onCreate={(name) => session.setSpeakerByName(quote.id, name)}
        createTypeLabel={personType?.label}
        onClear={() => session.setSpeaker(quote.id, undefined)}
      />
      <ProfileLink entity={speaker} />
      {last && !quote.speakerId ? (
        <p class="field-hint last-speaker">
          <button type="button" class="button button-small" aria-keyshortcuts="A" onClick={() => session.attributeToLastSpeaker()}>
            Same speaker: {last.name} <kbd>A</kbd>
          </button>
        </p>
      ) : null}
      <Field label="Quote form">
        {(id) => (
          <select
            id={id}
            class="input"
            value={quote.form}
            onChange={(event) => session.setQuoteForm(quote.id, event.currentTarget.value as QuoteForm)}
          >
            {QUOTE_FORMS.map((form) => (
              <option key={form} value={form}>
                {FORM_LABELS[form]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div class="field">
        <span class="field-label">Cue</span>
        <div class="cue-line">
          {quote.cue ? (
            <q class="cue-text">{quote.cue.exact}</q>
          ) : (
            <span class="field-hint">None: select the reporting verb (“said”) and press U</span>
          )}
          <span class="cue-actions">
            <button
              type="button"
              class="button button-small"
              aria-keyshortcuts="U"
              onMouseDown={keepSelection}
              onClick={() => session.setCueFromSelection()}
            >
              Set from selection
            </button>
            {quote.cue ? (
              <button type="button" class="button button-quiet button-small" onClick={() => session.clearCue(quote.id)}>
                Clear
              </button>
            ) : null}
          </span>
        </div>
      </div>
    </>
  );
}
