import { describe, expect, it } from 'vitest';
import { DEFAULT_TAGSET } from '../model/tagset.ts';
import { calibrate, calibrationKey, type CalibrationTable } from './calibration.ts';
import { CALIBRATION_TABLE } from './calibration-table.ts';
import { suggestDocument } from './suggest-document.ts';

const table: CalibrationTable = {
  claim: [
    { upTo: 0.5, accuracy: 0.3, count: 40 },
    { upTo: 0.8, accuracy: 0.7, count: 40 },
  ],
};

describe('calibration', () => {
  it('maps a raw score to the accuracy of its step, the last step above it, and leaves a key with no table alone', () => {
    expect(calibrate(table, 'claim', 0.45)).toBe(0.3);
    expect(calibrate(table, 'claim', 0.5)).toBe(0.3);
    expect(calibrate(table, 'claim', 0.6)).toBe(0.7);
    expect(calibrate(table, 'claim', 0.95)).toBe(0.7);
    expect(calibrate(table, 'entity:typed', 0.85)).toBe(0.85);
  });

  it('keys quotes by form and speaker, entities by whether they are typed', () => {
    const text = '“We will not stop the inquiry,” said Maria Lopez. Officials said the bridge had passed its inspection in May.';
    const set = suggestDocument({ text, entities: [], annotations: [] }, DEFAULT_TAGSET, { calibrate: false });
    const keys = set.suggestions.map((s) => calibrationKey(s, () => false));
    expect(keys).toEqual(expect.arrayContaining(['quote:direct:speaker', 'entity:typed', 'quote:indirect:none']));
  });

  it('is applied by suggestDocument, from the fitted table, rising with the raw score', () => {
    const text = '“We will not stop the inquiry,” said Maria Lopez.';
    const raw = suggestDocument({ text, entities: [], annotations: [] }, DEFAULT_TAGSET, { calibrate: false });
    const shown = suggestDocument({ text, entities: [], annotations: [] }, DEFAULT_TAGSET);
    const quote = (set: typeof raw) => set.suggestions.find((s) => s.kind === 'quote')?.confidence;
    expect(quote(shown)).toBe(calibrate(CALIBRATION_TABLE, 'quote:direct:speaker', quote(raw) ?? 0));
    for (const steps of Object.values(CALIBRATION_TABLE)) {
      const accuracies = (steps ?? []).map((step) => step.accuracy);
      expect(accuracies).toEqual([...accuracies].sort((a, b) => a - b));
    }
  });
});
