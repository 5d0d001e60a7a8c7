/** Every figure the agreement panel and report show. */
export const AGREEMENT_FIGURES = [
  'exactF1',
  'overlapF1',
  'precision',
  'recall',
  'kappa',
  'alphaU',
  'speaker',
  'verdict',
  'majority',
] as const;
export type AgreementFigure = (typeof AGREEMENT_FIGURES)[number];

/** One line per figure, saying what it measures, for the panel and the report. */
export const FIGURE_EXPLANATIONS: Record<AgreementFigure, string> = {
  exactF1:
    'Exact-span F1: the share of annotations both marked as the same kind with exactly the same start and end (2·shared / (yours + theirs)).',
  overlapF1:
    'Overlap-span F1: as exact-span F1, but two annotations of a kind count as shared when their spans have at least one character in common.',
  precision: 'Precision: of the second annotator’s annotations, the share the first annotator also marked.',
  recall: 'Recall: of the first annotator’s annotations, the share the second annotator also marked.',
  kappa:
    'Cohen’s κ: agreement on labels (verdict of a claim, speaker of a quote, entity type of a mention; all kinds pooled for the overall figure) over the spans either annotator marked, corrected for chance; 1 is perfect, 0 is chance. Unmarked text is left out, so it cannot inflate κ.',
  alphaU:
    'Krippendorff’s αu: agreement on where units begin and end along the text, for any number of annotators, corrected for chance; 1 is perfect, 0 is chance, below 0 is systematic disagreement.',
  speaker: 'Speaker agreement: of the quotes both marked (overlapping spans), the share attributed to the same speaker.',
  verdict: 'Verdict agreement: of the claims both marked (overlapping spans), the share given the same verdict.',
  majority: 'Majority view: for each stretch of text marked as one kind, how many annotators marked it.',
};
