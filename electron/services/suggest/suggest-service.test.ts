import { describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../../shared/contract/channels.ts';
import { openScholia } from '../open-scholia.ts';
import { importArticle, valueOf } from '../testing/library-fixtures.ts';
import { useTempDirs } from '../testing/temp-dir.ts';

const tempDir = useTempDirs();

const ARTICLE = '“We will not stop the inquiry,” said Maria Lopez, the mayor of Valencia.\n\nLopez spoke for an hour.';

describe('suggest.run and suggest.reject', () => {
  it('remembers a rejection on the document across a reopen, without a new revision, and leaves it out', async () => {
    const libraryDir = await tempDir();
    const first = await openScholia({ libraryDir, debounceMs: 5 });
    const { id } = await importArticle(first, ARTICLE);
    const set = valueOf<ChannelOutput<'suggest.run'>>(await first.dispatch('suggest.run', { documentId: id }));
    const quote = set.suggestions.find((suggestion) => suggestion.kind === 'quote');
    expect(quote?.id).toMatch(/^quote:\d+-\d+$/u);
    expect(valueOf(await first.dispatch('suggest.reject', { documentId: id, ids: [quote?.id] }))).toEqual({ rejected: 1 });
    await first.close();

    const again = await openScholia({ libraryDir, debounceMs: 5 });
    const { document } = valueOf<ChannelOutput<'library.get'>>(await again.dispatch('library.get', { id }));
    expect(document.revision).toBe(0);
    expect(document.rejectedSuggestions).toEqual([quote?.id]);
    const after = valueOf<ChannelOutput<'suggest.run'>>(await again.dispatch('suggest.run', { documentId: id }));
    expect(after.rejected).toBe(1);
    expect(after.suggestions.some((suggestion) => suggestion.id === quote?.id)).toBe(false);
    await again.close();
  });

  it('refuses ids that are not suggestion ids, and an unknown document, changing nothing', async () => {
    const libraryDir = await tempDir();
    const scholia = await openScholia({ libraryDir, debounceMs: 5 });
    const { id } = await importArticle(scholia, ARTICLE);
    const bad = await scholia.dispatch('suggest.reject', { documentId: id, ids: ['quote:abc'] });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await scholia.dispatch('suggest.run', { documentId: 'nope' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const { document } = valueOf<ChannelOutput<'library.get'>>(await scholia.dispatch('library.get', { id }));
    expect(document.rejectedSuggestions).toBeUndefined();
    await scholia.close();
  });
});
