import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../shared/contract/channels.ts';
import type { ApiResult } from '../../shared/contract/errors.ts';
import type { Annotation } from '../../shared/model/annotation.ts';
import { DEFAULT_TAGSET, type Tagset } from '../../shared/model/tagset.ts';
import { makeTarget } from '../../shared/text/target.ts';
import { openScholia } from './open-scholia.ts';
import { useTempDirs } from './testing/temp-dir.ts';

const tempDir = useTempDirs();
const assetsDir = path.resolve('assets');

function valueOf<T>(result: ApiResult<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

describe('the codebook and the annotator profile in settings', () => {
  it('keeps a changed codebook across a restart', async () => {
    const dir = await tempDir();
    const scholia = await openScholia({ libraryDir: dir, seedFrom: assetsDir });
    expect(valueOf(await scholia.dispatch('tagset.get', {}))).toEqual(DEFAULT_TAGSET);
    const next: Tagset = {
      ...DEFAULT_TAGSET,
      verdicts: DEFAULT_TAGSET.verdicts.map((verdict) =>
        verdict.id === 'true' ? { ...verdict, label: 'Correct', colour: '#166534' } : verdict,
      ),
      claimLabels: [...DEFAULT_TAGSET.claimLabels, { id: 'quote-check', label: 'Quote check', colour: '#0e7490' }],
    };
    expect(valueOf(await scholia.dispatch('tagset.set', { tagset: next }))).toEqual(next);
    await scholia.close();
    const reopened = await openScholia({ libraryDir: dir });
    expect(valueOf(await reopened.dispatch('tagset.get', {}))).toEqual(next);
    const [summary] = valueOf<ChannelOutput<'library.list'>>(await reopened.dispatch('library.list', {})).documents;
    expect(valueOf<ChannelOutput<'library.get'>>(await reopened.dispatch('library.get', { id: summary?.id ?? '' })).tagset).toEqual(next);
    await reopened.close();
  });

  it('refuses a codebook with shared or reserved keys, and one that drops a verdict in use, changing nothing', async () => {
    const scholia = await openScholia({ libraryDir: await tempDir(), seedFrom: assetsDir });
    const clash = {
      ...DEFAULT_TAGSET,
      entityTypes: DEFAULT_TAGSET.entityTypes.map((type) => ({ ...type, key: type.id === 'person' ? 'o' : type.key })),
    };
    expect(await scholia.dispatch('tagset.set', { tagset: clash })).toMatchObject({
      ok: false,
      error: { code: 'bad-request', message: expect.stringContaining('share the key “o”') },
    });

    const [summary] = valueOf<ChannelOutput<'library.list'>>(await scholia.dispatch('library.list', {})).documents;
    const { document } = valueOf<ChannelOutput<'library.get'>>(await scholia.dispatch('library.get', { id: summary?.id ?? '' }));
    const when = new Date().toISOString();
    const claim: Annotation = {
      id: 'c1',
      kind: 'claim',
      status: 'mixed',
      target: makeTarget(document.text, 4, 12),
      author: 'A',
      created: when,
      modified: when,
    };
    valueOf(await scholia.dispatch('annotations.apply', { documentId: document.id, ops: [{ op: 'annotation.add', annotation: claim }] }));
    const withoutMixed = { ...DEFAULT_TAGSET, verdicts: DEFAULT_TAGSET.verdicts.filter((verdict) => verdict.id !== 'mixed') };
    expect(await scholia.dispatch('tagset.set', { tagset: withoutMixed })).toMatchObject({
      ok: false,
      error: { code: 'bad-request', message: expect.stringContaining('the verdict “mixed” is used in') },
    });
    expect(valueOf(await scholia.dispatch('tagset.get', {}))).toEqual(DEFAULT_TAGSET);
    await scholia.close();
  });

  it('remembers that the annotator profile was set, for the first-run question', async () => {
    const dir = await tempDir();
    const scholia = await openScholia({ libraryDir: dir });
    expect(valueOf(await scholia.dispatch('settings.get', {}))).toEqual({ annotatorName: 'Analyst' });
    valueOf(await scholia.dispatch('settings.set', { annotatorName: 'R. Fact-Checker', profileSet: true }));
    await scholia.close();
    const reopened = await openScholia({ libraryDir: dir });
    expect(valueOf(await reopened.dispatch('settings.get', {}))).toEqual({ annotatorName: 'R. Fact-Checker', profileSet: true });
    await reopened.close();
  });
});
