import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openScholia } from '../services/open-scholia.ts';
import { addNote, apply, importArticle } from '../services/testing/library-fixtures.ts';
import { useTempDirs } from '../services/testing/temp-dir.ts';
import { DocumentFile } from '../services/store/store-files.ts';
import { runScholia as scholia } from './testing/run-scholia.ts';

const tempDir = useTempDirs();

/** A library whose one document was saved four times: one, two, three, then four notes. */
async function libraryWithHistory() {
  const library = await tempDir();
  const open = await openScholia({ libraryDir: library, debounceMs: 5 });
  const { id, text } = await importArticle(open);
  for (let n = 1; n <= 4; n += 1) {
    await apply(open, id, [addNote(text, `n${n}`, n * 9)]);
    await open.flush();
  }
  await open.close();
  return { library, id };
}

async function notesOnDisk(library: string, id: string): Promise<string[]> {
  const file = DocumentFile.parse(JSON.parse(await readFile(path.join(library, 'documents', `${id}.json`), 'utf8')));
  return file.document.annotations.map((a) => a.id);
}

describe('scholia restore', () => {
  it('lists previous versions, newest first, numbered', async () => {
    const { library, id } = await libraryWithHistory();
    const listed = await scholia('restore', id, '--library', library);
    expect(listed.code).toBe(0);
    const lines = listed.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ {2}1 {2}\S+Z {2}revision 3 {2}0 claims, 0 quotes, 0 entities, 3 notes {2}\(save, last of its day\)$/);
    expect(lines[3]).toMatch(/^ {2}4 .* revision 0 .* 0 notes {2}\(save\)$/);
    expect(lines.at(-1)).toBe(`Restore one with: scholia restore ${id} --version N`);
    const json = JSON.parse((await scholia('restore', id, '--list', '--json', '--library', library)).stdout);
    expect(json.map((v: { number: number; revision: number }) => [v.number, v.revision])).toEqual([
      [1, 3],
      [2, 2],
      [3, 1],
      [4, 0],
    ]);
  });

  it('restores version N as a new revision, and the state it replaced can be restored back', async () => {
    const { library, id } = await libraryWithHistory();
    const restored = await scholia('restore', id, '--version', '3', '--library', library);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(new RegExp(`^Restored ${id} to version 3 \\(revision 1 of \\S+\\); it is now revision 5\\.`));
    expect(await notesOnDisk(library, id)).toEqual(['n1']);
    expect((await scholia('restore', id, '--version', '1', '--library', library)).code).toBe(0);
    expect(await notesOnDisk(library, id)).toEqual(['n1', 'n2', 'n3', 'n4']);
  });

  it('refuses bad arguments with a usage message, and a version that is not there', async () => {
    const { library, id } = await libraryWithHistory();
    expect((await scholia('restore', '--library', library)).code).toBe(2);
    expect((await scholia('restore', '../etc', '--library', library)).stderr).toMatch(/"\.\.\/etc" is not a document id/);
    expect((await scholia('restore', id, '--version', 'x', '--library', library)).stderr).toMatch(/--version must be a version number/);
    expect((await scholia('restore', id, '--version', '2', '--list', '--library', library)).code).toBe(2);
    const missing = await scholia('restore', id, '--version', '9', '--library', library);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe('scholia: There is no version 9: the document has 4 previous versions.');
    expect((await scholia('restore', id, '--library', path.join(library, 'nowhere'))).stderr).toMatch(/There is no library at/);
  });
});
