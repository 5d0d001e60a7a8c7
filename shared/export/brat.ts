import type { Annotation } from '../model/annotation.ts';
import { QUOTE_FORMS } from '../model/annotation.ts';
import type { ScholiaDocument } from '../model/document.ts';
import type { Target } from '../model/target.ts';
import type { Tagset } from '../model/tagset.ts';
import { CodePointIndex } from '../text/code-points.ts';
import { compareAnnotations } from './report-model.ts';

export interface BratFiles {
  /** The canonical text, with a final newline. */
  txt: string;
  /** The standoff annotations. */
  ann: string;
  /** A brat `annotation.conf` declaring every type, relation and attribute used. */
  conf: string;
}

const RESERVED_TYPES = new Set(['Claim', 'Quote', 'Note', 'Cue']);

/** A brat type name for an entity type id: `person` → `Person`, never one of Scholia's own span types. */
export function bratEntityType(typeId: string): string {
  const name = typeId.replace(/[^A-Za-z0-9_-]/gu, '_').replace(/^[^A-Za-z]*/u, '');
  const capital = name ? name[0]?.toUpperCase() + name.slice(1) : 'Entity';
  return RESERVED_TYPES.has(capital) ? `${capital}_entity` : capital;
}

/** brat fields hold no tabs or newlines. */
function oneLine(text: string): string {
  return text.replace(/[\t\r\n]+/gu, ' ').trim();
}

/**
 * A span's fragments in code points: brat forbids a newline inside a fragment, so a span that
 * crosses a block break is split there, as brat itself writes discontinuous spans.
 */
function fragments(text: string, index: CodePointIndex, target: Target): { start: number; end: number; text: string }[] {
  const pieces: { start: number; end: number; text: string }[] = [];
  const pattern = /[^\n]+/gu;
  const slice = text.slice(target.start, target.end);
  for (const match of slice.matchAll(pattern)) {
    const start = target.start + match.index;
    const end = start + match[0].length;
    pieces.push({ start: index.toCodePoint(start), end: index.toCodePoint(end), text: match[0] });
  }
  return pieces;
}

/**
 * The document in brat standoff format: T lines for every span (claims, quotes, quote cues,
 * entity mentions by type, notes), R lines linking quotes to speakers, claims to claimants and
 * quotes to cues (through the nearest mention of the entity), A lines for verdicts, claim types,
 * check-worthiness and quote forms, N lines for Wikidata links and `#` lines for notes. Offsets
 * count Unicode code points, as brat (Python) does.
 */
export function exportBrat(document: ScholiaDocument, tagset: Tagset): BratFiles {
  const { text } = document;
  const index = new CodePointIndex(text);
  const entities = new Map(document.entities.map((entity) => [entity.id, entity]));
  const lines: string[] = [];
  const counters = { T: 0, R: 0, A: 0, N: 0, '#': 0 };
  const next = (kind: keyof typeof counters) => `${kind}${++counters[kind]}`;
  const sorted = [...document.annotations].sort(compareAnnotations);

  const spanIds = new Map<Annotation, string>();
  const mentionsOf = new Map<string, { id: string; start: number }[]>();
  const addSpan = (type: string, target: Target): string | undefined => {
    const pieces = fragments(text, index, target);
    if (pieces.length === 0) return undefined;
    const id = next('T');
    lines.push(`${id}\t${type} ${pieces.map((p) => `${p.start} ${p.end}`).join(';')}\t${pieces.map((p) => p.text).join(' ')}`);
    return id;
  };
  for (const annotation of sorted) {
    let type: string;
    switch (annotation.kind) {
      case 'claim':
        type = 'Claim';
        break;
      case 'quote':
        type = 'Quote';
        break;
      case 'note':
        type = 'Note';
        break;
      case 'entity':
        type = bratEntityType(entities.get(annotation.entityId)?.type ?? 'other');
        break;
    }
    const id = addSpan(type, annotation.target);
    if (!id) continue;
    spanIds.set(annotation, id);
    if (annotation.kind === 'entity') {
      const list = mentionsOf.get(annotation.entityId) ?? [];
      list.push({ id, start: annotation.target.start });
      mentionsOf.set(annotation.entityId, list);
    }
  }

  /** The mention of an entity closest to a position, preferring one before it. */
  const nearestMention = (entityId: string, position: number): string | undefined => {
    const mentions = mentionsOf.get(entityId) ?? [];
    let best: { id: string; distance: number } | undefined;
    for (const mention of mentions) {
      const distance = mention.start <= position ? position - mention.start : (mention.start - position) * 1.5;
      if (!best || distance < best.distance) best = { id: mention.id, distance };
    }
    return best?.id;
  };

  for (const annotation of sorted) {
    const id = spanIds.get(annotation);
    if (!id) continue;
    const notes: string[] = [];
    const relate = (relation: string, entityId: string | undefined, role: string) => {
      if (!entityId) return;
      const mention = nearestMention(entityId, annotation.target.start);
      if (mention) lines.push(`${next('R')}\t${relation} Arg1:${id} Arg2:${mention}`);
      else notes.push(`${role}: ${entities.get(entityId)?.name ?? entityId}`);
    };
    switch (annotation.kind) {
      case 'claim':
        lines.push(`${next('A')}\tVerdict ${id} ${annotation.status}`);
        if (annotation.label) lines.push(`${next('A')}\tClaimType ${id} ${annotation.label}`);
        if (annotation.checkworthy) lines.push(`${next('A')}\tCheckworthy ${id}`);
        relate('Claimant', annotation.claimantId, 'Claimant');
        for (const item of annotation.evidence ?? []) notes.push(`Evidence: ${item.url}`);
        break;
      case 'quote': {
        lines.push(`${next('A')}\tForm ${id} ${annotation.form}`);
        relate('Speaker', annotation.speakerId, 'Speaker');
        const cue = annotation.cue ? addSpan('Cue', annotation.cue) : undefined;
        if (cue) lines.push(`${next('R')}\tHasCue Arg1:${id} Arg2:${cue}`);
        break;
      }
      case 'entity': {
        const entity = entities.get(annotation.entityId);
        if (entity?.wikidata) lines.push(`${next('N')}\tReference ${id} Wikidata:${entity.wikidata}\t${oneLine(entity.name)}`);
        else if (entity) notes.push(`Entity: ${entity.name}`);
        break;
      }
      case 'note':
        break;
    }
    if (annotation.note?.trim()) notes.push(annotation.note);
    if (annotation.tags?.length) notes.push(`Tags: ${annotation.tags.join(', ')}`);
    if (notes.length > 0) lines.push(`${next('#')}\tAnnotatorNotes ${id}\t${oneLine(notes.join(' | '))}`);
  }

  const entityTypes = [...new Set([...tagset.entityTypes.map((t) => t.id), ...document.entities.map((e) => e.type)])].map(bratEntityType);
  const conf = [
    '[entities]',
    'Claim',
    'Quote',
    'Cue',
    'Note',
    ...entityTypes,
    '',
    '[relations]',
    `Speaker\tArg1:Quote, Arg2:${entityTypes.join('|')}`,
    `Claimant\tArg1:Claim, Arg2:${entityTypes.join('|')}`,
    'HasCue\tArg1:Quote, Arg2:Cue',
    '',
    '[events]',
    '',
    '[attributes]',
    `Verdict\tArg:Claim, Value:${tagset.verdicts.map((v) => v.id).join('|')}`,
    ...(tagset.claimLabels.length > 0 ? [`ClaimType\tArg:Claim, Value:${tagset.claimLabels.map((l) => l.id).join('|')}`] : []),
    'Checkworthy\tArg:Claim',
    `Form\tArg:Quote, Value:${QUOTE_FORMS.join('|')}`,
    '',
  ].join('\n');

  return { txt: `${text}\n`, ann: lines.length > 0 ? `${lines.join('\n')}\n` : '', conf };
}
