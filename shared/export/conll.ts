import type { EntityAnnotation } from '../model/annotation.ts';
import type { ScholiaDocument } from '../model/document.ts';
import { tokenizeSentences } from './tokenize.ts';

/** The entity mentions CoNLL can hold: IOB2 is flat, so of overlapping mentions the longest (then the first) wins. */
function flatMentions(document: ScholiaDocument): { start: number; end: number; type: string }[] {
  const types = new Map(document.entities.map((entity) => [entity.id, entity.type]));
  const candidates = document.annotations
    .filter((a): a is EntityAnnotation => a.kind === 'entity')
    .map((a) => ({ start: a.target.start, end: a.target.end, type: types.get(a.entityId) ?? 'other' }))
    .sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: { start: number; end: number; type: string }[] = [];
  for (const mention of candidates) {
    if (!kept.some((k) => mention.start < k.end && mention.end > k.start)) kept.push(mention);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** A label safe for a whitespace-separated column. */
function label(type: string): string {
  return type.replace(/\s+/gu, '_');
}

/**
 * The entity mentions as CoNLL (IOB2): one token per line, `TOKEN TAG`, a blank line between
 * sentences. Tags are `B-<type>` / `I-<type>` with the tagset's entity type ids, `O` elsewhere.
 * Tokens are cut at mention boundaries, and sentences never break inside a mention.
 */
export function exportConll(document: ScholiaDocument): string {
  const mentions = flatMentions(document);
  const cuts = mentions.flatMap((m) => [m.start, m.end]);
  const sentences = tokenizeSentences(document.text, {
    ...(document.meta.language ? { language: document.meta.language } : {}),
    cuts,
    keep: mentions,
  });
  let index = 0;
  const lines: string[] = [];
  for (const sentence of sentences) {
    for (const token of sentence) {
      while (index < mentions.length && (mentions[index] as { end: number }).end <= token.start) index++;
      const mention = mentions[index];
      let tag = 'O';
      if (mention && token.start >= mention.start && token.end <= mention.end) {
        tag = `${token.start === mention.start ? 'B' : 'I'}-${label(mention.type)}`;
      }
      lines.push(`${token.text} ${tag}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
