import { useState } from 'preact/hooks';
import type { AppStore } from '../app/app-store.ts';
import { CodebookEditor } from './CodebookEditor.tsx';
import { Dialog } from './Dialog.tsx';
import { Field } from './Field.tsx';

function ProfileSection({ store }: { store: AppStore }) {
  const [name, setName] = useState(store.settings.peek().annotatorName);
  const [saved, setSaved] = useState(false);
  const save = async () => {
    setSaved(await store.setAnnotatorName(name));
  };
  return (
    <section class="settings-section" aria-label="Annotator">
      <h3 class="codebook-title">Annotator</h3>
      <p class="field-hint">Every new annotation is signed with this name (its “author”), and exported with it.</p>
      <div class="input-row profile-row">
        <input
          class="input"
          type="text"
          aria-label="Your name"
          maxLength={200}
          value={name}
          onInput={(event) => {
            setName(event.currentTarget.value);
            setSaved(false);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              void save();
            }
          }}
        />
        <button
          type="button"
          class="button button-small"
          disabled={!name.trim() || name.trim() === store.settings.value.annotatorName}
          onClick={() => void save()}
        >
          Save name
        </button>
        {saved ? <span class="field-hint">Saved</span> : null}
      </div>
    </section>
  );
}

function SuggestionsSection({ store }: { store: AppStore }) {
  return (
    <section class="settings-section" aria-label="Suggestions">
      <h3 class="codebook-title">Suggestions</h3>
      <label class="field field-inline">
        <input
          type="checkbox"
          checked={store.settings.value.suggestOnImport === true}
          onChange={(event) => void store.suggestions.setSuggestOnImport(event.currentTarget.checked)}
        />
        Suggest on import: propose entities, quotes and claims when an article without annotations is opened
      </label>
      <p class="field-hint">
        Suggestions are computed on this computer and never saved until you accept them. Without this, use Suggest above the article
        (Ctrl+Alt+S).
      </p>
    </section>
  );
}

function WebImportSection({ store }: { store: AppStore }) {
  return (
    <section class="settings-section" aria-label="Web imports">
      <h3 class="codebook-title">Web imports</h3>
      <label class="field field-inline">
        <input
          type="checkbox"
          checked={store.settings.value.allowPrivateNetwork === true}
          onChange={(event) => void store.setAllowPrivateNetwork(event.currentTarget.checked)}
        />
        Allow imports from private network addresses
      </label>
      <p class="field-hint">
        For pages on your organisation’s intranet. Off, Scholia fetches only public web addresses: never this computer, the local network or
        a cloud server’s internal services.
      </p>
    </section>
  );
}

/** Where fact-checks are published and by whom: ClaimReview's `url`, `author` and `publisher`. */
function PublishingSection({ store }: { store: AppStore }) {
  const current = store.settings.peek();
  const [draft, setDraft] = useState({
    factCheckUrlBase: current.factCheckUrlBase ?? '',
    publisherName: current.publisherName ?? '',
    publisherUrl: current.publisherUrl ?? '',
  });
  const [status, setStatus] = useState<string | null>(null);
  const save = async () => {
    const problem = await store.setPublishing({
      factCheckUrlBase: draft.factCheckUrlBase.trim(),
      publisherName: draft.publisherName.trim(),
      publisherUrl: draft.publisherUrl.trim(),
    });
    setStatus(problem ? `Not saved: ${problem}` : 'Saved');
  };
  const field = (key: keyof typeof draft, label: string, placeholder: string, type = 'url') => (
    <Field label={label}>
      {(id) => (
        <input
          id={id}
          class="input"
          type={type}
          value={draft[key]}
          placeholder={placeholder}
          onInput={(event) => {
            setDraft({ ...draft, [key]: event.currentTarget.value });
            setStatus(null);
          }}
        />
      )}
    </Field>
  );
  return (
    <section class="settings-section" aria-label="Publishing">
      <h3 class="codebook-title">Publishing</h3>
      <p class="field-hint">
        Fact-checks exported as ClaimReview name the page they are published on and your organisation. Each article’s page is the base
        address followed by its id, unless the article’s details give its own.
      </p>
      {field('factCheckUrlBase', 'Fact-check base address', 'https://factcheck.example.org/checks/')}
      {field('publisherName', 'Organisation', 'Example Fact Check', 'text')}
      {field('publisherUrl', 'Organisation’s web address', 'https://factcheck.example.org/')}
      <div class="input-row">
        <button type="button" class="button button-small" onClick={() => void save()}>
          Save publishing
        </button>
        {status ? (
          <span class="field-hint" role="status">
            {status}
          </span>
        ) : null}
      </div>
    </section>
  );
}

/** Settings (Ctrl/Cmd+,): the annotator's name, suggestions, web imports, publishing and the library's codebook. */
export function SettingsDialog({ store }: { store: AppStore }) {
  if (store.ui.dialog.value !== 'settings') return null;
  return (
    <Dialog title="Settings" class="settings-dialog" onClose={() => (store.ui.dialog.value = null)}>
      <ProfileSection store={store} />
      <SuggestionsSection store={store} />
      <WebImportSection store={store} />
      <PublishingSection store={store} />
      <h3 class="codebook-heading">Codebook</h3>
      <p class="field-hint">The codebook is the library’s: share it with a team as a file (Export, then Import on their side).</p>
      <CodebookEditor store={store} />
    </Dialog>
  );
}
