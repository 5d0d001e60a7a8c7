import { ScholiaError } from '../contract/errors.ts';
import type { AnnotationOp } from '../contract/ops.ts';
import type { Annotation } from '../model/annotation.ts';
import type { Entity } from '../model/entity.ts';
import type { Tagset } from '../model/tagset.ts';
import type { LayerChange } from './layer-change.ts';
import { LayerIndex, type AnnotationLayer, type RefusedOps } from './layer-index.ts';

/** A document's text and codebook, which every record of its layer must fit. */
export interface DocumentRules {
  text: string;
  tagset: Tagset;
}

export type LayerOutcome =
  { ok: true; layer: { entities: Entity[]; annotations: Annotation[] }; inverse: AnnotationOp[]; change: LayerChange } | RefusedOps;

/**
 * Applies a batch of ops to a document's layer through the op engine (`LayerIndex`): the new
 * layer, the batch's inverse and its change, or a refusal with its reason. The layer passed in
 * is never modified.
 */
export function applyLayerOps(rules: DocumentRules, layer: AnnotationLayer, ops: readonly AnnotationOp[]): LayerOutcome {
  const index = new LayerIndex(layer);
  const outcome = index.apply(ops, rules);
  return outcome.ok ? { ...outcome, layer: index.toLayer() } : outcome;
}

/**
 * `applyLayerOps` for callers that answer a refusal with an error: the new layer, or a
 * `ScholiaError` (`bad-request`) giving the engine's reason.
 */
export function applyAnnotationOps(
  text: string,
  tagset: Tagset,
  layer: AnnotationLayer,
  ops: readonly AnnotationOp[],
): { entities: Entity[]; annotations: Annotation[] } {
  const outcome = applyLayerOps({ text, tagset }, layer, ops);
  if (!outcome.ok) throw new ScholiaError('bad-request', outcome.reason);
  return outcome.layer;
}
