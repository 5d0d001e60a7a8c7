import { spawnSync } from 'node:child_process';
import { mkdir, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../../shared/contract/channels.ts';
import { openScholia, type Scholia } from '../open-scholia.ts';
import { addNote, apply, importArticle, valueOf } from '../testing/library-fixtures.ts';
import { useTempDirs } from '../testing/temp-dir.ts';
import { LOCK_FILE, processStartOf } from './library-lock.ts';
import { LibraryStore } from './library-store.ts';
import { DocumentFile, LibraryFile } from './store-files.ts';

const tempDir = useTempDirs();

async function documentFile(dir: string, id: string) {
  return DocumentFile.parse(JSON.parse(await readFile(path.join(dir, 'documents', `${id}.json`), 'utf8')));
}

async function list(scholia: Scholia) {
  return valueOf<ChannelOutput<'library.list'>>(await scholia.dispatch('library.list', {}));
}

async function versions(scholia: Scholia, documentId: string) {
  return valueOf<ChannelOutput<'document.versions'>>(await scholia.dispatch('document.versions', { documentId })).versions;
}

/** A pid that belonged to a process which has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

function lockOf(pid: number, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    format: 'scholia-lock',
    pid,
    hostname: os.hostname(),
    app: 'scholia serve',
    startedAt: '2026-01-31T09:00:00.000Z',
    ...extra,
  });
}

describe('one writer per library', () => {
  it('opens a library held by a live process read-only, naming the holder, and refuses every write', async () => {
    const dir = await tempDir();
    const first = await openScholia({ libraryDir: dir, owner: 'scholia serve' });
    const { id, text } = await importArticle(first);
    const second = await openScholia({ libraryDir: dir });
    const listed = await list(second);
    expect(listed.readOnly?.reason).toBe('in-use');
    expect(listed.readOnly?.message).toMatch(new RegExp(`in use by scholia serve \\(process ${process.pid} on host `));
    expect(listed.notices.map((notice) => notice.message)).toContain(listed.readOnly?.message);
    expect(listed.documents.map((d) => d.id)).toEqual([id]);
    expect(valueOf<ChannelOutput<'library.get'>>(await second.dispatch('library.get', { id })).readOnly?.reason).toBe('in-use');
    for (const [channel, input] of [
      ['annotations.apply', { documentId: id, ops: [addNote(text, 'n1', 0)] }],
      ['library.importText', { text: 'Another article.' }],
      ['settings.set', { annotatorName: 'B' }],
    ] as const) {
      expect(await second.dispatch(channel, input), channel).toMatchObject({
        ok: false,
        error: { code: 'read-only', message: expect.stringMatching(/in use by scholia serve/) },
      });
    }
    await second.close();
    // The read-only one left the holder's lock alone.
    expect(await apply(first, id, [addNote(text, 'n1', 0)])).toBe(1);
    await first.close();
    await expect(stat(path.join(dir, LOCK_FILE))).rejects.toThrow();
  });

  it('fails outright when asked to (the CLI import)', async () => {
    const dir = await tempDir();
    const first = await openScholia({ libraryDir: dir, owner: 'Scholia' });
    await expect(openScholia({ libraryDir: dir, whenLocked: 'fail' })).rejects.toMatchObject({
      code: 'read-only',
      message: expect.stringMatching(/in use by Scholia \(process \d+/),
    });
    await first.close();
    const again = await openScholia({ libraryDir: dir, whenLocked: 'fail' });
    expect((await list(again)).readOnly).toBeUndefined();
    await again.close();
  });

  it('takes over a lock left by a process that died', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, LOCK_FILE), lockOf(deadPid()));
    const scholia = await openScholia({ libraryDir: dir, owner: 'test' });
    expect((await list(scholia)).readOnly).toBeUndefined();
    expect(JSON.parse(await readFile(path.join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid, app: 'test' });
    await scholia.close();
  });

  it.runIf(process.platform === 'linux')('takes over a lock whose pid now belongs to a process that started later', async () => {
    const dir = await tempDir();
    const start = await processStartOf(process.pid);
    expect(start).toMatch(/^[0-9a-f-]+\/\d+$/);
    await writeFile(path.join(dir, LOCK_FILE), lockOf(process.pid, { processStart: `${start?.split('/')[0]}/1` }));
    const scholia = await openScholia({ libraryDir: dir });
    expect((await list(scholia)).readOnly).toBeUndefined();
    await scholia.close();
  });

  it('respects a lock taken on another host, which it cannot check', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, LOCK_FILE), lockOf(deadPid(), { hostname: 'another-machine.example' }));
    const scholia = await openScholia({ libraryDir: dir });
    expect((await list(scholia)).readOnly?.message).toMatch(/on host another-machine\.example/);
    await scholia.close();
    expect(await readFile(path.join(dir, LOCK_FILE), 'utf8')).toMatch(/another-machine/);
  });

  it('takes an unreadable lock for stale once it is older than a few seconds', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, LOCK_FILE), '');
    const fresh = await openScholia({ libraryDir: dir });
    expect((await list(fresh)).readOnly?.message).toMatch(/in use by another process/);
    await fresh.close();
    const old = new Date(Date.now() - 60_000);
    await utimes(path.join(dir, LOCK_FILE), old, old);
    const scholia = await openScholia({ libraryDir: dir });
    expect((await list(scholia)).readOnly).toBeUndefined();
    await scholia.close();
  });

  it('reads without locking or changing anything when opened for reading', async () => {
    const dir = await tempDir();
    const writer = await openScholia({ libraryDir: dir });
    const { id } = await importArticle(writer);
    const reader = await openScholia({ libraryDir: dir, access: 'read' });
    expect((await list(reader)).documents.map((d) => d.id)).toEqual([id]);
    expect((await list(reader)).readOnly).toBeUndefined();
    expect(await reader.dispatch('settings.set', { annotatorName: 'C' })).toMatchObject({ ok: false, error: { code: 'read-only' } });
    await reader.close();
    await writer.close();
  });
});

describe('recovery from damaged files', () => {
  const damages: [string, string, RegExp][] = [
    ['truncated', '{"format": "scholia-document", "version": 1, "document": {"id": "x', /not valid JSON/],
    ['not JSON at all', 'PK\u0003\u0004 this is a zip, not JSON', /not valid JSON/],
    ['empty', '', /not valid JSON/],
    [
      'schema-invalid',
      JSON.stringify({ format: 'scholia-document', version: 1, document: { id: 'x', text: 42 } }),
      /does not match the expected format/,
    ],
    ['of another format', JSON.stringify({ format: 'something-else', version: 1 }), /does not match the expected format/],
    [
      'nested too deeply',
      `{"format": "scholia-document", "version": 1, "document": ${'['.repeat(200_000)}${']'.repeat(200_000)}}`,
      /does not match|nested too deeply/,
    ],
  ];

  it.each(damages)('moves a %s document file aside with a timestamp, says so, and carries on', async (_name, content, reason) => {
    const dir = await tempDir();
    const scholia = await openScholia({ libraryDir: dir, debounceMs: 5 });
    const { id, text } = await importArticle(scholia);
    await apply(scholia, id, [addNote(text, 'n1', 3)]);
    await scholia.close();
    await writeFile(path.join(dir, 'documents', `${id}.json`), content);

    const reopened = await openScholia({ libraryDir: dir });
    expect(await reopened.dispatch('library.get', { id })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const listed = await list(reopened);
    expect(listed.documents).toEqual([]);
    const [notice] = listed.notices;
    expect(notice?.message).toMatch(reason);
    expect(notice?.message).toMatch(
      new RegExp(`moved to documents/${id}\\.json\\.corrupt-\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\d-\\d{3}Z`),
    );
    expect(notice?.message).toMatch(new RegExp(`scholia restore ${id} --version 1`));
    // The damaged bytes are kept, byte for byte, for whoever wants to look.
    const names = await readdir(path.join(dir, 'documents'));
    const aside = names.find((name) => name.startsWith(`${id}.json.corrupt-`));
    expect(await readFile(path.join(dir, 'documents', String(aside)), 'utf8')).toBe(content);

    // Its last backup brings it back.
    const [latest] = await versions(reopened, id);
    expect(latest).toMatchObject({ revision: 0 });
    const restored = valueOf<ChannelOutput<'document.restore'>>(
      await reopened.dispatch('document.restore', { documentId: id, versionId: latest?.id }),
    );
    expect(restored.revision).toBe(1);
    expect((await list(reopened)).documents.map((d) => d.id)).toEqual([id]);
    await reopened.close();
  });

  it('leaves a damaged file where it is when the library is only being read', async () => {
    const dir = await tempDir();
    const scholia = await openScholia({ libraryDir: dir });
    const { id } = await importArticle(scholia);
    await scholia.close();
    await writeFile(path.join(dir, 'documents', `${id}.json`), '{"trunc');
    const reader = await openScholia({ libraryDir: dir, access: 'read' });
    expect(await reader.dispatch('library.get', { id })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect((await list(reader)).notices[0]?.message).toMatch(/could not be read: it is not valid JSON.*left as it is/);
    await reader.close();
    expect(await readdir(path.join(dir, 'documents'))).toEqual([`${id}.json`]);
  });

  it('leaves a damaged index as it is, bytes and all, when the library is only being read', async () => {
    const dir = await tempDir();
    const scholia = await openScholia({ libraryDir: dir });
    const { id } = await importArticle(scholia);
    await scholia.close();
    await writeFile(path.join(dir, 'library.json'), '{"trunc');
    const reader = await openScholia({ libraryDir: dir, access: 'read' });
    const listed = await list(reader);
    expect(listed.documents.map((d) => d.id)).toEqual([id]);
    expect(listed.notices[0]?.message).toMatch(/library index could not be read: it is not valid JSON.*left as it is/);
    await reader.close();
    expect(await readFile(path.join(dir, 'library.json'), 'utf8')).toBe('{"trunc');
  });

  it('rebuilds a schema-invalid index from the document files', async () => {
    const dir = await tempDir();
    const scholia = await openScholia({ libraryDir: dir });
    const { id } = await importArticle(scholia);
    await scholia.close();
    await writeFile(path.join(dir, 'library.json'), JSON.stringify({ format: 'scholia-library', version: 1, documents: 'all of them' }));
    const reopened = await openScholia({ libraryDir: dir });
    const listed = await list(reopened);
    expect(listed.documents.map((d) => d.id)).toEqual([id]);
    expect(listed.notices[0]?.message).toMatch(
      /library index could not be read: it does not match the expected format.*moved to library\.json\.corrupt-/,
    );
    await reopened.close();
    expect(LibraryFile.parse(JSON.parse(await readFile(path.join(dir, 'library.json'), 'utf8'))).documents).toHaveLength(1);
  });

  it('brings the index up to date with a document saved after it (a crash between the two writes)', async () => {
    const dir = await tempDir();
    const scholia = await openScholia({ libraryDir: dir, debounceMs: 5 });
    const { id, text } = await importArticle(scholia);
    await scholia.close();
    const file = await documentFile(dir, id);
    file.document.annotations.push({
      id: 'n9',
      kind: 'note',
      target: { start: 0, end: 3, exact: text.slice(0, 3), prefix: '', suffix: text.slice(3, 35) },
      author: 'X',
      created: file.document.modified,
      modified: file.document.modified,
    });
    file.document.revision = 1;
    await writeFile(path.join(dir, 'documents', `${id}.json`), JSON.stringify(file));
    const reopened = await openScholia({ libraryDir: dir });
    await reopened.dispatch('library.get', { id });
    expect((await list(reopened)).documents[0]?.counts.notes).toBe(1);
    await reopened.close();
  });

  it('removes temporary files a killed writer left behind, and only when it may write', async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, 'documents'), { recursive: true });
    await writeFile(path.join(dir, '.library.json.tmp'), '{"half');
    await writeFile(path.join(dir, 'documents', '.0123456789abcdef.json.tmp'), '{"half');
    const reader = await openScholia({ libraryDir: dir, access: 'read' });
    await reader.close();
    expect(await readdir(path.join(dir, 'documents'))).toEqual(['.0123456789abcdef.json.tmp']);
    const writer = await openScholia({ libraryDir: dir });
    await writer.close();
    expect(await readdir(path.join(dir, 'documents'))).toEqual([]);
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

describe('a file of a newer format', () => {
  it('opens a newer document read-only: readable, never written', async () => {
    const dir = await tempDir();
    const scholia = await openScholia({ libraryDir: dir });
    const { id, text } = await importArticle(scholia);
    await scholia.close();
    const file = path.join(dir, 'documents', `${id}.json`);
    const newer = JSON.parse(await readFile(file, 'utf8'));
    newer.version = 2;
    newer.document.somethingNew = { from: 'the future' };
    const bytes = JSON.stringify(newer);
    await writeFile(file, bytes);

    const reopened = await openScholia({ libraryDir: dir });
    const got = valueOf<ChannelOutput<'library.get'>>(await reopened.dispatch('library.get', { id }));
    expect(got.document.text).toBe(text);
    expect(got.readOnly).toMatchObject({
      reason: 'newer-format',
      message: expect.stringMatching(/newer version of Scholia \(document format 2\)/),
    });
    const refused = await reopened.dispatch('annotations.apply', { documentId: id, ops: [addNote(text, 'n1', 0)] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'read-only', message: expect.stringMatching(/update Scholia/) } });
    expect(await reopened.dispatch('document.restore', { documentId: id, versionId: 'daily-2026-01-31' })).toMatchObject({
      ok: false,
      error: { code: 'read-only' },
    });
    // The rest of the library stays writable.
    expect((await list(reopened)).readOnly).toBeUndefined();
    await reopened.close();
    expect(await readFile(file, 'utf8')).toBe(bytes);
  });

  it('says so when it cannot even show a newer document, and leaves it alone', async () => {
    const dir = await tempDir();
    const scholia = await openScholia({ libraryDir: dir });
    const { id } = await importArticle(scholia);
    await scholia.close();
    const file = path.join(dir, 'documents', `${id}.json`);
    const bytes = JSON.stringify({ format: 'scholia-document', version: 3, document: { id, chapters: [] } });
    await writeFile(file, bytes);
    const reopened = await openScholia({ libraryDir: dir });
    expect(await reopened.dispatch('library.get', { id })).toMatchObject({
      ok: false,
      error: { code: 'read-only', message: expect.stringMatching(/format 3/) },
    });
    await reopened.close();
    expect(await readFile(file, 'utf8')).toBe(bytes);
  });

  it('shows the documents of a newer library, read-only', async () => {
    const dir = await tempDir();
    const scholia = await openScholia({ libraryDir: dir });
    const { id, text } = await importArticle(scholia);
    await scholia.close();
    const index = JSON.parse(await readFile(path.join(dir, 'library.json'), 'utf8'));
    index.version = 2;
    const bytes = JSON.stringify(index);
    await writeFile(path.join(dir, 'library.json'), bytes);
    const reopened = await openScholia({ libraryDir: dir });
    const listed = await list(reopened);
    expect(listed.documents.map((d) => d.id)).toEqual([id]);
    expect(listed.readOnly?.reason).toBe('newer-format');
    expect(valueOf<ChannelOutput<'library.get'>>(await reopened.dispatch('library.get', { id })).readOnly?.reason).toBe('newer-format');
    expect(await reopened.dispatch('annotations.apply', { documentId: id, ops: [addNote(text, 'n1', 0)] })).toMatchObject({
      ok: false,
      error: { code: 'read-only' },
    });
    await reopened.close();
    expect(await readFile(path.join(dir, 'library.json'), 'utf8')).toBe(bytes);
  });
});

describe('previous versions', () => {
  async function savedTwelveTimes() {
    const dir = await tempDir();
    const scholia = await openScholia({ libraryDir: dir, debounceMs: 5 });
    const { id, text } = await importArticle(scholia);
    for (let n = 1; n <= 12; n += 1) {
      await apply(scholia, id, [addNote(text, `n${n}`, n * 5)]);
      await scholia.flush();
    }
    return { dir, scholia, id, text };
  }

  it('keeps the last ten saves and the last state of each day, as files that validate', async () => {
    const { dir, scholia, id } = await savedTwelveTimes();
    const listed = await versions(scholia, id);
    // Twelve saves replaced revisions 0–11; the ten newest are kept.
    expect(listed.map((v) => v.revision)).toEqual([11, 10, 9, 8, 7, 6, 5, 4, 3, 2]);
    expect(listed[0]).toMatchObject({ counts: { notes: 11 }, kinds: ['save', 'daily'] });
    expect(listed[1]?.kinds).toEqual(['save']);
    const names = await readdir(path.join(dir, 'backups', id));
    expect(names.filter((name) => name.startsWith('r'))).toHaveLength(10);
    expect(names.filter((name) => name.startsWith('daily-'))).toHaveLength(1);
    for (const name of names)
      expect(DocumentFile.safeParse(JSON.parse(await readFile(path.join(dir, 'backups', id, name), 'utf8'))).success, name).toBe(true);
    await scholia.close();
  });

  it('restores a previous version as a new revision, and undoes that by restoring again', async () => {
    const { dir, scholia, id } = await savedTwelveTimes();
    const before = await documentFile(dir, id);
    const target = (await versions(scholia, id)).find((v) => v.revision === 4);
    const restored = valueOf<ChannelOutput<'document.restore'>>(
      await scholia.dispatch('document.restore', { documentId: id, versionId: target?.id }),
    );
    expect(restored).toMatchObject({ revision: 13, restored: { revision: 4 } });
    // On disk at once, not after the debounce.
    const after = await documentFile(dir, id);
    expect(after.document.revision).toBe(13);
    expect(after.document.annotations.map((a) => a.id)).toEqual(['n1', 'n2', 'n3', 'n4']);
    expect(valueOf<ChannelOutput<'library.get'>>(await scholia.dispatch('library.get', { id })).document.annotations).toHaveLength(4);
    expect((await list(scholia)).documents[0]?.counts.notes).toBe(4);

    const undo = (await versions(scholia, id)).find((v) => v.revision === 12);
    expect(undo?.counts.notes).toBe(12);
    valueOf(await scholia.dispatch('document.restore', { documentId: id, versionId: undo?.id }));
    expect((await documentFile(dir, id)).document.annotations).toEqual(before.document.annotations);
    await scholia.close();
  });

  it('refuses version ids that are not versions, or could name another file', async () => {
    const { scholia, id } = await savedTwelveTimes();
    for (const versionId of ['../../library', 'r000001-x/../../..', 'daily-2026-01-01\u0000', 'r000000-20260131T090000000Z/..', '']) {
      expect(await scholia.dispatch('document.restore', { documentId: id, versionId }), versionId).toMatchObject({
        ok: false,
        error: { code: 'bad-request' },
      });
    }
    expect(await scholia.dispatch('document.restore', { documentId: id, versionId: 'daily-1999-01-01' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(await scholia.dispatch('document.versions', { documentId: '../backups' })).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
    expect(
      valueOf<ChannelOutput<'document.versions'>>(await scholia.dispatch('document.versions', { documentId: 'nothing-here' })).versions,
    ).toEqual([]);
    await scholia.close();
  });

  it('skips a damaged backup, listing the state by its other name', async () => {
    const { dir, scholia, id } = await savedTwelveTimes();
    const folder = path.join(dir, 'backups', id);
    const [newest] = (await readdir(folder))
      .filter((name) => name.startsWith('r'))
      .sort()
      .reverse();
    // Backups share their bytes with the file they kept (hard links): a damaged copy is a new file, never an edit in place.
    await rm(path.join(folder, String(newest)));
    await writeFile(path.join(folder, String(newest)), '{"half a file');
    expect((await versions(scholia, id)).map((v) => v.revision)).toEqual([11, 10, 9, 8, 7, 6, 5, 4, 3, 2]);
    expect((await versions(scholia, id))[0]?.kinds).toEqual(['daily']);
    await scholia.close();
  });
});

describe('LibraryStore', () => {
  it('shares one read between calls that load the same document at once', async () => {
    const dir = await tempDir();
    const scholia = await openScholia({ libraryDir: dir });
    const { id } = await importArticle(scholia);
    await scholia.close();
    const store = await LibraryStore.open(dir);
    const [a, b] = await Promise.all([store.getDocument(id), store.getDocument(id)]);
    expect(a).toBe(b);
    await store.close();
  });

  it('refuses document ids that Windows keeps for devices', async () => {
    const store = await LibraryStore.open(await tempDir());
    await expect(store.versions('NUL')).rejects.toMatchObject({ code: 'bad-request' });
    await expect(store.versions('com1')).rejects.toMatchObject({ code: 'bad-request' });
    await store.close();
  });
});
