import { createHash } from 'node:crypto';
import type { ScholiaDocument } from '../../../shared/model/document.ts';

/** JSON with every object's keys sorted, so two equal states hash alike whatever order their keys were built in. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

/** What the crash test compares of a document: its revision and annotation layer, not the save's timestamps. */
export function stateHash(document: Pick<ScholiaDocument, 'revision' | 'annotations' | 'entities' | 'reviews'>): string {
  const layer = canonicalJson([document.revision, document.annotations, document.entities, document.reviews]);
  return createHash('sha256').update(layer).digest('hex').slice(0, 16);
}
