import { z } from 'zod';
import type { SUGGESTERS } from '../model/annotation.ts';
import { QUOTE_FORMS } from '../model/annotation.ts';

const Offset = z.int().nonnegative();
const Confidence = z.number().min(0).max(1);

/** A span of the canonical text (UTF-16, end exclusive). */
export const SpanSchema = z.object({ start: Offset, end: Offset });
export type Span = z.infer<typeof SpanSchema>;

/**
 * An entity the suggester proposes: mentions grouped under one name. `registryId` names the
 * registry entry it reuses (matched by name or alias); without it, accepting adds a new entry.
 */
export const SuggestedEntitySchema = z.object({
  key: z.string(),
  name: z.string(),
  type: z.string(),
  aliases: z.array(z.string()),
  registryId: z.string().optional(),
});
export type SuggestedEntity = z.infer<typeof SuggestedEntitySchema>;

const common = {
  /** Stable across runs (`kind:start-end`): the text never changes, so a rejection can be remembered by it. */
  id: z.string(),
  start: Offset,
  end: Offset,
  confidence: Confidence,
  /** Why it was suggested, in words an analyst can check. */
  reasons: z.array(z.string()),
};

export const EntitySuggestionSchema = z.object({ ...common, kind: z.literal('entity'), entityKey: z.string() });
export const QuoteSuggestionSchema = z.object({
  ...common,
  kind: z.literal('quote'),
  form: z.enum(QUOTE_FORMS),
  cue: SpanSchema.optional(),
  speakerKey: z.string().optional(),
  /** How the speaker was found: a named cue, a pronoun, a role, or the previous paragraph's speaker. */
  speakerRule: z.enum(['named', 'pronoun', 'role', 'continuation']).optional(),
});
export const ClaimSuggestionSchema = z.object({ ...common, kind: z.literal('claim'), label: z.string().optional() });

export const SuggestionSchema = z.discriminatedUnion('kind', [EntitySuggestionSchema, QuoteSuggestionSchema, ClaimSuggestionSchema]);
export type EntitySuggestion = z.infer<typeof EntitySuggestionSchema>;
export type QuoteSuggestion = z.infer<typeof QuoteSuggestionSchema>;
export type ClaimSuggestion = z.infer<typeof ClaimSuggestionSchema>;
export type Suggestion = z.infer<typeof SuggestionSchema>;
export type SuggestionKind = Suggestion['kind'];

/** What the suggesters propose for one document: the entities their suggestions refer to, and the suggestions in text order. */
export const SuggestionSetSchema = z.object({
  entities: z.array(SuggestedEntitySchema),
  suggestions: z.array(SuggestionSchema),
  /** How many suggestions were left out because the analyst rejected them before. */
  rejected: z.int().nonnegative(),
});
export type SuggestionSet = z.infer<typeof SuggestionSetSchema>;

/** The suggester behind each kind of suggestion. */
export const SUGGESTER_OF = { entity: 'entities', quote: 'quotes', claim: 'claims' } as const satisfies Record<
  SuggestionKind,
  (typeof SUGGESTERS)[number]
>;

export function suggestionId(kind: SuggestionKind, span: Span): string {
  return `${kind}:${span.start}-${span.end}`;
}
