import { z } from 'zod';
import { Id } from './ids.ts';

/** One entry of a document's entity registry: a person, organisation, place… that mentions point to. */
export const Entity = z.object({
  id: Id,
  name: z.string().trim().min(1, 'an entity needs a name').max(500),
  type: z.string().min(1).max(64),
  aliases: z.array(z.string().trim().min(1).max(500)).max(200),
  wikidata: z
    .string()
    .regex(/^Q[1-9][0-9]*$/, 'a Wikidata id looks like Q42')
    .optional(),
  description: z.string().max(10_000).optional(),
});
export type Entity = z.infer<typeof Entity>;
