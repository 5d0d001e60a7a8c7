import type { Annotation, ClaimAnnotation } from '../model/annotation.ts';
import type { ScholiaDocument } from '../model/document.ts';

/**
 * Two claims of the annotated sample with a full verdict record, as a checked article would carry
 * them: stage, checker and day, a rationale, and typed sources with their access day, one archived.
 */
const RECORDS: Record<string, Partial<ClaimAnnotation>> = {
  'became temporarily': {
    evidence: [
      {
        url: 'https://example.org/status/ep-outage',
        title: 'Outage log',
        note: 'Shows the site down from 14:10 CET.',
        type: 'primary-source',
        accessed: '2026-01-30',
        archive: {
          id: '9b1c4e7a2f3d4c5b8a6e7f8091a2b3c4',
          sha256: '3f2a9c1b7d4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4',
          fetched: '2026-01-30T09:12:00Z',
          size: 48_213,
          finalUrl: 'https://example.org/status/ep-outage',
          contentType: 'text/html',
        },
      },
    ],
    stage: 'published',
    checkedBy: 'A. Analyst',
    checkedOn: '2026-01-30',
    rationale:
      'The Parliament’s own **status log** shows the site down from 14:10 CET ([outage log](https://example.org/status/ep-outage)).',
  },
  'was not affected': {
    stage: 'checked',
    checkedBy: 'B. Editor',
    checkedOn: '2026-01-31',
    evidence: [{ url: 'https://example.org/multimedia-centre', type: 'official-data', accessed: '2026-01-31' }],
    rationale:
      'The multimedia centre was *also* unreachable:\n\n- its page returned errors at 15:00 CET\n- the Parliament confirmed it the next day',
  },
};

/** The annotated sample with the verdict records above, under the article's own title and date. */
export function checkedSampleDocument(sample: ScholiaDocument): ScholiaDocument {
  return {
    ...sample,
    annotations: sample.annotations.map((a) => {
      const record = a.kind === 'claim' ? Object.entries(RECORDS).find(([start]) => a.target.exact.startsWith(start))?.[1] : undefined;
      return record ? ({ ...a, ...record } as Annotation) : a;
    }),
    meta: {
      title: 'European Parliament website hit by cyberattack after Russia terrorism vote',
      source: 'Sample article',
      published: '2022-11-23',
      language: 'en',
    },
  };
}
