import { fingerprint } from '../text/fingerprint.ts';
import { targetMatchesText } from '../text/target.ts';
import type { Annotation } from './annotation.ts';
import { MAX_TAG_FILE_ANNOTATIONS, MAX_TAG_FILE_ENTITIES, TagFileV1 } from './tag-file.ts';

/** One thing wrong with a tag file, at a JSON path such as `$.annotations[3].target.end`. */
export interface TagFileProblem {
  path: string;
  message: string;
}

export type TagFileCheck = { ok: true; file: TagFileV1; problems: [] } | { ok: false; problems: TagFileProblem[] };

/** `$.a[0].b` for the path `['a', 0, 'b']`. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key}]`;
    const name = String(key);
    return /^[A-Za-z_$][A-Za-z0-9_$]*$/u.test(name) ? `${out}.${name}` : `${out}[${JSON.stringify(name)}]`;
  }, '$');
}

function references(annotation: Annotation): [string, string][] {
  switch (annotation.kind) {
    case 'claim':
      return annotation.claimantId ? [['claimantId', annotation.claimantId]] : [];
    case 'quote':
      return annotation.speakerId ? [['speakerId', annotation.speakerId]] : [];
    case 'entity':
      return [['entityId', annotation.entityId]];
    case 'note':
      return [];
  }
}

/** What the schema cannot check: the text against its fingerprint, targets against the text, ids, references and the codebook. */
function checkConsistency(file: TagFileV1): TagFileProblem[] {
  const problems: TagFileProblem[] = [];
  const { document, tagset } = file;
  if (document.text !== undefined) {
    if (document.text.length !== document.textLength) {
      problems.push({
        path: '$.document.textLength',
        message: `is ${document.textLength}, but the embedded text is ${document.text.length} UTF-16 code units long`,
      });
    }
    if (fingerprint(document.text) !== document.fingerprint) {
      problems.push({ path: '$.document.fingerprint', message: 'does not match the embedded text (sha256 of its UTF-8 bytes)' });
    }
  }
  const entityIds = new Set<string>();
  file.entities.forEach((entity, i) => {
    if (entityIds.has(entity.id)) problems.push({ path: `$.entities[${i}].id`, message: `"${entity.id}" is used by an earlier entity` });
    entityIds.add(entity.id);
    if (tagset && !tagset.entityTypes.some((t) => t.id === entity.type)) {
      problems.push({ path: `$.entities[${i}].type`, message: `"${entity.type}" is not an entity type of the file's tagset` });
    }
  });
  const annotationIds = new Set<string>();
  file.annotations.forEach((annotation, i) => {
    const at = `$.annotations[${i}]`;
    if (annotationIds.has(annotation.id))
      problems.push({ path: `${at}.id`, message: `"${annotation.id}" is used by an earlier annotation` });
    annotationIds.add(annotation.id);
    const targets: [string, Annotation['target']][] = [['target', annotation.target]];
    if (annotation.kind === 'quote' && annotation.cue) targets.push(['cue', annotation.cue]);
    for (const [name, target] of targets) {
      if (target.end > document.textLength) {
        problems.push({ path: `${at}.${name}.end`, message: `${target.end} is past the end of the text (${document.textLength})` });
      } else if (document.text !== undefined && !targetMatchesText(document.text, target)) {
        problems.push({ path: `${at}.${name}.exact`, message: `does not match the embedded text at ${target.start}–${target.end}` });
      }
    }
    for (const [field, id] of references(annotation)) {
      if (!entityIds.has(id)) problems.push({ path: `${at}.${field}`, message: `refers to entity "${id}", which is not in $.entities` });
    }
    if (annotation.kind === 'claim' && tagset) {
      if (!tagset.verdicts.some((v) => v.id === annotation.status))
        problems.push({ path: `${at}.status`, message: `"${annotation.status}" is not a verdict of the file's tagset` });
      if (annotation.label && !tagset.claimLabels.some((l) => l.id === annotation.label)) {
        problems.push({ path: `${at}.label`, message: `"${annotation.label}" is not a claim label of the file's tagset` });
      }
    }
  });
  return problems;
}

/** Arrays too long to be worth validating one item at a time: refused by their length alone. */
function oversized(value: unknown): TagFileProblem[] {
  if (typeof value !== 'object' || value === null) return [];
  const problems: TagFileProblem[] = [];
  const limits = [
    ['annotations', MAX_TAG_FILE_ANNOTATIONS],
    ['entities', MAX_TAG_FILE_ENTITIES],
  ] as const;
  for (const [field, limit] of limits) {
    const items: unknown = Object.hasOwn(value, field) ? (value as Record<string, unknown>)[field] : undefined;
    if (Array.isArray(items) && items.length > limit)
      problems.push({ path: `$.${field}`, message: `holds ${items.length} items; a tag file may hold at most ${limit}` });
  }
  return problems;
}

/** Validates parsed JSON as tag file v1: the schema first, then the file's consistency with itself. */
export function checkTagFile(value: unknown): TagFileCheck {
  const flood = oversized(value);
  if (flood.length > 0) return { ok: false, problems: flood };
  const parsed = TagFileV1.safeParse(value);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((issue) => ({ path: jsonPath(issue.path), message: issue.message })) };
  }
  const problems = checkConsistency(parsed.data);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, file: parsed.data, problems: [] };
}
