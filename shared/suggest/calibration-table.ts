// Written by `npm run eval -- --fit-calibration` from development data (PolNeAR dev, the hand-made development texts); see docs/SUGGESTIONS.md.
import type { CalibrationTable } from './calibration.ts';

export const CALIBRATION_TABLE: CalibrationTable = {
  claim: [
    { upTo: 0.5, accuracy: 0.4, count: 3 },
    { upTo: 0.7, accuracy: 0.833, count: 10 },
    { upTo: 1, accuracy: 0.917, count: 10 },
  ],
  'quote:direct:none': [
    { upTo: 0.7, accuracy: 0.833, count: 64 },
    { upTo: 0.8, accuracy: 0.905, count: 19 },
  ],
  'quote:direct:speaker': [{ upTo: 0.9, accuracy: 0.974, count: 528 }],
  'quote:indirect:none': [
    { upTo: 0.4, accuracy: 0.643, count: 40 },
    { upTo: 0.45, accuracy: 0.8, count: 68 },
    { upTo: 0.5, accuracy: 0.861, count: 34 },
  ],
  'quote:indirect:speaker': [
    { upTo: 0.55, accuracy: 0.772, count: 178 },
    { upTo: 0.6, accuracy: 0.813, count: 110 },
  ],
  'quote:mixed:speaker': [{ upTo: 0.75, accuracy: 0.789, count: 173 }],
};
