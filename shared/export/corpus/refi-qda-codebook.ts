import type { Annotation } from '../../model/annotation.ts';
import type { Entity } from '../../model/entity.ts';
import type { TagsetEntry } from '../../model/tagset.ts';
import { NOTE_STYLE, QUOTE_STYLES } from '../report-model.ts';
import { stableGuid } from '../stable-ids.ts';
import type { CorpusSelection } from './corpus-selection.ts';

/** One code of the REFI-QDA codebook; `codable: false` codes only group others. */
export interface QdaCode {
  guid: string;
  name: string;
  codable: boolean;
  colour?: string;
  description?: string;
  children: QdaCode[];
}

/** The codebook, and the codes each annotation is coded with. */
export interface QdaCodebook {
  codes: QdaCode[];
  codesOf(annotation: Annotation, entities: ReadonlyMap<string, Entity>): QdaCode[];
}

const KIND_COLOURS = { claim: '#1d4ed8', quote: QUOTE_STYLES.direct.colour, entity: '#7c3aed', note: NOTE_STYLE.colour };

function code(key: string, name: string, codable: boolean, extra: Partial<Omit<QdaCode, 'guid' | 'name' | 'codable'>> = {}): QdaCode {
  return { guid: stableGuid(`scholia/refi-qda/code/${key}`), name, codable, children: [], ...extra };
}

/** Codes for the tagset's entries, then for ids in use that the tagset does not know (named by their id). */
function entryCodes(prefix: string, entries: readonly TagsetEntry[], used: ReadonlySet<string>): Map<string, QdaCode> {
  const codes = new Map<string, QdaCode>();
  for (const entry of entries) codes.set(entry.id, code(`${prefix}/${entry.id}`, entry.label, true, { colour: entry.colour }));
  for (const id of used) if (!codes.has(id)) codes.set(id, code(`${prefix}/${id}`, id, true));
  return codes;
}

function entityDescription(entity: Entity): string | undefined {
  const lines = [
    entity.aliases.length > 0 ? `Also: ${entity.aliases.join(', ')}` : '',
    entity.wikidata ? `Wikidata: ${entity.wikidata} (https://www.wikidata.org/wiki/${entity.wikidata})` : '',
    entity.description ?? '',
    `Scholia entity id: ${entity.id}`,
  ].filter(Boolean);
  return lines.join('\n');
}

/**
 * The codebook of a selection. Kinds are the top codes: Claim (with Verdict and Claim type
 * groups, and Check-worthy), Quote (with its forms), Entity mention (with one code per entity type,
 * and under each type one code per entity mentioned in the selection, by library id) and Note.
 * Every code has a GUID derived from what it stands for, so re-exports line up.
 */
export function buildCodebook(selection: CorpusSelection): QdaCodebook {
  const { tagset } = selection;
  const verdictsUsed = new Set<string>();
  const labelsUsed = new Set<string>();
  const mentioned = new Map<string, Entity>();
  for (const { document, annotations } of selection.documents) {
    const entities = new Map(document.entities.map((entity) => [entity.id, entity]));
    for (const annotation of annotations) {
      if (annotation.kind === 'claim') {
        verdictsUsed.add(annotation.status);
        if (annotation.label) labelsUsed.add(annotation.label);
      } else if (annotation.kind === 'entity' && !mentioned.has(annotation.entityId)) {
        const entity = entities.get(annotation.entityId);
        if (entity) mentioned.set(entity.id, entity);
      }
    }
  }
  const typesUsed = new Set([...mentioned.values()].map((entity) => entity.type));

  const verdicts = entryCodes('verdict', tagset.verdicts, verdictsUsed);
  const labels = entryCodes('claim-type', tagset.claimLabels, labelsUsed);
  const types = entryCodes('entity-type', tagset.entityTypes, typesUsed);
  const forms = new Map(Object.values(QUOTE_STYLES).map((style) => [style.id, code(`quote-form/${style.id}`, style.label, true)]));
  const checkworthy = code('checkworthy', 'Check-worthy', true, { description: 'Claims the analyst marked as worth checking.' });
  const entityCodes = new Map<string, QdaCode>();
  for (const entity of [...mentioned.values()].sort((a, b) => a.name.localeCompare(b.name))) {
    const description = entityDescription(entity);
    const entityCode = code(`entity/${entity.id}`, entity.name, true, description ? { description } : {});
    entityCodes.set(entity.id, entityCode);
    types.get(entity.type)?.children.push(entityCode);
  }

  const claim = code('kind/claim', 'Claim', true, {
    colour: KIND_COLOURS.claim,
    children: [
      code('group/verdict', 'Verdict', false, { children: [...verdicts.values()] }),
      code('group/claim-type', 'Claim type', false, { children: [...labels.values()] }),
      checkworthy,
    ],
  });
  const quote = code('kind/quote', 'Quote', true, { colour: KIND_COLOURS.quote, children: [...forms.values()] });
  const mention = code('kind/entity', 'Entity mention', true, { colour: KIND_COLOURS.entity, children: [...types.values()] });
  const note = code('kind/note', 'Note', true, { colour: KIND_COLOURS.note });

  return {
    codes: [claim, quote, mention, note],
    codesOf(annotation, entities) {
      switch (annotation.kind) {
        case 'claim':
          return [
            claim,
            verdicts.get(annotation.status),
            annotation.label ? labels.get(annotation.label) : undefined,
            annotation.checkworthy === true ? checkworthy : undefined,
          ].filter((c): c is QdaCode => c !== undefined);
        case 'quote':
          return [quote, forms.get(annotation.form)].filter((c): c is QdaCode => c !== undefined);
        case 'entity': {
          const entity = entities.get(annotation.entityId);
          return [mention, entity ? types.get(entity.type) : undefined, entityCodes.get(annotation.entityId)].filter(
            (c): c is QdaCode => c !== undefined,
          );
        }
        case 'note':
          return [note];
      }
    },
  };
}
