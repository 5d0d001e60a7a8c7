import type { MergeProposal } from '../corpus/corpus-query.ts';
import type { Entity } from '../model/entity.ts';
import { entityNameKey } from './entity-names.ts';

/** The key under which a dismissed pair is remembered, the same whichever way round it is given. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a} ${b}` : `${b} ${a}`;
}

export interface ProposalInput {
  entities: Iterable<Entity>;
  /** How many articles hold the entity. */
  documentsOf(entityId: string): number;
  /** How many articles hold either entity: the articles a merge of the pair would change. */
  documentsOfPair(a: string, b: string): number;
  dismissed: ReadonlySet<string>;
  /** The most proposals answered. */
  limit?: number;
}

/** Entities with different Wikidata ids are different entities, whatever their names. */
function compatible(a: Entity, b: Entity): boolean {
  return a.wikidata === undefined || b.wikidata === undefined || a.wikidata === b.wikidata;
}

function add(index: Map<string, Entity[]>, key: string, entity: Entity): void {
  if (!key) return;
  const list = index.get(key);
  if (!list) index.set(key, [entity]);
  else if (!list.includes(entity)) list.push(entity);
}

/**
 * Pairs of registry entities that look like one, for the analyst to confirm: the same Wikidata
 * id first, then the same name, then a name equal to the other's alias (names compared by
 * `entityNameKey`). Never two entities with different Wikidata ids, never a dismissed pair. Of a
 * pair, the entity kept is the one in more articles (then the one with a Wikidata id, then the
 * smaller id), so a merge changes as few articles as it can.
 */
export function mergeProposals(input: ProposalInput): MergeProposal[] {
  const byWikidata = new Map<string, Entity[]>();
  const byName = new Map<string, Entity[]>();
  const byAlias = new Map<string, Entity[]>();
  const all: Entity[] = [];
  for (const entity of input.entities) {
    all.push(entity);
    if (entity.wikidata) add(byWikidata, entity.wikidata, entity);
    add(byName, entityNameKey(entity.name), entity);
    for (const alias of entity.aliases) add(byAlias, entityNameKey(alias), entity);
  }
  const seen = new Set<string>();
  const proposals: MergeProposal[] = [];
  const propose = (a: Entity, b: Entity, reason: MergeProposal['reason']) => {
    const key = pairKey(a.id, b.id);
    if (a.id === b.id || seen.has(key) || input.dismissed.has(key) || !compatible(a, b)) return;
    seen.add(key);
    const [keep, merge] = keptFirst(a, b, input);
    proposals.push({ keep, merge, reason, documents: input.documentsOfPair(a.id, b.id) });
  };
  const pairsIn = (groups: Map<string, Entity[]>, reason: MergeProposal['reason']) => {
    for (const group of groups.values()) {
      for (let i = 0; i < group.length; i++)
        for (let j = i + 1; j < group.length; j++) propose(group[i] as Entity, group[j] as Entity, reason);
    }
  };
  pairsIn(byWikidata, 'wikidata');
  pairsIn(byName, 'name');
  for (const entity of all) {
    for (const other of byAlias.get(entityNameKey(entity.name)) ?? []) propose(entity, other, 'alias');
  }
  return input.limit === undefined ? proposals : proposals.slice(0, input.limit);
}

function keptFirst(a: Entity, b: Entity, input: ProposalInput): [Entity, Entity] {
  const order =
    input.documentsOf(b.id) - input.documentsOf(a.id) ||
    Number(b.wikidata !== undefined) - Number(a.wikidata !== undefined) ||
    a.id.localeCompare(b.id);
  return order <= 0 ? [a, b] : [b, a];
}
