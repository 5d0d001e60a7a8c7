import type { Suggestion } from './suggestion.ts';

/**
 * One step of a calibration: raw scores up to `upTo` (and above the step before) were right this
 * often on development data. Steps are in rising order of `upTo` and of `accuracy` (isotonic).
 */
export interface CalibrationStep {
  upTo: number;
  accuracy: number;
  /** How many development suggestions the step rests on. */
  count: number;
}

export type CalibrationTable = Partial<Record<string, readonly CalibrationStep[]>>;

/**
 * The table key of a suggestion: its kind; for an entity whether it was typed (a name of no known
 * type is its own key); for a quote its form and whether it has a speaker (a direct quote with a
 * named speaker and a reported clause with none are right at different rates).
 */
export function calibrationKey(suggestion: Suggestion, untyped: (entityKey: string) => boolean): string {
  if (suggestion.kind === 'entity') return untyped(suggestion.entityKey) ? 'entity:untyped' : 'entity:typed';
  if (suggestion.kind !== 'quote') return suggestion.kind;
  return `quote:${suggestion.form}:${suggestion.speakerKey ? 'speaker' : 'none'}`;
}

/** The calibrated confidence for a raw score: the accuracy of its step; a raw score with no table stays as it is. */
export function calibrate(table: CalibrationTable, key: string, raw: number): number {
  const steps = table[key];
  if (!steps?.length) return raw;
  const step = steps.find((candidate) => raw <= candidate.upTo) ?? steps.at(-1);
  return step ? Math.round(step.accuracy * 100) / 100 : raw;
}

/** The suggestions with confidences calibrated on development data (see docs/SUGGESTIONS.md, "Honest confidence"). */
export function calibrated<S extends Suggestion>(
  suggestions: readonly S[],
  untyped: (entityKey: string) => boolean,
  table: CalibrationTable,
): S[] {
  return suggestions.map((suggestion) => ({
    ...suggestion,
    confidence: calibrate(table, calibrationKey(suggestion, untyped), suggestion.confidence),
  }));
}
