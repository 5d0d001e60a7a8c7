import { useEffect, useState } from 'preact/hooks';
import type { DocumentVersion } from '../../../shared/contract/channels.ts';
import type { AppStore } from '../app/app-store.ts';
import { Dialog } from './Dialog.tsx';
import { messageOf } from '../../../shared/contract/errors.ts';

function countsText(version: DocumentVersion): string {
  const { claims, quotes, entities, notes } = version.counts;
  const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  return [
    plural(claims, 'claim', 'claims'),
    plural(quotes, 'quote', 'quotes'),
    plural(entities, 'entity', 'entities'),
    plural(notes, 'note', 'notes'),
  ].join(' · ');
}

function kindsText(version: DocumentVersion): string {
  return version.kinds.map((kind) => (kind === 'daily' ? 'last of its day' : 'recent save')).join(', ');
}

/** "Versions…": the open document's kept versions (the last saves and one per day), each restorable. */
export function VersionsDialog({ store }: { store: AppStore }) {
  if (store.ui.dialog.value !== 'versions' || !store.session.value) return null;
  return <VersionsList store={store} />;
}

function VersionsList({ store }: { store: AppStore }) {
  const [versions, setVersions] = useState<DocumentVersion[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<string | null>(null);
  const readOnly = store.readOnly.value;

  useEffect(() => {
    let cancelled = false;
    store.listVersions().then(
      (list) => !cancelled && setVersions(list),
      (error: unknown) => !cancelled && setProblem(messageOf(error)),
    );
    return () => {
      cancelled = true;
    };
  }, [store]);

  const close = () => {
    store.ui.dialog.value = null;
    setTimeout(() => store.session.value?.focusReader(), 0);
  };

  const restore = async (version: DocumentVersion) => {
    setRestoring(version.id);
    const done = await store.restoreVersion(version);
    setRestoring(null);
    if (done) close();
    else setProblem(store.message.value?.text ?? 'The restore failed.');
  };

  return (
    <Dialog title="Previous versions" class="versions-dialog" onClose={close}>
      <p class="field-hint">
        Scholia keeps the last 10 saves of this document and the last save of each of the last 30 days. Restoring one is a save of its own:
        the state it replaces becomes a version too, so a restore can be undone by restoring that.
      </p>
      {problem ? (
        <p class="field-problem" role="alert">
          {problem}
        </p>
      ) : null}
      {versions === null && !problem ? <p class="field-hint">Loading the versions…</p> : null}
      {versions?.length === 0 ? <p class="field-hint">No earlier versions yet: they are kept from the first change on.</p> : null}
      {versions && versions.length > 0 ? (
        <table class="versions-table">
          <thead>
            <tr>
              <th scope="col">Saved</th>
              <th scope="col">Revision</th>
              <th scope="col">Annotations</th>
              <th scope="col">Kept as</th>
              <th scope="col">
                <span class="visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {versions.map((version) => (
              <tr key={version.id} data-version-id={version.id}>
                <td>
                  <time dateTime={version.savedAt}>{new Date(version.savedAt).toLocaleString()}</time>
                </td>
                <td class="versions-revision">{version.revision}</td>
                <td>{countsText(version)}</td>
                <td>{kindsText(version)}</td>
                <td>
                  <button
                    type="button"
                    class="button button-small"
                    disabled={restoring !== null || readOnly !== null}
                    aria-label={`Restore revision ${version.revision}`}
                    onClick={() => void restore(version)}
                  >
                    {restoring === version.id ? 'Restoring…' : 'Restore'}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Dialog>
  );
}
