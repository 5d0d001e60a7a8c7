import { useEffect, useRef, useState } from 'preact/hooks';
import { Field } from './Field.tsx';

interface DraftTextFieldProps {
  label: string;
  value: string;
  /** Saves the draft; called on blur, on Enter in a one-line field, and after a pause in typing when `pauseMs` is set. */
  onCommit(value: string): void;
  multiline?: boolean;
  pauseMs?: number;
  placeholder?: string;
  /** `data-field` name, for keys that jump to this field. */
  field?: string;
  /** The field Enter in the article focuses. */
  primary?: boolean;
  /** Shown under the field (say, why a value was refused). */
  hint?: string;
}

/**
 * A labelled text field that edits a draft and commits it (blur, Enter, or a pause), so each
 * commit is one undoable change. A value changed from outside (say, by undo) replaces the draft.
 */
export function DraftTextField({
  label,
  value,
  onCommit,
  multiline = false,
  pauseMs,
  placeholder,
  field,
  primary,
  hint,
}: DraftTextFieldProps) {
  const [draft, setDraft] = useState(value);
  const committed = useRef(value);
  const latestDraft = useRef(value);
  const commitRef = useRef(onCommit);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  commitRef.current = onCommit;

  useEffect(() => {
    if (value === committed.current) return;
    committed.current = value;
    latestDraft.current = value;
    setDraft(value);
  }, [value]);

  const commit = () => {
    clearTimeout(timer.current);
    if (latestDraft.current === committed.current) return;
    committed.current = latestDraft.current;
    commitRef.current(latestDraft.current);
  };

  // Leaving (another annotation selected, or the inspector closed) saves what was typed.
  useEffect(() => () => commit(), []);

  const onInput = (event: Event) => {
    const next = (event.currentTarget as HTMLInputElement | HTMLTextAreaElement).value;
    latestDraft.current = next;
    setDraft(next);
    clearTimeout(timer.current);
    if (pauseMs !== undefined) timer.current = setTimeout(commit, pauseMs);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      // The first Escape takes back what was typed; with nothing to take back it goes on (back to the article).
      if (latestDraft.current === committed.current) return;
      event.preventDefault();
      clearTimeout(timer.current);
      latestDraft.current = committed.current;
      setDraft(committed.current);
    } else if (!multiline && event.key === 'Enter') {
      event.preventDefault();
      commit();
    } else if (multiline && event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      commit();
    }
  };

  const data = { 'data-field': field, 'data-primary-field': primary ? '' : undefined };
  return (
    <Field label={label} hint={hint}>
      {(id) =>
        multiline ? (
          <textarea
            id={id}
            class="input textarea"
            value={draft}
            rows={4}
            placeholder={placeholder}
            onInput={onInput}
            onBlur={commit}
            onKeyDown={onKeyDown}
            {...data}
          />
        ) : (
          <input
            id={id}
            class="input"
            type="text"
            value={draft}
            placeholder={placeholder}
            onInput={onInput}
            onBlur={commit}
            onKeyDown={onKeyDown}
            {...data}
          />
        )
      }
    </Field>
  );
}
