import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../shared/contract/channels.ts';
import type { ApiResult } from '../../shared/contract/errors.ts';
import type { Annotation } from '../../shared/model/annotation.ts';
import { makeTarget } from '../../shared/text/target.ts';
import { useTempDirs } from './testing/temp-dir.ts';
import { openScholia, type Scholia } from './open-scholia.ts';
import { DocumentFile, LibraryFile } from './store/store-files.ts';

const tempDir = useTempDirs();
const assetsDir = path.resolve('assets');

function valueOf<T>(result: ApiResult<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

async function sampleDocument(scholia: Scholia) {
  const { documents } = valueOf<ChannelOutput<'library.list'>>(await scholia.dispatch('library.list', {}));
  const [summary] = documents;
  if (!summary) throw new Error('no sample');
  return valueOf<ChannelOutput<'library.get'>>(await scholia.dispatch('library.get', { id: summary.id })).document;
}

function claimOn(text: string, exact: string): Annotation {
  const start = text.indexOf(exact);
  const now = new Date().toISOString();
  return {
    id: 'claim-1',
    kind: 'claim',
    status: 'unverified',
    target: makeTarget(text, start, start + exact.length),
    author: 'Analyst',
    created: now,
    modified: now,
  };
}

describe('openScholia', () => {
  it('seeds a new library with the sample article, its date taken from the first line', async () => {
    const dir = await tempDir();
    const scholia = await openScholia({ libraryDir: dir, seedFrom: assetsDir, debounceMs: 10 });
    const document = await sampleDocument(scholia);
    expect(document.meta.published).toBe('2022-11-23');
    expect(document.meta.title).toMatch(/European Parliament/);
    expect(document.text.startsWith('The official website of the European Parliament')).toBe(true);
    expect(document.text).not.toContain('date 2022-11-23');
    expect(document.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
    await scholia.close();
    const again = await openScholia({ libraryDir: dir, seedFrom: assetsDir });
    const listed = valueOf<ChannelOutput<'library.list'>>(await again.dispatch('library.list', {}));
    expect(listed.documents).toHaveLength(1);
    await again.close();
  });

  it('keeps applied annotations on disk across a reopen, in the document file', async () => {
    const dir = await tempDir();
    const scholia = await openScholia({ libraryDir: dir, seedFrom: assetsDir, debounceMs: 10 });
    const document = await sampleDocument(scholia);
    const claim = claimOn(document.text, 'state sponsor of terrorism');
    const applied = valueOf<ChannelOutput<'annotations.apply'>>(
      await scholia.dispatch('annotations.apply', {
        documentId: document.id,
        baseRevision: 0,
        ops: [{ op: 'annotation.add', annotation: claim }],
      }),
    );
    expect(applied.revision).toBe(1);
    await scholia.close();

    const file = DocumentFile.parse(JSON.parse(await readFile(path.join(dir, 'documents', `${document.id}.json`), 'utf8')));
    expect(file.document.annotations).toEqual([claim]);
    const index = LibraryFile.parse(JSON.parse(await readFile(path.join(dir, 'library.json'), 'utf8')));
    expect(index.documents[0]?.counts.claims).toBe(1);

    const reopened = await openScholia({ libraryDir: dir });
    expect((await sampleDocument(reopened)).annotations).toEqual([claim]);
    await reopened.close();
  });

  it('answers a stale revision with a conflict and changes nothing', async () => {
    const scholia = await openScholia({ libraryDir: await tempDir(), seedFrom: assetsDir });
    const document = await sampleDocument(scholia);
    const result = await scholia.dispatch('annotations.apply', {
      documentId: document.id,
      baseRevision: 7,
      ops: [{ op: 'annotation.add', annotation: claimOn(document.text, 'Metsola') }],
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await sampleDocument(scholia)).annotations).toEqual([]);
    await scholia.close();
  });

  it('answers malformed input with a validation error naming the field', async () => {
    const scholia = await openScholia({ libraryDir: await tempDir() });
    const result = await scholia.dispatch('annotations.apply', { documentId: '../../etc/passwd', ops: [] });
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    if (!result.ok) expect(result.error.message).toMatch(/documentId/);
    expect(await scholia.dispatch('library.drop', {})).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    expect(await scholia.dispatch('library.get', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    await scholia.close();
  });

  it('imports text once: the same article again is reported as a duplicate', async () => {
    const scholia = await openScholia({ libraryDir: await tempDir() });
    const first = valueOf<ChannelOutput<'library.importText'>>(
      await scholia.dispatch('library.importText', { text: 'One.\n\nTwo.', filename: 'my_article.txt' }),
    );
    expect(first).toMatchObject({ title: 'my article', duplicate: false });
    const second = valueOf<ChannelOutput<'library.importText'>>(await scholia.dispatch('library.importText', { text: 'One.\n\n\nTwo.  ' }));
    expect(second).toEqual({ ...first, duplicate: true });
    expect(await scholia.dispatch('library.importText', { text: '  \n\n ' })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    await scholia.close();
  });

  it('stores the annotator name in settings', async () => {
    const dir = await tempDir();
    const scholia = await openScholia({ libraryDir: dir });
    expect(valueOf(await scholia.dispatch('settings.set', { annotatorName: 'A. Analyst' }))).toEqual({ annotatorName: 'A. Analyst' });
    expect(await scholia.dispatch('settings.set', { annotatorName: '  ' })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    await scholia.close();
    const reopened = await openScholia({ libraryDir: dir });
    expect(valueOf(await reopened.dispatch('settings.get', {}))).toEqual({ annotatorName: 'A. Analyst' });
    await reopened.close();
  });

  it('moves a corrupt document file aside, reports it, and carries on', async () => {
    const dir = await tempDir();
    const scholia = await openScholia({ libraryDir: dir, seedFrom: assetsDir });
    const document = await sampleDocument(scholia);
    await scholia.close();
    await writeFile(path.join(dir, 'documents', `${document.id}.json`), '{"format": "scholia-document", "vers');

    const reopened = await openScholia({ libraryDir: dir });
    expect(await reopened.dispatch('library.get', { id: document.id })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const listed = valueOf<ChannelOutput<'library.list'>>(await reopened.dispatch('library.list', {}));
    expect(listed.documents).toEqual([]);
    expect(listed.notices[0]?.message).toMatch(/could not be read: it is not valid JSON.*moved to documents\/.*\.corrupt-/);
    await reopened.close();
    const files = await readdir(path.join(dir, 'documents'));
    expect(files.some((name) => name.startsWith(`${document.id}.json.corrupt-`))).toBe(true);
  });

  it('rebuilds a corrupt library index from the document files', async () => {
    const dir = await tempDir();
    const scholia = await openScholia({ libraryDir: dir, seedFrom: assetsDir });
    const document = await sampleDocument(scholia);
    await scholia.close();
    await writeFile(path.join(dir, 'library.json'), 'not json at all');

    const reopened = await openScholia({ libraryDir: dir, seedFrom: assetsDir });
    const listed = valueOf<ChannelOutput<'library.list'>>(await reopened.dispatch('library.list', {}));
    expect(listed.documents.map((d) => d.id)).toEqual([document.id]);
    expect(listed.notices[0]?.message).toMatch(/library index could not be read/);
    await reopened.close();
    expect((await readdir(dir)).some((name) => name.startsWith('library.json.corrupt-'))).toBe(true);
  });

  it('opens a library written by a newer format read-only, and leaves it untouched', async () => {
    const dir = await tempDir();
    const newer = JSON.stringify({ format: 'scholia-library', version: 2, documents: [] });
    await writeFile(path.join(dir, 'library.json'), newer);
    const scholia = await openScholia({ libraryDir: dir, seedFrom: assetsDir });
    const listed = valueOf<ChannelOutput<'library.list'>>(await scholia.dispatch('library.list', {}));
    expect(listed.readOnly).toMatchObject({ reason: 'newer-format', message: expect.stringMatching(/newer version of Scholia/) });
    expect(await scholia.dispatch('library.importText', { text: 'A new article.' })).toMatchObject({
      ok: false,
      error: { code: 'read-only' },
    });
    expect(await scholia.dispatch('settings.set', { annotatorName: 'Someone' })).toMatchObject({ ok: false, error: { code: 'read-only' } });
    await scholia.close();
    expect(await readFile(path.join(dir, 'library.json'), 'utf8')).toBe(newer);
  });
});
