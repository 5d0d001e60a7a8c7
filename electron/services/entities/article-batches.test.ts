import { describe, expect, it } from 'vitest';
import { LibraryStore } from '../store/library-store.ts';
import { useTempDirs } from '../testing/temp-dir.ts';
import { documentFromText } from '../text-import.ts';
import { person } from '../testing/record-fixtures.ts';
import { commitBatches, planBatches } from './article-batches.ts';

const tempDir = useTempDirs();

describe('batches across articles', () => {
  it('saves nothing when an article changed between the check and the save', async () => {
    const store = await LibraryStore.open(await tempDir(), { debounceMs: 5 });
    const first = documentFromText({ text: 'The first article.' });
    const second = documentFromText({ text: 'The second article.' });
    await store.addDocument(first);
    await store.addDocument(second);
    const planned = await planBatches(
      store,
      [first.id, second.id].map((documentId) => ({ documentId, ops: [{ op: 'entity.add' as const, entity: person('p1', 'Ada') }] })),
      'add Ada',
    );
    store.commitRevision(await store.getDocument(second.id), { entities: [person('p2', 'Grace')] });
    await expect(commitBatches(store, planned, new Date().toISOString())).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('changed while the change was being made; nothing was changed'),
    });
    expect((await store.getDocument(first.id)).entities).toEqual([]);
    expect((await store.getDocument(first.id)).revision).toBe(0);
    expect((await store.getDocument(second.id)).entities).toEqual([person('p2', 'Grace')]);

    const again = await planBatches(store, [{ documentId: first.id, ops: [{ op: 'entity.add', entity: person('p1', 'Ada') }] }], 'add Ada');
    const [saved] = await commitBatches(store, again, new Date().toISOString());
    expect(saved?.inverse).toEqual([{ op: 'entity.remove', id: 'p1' }]);
    expect((await store.getDocument(first.id)).entities).toEqual([person('p1', 'Ada')]);
    await store.close();
  });
});
