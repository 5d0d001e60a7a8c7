import { useEffect, useRef, useState } from 'preact/hooks';
import type { AppStore } from '../app/app-store.ts';

/**
 * The first-run question: who is annotating? Asked until a name is confirmed, without blocking the
 * article (a banner, not a modal), since the name only matters once something is marked.
 */
export function ProfilePrompt({ store }: { store: AppStore }) {
  const [name, setName] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const needed = store.needsProfile;
  useEffect(() => {
    if (needed) input.current?.focus();
  }, [needed]);
  if (!needed) return null;
  const confirm = async () => {
    if (await store.setAnnotatorName(name)) store.session.value?.focusReader();
  };
  return (
    <section class="profile-prompt" role="dialog" aria-modal="false" aria-labelledby="profile-title">
      <div class="profile-text">
        <h2 id="profile-title" class="profile-title">
          Who is annotating?
        </h2>
        <p class="field-hint">
          Your name signs every annotation you make (and goes with them in exports and tag files). You can change it later in Settings.
        </p>
      </div>
      <div class="input-row">
        <input
          ref={input}
          class="input"
          type="text"
          aria-label="Your name"
          placeholder="e.g. A. Analyst"
          maxLength={200}
          value={name}
          onInput={(event) => setName(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              void confirm();
            }
          }}
        />
        <button type="button" class="button button-primary" disabled={!name.trim()} onClick={() => void confirm()}>
          Start annotating
        </button>
      </div>
    </section>
  );
}
