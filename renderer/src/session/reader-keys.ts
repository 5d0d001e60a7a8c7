import type { DocumentSession } from './document-session.ts';

/** The keyboard of the reader (prosemirror-keymap notation): marking, deleting, moving between annotations, tagset keys. */
export function readerKeyBindings(session: DocumentSession): Record<string, () => boolean> {
  const bindings: Record<string, () => boolean> = {};
  for (const { key } of [...session.tagset.verdicts, ...session.tagset.entityTypes]) {
    if (key) bindings[key] = () => session.applyTagsetKey(key);
  }
  const mark = (kind: 'claim' | 'quote' | 'entity' | 'note') => () => {
    session.markSelection(kind);
    return true;
  };
  const own: Record<string, () => boolean> = {
    c: mark('claim'),
    q: mark('quote'),
    e: mark('entity'),
    n: mark('note'),
    Delete: () => session.deleteSelected(),
    Backspace: () => session.deleteSelected(),
    Escape: () => session.clearSelection(),
    ']': () => session.selectNeighbour(1),
    '[': () => session.selectNeighbour(-1),
  };
  for (const [key, run] of Object.entries(own)) {
    bindings[key] = run;
    if (key.length === 1 && key.toUpperCase() !== key) bindings[key.toUpperCase()] = run;
  }
  return bindings;
}
