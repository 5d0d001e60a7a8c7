import { useEffect, useState } from 'preact/hooks';
import { WORKFLOW_STAGE_LABELS, WORKFLOW_STAGES, type WorkflowStage } from '../../../shared/model/annotation.ts';
import type { DocumentMeta } from '../../../shared/model/document.ts';
import type { AppStore } from '../app/app-store.ts';
import { Dialog } from './Dialog.tsx';

/** The fields the analyst edits; `canonicalUrl` and `updated` are what the page said and stay as imported. */
type EditableField = 'title' | 'source' | 'author' | 'published' | 'url' | 'language' | 'factCheckUrl' | 'assignee';

const FIELDS: { key: EditableField; label: string; type?: string; placeholder?: string }[] = [
  { key: 'title', label: 'Title' },
  { key: 'source', label: 'Source', placeholder: 'The publication' },
  { key: 'author', label: 'Author' },
  { key: 'published', label: 'Published', type: 'date' },
  { key: 'url', label: 'Web address', type: 'url', placeholder: 'https://…' },
  { key: 'language', label: 'Language', placeholder: 'en, de, fr-CA…' },
  {
    key: 'factCheckUrl',
    label: 'Fact-check page',
    type: 'url',
    placeholder: 'Where this article’s fact-check is published (else the base address)',
  },
];

function Form({ store, id, meta }: { store: AppStore; id: string; meta: DocumentMeta }) {
  const [values, setValues] = useState<Record<EditableField, string>>({
    title: meta.title,
    source: meta.source ?? '',
    author: meta.author ?? '',
    published: meta.published ?? '',
    url: meta.url ?? '',
    language: meta.language ?? '',
    factCheckUrl: meta.factCheckUrl ?? '',
    assignee: meta.assignee ?? '',
  });
  const [stage, setStage] = useState<WorkflowStage>(meta.stage ?? 'to-check');
  const [problem, setProblem] = useState<string | null>(null);
  const save = async (event: Event) => {
    event.preventDefault();
    const trimmed = Object.fromEntries(Object.entries(values).map(([key, value]) => [key, value.trim()])) as Record<EditableField, string>;
    const error = await store.library.saveMeta(id, { ...trimmed, stage });
    if (error) setProblem(error);
    else store.library.editing.value = null;
  };
  return (
    <form class="details-form" onSubmit={(event) => void save(event)}>
      {FIELDS.map((field) => (
        <label key={field.key} class="details-field">
          <span class="field-label">{field.label}</span>
          <input
            class="input"
            type={field.type ?? 'text'}
            required={field.key === 'title'}
            placeholder={field.placeholder}
            value={values[field.key]}
            onInput={(event) => setValues({ ...values, [field.key]: event.currentTarget.value })}
          />
        </label>
      ))}
      <label class="details-field">
        <span class="field-label">Fact-check stage</span>
        <select class="input" value={stage} onChange={(event) => setStage(event.currentTarget.value as WorkflowStage)}>
          {WORKFLOW_STAGES.map((value) => (
            <option key={value} value={value}>
              {WORKFLOW_STAGE_LABELS[value]}
            </option>
          ))}
        </select>
      </label>
      <label class="details-field">
        <span class="field-label">Assigned to</span>
        <input
          class="input"
          type="text"
          placeholder="A team member’s id or a colleague’s name"
          aria-describedby="details-assignee-hint"
          value={values.assignee}
          onInput={(event) => setValues({ ...values, assignee: event.currentTarget.value })}
        />
        <span class="field-hint" id="details-assignee-hint">
          Shown to the team; “Assigned to me” in the library lists it for them.
        </span>
      </label>
      <p class="field-hint">The article’s text never changes, so every annotation stays where it is.</p>
      {problem ? (
        <p class="import-error" role="alert">
          {problem}
        </p>
      ) : null}
      <div class="dialog-actions">
        <button type="button" class="button button-quiet" onClick={() => (store.library.editing.value = null)}>
          Cancel
        </button>
        <button type="submit" class="button button-primary">
          Save details
        </button>
      </div>
    </form>
  );
}

/** Edit details…: a document's title, source, author, date, address, language, fact-check page, stage and assignee. */
export function DocumentDetailsDialog({ store }: { store: AppStore }) {
  const summary = store.library.editing.value;
  const [loaded, setLoaded] = useState<{ id: string; meta: DocumentMeta } | null>(null);
  const id = summary?.id;
  useEffect(() => {
    if (!id) return undefined;
    let current = true;
    void store.library.metaOf(id).then((meta) => current && setLoaded({ id, meta }));
    return () => {
      current = false;
    };
  }, [id, store]);
  if (!summary || loaded?.id !== summary.id) return null;
  return (
    <Dialog title="Document details" class="details-dialog" onClose={() => (store.library.editing.value = null)}>
      <Form store={store} id={summary.id} meta={loaded.meta} />
    </Dialog>
  );
}
