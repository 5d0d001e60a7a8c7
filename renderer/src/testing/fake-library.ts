import type { ChannelOutput } from '../../../shared/contract/channels.ts';
import type { DocumentSummary, ScholiaDocument } from '../../../shared/model/document.ts';
import type { Settings } from '../../../shared/model/settings.ts';
import { DEFAULT_TAGSET } from '../../../shared/model/tagset.ts';
import { documentFromRawText } from '../../../shared/testing/annotated-sample.ts';
import { FakeApi, type FakeHandlers } from './fake-api.ts';

/** Two short articles, as the library stores them. */
export const HARBOUR = documentFromRawText(
  'Harbour reopens\n\nThe harbour reopened on Monday, the port authority said.',
  'Harbour reopens',
  'harbour',
);
export const BRIDGE = documentFromRawText(
  'Bridge closed\n\nThe old bridge will close for repairs, the council announced.',
  'Bridge closed',
  'bridge',
);

/** A document's line in the library listing. */
export function summaryOf(document: ScholiaDocument): DocumentSummary {
  return {
    id: document.id,
    title: document.meta.title,
    fingerprint: document.fingerprint,
    textLength: document.text.length,
    imported: document.imported,
    modified: document.modified,
    counts: { claims: 0, quotes: 0, entities: 0, notes: 0 },
    ...(document.meta.stage ? { stage: document.meta.stage } : {}),
  };
}

/**
 * A fake API over a library of `documents` with `settings`: what the app asks on start (settings,
 * codebook, listing, trash) and to open a document; `overrides` replace or add channels.
 */
export function fakeLibrary({
  documents = [HARBOUR, BRIDGE],
  settings = { annotatorName: 'Analyst', profileSet: true } as Settings,
  overrides = {} as FakeHandlers,
} = {}): FakeApi {
  const listing: ChannelOutput<'library.list'> = { documents: documents.map(summaryOf), notices: [] };
  return new FakeApi({
    'settings.get': () => settings,
    'tagset.get': () => DEFAULT_TAGSET,
    'library.list': () => listing,
    'library.trashList': () => ({ documents: [] }),
    'library.get': ({ id }) => {
      const document = documents.find((candidate) => candidate.id === id);
      if (!document) throw new Error(`No document ${id}.`);
      return { document, tagset: DEFAULT_TAGSET };
    },
    ...overrides,
  });
}
