import { describe, expect, it } from 'vitest';
import { layerChanges, looseLayer } from './team-history.ts';

const tagset = {
  verdicts: [
    { id: 'mixed', label: 'Mixed' },
    { id: 'false', label: 'False' },
  ],
};
const layer = (annotations: unknown[]): string => JSON.stringify({ tagset, annotations });
const claim = (id: string, status: string, start = 0, extra: Record<string, unknown> = {}) => ({
  id,
  kind: 'claim',
  status,
  target: { start, end: start + 5 },
  ...extra,
});

describe("an article's history, one layer version against the one before", () => {
  it('names creations, verdict changes with their labels, moved spans, other edits and deletions', () => {
    const before = looseLayer(layer([claim('a', 'mixed'), claim('b', 'mixed', 10), claim('c', 'mixed', 20), claim('d', 'mixed', 30)]));
    const after = looseLayer(
      layer([claim('a', 'false'), claim('b', 'mixed', 12), claim('c', 'mixed', 20, { note: 'see the data' }), claim('e', 'mixed', 40)]),
    );
    expect(layerChanges(before, after)).toEqual([
      { annotationId: 'a', change: 'verdict', before: 'Mixed', after: 'False' },
      { annotationId: 'b', change: 'span', before: '10–15', after: '12–17' },
      { annotationId: 'c', change: 'fields' },
      { annotationId: 'e', change: 'created' },
      { annotationId: 'd', change: 'deleted' },
    ]);
  });

  it('names an annotation accepted from a colleague with their name, and reads a first version or a broken one as empty', () => {
    const after = looseLayer(
      layer([claim('x', 'mixed', 0, { acceptedFrom: { annotator: 'Alice Martin', at: '2026-03-01T10:00:00.000Z' } })]),
    );
    expect(layerChanges(undefined, after)).toEqual([{ annotationId: 'x', change: 'accepted', after: 'Alice Martin' }]);
    expect(looseLayer('{ not json')).toBeUndefined();
    expect(layerChanges(looseLayer('{ not json'), looseLayer(layer([])))).toEqual([]);
  });
});
