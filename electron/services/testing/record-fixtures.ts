import type { Annotation } from '../../../shared/model/annotation.ts';
import type { Entity } from '../../../shared/model/entity.ts';
import { fingerprint } from '../../../shared/text/fingerprint.ts';
import { makeTarget } from '../../../shared/text/target.ts';

// Entities, annotations and tag files for tests, built on a given text (no library needed).

const STAMP = '2026-01-31T09:00:00.000Z';

export function person(id: string, name: string, more: Partial<Entity> = {}): Entity {
  return { id, name, type: 'person', aliases: [], ...more };
}

/** The span of the `nth` (from 0) occurrence of `word` in `text`. */
function spanOf(text: string, word: string, nth = 0): [number, number] {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(word, start + 1);
  if (start < 0) throw new Error(`"${word}" is not in the text`);
  return [start, start + word.length];
}

const common = (text: string, id: string, word: string, nth = 0) => {
  const [start, end] = spanOf(text, word, nth);
  return { id, target: makeTarget(text, start, end), author: 'Tester', created: STAMP, modified: STAMP };
};

export const mention = (text: string, id: string, entityId: string, word: string, nth = 0): Annotation => ({
  ...common(text, id, word, nth),
  kind: 'entity',
  entityId,
});

export const quote = (text: string, id: string, speakerId: string, words: string): Annotation => ({
  ...common(text, id, words),
  kind: 'quote',
  speakerId,
  form: 'direct',
});

export const claim = (text: string, id: string, claimantId: string, words: string, status = 'false'): Annotation => ({
  ...common(text, id, words),
  kind: 'claim',
  claimantId,
  status,
});

/** A colleague's tag file (v1) of an article, with its text embedded unless `withText` is false. */
export function tagFileOf(
  text: string,
  entities: Entity[],
  annotations: Annotation[],
  options: { withText?: boolean; title?: string; annotator?: string } = {},
): Record<string, unknown> {
  return {
    format: 'scholia-tags',
    version: 1,
    exportedAt: STAMP,
    annotator: { name: options.annotator ?? 'Colleague' },
    document: {
      fingerprint: fingerprint(text),
      title: options.title ?? 'A colleague’s article',
      textLength: text.length,
      ...(options.withText === false ? {} : { text }),
    },
    entities,
    annotations,
  };
}
