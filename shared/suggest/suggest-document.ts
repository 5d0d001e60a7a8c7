import type { Annotation } from '../model/annotation.ts';
import type { Entity } from '../model/entity.ts';
import type { Tagset } from '../model/tagset.ts';
import { calibrated } from './calibration.ts';
import { CALIBRATION_TABLE } from './calibration-table.ts';
import { suggestClaims } from './claims.ts';
import { analyseEntities, entitySuggestions } from './entities.ts';
import { tagsetTypeFor } from './entity-types.ts';
import { tagText } from './nlp-terms.ts';
import { suggestQuotes } from './quotes.ts';
import type { Suggestion, SuggestionSet } from './suggestion.ts';

/** What the suggesters read of a document. */
export interface SuggestInput {
  text: string;
  entities: readonly Entity[];
  annotations: readonly Annotation[];
  rejectedSuggestions?: readonly string[];
}

/** Whether the analyst has already marked this span (or one overlapping it) as the same kind. */
function alreadyAnnotated(suggestion: Suggestion, annotations: readonly Annotation[]): boolean {
  return annotations.some(
    (annotation) =>
      annotation.kind === suggestion.kind && annotation.target.start < suggestion.end && annotation.target.end > suggestion.start,
  );
}

/**
 * Runs the three suggesters on a document: entity mentions grouped into entities, quotes with
 * their speakers, and check-worthy claims. Spans the analyst already annotated as the same kind,
 * and suggestions rejected before, are left out. Confidences are calibrated on development data
 * unless `calibrate` is false (for fitting the calibration). Runs locally, with no network.
 */
export function suggestDocument(input: SuggestInput, tagset: Tagset, options: { calibrate?: boolean } = {}): SuggestionSet {
  const sentences = tagText(input.text);
  const analysis = analyseEntities(input.text, sentences, input.entities);
  const quotes = suggestQuotes(input.text, sentences, analysis.mentions);
  const entities = entitySuggestions(analysis, tagset, quotes.speakerTypes);
  const names = analysis.groups.flatMap((group) => group.mentions);
  const claims = suggestClaims(input.text, sentences, names, tagset);
  const rejected = new Set(input.rejectedSuggestions ?? []);
  const raw = [...entities.suggestions, ...quotes.suggestions, ...claims];
  const other = tagsetTypeFor('other', tagset);
  const untyped = new Set(entities.entities.filter((entity) => entity.type === other).map((entity) => entity.key));
  const all = (options.calibrate === false ? raw : calibrated(raw, (key) => untyped.has(key), CALIBRATION_TABLE)).filter(
    (suggestion) => !alreadyAnnotated(suggestion, input.annotations),
  );
  const suggestions = all
    .filter((suggestion) => !rejected.has(suggestion.id))
    .sort((a, b) => a.start - b.start || a.end - b.end || a.kind.localeCompare(b.kind));
  const used = new Set(
    suggestions.flatMap((suggestion) =>
      suggestion.kind === 'entity'
        ? [suggestion.entityKey]
        : suggestion.kind === 'quote' && suggestion.speakerKey
          ? [suggestion.speakerKey]
          : [],
    ),
  );
  return { entities: entities.entities.filter((entity) => used.has(entity.key)), suggestions, rejected: all.length - suggestions.length };
}
