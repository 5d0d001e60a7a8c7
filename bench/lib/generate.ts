import type { AnnotationOp } from '../../shared/contract/ops.ts';
import type { Annotation, QuoteForm } from '../../shared/model/annotation.ts';
import type { Entity } from '../../shared/model/entity.ts';
import { DEFAULT_TAGSET } from '../../shared/model/tagset.ts';
import { makeTarget } from '../../shared/text/target.ts';
import { pickFrom, seededRandom } from '../../shared/testing/seeded-random.ts';

const VOCABULARY = (
  'the of and to in a that said minister report vote resolution attack network website traffic government officials ' +
  'claimed according statement analysts data percent million week parliament committee budget border election court ' +
  'ruling sanctions energy prices inflation rose fell since year spokesperson agency police city council'
).split(' ');

/** Names woven into the text, so entity scenarios have real mentions to find. */
export const GENERATED_NAMES = ['Roberta Metsola', 'European Parliament', 'Jaume Duch', 'Brussels', 'Ukraine'] as const;

export interface GeneratedArticle {
  /** Plain text with blank lines between paragraphs, as `library.importText` takes it. */
  raw: string;
  words: number;
}

/**
 * A deterministic news-like article of about `words` words in paragraphs of ~80 words.
 * `namesPer1000Words` mentions of the generated names are spread through it.
 */
export function generateArticle(words: number, seed = 1, namesPer1000Words = 10): GeneratedArticle {
  const random = seededRandom(seed);
  const paragraphs: string[] = [];
  let count = 0;
  while (count < words) {
    const length = Math.min(words - count, 60 + Math.floor(random() * 40));
    const tokens: string[] = [];
    for (let i = 0; i < length; i++) {
      if (random() < namesPer1000Words / 1000) tokens.push(pickFrom(random, GENERATED_NAMES));
      else tokens.push(pickFrom(random, VOCABULARY));
      if (i % 17 === 16 && i < length - 1) tokens[tokens.length - 1] += '.';
    }
    const sentence = `${tokens.join(' ')}.`;
    paragraphs.push(sentence.charAt(0).toUpperCase() + sentence.slice(1));
    count += length;
  }
  return { raw: paragraphs.join('\n\n'), words: count };
}

/**
 * `count` annotations on `text` (20% claims, 20% quotes, 50% entity mentions, 10% notes) over a
 * registry of 50 entities, as the ops that add them.
 */
export function generateAnnotationOps(text: string, count: number, seed = 2): AnnotationOp[] {
  const random = seededRandom(seed);
  const stamp = '2026-01-31T09:00:00.000Z';
  const types = ['person', 'organization', 'location', 'group'];
  const entities: Entity[] = Array.from({ length: 50 }, (_, i) => ({
    id: `e${i}`,
    name: `Entity ${i}`,
    type: pickFrom(random, types),
    aliases: [],
  }));
  const words = [...text.matchAll(/[^\s]+/gu)].map((match) => [match.index, match.index + match[0].length] as const);
  const annotations: Annotation[] = [];
  for (let i = 0; i < count; i++) {
    const slot = i % 10;
    const kind = slot < 2 ? 'claim' : slot < 4 ? 'quote' : slot < 9 ? 'entity' : 'note';
    const length = kind === 'entity' ? 1 + Math.floor(random() * 2) : 3 + Math.floor(random() * 25);
    const first = Math.floor(random() * Math.max(1, words.length - length));
    const start = words[first]?.[0] ?? 0;
    const end = words[first + length - 1]?.[1] ?? start + 1;
    const base = { id: `g${i}`, target: makeTarget(text, start, end), author: 'Bench', created: stamp, modified: stamp };
    if (kind === 'claim')
      annotations.push({ ...base, kind, status: pickFrom(random, DEFAULT_TAGSET.verdicts).id, claimantId: pickFrom(random, entities).id });
    else if (kind === 'quote')
      annotations.push({
        ...base,
        kind,
        form: pickFrom<QuoteForm>(random, ['direct', 'indirect', 'mixed']),
        speakerId: pickFrom(random, entities).id,
      });
    else if (kind === 'entity') annotations.push({ ...base, kind, entityId: pickFrom(random, entities).id });
    else annotations.push({ ...base, kind, note: 'Check this passage.' });
  }
  return [
    ...entities.map((entity) => ({ op: 'entity.add' as const, entity })),
    ...annotations.map((annotation) => ({ op: 'annotation.add' as const, annotation })),
  ];
}
