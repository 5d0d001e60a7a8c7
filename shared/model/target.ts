import { z } from 'zod';

/** How many characters of context a target keeps on each side. */
export const TARGET_CONTEXT = 32;

/**
 * A span of a document's canonical text: a W3C TextPositionSelector and TextQuoteSelector in one.
 * Offsets are UTF-16 code units, end exclusive.
 */
export const Target = z
  .object({
    start: z.int().nonnegative(),
    end: z.int().nonnegative(),
    exact: z.string().min(1),
    prefix: z.string().max(256),
    suffix: z.string().max(256),
  })
  .refine((t) => t.end > t.start, { message: 'end must be greater than start' })
  .refine((t) => t.exact.length === t.end - t.start, { message: 'exact must be as long as the span' });

export type Target = z.infer<typeof Target>;
