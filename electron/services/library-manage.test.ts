import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../shared/contract/channels.ts';
import { openScholia, type Scholia } from './open-scholia.ts';
import { addNote, apply, importArticle, valueOf } from './testing/library-fixtures.ts';
import { useTempDirs } from './testing/temp-dir.ts';

const tempDir = useTempDirs();

async function listed(scholia: Scholia): Promise<string[]> {
  return valueOf<ChannelOutput<'library.list'>>(await scholia.dispatch('library.list', {})).documents.map((summary) => summary.id);
}

async function trashed(scholia: Scholia): Promise<string[]> {
  return valueOf<ChannelOutput<'library.trashList'>>(await scholia.dispatch('library.trashList', {})).documents.map(
    (summary) => summary.id,
  );
}

describe('the trash', () => {
  it('keeps a trashed document whole and brings it back with its annotations, also after a restart and a lost index', async () => {
    const dir = await tempDir();
    let scholia = await openScholia({ libraryDir: dir, debounceMs: 5 });
    const { id, text } = await importArticle(scholia);
    await apply(scholia, id, [addNote(text, 'n1', 4)]);
    const summary = valueOf<ChannelOutput<'library.trash'>>(await scholia.dispatch('library.trash', { id }));
    expect(summary).toMatchObject({ id, counts: { notes: 1 } });
    expect(await listed(scholia)).toEqual([]);
    expect(await readdir(path.join(dir, 'trash'))).toEqual([`${id}.json`]);
    const opened = await scholia.dispatch('library.get', { id });
    expect(opened.ok ? null : opened.error.code).toBe('not-found');
    await scholia.close();

    // The index is lost: the trash is rebuilt from its folder.
    await rm(path.join(dir, 'library.json'));
    scholia = await openScholia({ libraryDir: dir, debounceMs: 5 });
    expect(await trashed(scholia)).toEqual([id]);
    expect(await listed(scholia)).toEqual([]);
    valueOf(await scholia.dispatch('library.untrash', { id }));
    expect(await listed(scholia)).toEqual([id]);
    expect(await trashed(scholia)).toEqual([]);
    const { document } = valueOf<ChannelOutput<'library.get'>>(await scholia.dispatch('library.get', { id }));
    expect(document.annotations.map((annotation) => annotation.id)).toEqual(['n1']);
    await scholia.close();
  });

  it('brings a trashed article back when it is imported again, and empties for good only when asked', async () => {
    const dir = await tempDir();
    const scholia = await openScholia({ libraryDir: dir, debounceMs: 5 });
    const { id } = await importArticle(scholia);
    valueOf(await scholia.dispatch('library.trash', { id }));
    const again = valueOf<ChannelOutput<'library.importText'>>(
      await scholia.dispatch('library.importText', {
        text: 'The minister said on Tuesday that prices rose by twelve per cent.\n\nThe opposition called the figure misleading.',
      }),
    );
    expect(again).toMatchObject({ id, duplicate: true });
    expect(await listed(scholia)).toEqual([id]);

    const { id: other } = await importArticle(scholia, 'Another story entirely.');
    valueOf(await scholia.dispatch('library.trash', { id: other }));
    expect(valueOf<ChannelOutput<'library.emptyTrash'>>(await scholia.dispatch('library.emptyTrash', {}))).toEqual({ deleted: 1 });
    expect(await readdir(path.join(dir, 'trash'))).toEqual([]);
    expect(await trashed(scholia)).toEqual([]);
    expect(await listed(scholia)).toEqual([id]);
    await scholia.close();
  });
});

describe('search and details', () => {
  it('finds documents by title, source and text (accents and case aside), with the words around a match in the text', async () => {
    const scholia = await openScholia({ libraryDir: await tempDir(), debounceMs: 5 });
    const { id: ferry } = await importArticle(
      scholia,
      'The island ferry will run four times a day from November, down from six, the operator said.',
    );
    const { id: bridge } = await importArticle(scholia, 'The old bridge reopens after repairs to its café and footpath.');
    valueOf(
      await scholia.dispatch('library.updateMeta', {
        id: bridge,
        meta: { title: 'Bridge reopens', source: 'Valley Courier', published: '2024-02-01' },
      }),
    );
    const search = async (query: string) =>
      valueOf<ChannelOutput<'library.search'>>(await scholia.dispatch('library.search', { query })).hits;
    expect(await search('FERRY november')).toEqual([
      { id: ferry, field: 'text', snippet: 'The island ferry will run four times a day from November, down from six, the…' },
    ]);
    expect(await search('cafe')).toEqual([expect.objectContaining({ id: bridge, field: 'text' })]);
    expect(await search('valley courier')).toEqual([{ id: bridge, field: 'source' }]);
    expect(await search('bridge')).toEqual([{ id: bridge, field: 'title' }]);
    expect(await search('ferry bridge')).toEqual([]);
    await scholia.close();
  });

  it('edits the details without touching the text or the revision, and removes a field left empty', async () => {
    const scholia = await openScholia({ libraryDir: await tempDir(), debounceMs: 5 });
    const { id, text } = await importArticle(scholia);
    await apply(scholia, id, [addNote(text, 'n1', 4)]);
    const updated = valueOf<ChannelOutput<'library.updateMeta'>>(
      await scholia.dispatch('library.updateMeta', {
        id,
        meta: {
          title: 'Prices',
          source: 'Daily Record',
          author: 'R. Writer',
          url: 'https://record.example/prices',
          language: 'en-GB',
          published: '2024-05-06',
        },
      }),
    );
    expect(updated).toMatchObject({
      title: 'Prices',
      source: 'Daily Record',
      published: '2024-05-06',
      url: 'https://record.example/prices',
    });
    valueOf(await scholia.dispatch('library.updateMeta', { id, meta: { title: 'Prices rise', author: '' } }));
    const { document } = valueOf<ChannelOutput<'library.get'>>(await scholia.dispatch('library.get', { id }));
    expect(document.meta).toEqual({
      title: 'Prices rise',
      source: 'Daily Record',
      url: 'https://record.example/prices',
      language: 'en-GB',
      published: '2024-05-06',
    });
    expect(document.text).toBe(text);
    expect(document.revision).toBe(1);
    const refused = await scholia.dispatch('library.updateMeta', { id, meta: { title: 'x', url: 'javascript:alert(1)' } });
    expect(refused.ok).toBe(false);
    await scholia.close();
  });

  it('moves an article through the fact-check stages, listed in its summary and kept on disk; "to check" is no field', async () => {
    const libraryDir = await tempDir();
    let scholia = await openScholia({ libraryDir, debounceMs: 5 });
    const { id } = await importArticle(scholia);
    const before = valueOf<ChannelOutput<'library.list'>>(await scholia.dispatch('library.list', {})).documents[0];
    expect(before).not.toHaveProperty('stage');
    const updated = valueOf<ChannelOutput<'library.updateMeta'>>(
      await scholia.dispatch('library.updateMeta', {
        id,
        meta: { title: 'Prices', stage: 'in-progress', factCheckUrl: 'https://fc.example/prices' },
      }),
    );
    expect(updated.stage).toBe('in-progress');
    const refused = await scholia.dispatch('library.updateMeta', { id, meta: { title: 'Prices', stage: 'done' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    await scholia.close();
    scholia = await openScholia({ libraryDir, debounceMs: 5 });
    const listed = valueOf<ChannelOutput<'library.list'>>(await scholia.dispatch('library.list', {})).documents;
    expect(listed.map((summary) => summary.stage)).toEqual(['in-progress']);
    const { document } = valueOf<ChannelOutput<'library.get'>>(await scholia.dispatch('library.get', { id }));
    expect(document.meta).toMatchObject({ stage: 'in-progress', factCheckUrl: 'https://fc.example/prices' });
    valueOf(await scholia.dispatch('library.updateMeta', { id, meta: { title: 'Prices', stage: 'to-check' } }));
    const { document: back } = valueOf<ChannelOutput<'library.get'>>(await scholia.dispatch('library.get', { id }));
    expect(back.meta).not.toHaveProperty('stage');
    await scholia.close();
  });
});
