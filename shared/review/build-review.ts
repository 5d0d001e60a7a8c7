import { anchorTargets, type Anchoring } from '../anchoring/anchor.ts';
import { matchEntities } from '../anchoring/entity-matching.ts';
import type { Annotation } from '../model/annotation.ts';
import type { ScholiaDocument } from '../model/document.ts';
import type { Entity } from '../model/entity.ts';
import type { ReviewAnchor, ReviewItem, ReviewRecord } from '../model/review.ts';
import type { Target } from '../model/target.ts';
import type { TagFileV1 } from '../model/tag-file.ts';
import { makeTarget } from '../text/target.ts';

export interface BuildReviewOptions {
  id: string;
  /** The import time (ISO 8601). */
  now: string;
  /** The file's name, to tell reviews apart. */
  fileName?: string;
  /** Refuse fuzzy placements. */
  exactOnly?: boolean;
  /** The library entity one of theirs stands for, when this document holds none (see `RegistryLookup.match`). */
  libraryMatch?: (theirs: Entity) => { libraryId: string; by: 'id' | 'wikidata' | 'name' | 'alias' } | undefined;
}

function anchorRecord(result: Anchoring, original: Target): ReviewAnchor {
  if (result.status !== 'orphaned') return { status: result.status, score: result.score, original };
  return { status: 'orphaned', score: 0, reason: result.reason, ...(result.candidate ? { candidate: result.candidate } : {}), original };
}

/**
 * A review of a colleague's (already validated) tag file on `document`: every annotation placed
 * on the document's text with its status, their entities linked to the analyst's by id (a
 * library id), then Wikidata id, name or alias, else to the library's entity it stands for, every
 * item open.
 */
export function buildReview(
  document: Pick<ScholiaDocument, 'text' | 'fingerprint' | 'entities'>,
  file: TagFileV1,
  options: BuildReviewOptions,
): ReviewRecord {
  const { text } = document;
  const sameText = file.document.fingerprint === document.fingerprint;
  const anchorOptions = { sameText, exactOnly: options.exactOnly === true, sourceLength: file.document.textLength };
  const placements = anchorTargets(
    text,
    file.annotations.map((annotation) => annotation.target),
    anchorOptions,
  );
  const cues = file.annotations.flatMap((annotation, index) =>
    annotation.kind === 'quote' && annotation.cue ? [{ index, cue: annotation.cue }] : [],
  );
  const cuePlacements = new Map(
    anchorTargets(
      text,
      cues.map((c) => c.cue),
      anchorOptions,
    ).map((result, i) => [cues[i]?.index as number, result]),
  );

  const items = file.annotations.map((annotation, index): ReviewItem => {
    const placement = placements[index] as Anchoring;
    const anchor = anchorRecord(placement, annotation.target);
    let placed: Annotation = annotation;
    if (placement.status !== 'orphaned') {
      placed = { ...annotation, target: makeTarget(text, placement.start, placement.end) };
      if (placed.kind === 'quote' && annotation.kind === 'quote' && annotation.cue) {
        const cue = cuePlacements.get(index);
        const { cue: _dropped, ...withoutCue } = placed;
        placed = cue && cue.status !== 'orphaned' ? { ...withoutCue, cue: makeTarget(text, cue.start, cue.end) } : withoutCue;
        anchor.cue = { status: cue?.status ?? 'orphaned', original: annotation.cue };
      }
    }
    return { id: annotation.id, annotation: placed, anchor, decision: 'open' };
  });

  const matches = matchEntities(file.entities, document.entities);
  const mine = new Set(document.entities.map((entity) => entity.id));
  const linkOf = (entity: Entity): ReviewRecord['entityLinks'][number] => {
    if (mine.has(entity.id)) return { theirId: entity.id, myId: entity.id, by: 'id' };
    const match = matches.get(entity.id);
    if (match) return { theirId: entity.id, myId: match.myId, by: match.by };
    const library = options.libraryMatch?.(entity);
    return library ? { theirId: entity.id, myId: library.libraryId, by: library.by } : { theirId: entity.id };
  };
  return {
    id: options.id,
    annotator: { name: file.annotator.name },
    imported: options.now,
    file: {
      ...(options.fileName ? { name: options.fileName } : {}),
      exportedAt: file.exportedAt,
      fingerprint: file.document.fingerprint,
      ...(file.document.title ? { title: file.document.title } : {}),
      textLength: file.document.textLength,
      sameText,
    },
    exactOnly: options.exactOnly === true,
    entities: file.entities,
    entityLinks: file.entities.map(linkOf),
    items,
    history: [],
    redo: [],
  };
}
