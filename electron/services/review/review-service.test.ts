import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Channel, ChannelOutput } from '../../../shared/contract/channels.ts';
import type { ApiResult } from '../../../shared/contract/errors.ts';
import { exportTagFile } from '../../../shared/export/tag-file-export.ts';
import type { Annotation } from '../../../shared/model/annotation.ts';
import type { ScholiaDocument } from '../../../shared/model/document.ts';
import { DEFAULT_TAGSET } from '../../../shared/model/tagset.ts';
import { sampleAnnotations } from '../../../shared/testing/annotated-sample.ts';
import { makeTarget } from '../../../shared/text/target.ts';
import { openScholia, type Scholia } from '../open-scholia.ts';
import { useTempDirs } from '../testing/temp-dir.ts';

const tempDir = useTempDirs();
const assetsDir = path.resolve('assets');
const STAMP = '2026-02-01T09:00:00.000Z';

function valueOf<T>(result: ApiResult<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

async function call<C extends Channel>(scholia: Scholia, channel: C, input: unknown): Promise<ChannelOutput<C>> {
  return valueOf<ChannelOutput<C>>(await scholia.dispatch(channel, input));
}

async function sampleDocument(scholia: Scholia): Promise<ScholiaDocument> {
  const [summary] = (await call(scholia, 'library.list', {})).documents;
  if (!summary) throw new Error('no sample');
  return (await call(scholia, 'library.get', { id: summary.id })).document;
}

/** The library's sample with my annotations, and a colleague's tag file: a conflicting verdict, a quote and a note only they marked, a claim on text my copy lacks. */
async function setUp(scholia: Scholia) {
  const empty = await sampleDocument(scholia);
  const { entities, annotations } = sampleAnnotations(empty.text);
  const mine = annotations.filter((a) => a.id !== 'quote-glory' && a.id !== 'note-ddos');
  await call(scholia, 'annotations.apply', {
    documentId: empty.id,
    ops: [...entities.map((entity) => ({ op: 'entity.add', entity })), ...mine.map((annotation) => ({ op: 'annotation.add', annotation }))],
  });
  const document = await sampleDocument(scholia);
  const at = (exact: string) => makeTarget(document.text, document.text.indexOf(exact), document.text.indexOf(exact) + exact.length);
  const theirs: Annotation[] = annotations
    .filter((a) => a.id !== 'claim-law')
    .map((a) => (a.id === 'claim-times' && a.kind === 'claim' ? { ...a, status: 'false' } : a));
  theirs.push({
    id: 'note-units',
    kind: 'note',
    target: at('15:30 CET'),
    note: 'Local time?',
    author: 'B. Colleague',
    created: STAMP,
    modified: STAMP,
  });
  const file = exportTagFile({ ...document, annotations: theirs }, DEFAULT_TAGSET, { annotator: 'B. Colleague', exportedAt: STAMP });
  return { document, json: JSON.stringify(file), file };
}

describe('review service', () => {
  it('refuses a tag file that fails validation with every problem listed, and changes nothing', async () => {
    const scholia = await openScholia({ libraryDir: await tempDir(), seedFrom: assetsDir, debounceMs: 10 });
    const { document, file } = await setUp(scholia);
    const broken = {
      ...file,
      annotations: file.annotations.map((a, i) =>
        i === 0
          ? { ...a, target: { ...a.target, exact: 'x'.repeat(a.target.exact.length) } }
          : i === 1
            ? { ...a, id: file.annotations[0]?.id }
            : a,
      ),
      entities: [...file.entities, { ...file.entities[0], type: 'planet' }],
    };
    const result = await scholia.dispatch('review.import', {
      documentId: document.id,
      json: JSON.stringify(broken),
      fileName: 'broken.json',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'unsupported-file' } });
    if (result.ok) return;
    const lines = result.error.message.split('\n');
    expect(lines[0]).toMatch(/^broken\.json is not a valid Scholia tag file \(\d+ problems\):$/);
    expect(lines.some((line) => /\$\.entities\[7\]\.id: .* earlier entity/.test(line))).toBe(true);
    expect(lines.some((line) => /\$\.entities\[7\]\.type/.test(line))).toBe(true);
    expect(lines.some((line) => /\$\.annotations\[0\]\.target/.test(line))).toBe(true);
    expect(lines.some((line) => /\$\.annotations\[1\]\.id/.test(line))).toBe(true);
    expect(await scholia.dispatch('review.import', { documentId: document.id, json: '{"format": ' })).toMatchObject({
      ok: false,
      error: { code: 'unsupported-file' },
    });
    const otherArticle = exportTagFile(
      {
        ...document,
        text: 'A different article altogether.',
        fingerprint: `sha256:${'1'.repeat(64)}`,
        annotations: [
          {
            id: 'x',
            kind: 'note',
            target: { start: 2, end: 11, exact: 'different', prefix: 'A ', suffix: ' article altogether.' },
            note: '',
            author: 'B',
            created: STAMP,
            modified: STAMP,
          },
        ],
        entities: [],
      },
      DEFAULT_TAGSET,
      { annotator: 'B', embedText: false },
    );
    const unrelated = await scholia.dispatch('review.import', {
      documentId: document.id,
      json: JSON.stringify(otherArticle),
      fileName: 'other.json',
    });
    expect(unrelated).toMatchObject({
      ok: false,
      error: { code: 'unsupported-file', message: expect.stringMatching(/None of the 1 annotations of other\.json could be placed/) },
    });
    const after = await sampleDocument(scholia);
    expect(after.reviews).toEqual([]);
    expect(after.revision).toBe(document.revision);
    await scholia.close();
  });

  it('imports, decides, undoes, and finds every decision and accepted annotation again after a reopen', async () => {
    const dir = await tempDir();
    const scholia = await openScholia({ libraryDir: dir, seedFrom: assetsDir, debounceMs: 10 });
    const { document, json } = await setUp(scholia);
    const imported = await call(scholia, 'review.import', { documentId: document.id, json, fileName: 'colleague.json' });
    expect(imported.review).toMatchObject({
      annotator: 'B. Colleague',
      placement: { exact: imported.review.items, moved: 0, fuzzy: 0, orphaned: 0 },
      file: { sameText: true, name: 'colleague.json' },
    });
    expect(imported.review.classes).toMatchObject({ conflict: 1, 'only-theirs': 3, 'only-mine': 1 });
    const reviewId = imported.review.id;
    const ref = { documentId: document.id, reviewId };

    const agreed = await call(scholia, 'review.decide', { ...ref, decision: 'accepted', where: { classes: ['agreed'] } });
    expect(agreed.changed).toHaveLength(imported.review.classes.agreed);
    const quotes = await call(scholia, 'review.decide', {
      ...ref,
      decision: 'accepted',
      where: { classes: ['only-theirs'], kinds: ['quote'] },
    });
    expect(quotes.changed).toEqual(['quote-glory']);
    await call(scholia, 'review.decide', { ...ref, decision: 'rejected', itemIds: ['note-units'] });
    await call(scholia, 'review.decide', { ...ref, decision: 'accepted', itemIds: ['claim-times'] });
    const undone = await call(scholia, 'review.undo', ref);
    expect(undone.undone).toBe('Accept 1 item');
    expect(undone.review.redo).toBe('Accept 1 item');
    expect((await sampleDocument(scholia)).annotations.find((a) => a.id === 'claim-times')).toMatchObject({ status: 'unverifiable' });
    await scholia.close();

    const reopened = await openScholia({ libraryDir: dir, debounceMs: 10 });
    const view = await call(reopened, 'review.get', ref);
    const decisionOf = (id: string) => view.items.find((item) => item.id === id)?.decision;
    expect(decisionOf('quote-glory')).toBe('accepted');
    expect(decisionOf('note-units')).toBe('rejected');
    expect(decisionOf('claim-times')).toBe('open');
    expect(decisionOf('note-ddos')).toBe('open');
    expect(view.items.find((item) => item.id === 'claim-times')).toMatchObject({
      class: 'conflict',
      differences: [{ field: 'verdict', mine: 'unverifiable', theirs: 'false' }],
    });
    expect(view.onlyMine).toEqual(['claim-law']);
    expect(view.summary.decisions).toMatchObject({ rejected: 1, open: 2 });
    const saved = await sampleDocument(reopened);
    expect(saved.annotations.filter((a) => a.kind === 'quote' && a.target.exact === '"Glory to Ukraine!"')).toHaveLength(1);
    // Redo survives the reopen too.
    const redone = await call(reopened, 'review.redo', ref);
    expect(redone.redone).toBe('Accept 1 item');
    expect((await sampleDocument(reopened)).annotations.find((a) => a.id === 'claim-times')).toMatchObject({ status: 'false' });
    expect((await call(reopened, 'review.list', { documentId: document.id })).reviews.map((r) => r.id)).toEqual([reviewId]);
    await reopened.close();
  });

  it('answers agreement figures and exports the agreement report as HTML and JSON', async () => {
    const scholia = await openScholia({ libraryDir: await tempDir(), seedFrom: assetsDir, debounceMs: 10 });
    await call(scholia, 'settings.set', { annotatorName: 'A. <Analyst>' });
    const { document, json } = await setUp(scholia);
    const { review } = await call(scholia, 'review.import', { documentId: document.id, json });
    const report = await call(scholia, 'review.agreement', { documentId: document.id });
    const [pair] = report.pairs;
    // Claims: 7 mine (all), 6 theirs (claim-law left out), the same spans: F1 = 12/13.
    expect(pair?.scopes.claim.exact).toMatchObject({ matched: 6, a: 7, b: 6 });
    expect(pair?.verdict).toMatchObject({ pairs: 6, agreed: 5 });
    expect(report.annotators.map((a) => a.name)).toEqual(['A. <Analyst>', 'B. Colleague']);
    const html = await call(scholia, 'review.exportAgreement', { documentId: document.id, reviewIds: [review.id], format: 'html' });
    const page = Buffer.from(html.base64, 'base64').toString('utf8');
    expect(html.filename).toMatch(/\.agreement\.html$/);
    expect(page).toContain('A. &lt;Analyst&gt;');
    expect(page).not.toContain('<Analyst>');
    expect(page).not.toMatch(/<script/i);
    expect(page).toMatch(/Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;sha256-/);
    const data = JSON.parse(
      Buffer.from((await call(scholia, 'review.exportAgreement', { documentId: document.id, format: 'json' })).base64, 'base64').toString(
        'utf8',
      ),
    );
    expect(data).toMatchObject({
      format: 'scholia-agreement',
      version: 1,
      placement: [{ annotator: 'B. Colleague', exact: review.items }],
    });
    expect(data.pairs[0].scopes.claim.exact.matched).toBe(6);
    expect(await scholia.dispatch('review.decide', { documentId: document.id, reviewId: review.id, decision: 'accepted' })).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
    await scholia.close();
  });
});
