import { z } from 'zod';
import { Annotation } from './annotation.ts';
import { Fingerprint } from './document.ts';
import { Entity } from './entity.ts';
import { IsoDate, IsoDateTime } from './ids.ts';
import { Tagset } from './tagset.ts';

export const TAG_FILE_FORMAT = 'scholia-tags';
export const TAG_FILE_VERSION = 1;

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
  entities: z.array(Entity),
  annotations: z.array(Annotation),
});
export type TagFileV1 = z.infer<typeof TagFileV1>;
