export { acceptItem, freshId, type Acceptance, type WorkingLayer } from './accept-item.ts';
export { buildReview, type BuildReviewOptions } from './build-review.ts';
export { classifyReview, DIFFERENCE_FIELDS, differences, REVIEW_CLASSES, type ClassifiedItem, type DifferenceField, type ReviewClass, type ReviewClassification, type ReviewDifference } from './classify-review.ts';
export { decideReview, redoDecision, undoDecision, type DecisionContext, type DecisionOutcome, type DecisionRequest } from './decide-review.ts';
export { entityKeys, type EntityKeys } from './entity-keys.ts';
export { ownAnnotations } from './own-layer.ts';
export { reviewAgreement } from './review-agreement.ts';
export { reviewSummaries, reviewView, type ReviewItemView, type ReviewSummary, type ReviewView } from './review-view.ts';
