import { useRef, useState } from 'preact/hooks';
import type { AppStore } from '../app/app-store.ts';

/** The name new annotations are signed with; click to change it. */
export function AnnotatorName({ store }: { store: AppStore }) {
  const [editing, setEditing] = useState(false);
  const finished = useRef(false);
  const name = store.settings.value.annotatorName;
  if (!editing) {
    return (
      <button
        type="button"
        class="button button-quiet button-tiny status-annotator"
        title="New annotations are signed with this name. Click to change it."
        onClick={() => {
          finished.current = false;
          setEditing(true);
        }}
      >
        Annotator: {name}
      </button>
    );
  }
  // Enter or Escape ends the edit; the blur that follows must not end it again.
  const finish = (input: HTMLInputElement, save: boolean) => {
    if (finished.current) return;
    finished.current = true;
    setEditing(false);
    if (save) void store.setAnnotatorName(input.value);
  };
  return (
    <input
      class="input annotator-input"
      type="text"
      aria-label="Annotator name"
      defaultValue={name}
      maxLength={200}
      ref={(input) => input?.focus()}
      onBlur={(event) => finish(event.currentTarget, true)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') finish(event.currentTarget, true);
        if (event.key === 'Escape') finish(event.currentTarget, false);
      }}
    />
  );
}
