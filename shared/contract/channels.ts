import { z } from 'zod';
import { ExportFormat, ExportOptions } from '../export/options.ts';
import { AnnotationCounts, DocumentSummary, ScholiaDocument } from '../model/document.ts';
import { Id, IsoDateTime } from '../model/ids.ts';
import { Settings } from '../model/settings.ts';
import { Tagset } from '../model/tagset.ts';
import type { Channel } from './channel-names.ts';
import { AnnotationOp, MAX_OPS_PER_BATCH } from './ops.ts';
import { claimsChannels } from './claims-channels.ts';
import { teamChannels } from './team-channels.ts';
import { corpusChannels } from './corpus-channels.ts';
import { evidenceChannels } from './evidence-channels.ts';
import { importChannels } from './import-channels.ts';
import { reviewChannels } from './review-channels.ts';
import { suggestChannels } from './suggest-channels.ts';

/** The largest article text accepted, in UTF-16 code units (about 1.5 million words). */
export const MAX_TEXT_LENGTH = 10_000_000;

const Empty = z.strictObject({});

export const Notice = z.object({
  level: z.enum(['info', 'warning', 'error']),
  message: z.string(),
});
export type Notice = z.infer<typeof Notice>;

/**
 * Why the library (or one document) can be read but not changed: a file of a newer format that this
 * version must not overwrite, or another process that holds the library's lock. Every write answers
 * `read-only` with the message.
 */
export const ReadOnly = z.object({
  reason: z.enum(['newer-format', 'in-use']),
  message: z.string(),
});
export type ReadOnly = z.infer<typeof ReadOnly>;

/** A previous version of a document kept by the backups: `id` names it to `document.restore`. */
export const DocumentVersion = z.object({
  id: z.string().regex(/^(?:r\d{6,12}-\d{8}T\d{9}Z|daily-\d{4}-\d{2}-\d{2})$/u),
  /** When the state was last changed. */
  savedAt: IsoDateTime,
  revision: z.int().nonnegative(),
  counts: AnnotationCounts,
  /** Kept as one of the last saves, as the last state of its day, or both. */
  kinds: z.array(z.enum(['save', 'daily'])),
});
export type DocumentVersion = z.infer<typeof DocumentVersion>;

/** Every channel of the API: its input and output validators. Main, preload, host and renderer all derive from this map. */
export const contract = {
  'library.list': {
    input: z.strictObject({
      /** Reads every document file first, so a damaged one is reported in `notices` and left out (the CLI's `list` does). */
      check: z.boolean().optional(),
    }),
    output: z.object({ documents: z.array(DocumentSummary), notices: z.array(Notice), readOnly: ReadOnly.optional() }),
  },
  'library.get': {
    input: z.strictObject({ id: Id }),
    output: z.object({ document: ScholiaDocument, tagset: Tagset, readOnly: ReadOnly.optional() }),
  },
  'library.importText': {
    input: z.strictObject({
      title: z.string().trim().min(1).max(1000).optional(),
      filename: z.string().min(1).max(1000).optional(),
      text: z.string().max(MAX_TEXT_LENGTH, `an article can hold at most ${MAX_TEXT_LENGTH} characters`),
    }),
    output: z.object({ id: Id, title: z.string(), duplicate: z.boolean() }),
  },
  'annotations.apply': {
    input: z.strictObject({
      documentId: Id,
      baseRevision: z.int().nonnegative().optional(),
      ops: z.array(AnnotationOp).min(1).max(MAX_OPS_PER_BATCH),
    }),
    output: z.object({ revision: z.int().nonnegative(), modified: IsoDateTime }),
  },
  'settings.get': { input: Empty, output: Settings },
  'settings.set': { input: Settings.partial().strict(), output: Settings },
  /** The library's codebook. */
  'tagset.get': { input: Empty, output: Tagset },
  /** Replaces the codebook; refused when it has problems or drops an id a document still uses. */
  'tagset.set': { input: z.strictObject({ tagset: Tagset }), output: Tagset },
  'export.render': {
    input: z.strictObject({ documentId: Id, format: ExportFormat, options: ExportOptions.optional() }),
    /** The exported file, its bytes in base64 (a JSON- and IPC-safe form for every format, PDF and DOCX included). */
    output: z.object({ filename: z.string().min(1), mimeType: z.string().min(1), base64: z.base64() }),
  },
  'document.versions': {
    input: z.strictObject({ documentId: Id }),
    output: z.object({ versions: z.array(DocumentVersion) }),
  },
  'document.restore': {
    input: z.strictObject({ documentId: Id, versionId: DocumentVersion.shape.id }),
    /** The restore is a save of its own (a new revision), so restoring the version it replaced undoes it. */
    output: z.object({ revision: z.int().nonnegative(), modified: IsoDateTime, restored: DocumentVersion }),
  },
  ...reviewChannels,
  ...importChannels,
  ...suggestChannels,
  ...corpusChannels,
  ...claimsChannels,
  ...evidenceChannels,
  ...teamChannels,
} as const satisfies Record<Channel, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

export type { Channel } from './channel-names.ts';
export { CHANNEL_NAMES, isChannel } from './channel-names.ts';
