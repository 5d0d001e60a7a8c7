export { anchorTarget, anchorTargets, ANCHOR_STATUSES, DEFAULT_MIN_SCORE, ORPHAN_REASONS, type AnchorOptions, type Anchoring, type AnchorStatus, type OrphanReason, type Placement } from './anchor.ts';
export { rankCandidates, scoreCandidate, SCORE_WEIGHTS, type Candidate, type ScoredCandidate } from './candidate-score.ts';
export { comparableName, ENTITY_MATCH_KINDS, matchEntities, type EntityMatch, type EntityMatchKind } from './entity-matching.ts';
