// A CoNLL/IOB NER corpus (WikiANN English: PER, ORG, LOC) against the entity suggester: mentions
// untyped (exact span) and typed (exact span and type), with recall per type. Sentences are run in
// documents of `SENTENCES_PER_DOCUMENT`, one paragraph each, so names repeated nearby can help as in an article.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { canonicalText } from '../../shared/text/canonical.ts';
import { DEFAULT_TAGSET } from '../../shared/model/tagset.ts';
import { suggestDocument } from '../../shared/suggest/suggest-document.ts';
import { parseIob, sentenceText, type IobMention } from '../corpora/iob.ts';
import { addCounts, scoresOf, type Counts, type Scores } from '../scores.ts';
import { tagsetTypeFor } from '../../shared/suggest/entity-types.ts';
import type { KeyedJudgement } from './polnear.ts';

const SENTENCES_PER_DOCUMENT = 20;

/** Gold tags to Scholia's default entity types. */
const TYPE_OF: Record<string, string> = { PER: 'person', ORG: 'organization', LOC: 'location' };

export interface NerDocument {
  text: string;
  mentions: IobMention[];
}

/** The split's file: DIR/<split>, DIR/WikiANN/en/<split> or DIR/en/<split>. */
function splitFile(dir: string, split: string): string {
  for (const candidate of [path.join(dir, split), path.join(dir, 'WikiANN', 'en', split), path.join(dir, 'en', split)])
    if (existsSync(candidate)) return candidate;
  throw new Error(`NER: no ${split} file in ${dir}, ${dir}/WikiANN/en or ${dir}/en`);
}

/** Gold spans lose punctuation at their edges ("Hearst ,"), which a reader would not select. */
function trimmed(text: string, mention: IobMention): IobMention {
  let { start, end } = mention;
  while (start < end && /[\s,;:()"'[\]]/u.test(text.charAt(start))) start += 1;
  while (end > start && /[\s,;:()"'[\]]/u.test(text.charAt(end - 1))) end -= 1;
  return { start, end, type: TYPE_OF[mention.type] ?? mention.type.toLowerCase() };
}

export function readNer(dir: string, split: 'train' | 'dev' | 'test', limit?: number): NerDocument[] {
  const sentences = parseIob(readFileSync(splitFile(dir, split), 'utf8')).slice(0, limit);
  const documents: NerDocument[] = [];
  for (let at = 0; at < sentences.length; at += SENTENCES_PER_DOCUMENT) {
    const paragraphs = sentences.slice(at, at + SENTENCES_PER_DOCUMENT).map(sentenceText);
    // canonicalText joins paragraphs with a blank line after normalising each; tokens are already single-spaced.
    const text = canonicalText(paragraphs.map((p) => p.text));
    const mentions: IobMention[] = [];
    let offset = 0;
    for (const paragraph of paragraphs) {
      const normal = paragraph.text.trim();
      if (!normal) continue;
      const lead = paragraph.text.indexOf(normal);
      for (const mention of paragraph.mentions) {
        const shifted = { start: mention.start - lead + offset, end: mention.end - lead + offset, type: mention.type };
        const span = trimmed(text, shifted);
        if (span.end > span.start) mentions.push(span);
      }
      offset += normal.length + 2;
    }
    documents.push({ text, mentions });
  }
  return documents;
}

export interface NerReport {
  sentences: number;
  untyped: Scores;
  typed: Scores;
  recallByType: Record<string, { found: number; of: number; recall: number | null }>;
}

export function evaluateNer(
  documents: readonly NerDocument[],
  shownFrom: number,
  calibrate = true,
): { report: NerReport; judged: KeyedJudgement[] } {
  let untyped: Counts = { matched: 0, predicted: 0, gold: 0 };
  let typed: Counts = { matched: 0, predicted: 0, gold: 0 };
  const byType: Record<string, { found: number; of: number }> = {};
  const judged: KeyedJudgement[] = [];
  const other = tagsetTypeFor('other', DEFAULT_TAGSET);
  for (const document of documents) {
    const set = suggestDocument({ text: document.text, entities: [], annotations: [] }, DEFAULT_TAGSET, { calibrate });
    const typeOf = new Map(set.entities.map((entity) => [entity.key, entity.type]));
    const gold = new Map(document.mentions.map((mention) => [`${mention.start}-${mention.end}`, mention.type]));
    const suggested = set.suggestions.flatMap((s) => (s.kind === 'entity' ? [{ ...s, type: typeOf.get(s.entityKey) ?? 'other' }] : []));
    const shown = suggested.filter((s) => s.confidence >= shownFrom);
    const spanRight = shown.filter((s) => gold.has(`${s.start}-${s.end}`));
    const typeRight = spanRight.filter((s) => gold.get(`${s.start}-${s.end}`) === s.type);
    untyped = addCounts(untyped, { matched: spanRight.length, predicted: shown.length, gold: gold.size });
    typed = addCounts(typed, { matched: typeRight.length, predicted: shown.length, gold: gold.size });
    for (const mention of document.mentions) {
      const tally = (byType[mention.type] ??= { found: 0, of: 0 });
      tally.of += 1;
      if (typeRight.some((s) => s.start === mention.start && s.end === mention.end)) tally.found += 1;
    }
    // A name of no known type is never right here (the corpus has no such type): kept apart, and not calibrated on this corpus.
    for (const s of suggested)
      judged.push({
        confidence: s.confidence,
        right: gold.get(`${s.start}-${s.end}`) === s.type,
        key: s.type === other ? 'entity:untyped' : 'entity:typed',
      });
  }
  const recallByType = Object.fromEntries(
    Object.entries(byType).map(([type, tally]) => [type, { ...tally, recall: tally.of ? tally.found / tally.of : null }]),
  );
  const sentences = documents.reduce((sum, d) => sum + d.text.split('\n\n').length, 0);
  return { report: { sentences, untyped: scoresOf(untyped), typed: scoresOf(typed), recallByType }, judged };
}
