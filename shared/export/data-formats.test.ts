import { readFileSync } from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { TagFileV1 } from '../model/tag-file.ts';
import { DEFAULT_TAGSET } from '../model/tagset.ts';
import { annotatedSampleDocument } from '../testing/annotated-sample.ts';
import { unicodeDocument } from '../testing/sample-text.ts';
import { sliceCodePoints } from '../text/code-points.ts';
import { exportBrat } from './brat.ts';
import { CSV_COLUMNS, exportCsv } from './csv.ts';
import { compareAnnotations } from './report-model.ts';
import { exportTagFile } from './tag-file-export.ts';
import { exportWebAnnotations } from './web-annotation.ts';

const sample = annotatedSampleDocument(readFileSync(new URL('../../assets/sample-article.txt', import.meta.url), 'utf8'));
const unicode = unicodeDocument();

describe('exportTagFile', () => {
  it('writes a valid tag file v1 with the text embedded and annotations in text order', () => {
    const file = exportTagFile(sample, DEFAULT_TAGSET, { annotator: 'A. Analyst', exportedAt: '2026-02-01T10:00:00.000Z' });
    expect(TagFileV1.parse(file)).toEqual(file);
    expect(file.document).toMatchObject({
      fingerprint: sample.fingerprint,
      textLength: sample.text.length,
      text: sample.text,
      published: '2022-11-23',
    });
    expect(file.annotations.map((a) => a.id)).toEqual([...sample.annotations].sort(compareAnnotations).map((a) => a.id));
    expect(file.entities).toEqual(sample.entities);
  });

  it('leaves the text out on request', () => {
    const file = exportTagFile(sample, DEFAULT_TAGSET, { annotator: 'A', embedText: false });
    expect(file.document.text).toBeUndefined();
    expect(TagFileV1.safeParse(file).success).toBe(true);
  });
});

describe('exportWebAnnotations', () => {
  it('is an AnnotationCollection whose items re-select their exact text by code-point positions', () => {
    const collection = exportWebAnnotations(unicode, DEFAULT_TAGSET);
    expect(collection).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationCollection',
      total: unicode.annotations.length,
    });
    const items = collection.first.items;
    expect(items).toHaveLength(unicode.annotations.length);
    let astralBefore = 0;
    for (const item of items) {
      expect(item['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
      expect(item.id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/u);
      const [quote, position] = item.target.selector;
      expect(sliceCodePoints(unicode.text, position.start, position.end)).toBe(quote.exact);
      const prefix = sliceCodePoints(unicode.text, Math.max(0, position.start - [...quote.prefix].length), position.start);
      expect(prefix).toBe(quote.prefix);
      const original = unicode.annotations.find((a) => a.target.exact === quote.exact);
      if (original && original.target.start !== position.start) astralBefore++;
    }
    // The emoji really shift the offsets: code points differ from UTF-16 units for most spans.
    expect(astralBefore).toBeGreaterThan(0);
  });

  it('uses a motivation per kind and bodies for verdicts, speakers, entity links and notes', () => {
    const items = exportWebAnnotations(sample, DEFAULT_TAGSET).first.items;
    const byKind = (id: string) => items[[...sample.annotations].sort(compareAnnotations).findIndex((a) => a.id === id)];
    expect(byKind('claim-hacked')).toMatchObject({
      motivation: 'assessing',
      body: expect.arrayContaining([{ type: 'TextualBody', purpose: 'assessing', value: 'True', format: 'text/plain' }]),
    });
    expect(byKind('claim-responsibility')?.motivation).toBe('highlighting');
    expect(byKind('quote-attack')).toMatchObject({
      motivation: 'tagging',
      body: expect.arrayContaining([expect.objectContaining({ purpose: 'describing', value: 'Speaker: Roberta Metsola' })]),
    });
    const mention = items.find((item) => item.motivation === 'identifying' && item.target.selector[0].exact === 'Russia');
    expect(mention?.body).toContainEqual({ id: 'http://www.wikidata.org/entity/Q159', purpose: 'identifying', title: 'Russia' });
    expect(byKind('note-ddos')).toMatchObject({
      motivation: 'commenting',
      body: [expect.objectContaining({ purpose: 'commenting', value: 'The article spells it both "DDOS" and "DDoS".' })],
    });
    expect(new Set(items.map((i) => i.motivation))).toEqual(new Set(['assessing', 'highlighting', 'tagging', 'identifying', 'commenting']));
    expect(items[0]?.target.source).toMatch(/^ni:\/\/\/sha-256;[A-Za-z0-9_-]{43}$/u);
  });

  it('gives the same ids on every export', () => {
    expect(exportWebAnnotations(sample, DEFAULT_TAGSET)).toEqual(exportWebAnnotations(structuredClone(sample), DEFAULT_TAGSET));
  });
});

describe('exportCsv', () => {
  it('parses back with a CSV parser: one row per annotation, stable columns, text intact', () => {
    const csv = exportCsv(unicode, DEFAULT_TAGSET);
    const rows: string[][] = parseCsv(csv, { bom: true, relax_column_count: false });
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    const records: Record<string, string>[] = parseCsv(csv, { bom: true, columns: true });
    const sorted = [...unicode.annotations].sort(compareAnnotations);
    expect(records).toHaveLength(sorted.length);
    records.forEach((record, i) => {
      const annotation = sorted[i];
      expect(record.id).toBe(annotation?.id);
      expect(record.exact).toBe(annotation?.target.exact);
      expect(sliceCodePoints(unicode.text, Number(record.start), Number(record.end))).toBe(record.exact);
      expect(record.note).toBe(annotation?.note ?? '');
    });
    expect(records.find((r) => r.id === 'c1')).toMatchObject({
      kind: 'claim',
      verdict: 'mostly-false',
      verdict_label: 'Mostly false',
      claimant: 'Ms Ñúñez',
    });
    expect(records.find((r) => r.id === 'q1')).toMatchObject({ quote_form: 'indirect', cue: 'said', speaker: '' });
    expect(records.find((r) => r.id === 'm1')).toMatchObject({
      entity_id: 'zurich',
      entity_name: 'Zürich',
      entity_type: 'location',
      wikidata: 'Q72',
    });
  });

  it('quotes commas, quotation marks and newlines', () => {
    const csv = exportCsv(sample, DEFAULT_TAGSET);
    const records: Record<string, string>[] = parseCsv(csv, { bom: true, columns: true });
    const claim = records.find((r) => r.id === 'claim-traffic');
    expect(claim?.exact).toBe('the outage was due to "high levels of external network traffic,"');
    expect(records.find((r) => r.id === 'claim-hacked')?.evidence).toBe('https://example.org/status/ep-outage');
    expect(csv.split('\r\n').length).toBeGreaterThan(records.length);
  });
});

describe('exportBrat', () => {
  for (const [name, document] of [
    ['the sample', sample],
    ['a text with emoji and accents', unicode],
  ] as const) {
    it(`writes spans that equal the .txt at their code-point offsets (${name})`, () => {
      const { txt, ann } = exportBrat(document, DEFAULT_TAGSET);
      const spans = ann.split('\n').filter((line) => line.startsWith('T'));
      expect(spans.length).toBeGreaterThanOrEqual(document.annotations.length);
      for (const line of spans) {
        const [, typeAndOffsets, text] = line.split('\t');
        const [, ...offsets] = (typeAndOffsets ?? '').split(' ');
        const fragments = offsets
          .join(' ')
          .split(';')
          .map((f) => f.split(' ').map(Number) as [number, number]);
        const sliced = fragments.map(([start, end]) => sliceCodePoints(txt, start, end));
        for (const piece of sliced) expect(piece).not.toContain('\n');
        expect(sliced.join(' ')).toBe(text);
      }
    });
  }

  it('splits a span across a paragraph break into fragments, as brat does', () => {
    const { ann } = exportBrat(unicode, DEFAULT_TAGSET);
    const note = ann.split('\n').find((line) => line.includes('\tNote ') && line.includes(';'));
    expect(note).toMatch(/^T\d+\tNote \d+ \d+;\d+ \d+\t2024\. The naïve forecast 🇪🇺$/u);
  });

  it('links quotes to speakers and claims to claimants, and writes verdicts, forms, Wikidata links and notes', () => {
    const { ann, conf } = exportBrat(sample, DEFAULT_TAGSET);
    const lines = ann.trim().split('\n');
    const ids = new Set(lines.filter((l) => l.startsWith('T')).map((l) => l.split('\t')[0]));
    const refs = lines.flatMap((l) => [...l.matchAll(/\b(?:Arg[12]:)?(T\d+)\b/gu)].map((m) => m[1]));
    for (const ref of refs) expect(ids.has(ref)).toBe(true);
    expect(lines.filter((l) => /^R\d+\tSpeaker Arg1:T\d+ Arg2:T\d+$/u.test(l))).toHaveLength(6);
    expect(lines.filter((l) => /^R\d+\tClaimant /u.test(l))).toHaveLength(3);
    expect(lines.filter((l) => /^A\d+\tVerdict T\d+ (true|false|mixed|mostly-true|unverified|unverifiable)$/u.test(l))).toHaveLength(7);
    expect(lines.filter((l) => /^A\d+\tForm T\d+ (direct|indirect|mixed)$/u.test(l))).toHaveLength(7);
    expect(lines).toContainEqual(expect.stringMatching(/^N\d+\tReference T\d+ Wikidata:Q159\tRussia$/u));
    expect(lines).toContainEqual(expect.stringMatching(/^#\d+\tAnnotatorNotes T\d+\tThe article spells it both "DDOS" and "DDoS"\.$/u));
    expect(conf).toContain('[entities]');
    expect(conf).toMatch(/^Verdict\tArg:Claim, Value:unverified\|true\|/mu);
  });
});
