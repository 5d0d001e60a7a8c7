import { z } from 'zod';
import { Annotation } from './annotation.ts';
import { Fingerprint } from './document.ts';
import { Entity } from './entity.ts';
import { IsoDate, IsoDateTime } from './ids.ts';
import { Tagset } from './tagset.ts';

export const TAG_FILE_FORMAT = 'scholia-tags';
export const TAG_FILE_VERSION = 1;

/** The most annotations one tag file may carry: far above any article's, low enough to refuse a flood before reading it. */
export const MAX_TAG_FILE_ANNOTATIONS = 200_000;
/** The most entities one tag file may carry. */
export const MAX_TAG_FILE_ENTITIES = 50_000;
/** The largest tag file read at all (an embedded article at its size limit, and room for its annotations). */
export const MAX_TAG_FILE_BYTES = 64 * 1024 * 1024;

/**
 * Tag file v1: one annotator's annotations of one article, the exchange format between colleagues.
 * Unknown top-level fields are refused with a message rather than dropped.
 */
export const TagFileV1 = z.strictObject({
  format: z.literal(TAG_FILE_FORMAT),
  version: z.literal(TAG_FILE_VERSION),
  exportedAt: IsoDateTime,
  annotator: z.object({ name: z.string().min(1).max(200) }),
  document: z.object({
    fingerprint: Fingerprint,
    title: z.string().max(1000).optional(),
    url: z.string().max(4000).optional(),
    published: IsoDate.optional(),
    textLength: z.int().nonnegative(),
    text: z.string().optional(),
  }),
  tagset: Tagset.optional(),
  entities: z.array(Entity).max(MAX_TAG_FILE_ENTITIES),
  annotations: z.array(Annotation).max(MAX_TAG_FILE_ANNOTATIONS),
});
export type TagFileV1 = z.infer<typeof TagFileV1>;
