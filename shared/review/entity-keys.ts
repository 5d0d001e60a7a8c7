import type { Entity } from '../model/entity.ts';
import type { ReviewRecord } from '../model/review.ts';

/** How a review names entities when comparing: mine by their ids, theirs by the entity of mine they stand for, if any. */
export interface EntityKeys {
  /** A key equal for an entity of mine and every entity of theirs linked to it. */
  mine(id: string): string;
  theirs(id: string): string;
  /** A name to show. */
  myName(id: string): string;
  theirName(id: string): string;
  myType(id: string): string | undefined;
  theirType(id: string): string | undefined;
}

export function entityKeys(myEntities: readonly Entity[], review: Pick<ReviewRecord, 'entities' | 'entityLinks'>): EntityKeys {
  const mine = new Map(myEntities.map((entity) => [entity.id, entity]));
  const theirs = new Map(review.entities.map((entity) => [entity.id, entity]));
  const links = new Map(review.entityLinks.map((link) => [link.theirId, link.myId]));
  return {
    mine: (id) => `mine:${id}`,
    theirs: (id) => {
      const linked = links.get(id);
      return linked ? `mine:${linked}` : `theirs:${id}`;
    },
    myName: (id) => mine.get(id)?.name ?? id,
    theirName: (id) => theirs.get(id)?.name ?? id,
    myType: (id) => mine.get(id)?.type,
    theirType: (id) => theirs.get(id)?.type,
  };
}
