import { useState } from 'preact/hooks';
import type { ClaimAnnotation } from '../../../shared/model/annotation.ts';
import { isWebLink } from '../../../shared/layer/annotation-fields.ts';
import type { DocumentSession } from '../session/document-session.ts';

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./u, '');
  } catch {
    return url;
  }
}

/**
 * A claim's sources: each a link (opened outside the app: a new tab in the browser host, the system
 * browser in the desktop app), a title and a note; and a small form to add one.
 */
export function EvidenceList({ session, claim }: { session: DocumentSession; claim: ClaimAnnotation }) {
  const [url, setUrl] = useState('');
  const [title, setTitle] = useState('');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState('');
  const evidence = claim.evidence ?? [];
  const add = () => {
    if (!url.trim()) return;
    if (!isWebLink(url.trim())) {
      setProblem('A source is a web link starting with http:// or https://.');
      return;
    }
    if (session.addEvidence(claim.id, { url, title, note })) {
      setUrl('');
      setTitle('');
      setNote('');
      setProblem('');
    }
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
            <li key={`${index}-${item.url}`} class="evidence-item">
              <a
                class="evidence-link"
                href={item.url}
                target="_blank"
                rel="noopener noreferrer"
                title={`${item.url} (opens in your browser)`}
              >
                {item.title ?? item.url}
              </a>
              <span class="evidence-host">{hostOf(item.url)}</span>
              {item.note ? <span class="evidence-note">{item.note}</span> : null}
              <button
                type="button"
                class="button button-quiet button-icon evidence-remove"
                aria-label={`Remove source ${item.title ?? item.url}`}
                onClick={() => session.removeEvidence(claim.id, index)}
              >
                ×
              </button>
            </li>
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
    </fieldset>
  );
}
