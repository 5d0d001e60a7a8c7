import { z } from 'zod';

const Colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'colours are #rrggbb');

export const TagsetEntry = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'tag ids are lower-case words joined by "-"'),
  label: z.string().min(1).max(100),
  colour: Colour,
  key: z.string().length(1).optional(),
});
export type TagsetEntry = z.infer<typeof TagsetEntry>;

/** The codebook: entity types, the claim verdict scale and claim labels. */
export const Tagset = z.object({
  entityTypes: z.array(TagsetEntry).min(1).max(100),
  verdicts: z.array(TagsetEntry).min(1).max(100),
  claimLabels: z.array(TagsetEntry).max(100),
});
export type Tagset = z.infer<typeof Tagset>;

export const DEFAULT_TAGSET: Tagset = {
  entityTypes: [
    { id: 'person', label: 'Person', colour: '#7c3aed', key: 'p' },
    { id: 'organization', label: 'Organisation', colour: '#0369a1', key: 'o' },
    { id: 'location', label: 'Location', colour: '#047857', key: 'l' },
    { id: 'group', label: 'Group', colour: '#b45309', key: 'g' },
    { id: 'event', label: 'Event', colour: '#be185d', key: 'v' },
    { id: 'other', label: 'Other', colour: '#4b5563', key: 'x' },
  ],
  verdicts: [
    { id: 'unverified', label: 'Unverified', colour: '#6b7280', key: '1' },
    // The truth scale in Paul Tol's colour-blind-safe "muted" scheme (indigo, green, purple, olive, wine), ordered
    // so neighbours differ clearly, also under deuteranopia and protanopia (docs/FACT-CHECK.md, "The verdict palette").
    { id: 'true', label: 'True', colour: '#332288', key: '2' },
    { id: 'mostly-true', label: 'Mostly true', colour: '#117733', key: '3' },
    { id: 'mixed', label: 'Mixed', colour: '#aa4499', key: '4' },
    { id: 'mostly-false', label: 'Mostly false', colour: '#999933', key: '5' },
    { id: 'false', label: 'False', colour: '#882255', key: '6' },
    { id: 'unverifiable', label: 'Unverifiable', colour: '#475569', key: '7' },
    { id: 'opinion', label: 'Opinion', colour: '#6d28d9', key: '8' },
  ],
  claimLabels: [
    { id: 'statistic', label: 'Statistic', colour: '#0f766e' },
    { id: 'event', label: 'Event', colour: '#1d4ed8' },
    { id: 'causal', label: 'Cause and effect', colour: '#9333ea' },
    { id: 'prediction', label: 'Prediction', colour: '#c2410c' },
    { id: 'legal', label: 'Law or rule', colour: '#334155' },
  ],
};

export const DEFAULT_VERDICT = 'unverified';

/** The truth scale, worst to best: the verdicts whose neighbours must look different. */
export const TRUTH_SCALE = ['false', 'mostly-false', 'mixed', 'mostly-true', 'true'] as const;
