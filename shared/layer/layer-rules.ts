import type { Annotation } from '../model/annotation.ts';
import type { Entity } from '../model/entity.ts';
import type { Tagset } from '../model/tagset.ts';
import { targetMatchesText } from '../text/target.ts';

/**
 * What a layer's records are checked against: the document's text (targets and cues must match
 * it) and the codebook (verdicts, claim labels, entity types). A caller that leaves one out — a
 * view of records built for display, a test of lists — skips the checks that need it.
 */
export interface LayerContext {
  text?: string;
  tagset?: Tagset;
}

/** Why an annotation cannot be in the layer as it is (text and codebook rules), if it cannot. */
export function annotationProblem(context: LayerContext, annotation: Annotation): string | undefined {
  const { text, tagset } = context;
  if (text !== undefined && !targetMatchesText(text, annotation.target)) {
    return `annotation ${annotation.id} does not match the text at ${annotation.target.start}–${annotation.target.end}`;
  }
  if (annotation.kind === 'claim' && tagset) {
    if (!tagset.verdicts.some((verdict) => verdict.id === annotation.status))
      return `"${annotation.status}" is not a verdict of the tagset`;
    if (annotation.label && !tagset.claimLabels.some((label) => label.id === annotation.label))
      return `"${annotation.label}" is not a claim label of the tagset`;
  }
  if (annotation.kind === 'quote' && annotation.cue && text !== undefined && !targetMatchesText(text, annotation.cue)) {
    return `the cue of quote ${annotation.id} does not match the text`;
  }
  return undefined;
}

/** Why an entity cannot be in the registry as it is (its type must be one of the codebook's), if it cannot. */
export function entityProblem(context: LayerContext, entity: Entity): string | undefined {
  if (context.tagset && !context.tagset.entityTypes.some((type) => type.id === entity.type))
    return `"${entity.type}" is not an entity type of the tagset`;
  return undefined;
}
