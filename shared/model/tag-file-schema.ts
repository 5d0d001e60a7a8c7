import { z } from 'zod';
import { TagFileV1 } from './tag-file.ts';

/**
 * The JSON Schema (draft 2020-12) of tag file v1, generated from the zod validator so the two
 * cannot drift apart. `schemas/tag-file-v1.schema.json` is this, committed; a test keeps it so.
 * What JSON Schema cannot say (a target's `exact` being as long as its span, `end` after `start`)
 * only the validator checks.
 */
export function tagFileJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(TagFileV1, {
    target: 'draft-2020-12',
    io: 'input',
    // zod's URL check also limits the scheme (evidence links are http(s) only); say so in the schema.
    override: ({ jsonSchema }) => {
      if (jsonSchema.format === 'uri') jsonSchema.pattern = '^[Hh][Tt][Tt][Pp][Ss]?:';
    },
  }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    title: 'Scholia tag file, version 1',
    description:
      "One annotator's claims, quotes, entity mentions and notes on one article, found by the fingerprint of its canonical text. Offsets count UTF-16 code units of that text, end exclusive.",
    ...rest,
  };
}
