import type { ChannelInput, ChannelOutput } from '../../../shared/contract/channels.ts';
import {
  FACET_NAMES,
  type CorpusGroup,
  type CorpusHit,
  type CorpusQuery,
  type CorpusResult,
  type FacetValue,
  type SavedSearch,
} from '../../../shared/corpus/corpus-query.ts';
import { DEFAULT_TAGSET } from '../../../shared/model/tagset.ts';
import { ApiCallError } from '../../../shared/contract/api-error.ts';
import type { FakeHandlers } from './fake-api.ts';
import { BRIDGE, HARBOUR } from './fake-library.ts';

const MODIFIED = '2026-02-01T09:00:00.000Z';

function hit(documentId: string, annotationId: string, fields: Partial<CorpusHit> & Pick<CorpusHit, 'kind' | 'exact'>): CorpusHit {
  return { documentId, annotationId, start: 0, end: fields.exact.length, author: 'Analyst', modified: MODIFIED, ...fields };
}

/** The annotations of the two fake articles, as the corpus search answers them. */
export const CORPUS_HITS: CorpusHit[] = [
  hit(HARBOUR.id, 'a1', {
    kind: 'claim',
    exact: 'The harbour reopened on Monday',
    status: 'false',
    entityId: 'e-port',
    entityName: 'Port authority',
  }),
  hit(HARBOUR.id, 'a2', { kind: 'quote', exact: 'the port authority said', entityId: 'e-port', entityName: 'Port authority' }),
  hit(BRIDGE.id, 'b1', { kind: 'claim', exact: 'The old bridge will close for repairs', status: 'false', checkworthy: true }),
  hit(BRIDGE.id, 'b2', { kind: 'claim', exact: 'the council announced', status: 'true' }),
];

const TITLES = new Map([
  [HARBOUR.id, HARBOUR.meta.title],
  [BRIDGE.id, BRIDGE.meta.title],
]);

function passes(hit: CorpusHit, query: CorpusQuery, skip?: 'kind' | 'verdict'): boolean {
  if (skip !== 'kind' && query.kinds && !query.kinds.includes(hit.kind)) return false;
  if (skip !== 'verdict' && query.verdicts && !(hit.status && query.verdicts.includes(hit.status))) return false;
  if (query.text && !hit.exact.toLowerCase().includes(query.text.toLowerCase())) return false;
  return true;
}

function counted(values: (string | undefined)[], label: (value: string) => string): FacetValue[] {
  const counts = new Map<string, number>();
  for (const value of values) if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].map(([value, count]) => ({ value, label: label(value), count })).sort((a, b) => b.count - a.count);
}

const NO_FACETS = Object.fromEntries(FACET_NAMES.map((facet) => [facet, []])) as unknown as CorpusResult['facets'];

/** A small corpus search over `CORPUS_HITS`: kinds, verdicts and words, with kind and verdict facets counted as the service counts them. */
export function searchFakeCorpus({ query, limit = 1000, offset = 0 }: ChannelInput<'corpus.search'>): ChannelOutput<'corpus.search'> {
  if (query.regex) {
    try {
      new RegExp(query.regex, 'u');
    } catch {
      throw new ApiCallError('bad-request', `Search query: the regular expression /${query.regex}/ is broken`, 'corpus.search');
    }
  }
  const hits = CORPUS_HITS.filter((candidate) => passes(candidate, query));
  const groups: CorpusGroup[] = [];
  for (const found of hits) {
    const group = groups.find((candidate) => candidate.documentId === found.documentId);
    if (group) group.hits.push(found);
    else groups.push({ documentId: found.documentId, title: TITLES.get(found.documentId) ?? '', source: 'Gazette', hits: [found] });
  }
  const verdictLabel = (id: string) => DEFAULT_TAGSET.verdicts.find((verdict) => verdict.id === id)?.label ?? id;
  return {
    total: hits.length,
    documents: groups.length,
    facets: {
      ...NO_FACETS,
      kind: counted(
        CORPUS_HITS.filter((candidate) => passes(candidate, query, 'kind')).map((candidate) => candidate.kind),
        (kind) => kind,
      ),
      verdict: counted(
        CORPUS_HITS.filter((candidate) => passes(candidate, query, 'verdict')).map((candidate) => candidate.status),
        verdictLabel,
      ),
    },
    groups: groups.slice(offset, offset + limit),
  };
}

/** The corpus channels over the fake corpus, with saved searches kept in `saved`. */
export function fakeCorpusHandlers(saved: SavedSearch[] = [], problems: string[] = []): FakeHandlers {
  return {
    'corpus.search': searchFakeCorpus,
    'corpus.savedList': () => ({ searches: [...saved], problems }),
    'corpus.save': ({ name, query }) => {
      const search = { id: `s${saved.length + 1}`, name, query, created: MODIFIED };
      saved.splice(0, saved.length, ...saved.filter((candidate) => candidate.name !== name), search);
      return search;
    },
    'corpus.deleteSaved': ({ id }) => {
      const before = saved.length;
      saved.splice(0, saved.length, ...saved.filter((candidate) => candidate.id !== id));
      return { deleted: saved.length < before };
    },
  };
}
