// Rough export timings on a generated 50,000-word article with 5,000 annotations (HTML, PDF,
// DOCX and the data formats). The benchmark harness (`npm run bench`) will own the real figures.
// Run: npx tsx scripts/export-timings.ts
import type { Annotation, QuoteForm } from '../shared/model/annotation.ts';
import type { ScholiaDocument } from '../shared/model/document.ts';
import type { Entity } from '../shared/model/entity.ts';
import { DEFAULT_TAGSET } from '../shared/model/tagset.ts';
import { documentFromRawText } from '../shared/testing/annotated-sample.ts';
import { makeTarget } from '../shared/text/target.ts';
import type { ExportFormat } from '../shared/export/options.ts';
import { exportDocument } from '../electron/services/export/export-document.ts';

const WORDS = 50_000;
const ANNOTATIONS = 5_000;
const VOCABULARY = 'the of parliament said minister report vote resolution attack network website traffic Brussels government officials claimed according statement Russia Ukraine analysts data percent million week'.split(' ');

let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

function article(): string {
  const paragraphs: string[] = [];
  let count = 0;
  while (count < WORDS) {
    const words = Array.from({ length: 100 }, () => pick(VOCABULARY));
    const sentence = `${words.slice(0, 50).join(' ')}. ${words.slice(50).join(' ')}.`;
    paragraphs.push(sentence.charAt(0).toUpperCase() + sentence.slice(1));
    count += words.length;
  }
  return paragraphs.join('\n\n');
}

function annotate(document: ScholiaDocument): ScholiaDocument {
  const { text } = document;
  const stamp = '2026-01-31T09:00:00.000Z';
  const entities: Entity[] = Array.from({ length: 50 }, (_, i) => ({ id: `e${i}`, name: `Entity ${i}`, type: pick(['person', 'organization', 'location', 'group']), aliases: [] }));
  const wordStarts = [...text.matchAll(/\S+/gu)].map((m) => [m.index, m.index + m[0].length] as const);
  const annotations: Annotation[] = [];
  for (let i = 0; i < ANNOTATIONS; i++) {
    const first = Math.floor(random() * (wordStarts.length - 30));
    const kind = i % 10 < 2 ? 'claim' : i % 10 < 4 ? 'quote' : i % 10 < 9 ? 'entity' : 'note';
    const length = kind === 'entity' ? 1 + Math.floor(random() * 2) : 3 + Math.floor(random() * 25);
    const [start] = wordStarts[first] ?? [0];
    const [, end] = wordStarts[first + length - 1] ?? [0, 1];
    const target = makeTarget(text, start, end);
    const base = { id: `a${i}`, target, author: 'Bench', created: stamp, modified: stamp };
    if (kind === 'claim') annotations.push({ ...base, kind, status: pick(DEFAULT_TAGSET.verdicts).id, claimantId: pick(entities).id, note: 'A note on this claim.' });
    else if (kind === 'quote') annotations.push({ ...base, kind, form: pick<QuoteForm>(['direct', 'indirect', 'mixed']), speakerId: pick(entities).id });
    else if (kind === 'entity') annotations.push({ ...base, kind, entityId: pick(entities).id });
    else annotations.push({ ...base, kind, note: 'Check this passage.' });
  }
  return { ...document, entities, annotations };
}

const document = annotate(documentFromRawText(article(), 'Generated article for export timings', 'bench'));
console.log(`${document.text.split(/\s+/u).length} words, ${document.text.length} characters, ${document.annotations.length} annotations`);
const formats: ExportFormat[] = ['html', 'pdf', 'docx', 'md', 'tags', 'w3c', 'csv', 'claimreview', 'brat', 'conll'];
for (const format of formats) {
  const started = performance.now();
  const file = await exportDocument(document, DEFAULT_TAGSET, format, { annotator: 'Bench' });
  const ms = performance.now() - started;
  console.log(`${format.padEnd(12)} ${(ms / 1000).toFixed(2).padStart(7)} s  ${(file.bytes.length / 1_000_000).toFixed(2).padStart(7)} MB`);
}
