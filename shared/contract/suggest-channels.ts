import { z } from 'zod';
import { Id } from '../model/ids.ts';
import { SuggestionSetSchema } from '../suggest/suggestion.ts';

/** The suggestion channels (issue 9), spread into the API contract. */
export const suggestChannels = {
  /** Runs the suggesters on a document, in the services (the NLP model stays out of the renderer); rejected suggestions are left out. */
  'suggest.run': { input: z.strictObject({ documentId: Id }), output: SuggestionSetSchema },
  /** Remembers rejected suggestions (by id) on the document, so they do not come back; the annotations' revision does not move. */
  'suggest.reject': {
    input: z.strictObject({
      documentId: Id,
      ids: z
        .array(z.string().regex(/^(?:entity|quote|claim):\d+-\d+$/u, 'a suggestion id looks like quote:12-40'))
        .min(1)
        .max(100_000),
    }),
    output: z.object({ rejected: z.int().nonnegative() }),
  },
} as const;
