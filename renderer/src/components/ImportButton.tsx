import { useRef } from 'preact/hooks';
import type { AppStore } from '../app/app-store.ts';

/** "Import text…": picks a plain-text file and imports it into the library. */
export function ImportButton({ store }: { store: AppStore }) {
  const input = useRef<HTMLInputElement>(null);
  const onChange = () => {
    const file = input.current?.files?.[0];
    if (input.current) input.current.value = '';
    if (file) void store.importFile(file);
  };
  return (
    <>
      <button type="button" class="button button-small" onClick={() => input.current?.click()}>
        Import text…
      </button>
      <input
        ref={input}
        class="visually-hidden"
        type="file"
        accept=".txt,.md,text/plain"
        tabIndex={-1}
        aria-label="Text file to import"
        onChange={onChange}
      />
    </>
  );
}
