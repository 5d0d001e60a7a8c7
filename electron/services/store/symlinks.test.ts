import { lstat, mkdir, readdir, readFile, readlink, rename, rm, stat, symlink, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../../shared/contract/channels.ts';
import { openScholia, type Scholia } from '../open-scholia.ts';
import { addNote, apply, importArticle, valueOf } from '../testing/library-fixtures.ts';
import { useTempDirs } from '../testing/temp-dir.ts';
import { DocumentBackups } from './document-backups.ts';
import { writeFileDurably } from './durable-file.ts';
import { LOCK_FILE } from './library-lock.ts';
import { LibraryFile } from './store-files.ts';

const tempDir = useTempDirs();

async function list(scholia: Scholia) {
  return valueOf<ChannelOutput<'library.list'>>(await scholia.dispatch('library.list', {}));
}

/** A library folder (`<root>/library`) and, beside it, a file outside the library that planted links point to. */
async function libraryAndOutsideFile(content = 'outside the library\n'): Promise<{ dir: string; outside: string; content: string }> {
  const root = await tempDir();
  const outside = path.join(root, 'outside.txt');
  await writeFile(outside, content);
  return { dir: path.join(root, 'library'), outside, content };
}

/** A library holding one imported article with one note, closed. */
async function libraryWithOneDocument(dir: string): Promise<{ id: string; text: string }> {
  const scholia = await openScholia({ libraryDir: dir, debounceMs: 5 });
  const article = await importArticle(scholia);
  await apply(scholia, article.id, [addNote(article.text, 'n1', 3)]);
  await scholia.close();
  return article;
}

// Creating symbolic links on Windows needs a privilege test machines do not have; the checks are the same there.
describe.skipIf(process.platform === 'win32')('planted symbolic links', () => {
  it('never writes through a link planted at the temporary file name of earlier versions', async () => {
    const { dir, outside, content } = await libraryAndOutsideFile();
    const { id, text } = await libraryWithOneDocument(dir);
    const scholia = await openScholia({ libraryDir: dir, debounceMs: 5 });
    // Planted while the library is open, after its leftover temporary files were cleared.
    await symlink(outside, path.join(dir, '.library.json.tmp'));
    await symlink(outside, path.join(dir, 'documents', `.${id}.json.tmp`));
    expect(await scholia.dispatch('settings.set', { annotatorName: 'Second analyst' })).toMatchObject({ ok: true });
    await apply(scholia, id, [addNote(text, 'n2', 20)]);
    await scholia.flush();

    expect(await readFile(outside, 'utf8')).toBe(content);
    for (const file of [path.join(dir, 'library.json'), path.join(dir, 'documents', `${id}.json`)])
      expect((await lstat(file)).isFile()).toBe(true);
    expect(LibraryFile.parse(JSON.parse(await readFile(path.join(dir, 'library.json'), 'utf8'))).settings.annotatorName).toBe(
      'Second analyst',
    );
    const saved = valueOf<ChannelOutput<'library.get'>>(await scholia.dispatch('library.get', { id })).document;
    expect(saved.annotations.map((annotation) => annotation.id)).toEqual(['n1', 'n2']);
    await scholia.close();

    // The next open clears the planted links away as leftovers: the links go, what they point to stays.
    const reopened = await openScholia({ libraryDir: dir });
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect((await readdir(path.join(dir, 'documents'))).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    await reopened.close();
    expect(await readFile(outside, 'utf8')).toBe(content);
  });

  it('writes a durable file through a new temporary file, never through a link at the old temporary name', async () => {
    const { dir, outside, content } = await libraryAndOutsideFile();
    await mkdir(dir);
    const file = path.join(dir, 'library.json');
    await symlink(outside, path.join(dir, '.library.json.tmp'));
    await writeFileDurably(file, '{"saved":true}');
    expect(await readFile(outside, 'utf8')).toBe(content);
    expect((await lstat(file)).isFile()).toBe(true);
    expect(await readFile(file, 'utf8')).toBe('{"saved":true}');
  });

  it('refuses a document file that is a link: moves the link aside, says so, and leaves what it points to untouched', async () => {
    const root = await tempDir();
    const dir = path.join(root, 'library');
    const { id, text } = await libraryWithOneDocument(dir);
    // The link points to a valid document outside the library, which a save would otherwise read and back up.
    const outside = path.join(root, 'elsewhere.json');
    const documentFile = path.join(dir, 'documents', `${id}.json`);
    const content = await readFile(documentFile, 'utf8');
    await writeFile(outside, content);
    await symlink(outside, `${documentFile}.link`);
    await rename(`${documentFile}.link`, documentFile);

    const scholia = await openScholia({ libraryDir: dir, debounceMs: 5 });
    expect(await scholia.dispatch('library.get', { id })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const listed = await list(scholia);
    expect(listed.documents).toEqual([]);
    const message = listed.notices.map((notice) => notice.message).join('\n');
    expect(message).toContain(`Document ${id} could not be read: it is a symbolic link (${documentFile}), which Scholia does not follow`);
    expect(message).toMatch(new RegExp(`moved to documents/${id}\\.json\\.corrupt-`));
    expect(await scholia.dispatch('annotations.apply', { documentId: id, ops: [addNote(text, 'n2', 20)] })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    await scholia.close();

    expect(await readFile(outside, 'utf8')).toBe(content);
    const aside = (await readdir(path.join(dir, 'documents'))).find((name) => name.startsWith(`${id}.json.corrupt-`));
    expect(await readlink(path.join(dir, 'documents', String(aside)))).toBe(outside);
    // No backup was made of what the link pointed to.
    const backups = await readdir(path.join(dir, 'backups', id));
    for (const name of backups) expect((await stat(path.join(dir, 'backups', id, name))).ino).not.toBe((await stat(outside)).ino);
  });

  it('refuses an index file that is a link, rebuilds the index in its place, and leaves what it pointed to untouched', async () => {
    const root = await tempDir();
    const dir = path.join(root, 'library');
    const { id } = await libraryWithOneDocument(dir);
    const index = path.join(dir, 'library.json');
    const outside = path.join(root, 'elsewhere-library.json');
    const content = await readFile(index, 'utf8');
    await writeFile(outside, content);
    await unlink(index);
    await symlink(outside, index);

    // Only reading (the CLI's list): refused, reported, left where it is.
    const reader = await openScholia({ libraryDir: dir, access: 'read' });
    const read = await list(reader);
    expect(read.notices[0]?.message).toContain(
      `The library index could not be read: it is a symbolic link (${index}), which Scholia does not follow`,
    );
    expect(read.notices[0]?.message).toMatch(/left as it is/);
    expect(read.documents.map((document) => document.id)).toEqual([id]);
    await reader.close();
    expect((await lstat(index)).isSymbolicLink()).toBe(true);

    const scholia = await openScholia({ libraryDir: dir, debounceMs: 5 });
    const listed = await list(scholia);
    expect(listed.notices[0]?.message).toContain(
      `The library index could not be read: it is a symbolic link (${index}), which Scholia does not follow`,
    );
    expect(listed.notices[0]?.message).toMatch(/moved to library\.json\.corrupt-.* and rebuilt from the document files/);
    expect(listed.documents.map((document) => document.id)).toEqual([id]);
    expect(await scholia.dispatch('settings.set', { annotatorName: 'Second analyst' })).toMatchObject({ ok: true });
    await scholia.close();

    expect(await readFile(outside, 'utf8')).toBe(content);
    expect((await lstat(index)).isFile()).toBe(true);
    expect(LibraryFile.parse(JSON.parse(await readFile(index, 'utf8'))).settings.annotatorName).toBe('Second analyst');
  });

  it('keeps no backup in a backup folder that is a link, and says why', async () => {
    const root = await tempDir();
    const dir = path.join(root, 'library');
    const { id, text } = await libraryWithOneDocument(dir);
    const outsideDir = path.join(root, 'elsewhere');
    await mkdir(outsideDir);
    await rm(path.join(dir, 'backups', id), { recursive: true });
    await symlink(outsideDir, path.join(dir, 'backups', id));

    const scholia = await openScholia({ libraryDir: dir, debounceMs: 5 });
    await apply(scholia, id, [addNote(text, 'n2', 20)]);
    await scholia.flush();
    const listed = await list(scholia);
    expect(listed.notices.map((notice) => notice.message)).toContain(
      `Could not keep a backup of document ${id}: ${path.join(dir, 'backups', id)} is a symbolic link; Scholia does not follow links inside its library.`,
    );
    // The save itself went through.
    expect(valueOf<ChannelOutput<'library.get'>>(await scholia.dispatch('library.get', { id })).document.annotations).toHaveLength(2);
    await scholia.close();
    expect(await readdir(outsideDir)).toEqual([]);
  });

  it('neither lists nor restores a backup that is a link', async () => {
    const root = await tempDir();
    const dir = path.join(root, 'library');
    const { id } = await libraryWithOneDocument(dir);
    const outside = path.join(root, 'elsewhere.json');
    await writeFile(outside, await readFile(path.join(dir, 'documents', `${id}.json`), 'utf8'));
    const planted = path.join(dir, 'backups', id, 'r000099-20260131T090000000Z.json');
    await symlink(outside, planted);

    const scholia = await openScholia({ libraryDir: dir });
    const versions = valueOf<ChannelOutput<'document.versions'>>(await scholia.dispatch('document.versions', { documentId: id })).versions;
    expect(versions.length).toBeGreaterThan(0);
    expect(versions.map((version) => version.id)).not.toContain('r000099-20260131T090000000Z');
    expect(await scholia.dispatch('document.restore', { documentId: id, versionId: 'r000099-20260131T090000000Z' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    await expect(new DocumentBackups(dir).read(id, 'r000099-20260131T090000000Z')).rejects.toMatchObject({
      code: 'not-found',
      message: `Version r000099-20260131T090000000Z of document ${id} is a symbolic link (${planted}); Scholia does not follow links inside its library, so it cannot be restored.`,
    });
    await scholia.close();
  });

  it.each(['documents', 'backups', 'trash'])('refuses to open a library whose %s folder is a link', async (folder) => {
    const root = await tempDir();
    const dir = path.join(root, 'library');
    const outsideDir = path.join(root, 'elsewhere');
    await mkdir(dir);
    await mkdir(outsideDir);
    await symlink(outsideDir, path.join(dir, folder));
    for (const access of ['write', 'read'] as const) {
      await expect(openScholia({ libraryDir: dir, access })).rejects.toMatchObject({
        code: 'forbidden',
        message: `The library ${dir} cannot be opened: its ${folder} folder is a symbolic link, and Scholia does not follow links inside its library. Replace ${path.join(dir, folder)} with a real folder.`,
      });
    }
    expect(await readdir(outsideDir)).toEqual([]);
  });

  it('refuses a lock file that is a link and leaves what it points to untouched', async () => {
    const { dir, outside, content } = await libraryAndOutsideFile('{"format":"scholia-lock"}');
    await mkdir(dir);
    await symlink(outside, path.join(dir, LOCK_FILE));
    await expect(openScholia({ libraryDir: dir })).rejects.toThrow(
      `${path.join(dir, LOCK_FILE)} is a symbolic link; Scholia does not follow links inside its library.`,
    );
    expect(await readFile(outside, 'utf8')).toBe(content);
  });

  it('clears temporary files a killed save left, old names and new, links among them, without following any', async () => {
    const { dir, outside, content } = await libraryAndOutsideFile();
    const { id, text } = await libraryWithOneDocument(dir);
    const leftovers = [
      path.join(dir, '.library.json.tmp'),
      path.join(dir, '.library.json.0123456789abcdef.tmp'),
      path.join(dir, 'documents', `.${id}.json.tmp`),
      path.join(dir, 'documents', `.${id}.json.fedcba9876543210.tmp`),
    ];
    await symlink(outside, leftovers[0] as string);
    await writeFile(leftovers[1] as string, '{"half');
    await writeFile(leftovers[2] as string, '{"half');
    await symlink(outside, leftovers[3] as string);
    const backupLeftover = path.join(dir, 'backups', id, '.daily-2026-01-31.json.0123456789abcdef.tmp');
    await symlink(outside, backupLeftover);

    const scholia = await openScholia({ libraryDir: dir, debounceMs: 5 });
    for (const file of leftovers) await expect(lstat(file)).rejects.toMatchObject({ code: 'ENOENT' });
    // A backup folder's leftovers go with the next save of that document.
    await apply(scholia, id, [addNote(text, 'n2', 20)]);
    await scholia.flush();
    await expect(lstat(backupLeftover)).rejects.toMatchObject({ code: 'ENOENT' });
    await scholia.close();
    expect(await readFile(outside, 'utf8')).toBe(content);
  });
});

describe.skipIf(process.platform === 'win32')('permissions', () => {
  it('creates library files readable by their owner only (0600) and folders 0700', async () => {
    const dir = path.join(await tempDir(), 'library');
    const scholia = await openScholia({ libraryDir: dir, debounceMs: 5 });
    const { id, text } = await importArticle(scholia);
    await apply(scholia, id, [addNote(text, 'n1', 3)]);
    await scholia.flush();
    const second = await importArticle(scholia, 'A second article, to be trashed.');
    expect(await scholia.dispatch('library.trash', { id: second.id })).toMatchObject({ ok: true });

    const folders = [dir, path.join(dir, 'documents'), path.join(dir, 'backups'), path.join(dir, 'backups', id), path.join(dir, 'trash')];
    for (const folder of folders) expect({ folder, mode: (await stat(folder)).mode & 0o777 }).toEqual({ folder, mode: 0o700 });
    const files = [
      path.join(dir, 'library.json'),
      path.join(dir, LOCK_FILE),
      path.join(dir, 'documents', `${id}.json`),
      path.join(dir, 'trash', `${second.id}.json`),
      ...(await readdir(path.join(dir, 'backups', id))).map((name) => path.join(dir, 'backups', id, name)),
    ];
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) expect({ file, mode: (await stat(file)).mode & 0o777 }).toEqual({ file, mode: 0o600 });
    await scholia.close();
  });
});
