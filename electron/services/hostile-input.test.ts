// Hostile callers of the API and hostile files, against the real services and a real library on disk.
import { mkdtemp, open, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, MAX_TEXT_LENGTH, type ChannelOutput } from '../../shared/contract/channels.ts';
import { isValidId } from '../../shared/model/ids.ts';
import { MAX_TAG_FILE_BYTES } from '../../shared/model/tag-file.ts';
import { readJsonFileInput } from './json-file-input.ts';
import { openScholia, type Scholia } from './open-scholia.ts';
import { DocumentFile, LibraryFile } from './store/store-files.ts';
import { importArticle, valueOf } from './testing/library-fixtures.ts';
import { useTempDirs } from './testing/temp-dir.ts';
import { readTextFile } from './text-file.ts';

const tempDir = useTempDirs();
let libraryDir: string;
let scholia: Scholia;
let documentId: string;

beforeAll(async () => {
  libraryDir = await mkdtemp(path.join(os.tmpdir(), 'scholia-hostile-'));
  scholia = await openScholia({ libraryDir, debounceMs: 1 });
  ({ id: documentId } = await importArticle(scholia));
});

afterAll(async () => {
  await scholia.close();
  await rm(libraryDir, { recursive: true, force: true });
});

/** Inputs a caller could send: random JSON, and objects with the channels' own field names holding anything. */
const FIELD_NAMES = [
  'id',
  'documentId',
  'ops',
  'text',
  'title',
  'filename',
  'baseRevision',
  'format',
  'options',
  'versionId',
  'annotatorName',
  '__proto__',
  'constructor',
];
const input = fc.oneof(
  fc.jsonValue({ maxDepth: 5 }),
  fc.dictionary(fc.constantFrom(...FIELD_NAMES), fc.jsonValue({ maxDepth: 4 }), { maxKeys: 4 }),
  fc.record({ documentId: fc.constant('DOC'), ops: fc.array(fc.jsonValue({ maxDepth: 5 }), { maxLength: 3 }) }),
);

describe('the API against hostile callers', () => {
  it('answers every channel with an envelope, never an internal error, for 2,000 random inputs; the files stay valid', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CHANNEL_NAMES.filter((channel) => channel !== 'export.render')), input, async (channel, raw) => {
        const body = JSON.parse(JSON.stringify(raw).replaceAll('"DOC"', JSON.stringify(documentId))) as unknown;
        const result = await scholia.dispatch(channel, body);
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) expect(result.error.code).not.toBe('internal');
      }),
      { numRuns: 2000 },
    );
    await scholia.flush();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(LibraryFile.safeParse(JSON.parse(await readFile(path.join(libraryDir, 'library.json'), 'utf8'))).success).toBe(true);
    for (const name of await readdir(path.join(libraryDir, 'documents'))) {
      expect(isValidId(name.replace(/\.json$/u, '')), name).toBe(true);
      expect(DocumentFile.safeParse(JSON.parse(await readFile(path.join(libraryDir, 'documents', name), 'utf8'))).success).toBe(true);
    }
  }, 120_000);

  it('lets "__proto__" and "constructor" keys in a call change nothing', async () => {
    const settings = JSON.parse(
      '{"annotatorName": "A", "__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}',
    );
    const answer = await scholia.dispatch('settings.set', settings);
    // Unknown keys are refused by the strict input, whatever they are called.
    expect(answer).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    const { document } = valueOf<ChannelOutput<'library.get'>>(await scholia.dispatch('library.get', { id: documentId }));
    const op = JSON.parse(
      `{"op": "annotation.add", "__proto__": {"polluted": true}, "annotation": {"id": "p1", "kind": "note", "__proto__": {"isAdmin": true}, "target": {"start": 0, "end": 3, "exact": ${JSON.stringify(document.text.slice(0, 3))}, "prefix": "", "suffix": "", "constructor": {"prototype": {"polluted": true}}}, "author": "X", "created": "2026-01-01T00:00:00.000Z", "modified": "2026-01-01T00:00:00.000Z"}}`,
    );
    valueOf(await scholia.dispatch('annotations.apply', { documentId, ops: [op] }));
    const stored = valueOf<ChannelOutput<'library.get'>>(
      await scholia.dispatch('library.get', { id: documentId }),
    ).document.annotations.find((a) => a.id === 'p1');
    expect(Object.keys(stored ?? {}).sort()).toEqual(['author', 'created', 'id', 'kind', 'modified', 'target']);
    expect(Object.getPrototypeOf(stored)).toBe(Object.prototype);
    expect(Object.keys(stored?.target ?? {}).sort()).toEqual(['end', 'exact', 'prefix', 'start', 'suffix']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('never turns an id with "/", "..", "\\\\" or NUL into a file name (1,000 ids)', async () => {
    await scholia.flush();
    const before = await readdir(libraryDir, { recursive: true });
    const hostile = fc
      .tuple(
        fc.string({ maxLength: 8 }),
        fc.constantFrom('/', '../', '..\\', '\u0000', '/../../etc/passwd', '..'),
        fc.string({ maxLength: 8 }),
      )
      .map(([a, bad, b]) => a + bad + b);
    await fc.assert(
      fc.asyncProperty(
        hostile,
        fc.constantFrom('library.get', 'document.versions', 'document.restore', 'annotations.apply', 'export.render'),
        async (id, channel) => {
          const inputs: Record<string, unknown> = {
            'library.get': { id },
            'document.versions': { documentId: id },
            'document.restore': { documentId, versionId: id },
            'annotations.apply': { documentId: id, ops: [{ op: 'annotation.remove', id }] },
            'export.render': { documentId: id, format: 'md' },
          };
          const result = await scholia.dispatch(channel, inputs[channel]);
          expect(result).toMatchObject({ ok: false, error: { code: 'bad-request' } });
        },
      ),
      { numRuns: 1000 },
    );
    await scholia.flush();
    expect(await readdir(libraryDir, { recursive: true })).toEqual(before);
  });
});

describe('oversized input', () => {
  it('refuses a 50 MB article through the API, by the contract, before anything is built from it', async () => {
    const text = 'Word '.repeat(10_000_000);
    expect(text.length).toBe(50_000_000);
    const started = performance.now();
    const result = await scholia.dispatch('library.importText', { text });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'bad-request', message: expect.stringMatching(`at most ${MAX_TEXT_LENGTH} characters`) },
    });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('refuses a 50 MB file and a 100 MB tag file by their size, without reading them', async () => {
    const dir = await tempDir();
    const sparse = async (name: string, bytes: number) => {
      const file = path.join(dir, name);
      const handle = await open(file, 'w');
      await handle.truncate(bytes);
      await handle.close();
      return file;
    };
    const rssBefore = process.memoryUsage().rss;
    await expect(readTextFile(await sparse('article.txt', 50_000_000))).rejects.toMatchObject({
      code: 'unsupported-file',
      message: 'article.txt is larger than 30 MB.',
    });
    await expect(readJsonFileInput(await sparse('tags.json', 100 * 1024 * 1024), MAX_TAG_FILE_BYTES)).rejects.toMatchObject({
      code: 'unsupported-file',
      message: expect.stringMatching(/tags\.json is 100 MiB; a tag file may be at most 64 MiB/),
    });
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(20 * 1024 * 1024);
  });
});
