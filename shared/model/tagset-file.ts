import { z } from 'zod';
import { describeIssues } from '../contract/validation.ts';
import { Tagset } from './tagset.ts';
import { tagsetProblems } from './tagset-check.ts';

export const TAGSET_FILE_FORMAT = 'scholia-tagset';
export const TAGSET_FILE_VERSION = 1;

/** A codebook as a file of its own, for a team to share. */
export const TagsetFile = z.object({
  format: z.literal(TAGSET_FILE_FORMAT),
  version: z.literal(TAGSET_FILE_VERSION),
  tagset: Tagset,
});
export type TagsetFile = z.infer<typeof TagsetFile>;

export function tagsetFile(tagset: Tagset): TagsetFile {
  return { format: TAGSET_FILE_FORMAT, version: TAGSET_FILE_VERSION, tagset };
}

export type TagsetRead = { ok: true; tagset: Tagset } | { ok: false; message: string };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A codebook from a parsed JSON file: a codebook file, a bare codebook, or a Scholia tag file that
 * carries one. Anything else, or a codebook with problems, comes back as a message saying why.
 */
export function readTagsetFile(json: unknown): TagsetRead {
  if (!isObject(json)) return { ok: false, message: 'The file does not hold a codebook (it is not a JSON object).' };
  let candidate: unknown = json;
  if (json['format'] === TAGSET_FILE_FORMAT) {
    if (json['version'] !== TAGSET_FILE_VERSION)
      return {
        ok: false,
        message: `The codebook file is version ${String(json['version'])}; this Scholia reads version ${TAGSET_FILE_VERSION}.`,
      };
    candidate = json['tagset'];
  } else if (json['format'] === 'scholia-tags') {
    if (!('tagset' in json)) return { ok: false, message: 'The tag file carries no codebook.' };
    candidate = json['tagset'];
  } else if ('format' in json) {
    return { ok: false, message: `The file is a “${String(json['format'])}” file, not a codebook.` };
  }
  const parsed = Tagset.safeParse(candidate);
  if (!parsed.success) return { ok: false, message: `The codebook is not valid: ${describeIssues(parsed.error)}.` };
  const problems = tagsetProblems(parsed.data);
  if (problems.length > 0) return { ok: false, message: `The codebook is not valid: ${problems.join(' ')}` };
  return { ok: true, tagset: parsed.data };
}
