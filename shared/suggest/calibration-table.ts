// Written by `npm run eval -- --fit-calibration` from development data (PolNeAR dev, the hand-made development texts); see docs/SUGGESTIONS.md.
import type { CalibrationTable } from './calibration.ts';

export const CALIBRATION_TABLE: CalibrationTable = {
  claim: [
    { upTo: 0.5, accuracy: 0.4, count: 3 },
    { upTo: 0.7, accuracy: 0.818, count: 9 },
    { upTo: 1, accuracy: 0.923, count: 11 },
  ],
  'quote:direct:none': [
    { upTo: 0.7, accuracy: 0.808, count: 50 },
    { upTo: 0.8, accuracy: 0.895, count: 17 },
  ],
  'quote:direct:speaker': [{ upTo: 0.9, accuracy: 0.971, count: 544 }],
  'quote:indirect:none': [
    { upTo: 0.4, accuracy: 0.643, count: 40 },
    { upTo: 0.45, accuracy: 0.8, count: 68 },
    { upTo: 0.5, accuracy: 0.857, count: 33 },
  ],
  'quote:indirect:speaker': [
    { upTo: 0.55, accuracy: 0.772, count: 178 },
    { upTo: 0.6, accuracy: 0.814, count: 111 },
  ],
  'quote:mixed:speaker': [{ upTo: 0.75, accuracy: 0.789, count: 178 }],
};
