import type { Entity } from '../model/entity.ts';
import { entityNameKey } from './entity-names.ts';

/** What matching reads of the library's registry. */
export interface RegistryView {
  entity(id: string): Entity | undefined;
  entities(): Iterable<Entity>;
}

/** How a colleague's entity was found in the registry. */
export type RegistryMatchKind = 'id' | 'wikidata' | 'name' | 'alias';

export interface RegistryMatch {
  libraryId: string;
  by: RegistryMatchKind;
}

/** The registry indexed by Wikidata id and by name key, built once per file matched. */
export class RegistryLookup {
  private readonly byWikidata = new Map<string, Entity[]>();
  private readonly byName = new Map<string, Entity[]>();
  private readonly byAnyName = new Map<string, Entity[]>();

  constructor(readonly registry: RegistryView) {
    for (const entity of registry.entities()) {
      if (entity.wikidata) push(this.byWikidata, entity.wikidata, entity);
      push(this.byName, entityNameKey(entity.name), entity);
      for (const name of [entity.name, ...entity.aliases]) push(this.byAnyName, entityNameKey(name), entity);
    }
  }

  /**
   * The library entity a colleague's entity stands for: the same id first (a library id their file
   * carries), then the same Wikidata id, then the same name, then a name or alias in common; never
   * one with a different Wikidata id, and among equals one of the same type.
   */
  match(theirs: Entity): RegistryMatch | undefined {
    if (this.registry.entity(theirs.id)) return { libraryId: theirs.id, by: 'id' };
    const compatible = (list: readonly Entity[] | undefined) =>
      (list ?? []).filter(
        (entity) => entity.wikidata === undefined || theirs.wikidata === undefined || entity.wikidata === theirs.wikidata,
      );
    const pick = (list: Entity[]) => list.find((entity) => entity.type === theirs.type) ?? list[0];
    const byWikidata = theirs.wikidata ? pick(compatible(this.byWikidata.get(theirs.wikidata))) : undefined;
    if (byWikidata) return { libraryId: byWikidata.id, by: 'wikidata' };
    const byName = pick(compatible(this.byName.get(entityNameKey(theirs.name))));
    if (byName) return { libraryId: byName.id, by: 'name' };
    for (const name of [theirs.name, ...theirs.aliases]) {
      const byAlias = pick(compatible(this.byAnyName.get(entityNameKey(name))));
      if (byAlias) return { libraryId: byAlias.id, by: 'alias' };
    }
    return undefined;
  }

  /**
   * Why a colleague's entities cannot be taken into this library, one line each: an entity with a
   * library id but another Wikidata id or type, or a Wikidata id the library holds as another type.
   */
  clashes(theirs: readonly Entity[]): string[] {
    const problems: string[] = [];
    for (const entity of theirs) {
      const named = `“${entity.name}” (${entity.id})`;
      const same = this.registry.entity(entity.id);
      if (same && entity.wikidata && same.wikidata && same.wikidata !== entity.wikidata) {
        problems.push(
          `${named} is ${entity.wikidata} in the file, but the library's entity ${entity.id}, “${same.name}”, is ${same.wikidata}.`,
        );
      } else if (same && same.type !== entity.type) {
        problems.push(
          `${named} is of type “${entity.type}” in the file, but the library's entity ${entity.id}, “${same.name}”, is of type “${same.type}”.`,
        );
      } else if (entity.wikidata) {
        const other = this.byWikidata.get(entity.wikidata)?.find((known) => known.type !== entity.type);
        if (other && !same)
          problems.push(
            `${named} is a “${entity.type}” with Wikidata id ${entity.wikidata}, but the library holds ${entity.wikidata} as “${other.name}”, of type “${other.type}”.`,
          );
      }
    }
    return problems;
  }
}

function push(index: Map<string, Entity[]>, key: string, entity: Entity): void {
  if (!key) return;
  const list = index.get(key);
  if (list) list.push(entity);
  else index.set(key, [entity]);
}

/** The refusal of a file whose entities clash with the registry, naming every entity at fault. */
export function clashMessage(fileName: string, problems: readonly string[]): string {
  return [
    `${fileName} cannot be taken into this library: its entities clash with the library's entity registry. Nothing was changed.`,
    ...problems.map((problem) => `  ${problem}`),
  ].join('\n');
}
