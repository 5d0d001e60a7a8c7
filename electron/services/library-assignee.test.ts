import { describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../shared/contract/channels.ts';
import { isAssignedTo } from '../../shared/model/assignee.ts';
import { openScholia, type Scholia } from './open-scholia.ts';
import { importArticle, valueOf } from './testing/library-fixtures.ts';
import { useTempDirs } from './testing/temp-dir.ts';

const tempDir = useTempDirs();

async function summaryOf(scholia: Scholia, id: string) {
  return valueOf<ChannelOutput<'library.list'>>(await scholia.dispatch('library.list', {})).documents.find((s) => s.id === id);
}

describe('an article’s assignee', () => {
  it('is set in the details, listed in the summary beside the stage, kept on disk, and taken off when left empty', async () => {
    const libraryDir = await tempDir();
    let scholia = await openScholia({ libraryDir, debounceMs: 5 });
    const { id } = await importArticle(scholia);
    expect(await summaryOf(scholia, id)).not.toHaveProperty('assignee');
    const updated = valueOf<ChannelOutput<'library.updateMeta'>>(
      await scholia.dispatch('library.updateMeta', { id, meta: { title: 'Prices', stage: 'in-progress', assignee: '  bob  ' } }),
    );
    expect(updated).toMatchObject({ stage: 'in-progress', assignee: 'bob' });
    await scholia.close();

    scholia = await openScholia({ libraryDir, debounceMs: 5 });
    expect(await summaryOf(scholia, id)).toMatchObject({ stage: 'in-progress', assignee: 'bob' });
    const { document } = valueOf<ChannelOutput<'library.get'>>(await scholia.dispatch('library.get', { id }));
    expect(document.meta.assignee).toBe('bob');
    valueOf(await scholia.dispatch('library.updateMeta', { id, meta: { title: 'Prices', assignee: '' } }));
    expect(await summaryOf(scholia, id)).not.toHaveProperty('assignee');
    await scholia.close();
  });

  it('refuses an assignee with control characters or too long, and changes nothing', async () => {
    const scholia = await openScholia({ libraryDir: await tempDir(), debounceMs: 5 });
    const { id } = await importArticle(scholia);
    valueOf(await scholia.dispatch('library.updateMeta', { id, meta: { title: 'Prices', assignee: 'Alice Martin' } }));
    for (const assignee of ['bob\u0007', 'x'.repeat(201)]) {
      const refused = await scholia.dispatch('library.updateMeta', { id, meta: { title: 'Other', assignee } });
      expect(refused.ok ? null : refused.error.code).toBe('bad-request');
    }
    expect(await summaryOf(scholia, id)).toMatchObject({ title: 'Prices', assignee: 'Alice Martin' });
    await scholia.close();
  });
});

describe('"assigned to me"', () => {
  it('matches any of my names: the settings’ annotator name, my team member id or name, case and spacing aside', () => {
    const me = ['Alice  Martin', 'alice', undefined];
    expect(isAssignedTo('alice martin', me)).toBe(true);
    expect(isAssignedTo('ALICE', me)).toBe(true);
    expect(isAssignedTo('bob', me)).toBe(false);
    expect(isAssignedTo(undefined, me)).toBe(false);
    expect(isAssignedTo('alice', ['', ' '])).toBe(false);
  });
});
