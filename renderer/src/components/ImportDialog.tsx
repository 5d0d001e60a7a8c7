import { useState } from 'preact/hooks';
import {
  ACCEPT_ATTRIBUTE,
  ACCEPTED_FILE_TYPES,
  formatSize,
  MAX_IMPORT_FILE_BYTES,
  TAG_FILE_TYPE,
} from '../../../shared/import/import-formats.ts';
import type { AppStore } from '../app/app-store.ts';
import { Dialog } from './Dialog.tsx';

/** The hidden file input of the library: every accepted type, several files at once. */
export function ImportFileInput({ store, inputRef }: { store: AppStore; inputRef: { current: HTMLInputElement | null } }) {
  return (
    <input
      ref={inputRef}
      class="visually-hidden"
      type="file"
      multiple
      accept={ACCEPT_ATTRIBUTE}
      tabIndex={-1}
      aria-label="Article file to import"
      onChange={(event) => {
        const input = event.currentTarget;
        const files = [...(input.files ?? [])];
        input.value = '';
        if (files.length > 0) void store.library.importFiles(files);
      }}
    />
  );
}

function UrlSection({ store }: { store: AppStore }) {
  const [url, setUrl] = useState('');
  const busy = store.library.importing.value !== null;
  const submit = (event: Event) => {
    event.preventDefault();
    if (url.trim()) void store.library.importUrl(url).then((done) => done && setUrl(''));
  };
  return (
    <form class="import-section" onSubmit={submit}>
      <h3 class="import-heading">From the web</h3>
      <div class="input-row">
        <input
          class="input"
          type="url"
          inputMode="url"
          placeholder="https://…"
          aria-label="Web address of the article"
          value={url}
          onInput={(event) => setUrl(event.currentTarget.value)}
        />
        <button type="submit" class="button button-small" disabled={busy || !url.trim()}>
          Import page
        </button>
      </div>
      <p class="field-hint">
        The page is fetched once (http and https only) and reduced to its article: menus, ads, comments and banners stay behind.
      </p>
    </form>
  );
}

function PasteSection({ store }: { store: AppStore }) {
  const onPaste = (event: ClipboardEvent) => {
    event.preventDefault();
    const html = event.clipboardData?.getData('text/html') ?? '';
    const text = event.clipboardData?.getData('text/plain') ?? '';
    void store.library.importPaste(html.trim() ? { html, text } : { text });
  };
  return (
    <section class="import-section" aria-label="New from clipboard">
      <h3 class="import-heading">New from clipboard</h3>
      <textarea
        class="input paste-target"
        aria-label="Paste an article here"
        placeholder="Click here and paste (Ctrl+V): copied web text keeps its headings, lists and links."
        rows={3}
        value=""
        onPaste={onPaste}
      />
    </section>
  );
}

/** File › Import…: a web address, a paste, or files (with the accepted types listed); refusals are shown here. */
export function ImportDialog({ store, chooseFiles }: { store: AppStore; chooseFiles(): void }) {
  const library = store.library;
  if (!library.importOpen.value) return null;
  const importing = library.importing.value;
  const error = library.importError.value;
  return (
    <Dialog title="Import an article" class="import-dialog" onClose={() => (library.importOpen.value = false)}>
      <div>
        <UrlSection store={store} />
        <PasteSection store={store} />
        <section class="import-section" aria-label="From files">
          <h3 class="import-heading">From files</h3>
          <div class="input-row">
            <button type="button" class="button button-small" disabled={importing !== null} onClick={chooseFiles}>
              Choose files…
            </button>
            <span class="field-hint">or drop them anywhere on the window</span>
          </div>
          <table class="accepted-types">
            <caption class="visually-hidden">Accepted file types</caption>
            <tbody>
              {ACCEPTED_FILE_TYPES.map((type) => (
                <tr key={type.format}>
                  <th scope="row">{type.label}</th>
                  <td>{type.extensions.map((extension) => `.${extension}`).join(' ')}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">{TAG_FILE_TYPE.label}</th>
                <td>.json (with its article text, or for an article in the library)</td>
              </tr>
            </tbody>
          </table>
          <p class="field-hint">
            Up to {formatSize(MAX_IMPORT_FILE_BYTES)} a file. A scanned PDF needs OCR first. An article already in the library opens instead
            of being added twice.
          </p>
        </section>
      </div>
      {importing ? (
        <p class="import-status" role="status">
          Importing {importing}…
        </p>
      ) : null}
      {error ? (
        <p class="import-error" role="alert">
          {error} Nothing was added to the library.
        </p>
      ) : null}
    </Dialog>
  );
}
