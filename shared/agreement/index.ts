export { agreementJson, AGREEMENT_FORMAT, formatFigure, renderAgreementHtml, type AgreementReportMeta } from './agreement-files.ts';
export { agreementItems, UNATTRIBUTED, type AgreementItem, type AnnotatorItems } from './agreement-items.ts';
export { AGREEMENT_SCOPES, computeAgreement, pairAgreement, UNMARKED, type AgreementReport, type AgreementScope, type OverallScope, type PairAgreement, type ScopeAgreement, type ValueAgreement } from './agreement-report.ts';
export { cohensKappa, type Kappa } from './cohen-kappa.ts';
export { AGREEMENT_FIGURES, FIGURE_EXPLANATIONS, type AgreementFigure } from './figure-explanations.ts';
export { describeMajoritySpan, majorityView, type MajoritySpan, type MajorityView } from './majority-view.ts';
export { matchSpans, type SpanMatching } from './span-matching.ts';
export { spanScores, type SpanScores } from './span-scores.ts';
export { mergeSpans, unitizingAlpha, type Span, type UnitizingAlpha } from './unitizing-alpha.ts';
