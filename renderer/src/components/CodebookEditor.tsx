import { useRef, useState } from 'preact/hooks';
import { Tagset, type TagsetEntry } from '../../../shared/model/tagset.ts';
import { tagsetProblems } from '../../../shared/model/tagset-check.ts';
import { readTagsetFile, tagsetFile } from '../../../shared/model/tagset-file.ts';
import { describeIssues } from '../../../shared/contract/validation.ts';
import type { AppStore } from '../app/app-store.ts';
import { CodebookDraft, type TagList } from '../model/codebook-draft.ts';

const LISTS: { list: TagList; title: string; one: string; hint: string; keys: boolean }[] = [
  {
    list: 'entityTypes',
    title: 'Entity types',
    one: 'Entity type',
    hint: 'Mentions are drawn in their type’s colour; a key sets the type of the selected mention.',
    keys: true,
  },
  {
    list: 'verdicts',
    title: 'Verdict scale',
    one: 'Verdict',
    hint: 'In the order the inspector offers them; a new claim starts “unverified” (else the first). A key sets the verdict of the selected claim.',
    keys: true,
  },
  { list: 'claimLabels', title: 'Claim types', one: 'Claim type', hint: 'Optional labels for what kind of claim it is.', keys: false },
];

/** Saves a file from the page: a download in the browser host, a save dialog in the desktop app. */
function downloadJson(name: string, value: unknown): void {
  const url = URL.createObjectURL(new Blob([`${JSON.stringify(value, null, 2)}\n`], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function EntryRow({
  draft,
  list,
  one,
  index,
  entry,
  keys,
  onChange,
}: {
  draft: CodebookDraft;
  list: TagList;
  one: string;
  index: number;
  entry: TagsetEntry;
  keys: boolean;
  onChange(next: CodebookDraft): void;
}) {
  const name = `${one} ${index + 1}`;
  const count = draft.tagset[list].length;
  return (
    <tr>
      <td>
        <input
          type="color"
          class="colour-input"
          aria-label={`${name} colour`}
          value={entry.colour}
          onInput={(event) => onChange(draft.update(list, index, { colour: event.currentTarget.value }))}
        />
      </td>
      <td>
        <input
          class="input input-compact"
          type="text"
          aria-label={`${name} label`}
          maxLength={100}
          value={entry.label}
          onInput={(event) => onChange(draft.update(list, index, { label: event.currentTarget.value }))}
        />
      </td>
      {keys ? (
        <td>
          <input
            class="input input-compact key-input"
            type="text"
            aria-label={`${name} key`}
            maxLength={1}
            value={entry.key ?? ''}
            onInput={(event) => onChange(draft.update(list, index, { key: event.currentTarget.value }))}
          />
        </td>
      ) : null}
      <td
        class="entry-id"
        title={draft.isSaved(list, entry.id) ? 'Saved ids stay: annotations refer to them' : 'Follows the label until saved'}
      >
        {entry.id}
      </td>
      <td class="entry-actions">
        <button
          type="button"
          class="button button-quiet button-icon"
          aria-label={`Move ${name.toLowerCase()} up`}
          disabled={index === 0}
          onClick={() => onChange(draft.move(list, index, -1))}
        >
          ↑
        </button>
        <button
          type="button"
          class="button button-quiet button-icon"
          aria-label={`Move ${name.toLowerCase()} down`}
          disabled={index === count - 1}
          onClick={() => onChange(draft.move(list, index, 1))}
        >
          ↓
        </button>
        <button
          type="button"
          class="button button-quiet button-icon"
          aria-label={`Remove ${name.toLowerCase()}`}
          disabled={list !== 'claimLabels' && count === 1}
          onClick={() => onChange(draft.remove(list, index))}
        >
          ×
        </button>
      </td>
    </tr>
  );
}

/**
 * The codebook (tagset) editor: entity types, the verdict scale and claim types, each with label,
 * colour and key; import and export as a JSON file; saved for the whole library.
 */
export function CodebookEditor({ store }: { store: AppStore }) {
  const [draft, setDraft] = useState(() => CodebookDraft.of(store.tagset.peek()));
  const [message, setMessage] = useState<{ tone: 'info' | 'error'; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const shape = Tagset.safeParse(draft.tagset);
  const problems = shape.success ? tagsetProblems(shape.data) : [describeIssues(shape.error)];
  const changed = JSON.stringify(draft.tagset) !== JSON.stringify(store.tagset.value);

  const onImport = async () => {
    const file = fileInput.current?.files?.[0];
    if (fileInput.current) fileInput.current.value = '';
    if (!file) return;
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch {
      setMessage({ tone: 'error', text: `${file.name} is not a JSON file; nothing was changed.` });
      return;
    }
    const read = readTagsetFile(json);
    if (!read.ok) {
      setMessage({ tone: 'error', text: `${file.name}: ${read.message} Nothing was changed.` });
      return;
    }
    setDraft(draft.withTagset(read.tagset));
    const { entityTypes, verdicts, claimLabels } = read.tagset;
    setMessage({
      tone: 'info',
      text: `Loaded ${file.name}: ${entityTypes.length} entity types, ${verdicts.length} verdicts, ${claimLabels.length} claim types. Save to use it.`,
    });
  };

  const save = async () => {
    if (!shape.success || problems.length > 0) return;
    setSaving(true);
    const refused = await store.saveTagset(shape.data);
    setSaving(false);
    if (refused) setMessage({ tone: 'error', text: refused });
    else {
      setDraft(CodebookDraft.of(shape.data));
      setMessage({ tone: 'info', text: 'Saved. Every document of the library uses this codebook.' });
    }
  };

  return (
    <section class="codebook" aria-label="Codebook">
      <div class="codebook-actions">
        <button type="button" class="button button-small" onClick={() => fileInput.current?.click()}>
          Import codebook…
        </button>
        <input
          ref={fileInput}
          class="visually-hidden"
          type="file"
          accept=".json,application/json"
          tabIndex={-1}
          aria-label="Codebook file to import"
          onChange={() => void onImport()}
        />
        <button
          type="button"
          class="button button-small"
          disabled={problems.length > 0}
          onClick={() => downloadJson('scholia-codebook.json', tagsetFile(draft.tagset))}
        >
          Export codebook
        </button>
        <span class="status-spacer" />
        <button
          type="button"
          class="button button-small"
          disabled={!changed}
          onClick={() => setDraft(CodebookDraft.of(store.tagset.value))}
        >
          Discard changes
        </button>
        <button
          type="button"
          class="button button-small button-primary"
          disabled={!changed || problems.length > 0 || saving}
          onClick={() => void save()}
        >
          Save codebook
        </button>
      </div>
      {message ? (
        <p class={`codebook-message codebook-${message.tone}`} role={message.tone === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      ) : null}
      {problems.length > 0 ? (
        <ul class="codebook-problems" role="alert" aria-label="Problems">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ) : null}
      {LISTS.map(({ list, title, one, hint, keys }) => (
        <section key={list} class="codebook-list" aria-label={title}>
          <h3 class="codebook-title">{title}</h3>
          <p class="field-hint">{hint}</p>
          <table class="codebook-table">
            <thead>
              <tr>
                <th scope="col">Colour</th>
                <th scope="col">Label</th>
                {keys ? <th scope="col">Key</th> : null}
                <th scope="col">Id</th>
                <th scope="col">
                  <span class="visually-hidden">Order and removal</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {draft.tagset[list].map((entry, index) => (
                <EntryRow
                  key={`${index}-${entry.id}`}
                  draft={draft}
                  list={list}
                  one={one}
                  index={index}
                  entry={entry}
                  keys={keys}
                  onChange={setDraft}
                />
              ))}
            </tbody>
          </table>
          <button type="button" class="button button-small" onClick={() => setDraft(draft.add(list, `New ${one.toLowerCase()}`))}>
            Add {one.toLowerCase()}
          </button>
        </section>
      ))}
    </section>
  );
}
