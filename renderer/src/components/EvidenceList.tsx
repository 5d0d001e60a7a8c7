import { useEffect, useRef, useState } from 'preact/hooks';
import type { SnapshotView } from '../../../shared/contract/evidence-channels.ts';
import { isWebLink } from '../../../shared/layer/annotation-fields.ts';
import {
  EVIDENCE_TYPE_LABELS,
  EVIDENCE_TYPES,
  type ClaimAnnotation,
  type Evidence,
  type EvidenceType,
} from '../../../shared/model/annotation.ts';
import type { EvidenceActions } from '../app/evidence-actions.ts';
import { isEvidenceCommand, plainKeyCommand } from '../commands/key-map.ts';
import type { DocumentSession } from '../session/document-session.ts';
import { SnapshotDialog } from './SnapshotDialog.tsx';

export { EVIDENCE_TYPE_LABELS };

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./u, '');
  } catch {
    return url;
  }
}

/** Today on the analyst's calendar, `YYYY-MM-DD`. */
function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** The archive state of a source, as one line. */
function archiveState(item: Evidence): string {
  if (!item.archive) return 'Not archived';
  return `Archived ${item.archive.fetched.slice(0, 10)} · SHA-256 ${item.archive.sha256.slice(0, 8)}`;
}

/** Whether a path is a full one: from the root (`/…`), a drive (`C:\…`) or a network share (`\\server\…`). */
export function isFullPath(path: string): boolean {
  return /^(\/|[A-Za-z]:[\\/]|\\\\)/u.test(path);
}

/**
 * The browser host's way to name a file to attach: a browser never tells a page where a chosen file
 * is, and a source keeps a file by its path (docs/EVIDENCE.md, "Local files"), so the analyst types
 * or pastes it. The services check that a file is there.
 */
function AttachFileForm({ index, onAttach, onClose }: { index: number; onAttach(path: string): Promise<boolean>; onClose(): void }) {
  const [path, setPath] = useState('');
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => field.current?.focus(), []);
  const fieldId = `evidence-file-${index}`;
  const submit = () => {
    const given = path.trim();
    if (!given) return;
    if (!isFullPath(given)) {
      setProblem('Give the file’s full path, from / (or a drive letter such as C:\\ on Windows).');
      return;
    }
    setProblem('');
    setBusy(true);
    void onAttach(given).then((done) => {
      setBusy(false);
      if (done) onClose();
      else setProblem('The file was not attached; the status line says why.');
    });
  };
  return (
    <div class="evidence-attach" role="group" aria-label={`Attach a file to source ${index + 1}`}>
      <label class="field-label" for={fieldId}>
        Full path of the file on this computer
      </label>
      <input
        id={fieldId}
        class="input input-small"
        type="text"
        spellcheck={false}
        autoComplete="off"
        placeholder="/home/you/Documents/scan.pdf"
        value={path}
        ref={field}
        aria-invalid={problem ? 'true' : undefined}
        aria-describedby={problem ? `${fieldId}-problem` : undefined}
        onInput={(event) => {
          setPath(event.currentTarget.value);
          setProblem('');
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            submit();
          } else if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            onClose();
          }
        }}
      />
      <div class="evidence-attach-actions">
        <button type="button" class="button button-small" disabled={busy} onClick={submit}>
          {busy ? 'Attaching…' : 'Attach'}
        </button>
        <button type="button" class="button button-quiet button-small" onClick={onClose}>
          Cancel
        </button>
      </div>
      {problem ? (
        <p id={`${fieldId}-problem`} class="field-problem" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}

function EvidenceItem({
  session,
  claim,
  item,
  index,
  actions,
  onOpen,
}: {
  session: DocumentSession;
  claim: ClaimAnnotation;
  item: Evidence;
  index: number;
  actions: EvidenceActions;
  onOpen(index: number): void;
}) {
  const [busy, setBusy] = useState(false);
  const [attaching, setAttaching] = useState(false);
  const name = item.title ?? item.url;
  const attach = (path: string) => actions.attachFile(claim.id, index, path);
  const chooseFile = () => {
    const pick = actions.pickFile;
    if (!pick) {
      setAttaching(true);
      return;
    }
    void pick().then((path) => (path ? attach(path) : false));
  };
  const archive = () => {
    if (busy) return;
    setBusy(true);
    void actions.archive(claim.id, index).finally(() => setBusy(false));
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.target !== event.currentTarget) return;
    const command = plainKeyCommand(event.key, isEvidenceCommand);
    if (!command) return;
    event.preventDefault();
    event.stopPropagation();
    if (command === 'evidence.archive') archive();
    else if (item.archive) onOpen(index);
  };
  return (
    <li
      class="evidence-item"
      tabIndex={0}
      data-evidence-index={index}
      aria-label={`Source ${index + 1}: ${name}. ${archiveState(item)}. A archives it${item.archive ? ', O opens the snapshot' : ''}.`}
      aria-keyshortcuts={item.archive ? 'A O' : 'A'}
      onKeyDown={onKeyDown}
    >
      <a class="evidence-link" href={item.url} target="_blank" rel="noopener noreferrer" title={`${item.url} (opens in your browser)`}>
        {name}
      </a>
      <span class="evidence-host">{hostOf(item.url)}</span>
      {item.note ? <span class="evidence-note">{item.note}</span> : null}
      <span class="evidence-facts">
        <select
          class="input input-small evidence-type"
          aria-label={`Type of source ${index + 1}`}
          value={item.type ?? ''}
          onChange={(event) => {
            const type = event.currentTarget.value as EvidenceType | '';
            const { type: _previous, ...rest } = item;
            session.updateEvidence(claim.id, index, type ? { ...rest, type } : rest);
          }}
        >
          <option value="">Type…</option>
          {EVIDENCE_TYPES.map((type) => (
            <option key={type} value={type}>
              {EVIDENCE_TYPE_LABELS[type]}
            </option>
          ))}
        </select>
        <input
          class="input input-small evidence-accessed"
          type="date"
          aria-label={`Date source ${index + 1} was accessed`}
          value={item.accessed ?? ''}
          max={today()}
          onChange={(event) => {
            const accessed = event.currentTarget.value;
            const { accessed: _previous, ...rest } = item;
            session.updateEvidence(claim.id, index, accessed ? { ...rest, accessed } : rest);
          }}
        />
        <span
          class={`evidence-archive ${item.archive ? 'is-archived' : ''}`}
          data-testid="evidence-archive-state"
          title={item.archive?.sha256}
        >
          {archiveState(item)}
        </span>
        {item.file ? (
          <span class="evidence-file" title={`SHA-256 ${item.file.sha256}`}>
            File: {item.file.path.replace(/^.*[\\/]/u, '')}
          </span>
        ) : null}
      </span>
      <span class="evidence-actions">
        <button type="button" class="button button-small" disabled={busy} aria-keyshortcuts="A" onClick={archive}>
          {busy ? 'Archiving…' : item.archive ? 'Archive again' : 'Archive'}
        </button>
        {item.archive ? (
          <button type="button" class="button button-small" aria-keyshortcuts="O" onClick={() => onOpen(index)}>
            Open snapshot
          </button>
        ) : null}
        <button
          type="button"
          class="button button-small"
          aria-label={`${item.file ? 'Replace the file of' : 'Attach a file to'} source ${index + 1}`}
          aria-expanded={actions.pickFile ? undefined : attaching}
          onClick={chooseFile}
        >
          {item.file ? 'Replace file…' : 'Attach file…'}
        </button>
        <button
          type="button"
          class="button button-quiet button-icon evidence-remove"
          aria-label={`Remove source ${name}`}
          onClick={() => session.removeEvidence(claim.id, index)}
        >
          ×
        </button>
      </span>
      {attaching ? <AttachFileForm index={index} onAttach={attach} onClose={() => setAttaching(false)} /> : null}
    </li>
  );
}

/**
 * A claim's sources: each a link (opened outside the app: a new tab in the browser host, the system
 * browser in the desktop app), a title and a note, its type, the day it was accessed and whether a
 * snapshot of it is archived (A archives the focused source, O opens its snapshot read-only); and a
 * small form to add one.
 */
export function EvidenceList({ session, claim, actions }: { session: DocumentSession; claim: ClaimAnnotation; actions: EvidenceActions }) {
  const [url, setUrl] = useState('');
  const [title, setTitle] = useState('');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState('');
  const [snapshot, setSnapshot] = useState<SnapshotView | string | null>(null);
  const evidence = claim.evidence ?? [];
  const add = () => {
    if (!url.trim()) return;
    if (!isWebLink(url.trim())) {
      setProblem('A source is a web link starting with http:// or https://.');
      return;
    }
    if (session.addEvidence(claim.id, { url, title, note, accessed: today() })) {
      setUrl('');
      setTitle('');
      setNote('');
      setProblem('');
    }
  };
  const open = (index: number) => {
    void actions.openSnapshot(claim.id, index).then(setSnapshot);
  };
  const onEnter = (event: KeyboardEvent) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      add();
    }
  };
  return (
    <fieldset class="field evidence">
      <legend class="field-label">Evidence</legend>
      {evidence.length > 0 ? (
        <ol class="evidence-list">
          {evidence.map((item, index) => (
            <EvidenceItem
              key={`${index}-${item.url}`}
              session={session}
              claim={claim}
              item={item}
              index={index}
              actions={actions}
              onOpen={open}
            />
          ))}
        </ol>
      ) : (
        <p class="field-hint evidence-empty">No sources yet.</p>
      )}
      <div class="evidence-form">
        <input
          class="input"
          type="url"
          aria-label="Source link"
          placeholder="https://… (a source)"
          value={url}
          onInput={(event) => setUrl(event.currentTarget.value)}
          onKeyDown={onEnter}
          data-field="evidence-url"
        />
        <input
          class="input"
          type="text"
          aria-label="Source title"
          placeholder="Title (optional)"
          value={title}
          onInput={(event) => setTitle(event.currentTarget.value)}
          onKeyDown={onEnter}
        />
        <input
          class="input"
          type="text"
          aria-label="Source note"
          placeholder="What it shows (optional)"
          value={note}
          onInput={(event) => setNote(event.currentTarget.value)}
          onKeyDown={onEnter}
        />
        {problem ? (
          <span class="field-problem" role="alert">
            {problem}
          </span>
        ) : null}
        <button type="button" class="button button-small" disabled={!url.trim()} onClick={add}>
          Add source
        </button>
      </div>
      {snapshot !== null ? <SnapshotDialog snapshot={snapshot} onClose={() => setSnapshot(null)} /> : null}
    </fieldset>
  );
}
