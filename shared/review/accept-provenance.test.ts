import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportCsv } from '../export/csv.ts';
import { renderHtmlReport } from '../export/html-report.ts';
import { renderMarkdownReport } from '../export/markdown-report.ts';
import { buildReport } from '../export/report-model.ts';
import { exportTagFile } from '../export/tag-file-export.ts';
import { withKind } from '../layer/kind-change.ts';
import type { Annotation } from '../model/annotation.ts';
import { ScholiaDocument as DocumentSchema, type ScholiaDocument } from '../model/document.ts';
import { checkTagFile } from '../model/tag-file-check.ts';
import { DEFAULT_TAGSET } from '../model/tagset.ts';
import { annotatedSampleDocument } from '../testing/annotated-sample.ts';
import { makeTarget } from '../text/target.ts';
import { buildReview } from './build-review.ts';
import { decideReview, redoDecision, undoDecision } from './decide-review.ts';
import { differencesInWords } from './human-terms.ts';
import { acceptedFromLine } from './provenance.ts';
import { reviewView } from './review-view.ts';

const raw = readFileSync(new URL('../../assets/sample-article.txt', import.meta.url), 'utf8');
const IMPORTED = '2026-12-01T09:00:00.000Z';
const ACCEPTED = '2026-12-03T15:30:00.000Z';

/** Mine: the annotated sample. Alice's: the same text, her span of claim-cyberattack one word shorter with another verdict, and a note of hers. */
function scenario(): ScholiaDocument {
  const mine = annotatedSampleDocument(raw);
  const { text } = mine;
  const at = (exact: string) => {
    const start = text.indexOf(exact);
    return makeTarget(text, start, start + exact.length);
  };
  const stamp = { author: 'Alice', created: IMPORTED, modified: IMPORTED };
  const annotations: Annotation[] = mine.annotations.map((a) =>
    a.id === 'claim-cyberattack' && a.kind === 'claim'
      ? { ...a, ...stamp, status: 'false', target: at('is under a sophisticated cyberattack.') }
      : { ...a, ...stamp },
  );
  annotations.push({ ...stamp, id: 'note-alice', kind: 'note', target: at('sophisticated cyberattack'), note: 'Says who?' });
  const file = exportTagFile({ ...mine, annotations }, DEFAULT_TAGSET, { annotator: 'Alice', exportedAt: IMPORTED, embedText: false });
  return { ...mine, reviews: [buildReview(mine, file, { id: 'team-alice', now: IMPORTED })] };
}

const context = { tagset: DEFAULT_TAGSET, now: ACCEPTED, batchId: 'b1' };

describe('provenance of accepted annotations', () => {
  it('keeps my claim mine when I take Alice’s span and verdict, and records that they came from her', () => {
    const document = scenario();
    const before = document.annotations.find((a) => a.id === 'claim-cyberattack');
    const { document: after } = decideReview(document, 'team-alice', { decision: 'accepted', itemIds: ['claim-cyberattack'] }, context);
    const claim = after.annotations.find((a) => a.id === 'claim-cyberattack');
    expect(claim).toMatchObject({
      kind: 'claim',
      status: 'false',
      target: { exact: 'is under a sophisticated cyberattack.' },
      author: before?.author,
      created: before?.created,
      modified: ACCEPTED,
      acceptedFrom: { annotator: 'Alice', at: ACCEPTED, annotationId: 'claim-cyberattack' },
    });
    expect(before?.author).not.toBe('Alice');
    expect(DocumentSchema.safeParse(after).success).toBe(true);
  });

  it('adds her only-theirs note as hers, accepted from her', () => {
    const { document } = decideReview(scenario(), 'team-alice', { decision: 'accepted', itemIds: ['note-alice'] }, context);
    const added = document.annotations.filter((a) => a.acceptedFrom);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ kind: 'note', author: 'Alice', acceptedFrom: { annotator: 'Alice', annotationId: 'note-alice' } });
  });

  it('leaves an agreed item’s annotation as it was: nothing of hers was taken', () => {
    const document = scenario();
    const { document: after } = decideReview(document, 'team-alice', { decision: 'accepted', where: { classes: ['agreed'] } }, context);
    expect(after.annotations).toEqual(document.annotations);
  });

  it('clears the provenance when the acceptance is undone or the item reopened, and brings it back on redo', () => {
    const document = scenario();
    const accepted = decideReview(document, 'team-alice', { decision: 'accepted', itemIds: ['claim-cyberattack', 'note-alice'] }, context);
    expect(accepted.document.annotations.filter((a) => a.acceptedFrom)).toHaveLength(2);
    const undone = undoDecision(accepted.document, 'team-alice', DEFAULT_TAGSET, ACCEPTED).document;
    expect(undone.annotations).toEqual(document.annotations);
    expect(undone.annotations.some((a) => a.acceptedFrom)).toBe(false);
    const redone = redoDecision(undone, 'team-alice', DEFAULT_TAGSET, ACCEPTED).document;
    expect(redone.annotations).toEqual(accepted.document.annotations);
    const reopened = decideReview(
      redone,
      'team-alice',
      { decision: 'open', itemIds: ['claim-cyberattack'] },
      { ...context, batchId: 'b2' },
    );
    const claim = reopened.document.annotations.find((a) => a.id === 'claim-cyberattack');
    expect(claim).toEqual(document.annotations.find((a) => a.id === 'claim-cyberattack'));
  });

  it('travels in my tag file, which the validator accepts, and survives a change of kind', () => {
    const { document } = decideReview(scenario(), 'team-alice', { decision: 'accepted', itemIds: ['claim-cyberattack'] }, context);
    const file = exportTagFile(document, DEFAULT_TAGSET, { annotator: 'A. Analyst', exportedAt: ACCEPTED, embedText: false });
    const checked = checkTagFile(JSON.parse(JSON.stringify(file)));
    expect(checked.problems).toEqual([]);
    const claim = checked.ok ? checked.file.annotations.find((a) => a.id === 'claim-cyberattack') : undefined;
    expect(claim?.acceptedFrom).toEqual({ annotator: 'Alice', at: ACCEPTED, annotationId: 'claim-cyberattack' });
    const asNote = withKind(
      claim as Annotation,
      'note',
      { tagset: DEFAULT_TAGSET, entities: [] },
      { author: 'A. Analyst', now: ACCEPTED, newId: () => 'x' },
    );
    expect(asNote?.annotation.acceptedFrom).toEqual(claim?.acceptedFrom);
  });

  it('refuses a malformed provenance in a tag file with its path', () => {
    const document = scenario();
    const file = exportTagFile(document, DEFAULT_TAGSET, { annotator: 'A. Analyst', exportedAt: ACCEPTED, embedText: false });
    const json = JSON.parse(JSON.stringify(file)) as { annotations: Record<string, unknown>[] };
    (json.annotations[0] as Record<string, unknown>).acceptedFrom = { annotator: '', at: 'yesterday' };
    const checked = checkTagFile(json);
    expect(checked.ok).toBe(false);
    expect(checked.problems.map((p) => p.path)).toEqual(['$.annotations[0].acceptedFrom.annotator', '$.annotations[0].acceptedFrom.at']);
  });

  it('names the colleagues whose work was accepted in the reports and the CSV', () => {
    const { document } = decideReview(
      scenario(),
      'team-alice',
      { decision: 'accepted', itemIds: ['claim-cyberattack', 'note-alice'] },
      context,
    );
    const report = buildReport(document, DEFAULT_TAGSET, { annotator: 'A. Analyst', generatedAt: ACCEPTED });
    expect(report.acceptedFrom).toEqual([{ annotator: 'Alice', count: 2 }]);
    expect(renderHtmlReport(report)).toContain('<dt>Accepted from</dt><dd>Alice (2 annotations)</dd>');
    expect(renderMarkdownReport(report)).toContain('- **Accepted from:** Alice (2 annotations)');
    const [header, ...rows] = exportCsv(document, DEFAULT_TAGSET)
      .replace(/^\uFEFF/u, '')
      .split('\r\n');
    const column = header?.split(',').indexOf('accepted_from') ?? -1;
    expect(column).toBeGreaterThan(0);
    expect(rows.filter((row) => row.includes(',Alice,')).length).toBeGreaterThanOrEqual(2);
  });

  it('gives each conflict the span of mine it was compared with, still mine after I accept theirs', () => {
    const document = scenario();
    const mine = document.annotations.find((a) => a.id === 'claim-cyberattack')?.target;
    const expected = { start: mine?.start, end: mine?.end };
    const item = (d: ScholiaDocument) =>
      reviewView(d, d.reviews[0] as ScholiaDocument['reviews'][number]).items.find((i) => i.id === 'claim-cyberattack');
    expect(item(document)?.counterpartSpan).toEqual(expected);
    const { document: after } = decideReview(document, 'team-alice', { decision: 'accepted', itemIds: ['claim-cyberattack'] }, context);
    const accepted = item(after);
    expect(accepted?.counterpartSpan).toEqual(expected);
    const [span] = differencesInWords(accepted?.differences ?? [], {
      tagset: DEFAULT_TAGSET,
      who: 'Alice',
      text: after.text,
      mine: accepted?.counterpartSpan,
      theirs: accepted?.annotation.target,
    });
    expect(span?.sentence).toBe('Alice’s span starts 3 words later.');
  });

  it('says where an annotation came from in words', () => {
    const from = { annotator: 'Alice', at: ACCEPTED };
    expect(acceptedFromLine(from, { now: new Date(ACCEPTED), timeZone: 'UTC' })).toBe('Accepted from Alice on 3 Dec');
    expect(acceptedFromLine(from, { now: new Date('2027-01-05T00:00:00Z'), timeZone: 'UTC' })).toBe('Accepted from Alice on 3 Dec 2026');
  });
});
