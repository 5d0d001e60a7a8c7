import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChannelOutput } from '../../shared/contract/channels.ts';
import { addNote } from '../services/testing/library-fixtures.ts';
import { useTempDirs } from '../services/testing/temp-dir.ts';
import { LOCK_FILE } from '../services/store/library-lock.ts';
import { DocumentFile } from '../services/store/store-files.ts';
import { runScholia as scholia } from './testing/run-scholia.ts';
import { callHost, startServe, type ServeProcess } from './testing/serve-process.ts';

const tempDir = useTempDirs();
const started: ServeProcess[] = [];

afterEach(async () => {
  for (const serve of started.splice(0)) {
    if (serve.child.exitCode === null && serve.child.signalCode === null) serve.child.kill('SIGKILL');
    await serve.exited;
  }
});

async function serveOn(library: string): Promise<ServeProcess> {
  const serve = await startServe(library);
  started.push(serve);
  return serve;
}

async function firstDocument(serve: ServeProcess): Promise<{ id: string; text: string }> {
  const listed = (await callHost(serve, 'library.list', {})).value as ChannelOutput<'library.list'>;
  const id = String(listed.documents[0]?.id);
  const got = (await callHost(serve, 'library.get', { id })).value as ChannelOutput<'library.get'>;
  return { id, text: got.document.text };
}

describe('scholia serve', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'writes every acknowledged change before it exits on %s, and gives up the lock',
    async (signal) => {
      const library = await tempDir();
      const serve = await serveOn(library);
      const { id, text } = await firstDocument(serve);
      const applied = await callHost(serve, 'annotations.apply', { documentId: id, ops: [addNote(text, 'last-words', 10)] });
      expect(applied.ok).toBe(true);
      // Well inside the 300 ms debounce: nothing is on disk yet but the signal must flush it.
      serve.child.kill(signal);
      expect(await serve.exited).toBe(0);
      const file = DocumentFile.parse(JSON.parse(await readFile(path.join(library, 'documents', `${id}.json`), 'utf8')));
      expect(file.document.annotations.map((a) => a.id)).toEqual(['last-words']);
      await expect(stat(path.join(library, LOCK_FILE))).rejects.toThrow();
    },
  );

  it('lets only one process write a library: a second host is read-only, import refuses, list reads', async () => {
    const library = await tempDir();
    const first = await serveOn(library);
    const { id, text } = await firstDocument(first);

    const second = await serveOn(library);
    await vi.waitFor(() => expect(second.stderr()).toMatch(/in use/));
    expect(second.stderr()).toMatch(new RegExp(`in use by scholia serve \\(process ${first.child.pid} on host `));
    const refused = await callHost(second, 'annotations.apply', { documentId: id, ops: [addNote(text, 'n1', 0)] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'read-only' } });
    const listed = (await callHost(second, 'library.list', {})).value as ChannelOutput<'library.list'>;
    expect(listed.readOnly?.reason).toBe('in-use');

    const article = path.join(await tempDir(), 'new.txt');
    await writeFile(article, 'An article that must wait.');
    const imported = await scholia('import', article, '--library', library);
    expect(imported.code).toBe(1);
    expect(imported.stderr.trim()).toMatch(
      new RegExp(
        `^scholia: The library .* is in use by scholia serve \\(process ${first.child.pid} on host .*\\); close it and try again\\.$`,
      ),
    );
    const list = await scholia('list', '--library', library, '--json');
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout).map((d: { id: string }) => d.id)).toEqual([id]);

    // A host that is killed leaves a stale lock, which the next writer takes over.
    second.child.kill('SIGTERM');
    first.child.kill('SIGKILL');
    await Promise.all([first.exited, second.exited]);
    expect(JSON.parse(await readFile(path.join(library, LOCK_FILE), 'utf8')).pid).toBe(first.child.pid);
    expect((await scholia('import', article, '--library', library)).code).toBe(0);
  });
});
