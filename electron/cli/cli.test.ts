import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderSnapshot as snapshot } from '../services/testing/folder-snapshot.ts';
import { useTempDirs } from '../services/testing/temp-dir.ts';
import { runScholia as scholia } from './testing/run-scholia.ts';

const tempDir = useTempDirs();

describe('scholia CLI', () => {
  it('imports text files and lists them, as JSON', async () => {
    const library = await tempDir();
    const work = await tempDir();
    const file = path.join(work, 'ceasefire_talks.txt');
    await writeFile(file, 'date 2024-03-02\nTalks resumed in Cairo on Saturday.\n\nBoth sides said little.');
    const imported = await scholia('import', file, '--library', library, '--json');
    expect(imported.code).toBe(0);
    const [result] = JSON.parse(imported.stdout);
    expect(result).toMatchObject({ file, title: 'ceasefire talks', duplicate: false });
    expect(result.id).toMatch(/^[0-9a-f]{16}$/);

    const listed = await scholia('list', '--library', library, '--json');
    expect(listed.code).toBe(0);
    const documents = JSON.parse(listed.stdout);
    expect(documents).toHaveLength(1);
    expect(documents[0]).toMatchObject({ id: result.id, title: 'ceasefire talks', published: '2024-03-02' });

    const again = await scholia('import', file, '--library', library, '--json');
    expect(JSON.parse(again.stdout)[0]).toMatchObject({ id: result.id, duplicate: true });
  });

  it('prints one line per document without --json', async () => {
    const library = await tempDir();
    const file = path.join(await tempDir(), 'a.txt');
    await writeFile(file, 'Some article text.');
    const imported = await scholia('import', file, '--library', library);
    expect(imported.stdout.trim()).toMatch(/^[0-9a-f]{16}\ta$/);
    const listed = await scholia('list', '--library', library);
    expect(listed.stdout).toMatch(/\ta\t\(0 claims, 0 quotes, 0 entities, 0 notes\)/);
  });

  it('refuses binary and empty files with a clear message and leaves the library as it was', async () => {
    const library = await tempDir();
    const work = await tempDir();
    const good = path.join(work, 'good.txt');
    await writeFile(good, 'A real article.');
    expect((await scholia('import', good, '--library', library)).code).toBe(0);
    const before = await snapshot(library);

    const binary = path.join(work, 'photo.txt');
    await writeFile(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0xff, 0xfe]));
    const empty = path.join(work, 'empty.txt');
    await writeFile(empty, ' \n\n \t');
    const other = path.join(work, 'other.txt');
    await writeFile(other, 'Another article that must not be imported with a bad one.');

    const refusedBinary = await scholia('import', other, binary, '--library', library);
    expect(refusedBinary.code).not.toBe(0);
    expect(refusedBinary.stderr.trim()).toBe('scholia: photo.txt is not UTF-8 text; save it as UTF-8 and import it again.');
    const refusedEmpty = await scholia('import', empty, '--library', library, '--json');
    expect(refusedEmpty.code).not.toBe(0);
    expect(refusedEmpty.stderr.trim()).toBe('scholia: empty.txt is empty.');
    const missing = await scholia('import', path.join(work, 'nope.txt'), '--library', library);
    expect(missing.stderr).toMatch(/nope\.txt is not a file/);

    expect(await snapshot(library)).toEqual(before);
  });

  it('exits with a usage message on a wrong command or flag', async () => {
    const unknown = await scholia('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command "frobnicate"/);
    expect((await scholia('list', '--bogus')).code).toBe(2);
    expect((await scholia('serve', '--port', 'x')).stderr).toMatch(/--port must be a number/);
  });
});
