import { useState } from 'preact/hooks';
import type { AppStore } from '../app/app-store.ts';
import { Dialog } from './Dialog.tsx';
import { Field } from './Field.tsx';

type Mode = 'join' | 'create';

/** Whether a remote is an HTTPS address (which wants a token) rather than a path to a bare repository. */
export function isHttps(remote: string): boolean {
  return /^https?:\/\//iu.test(remote.trim());
}

/**
 * Join a team, or create one: the team repository's address (HTTPS, or a path to a bare repository
 * on a shared drive) and, for HTTPS, an access token. The token goes to the host once, which keeps
 * it in the system's credential store; the field is a password field, never filled from anything
 * kept, and emptied when the dialog closes.
 */
export function TeamJoinDialog({ store }: { store: AppStore }) {
  if (store.ui.dialog.value !== 'team-join') return null;
  return store.team.enteringToken.value ? <TokenAgainForm store={store} /> : <JoinForm store={store} />;
}

/** The token field of the join form, the same for joining and for entering the token again. */
function TokenField({ token, setToken, hint }: { token: string; setToken: (token: string) => void; hint: string }) {
  return (
    <Field label="Access token" hint={hint}>
      {(id) => (
        <input
          id={id}
          class="input"
          type="password"
          name="token"
          autoComplete="off"
          spellcheck={false}
          value={token}
          onInput={(event) => setToken(event.currentTarget.value)}
        />
      )}
    </Field>
  );
}

const TOKEN_KEPT = 'Kept in your system’s credential store, never in the library, the team repository or a log.';

/** "Enter token again…": the team this library is in, and only its token (when it changed or was refused). */
function TokenAgainForm({ store }: { store: AppStore }) {
  const team = store.team;
  const [token, setToken] = useState('');
  const error = team.joinError.value;
  const remote = team.status.value?.team?.remote ?? '';
  const submit = async (event: Event) => {
    event.preventDefault();
    const sent = token;
    setToken('');
    if (sent.trim()) await team.enterToken(sent);
  };
  return (
    <Dialog title="Enter the token again" class="team-join" onClose={() => (store.ui.dialog.value = null)}>
      <form class="team-join-form" onSubmit={(event) => void submit(event)}>
        <p>
          The access token for <code>{remote}</code>. It replaces the one this computer had; your library and its team stay as they are.
        </p>
        <TokenField token={token} setToken={setToken} hint={TOKEN_KEPT} />
        {error ? (
          <p class="team-join-error" role="alert">
            {error}
          </p>
        ) : null}
        <div class="dialog-actions">
          <button type="button" class="button" onClick={() => (store.ui.dialog.value = null)}>
            Cancel
          </button>
          <button type="submit" class="button button-primary" disabled={!token.trim() || team.busy.value}>
            {team.busy.value ? 'Saving…' : 'Use this token'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function JoinForm({ store }: { store: AppStore }) {
  const team = store.team;
  const [mode, setMode] = useState<Mode>('join');
  const [remote, setRemote] = useState('');
  const [token, setToken] = useState('');
  const [name, setName] = useState('');
  const error = team.joinError.value;
  const https = isHttps(remote);
  const ready = remote.trim() !== '' && (mode === 'join' || name.trim() !== '');
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!ready) return;
    const sent = token;
    // The token leaves the form as it is sent: nothing in the page keeps it.
    setToken('');
    await team.join({
      remote: remote.trim(),
      ...(https && sent ? { token: sent } : {}),
      ...(mode === 'create' ? { createName: name.trim() } : {}),
    });
  };
  return (
    <Dialog title={mode === 'create' ? 'Create a team' : 'Join a team'} class="team-join" onClose={() => (store.ui.dialog.value = null)}>
      <form class="team-join-form" onSubmit={(event) => void submit(event)}>
        <fieldset class="team-mode">
          <legend class="visually-hidden">Join or create</legend>
          <label>
            <input type="radio" name="team-mode" checked={mode === 'join'} onChange={() => setMode('join')} /> Join an existing team
          </label>
          <label>
            <input type="radio" name="team-mode" checked={mode === 'create'} onChange={() => setMode('create')} /> Create a new team there
          </label>
        </fieldset>
        <Field
          label="Team repository"
          hint="An HTTPS address (GitHub, GitLab, Gitea…) or the path of a bare Git repository on a shared drive."
        >
          {(id) => (
            <input
              id={id}
              class="input"
              type="text"
              name="remote"
              required
              autoComplete="off"
              spellcheck={false}
              placeholder="https://git.example.org/newsroom/team.git or /mnt/shared/team.git"
              value={remote}
              onInput={(event) => setRemote(event.currentTarget.value)}
            />
          )}
        </Field>
        {mode === 'create' ? (
          <Field label="Team name">
            {(id) => (
              <input
                id={id}
                class="input"
                type="text"
                name="team-name"
                value={name}
                onInput={(event) => setName(event.currentTarget.value)}
              />
            )}
          </Field>
        ) : null}
        {https ? <TokenField token={token} setToken={setToken} hint={`${TOKEN_KEPT} Leave it empty if the server needs none.`} /> : null}
        {error ? (
          <p class="team-join-error" role="alert">
            {error}
          </p>
        ) : null}
        <div class="dialog-actions">
          <button type="button" class="button" onClick={() => (store.ui.dialog.value = null)}>
            Cancel
          </button>
          <button type="submit" class="button button-primary" disabled={!ready || team.busy.value}>
            {team.busy.value ? 'Connecting…' : mode === 'create' ? 'Create and join' : 'Join'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
