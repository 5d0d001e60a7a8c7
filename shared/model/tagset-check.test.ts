import { describe, expect, it } from 'vitest';
import type { Annotation } from './annotation.ts';
import { DEFAULT_TAGSET, type Tagset } from './tagset.ts';
import { removedTagsInUse, tagsetProblems, usedTagIds } from './tagset-check.ts';
import { readTagsetFile, tagsetFile } from './tagset-file.ts';

const when = '2026-01-31T09:00:00.000Z';
const target = { start: 0, end: 1, exact: 'a', prefix: '', suffix: '' };

describe('tagsetProblems', () => {
  it('finds nothing wrong with the default codebook', () => {
    expect(tagsetProblems(DEFAULT_TAGSET)).toEqual([]);
  });

  it('refuses duplicate ids, shared keys within a list, and keys the reader uses', () => {
    const tagset: Tagset = {
      ...DEFAULT_TAGSET,
      verdicts: [
        { id: 'true', label: 'True', colour: '#15803d', key: '1' },
        { id: 'true', label: 'Also true', colour: '#15803d', key: '1' },
        { id: 'odd', label: 'Odd', colour: '#15803d', key: 'C' },
      ],
    };
    expect(tagsetProblems(tagset)).toEqual([
      'Two verdicts have the id “true”.',
      'The verdicts “True” and “Also true” share the key “1”.',
      'The key “C” of the verdict “Odd” is taken by a reader command.',
    ]);
  });
});

describe('codebook changes against the library', () => {
  it('names the ids a new codebook would drop while a document uses them', () => {
    const annotations: Annotation[] = [
      { id: 'c', kind: 'claim', status: 'mixed', label: 'statistic', target, author: 'A', created: when, modified: when },
    ];
    const used = usedTagIds({ annotations, entities: [{ id: 'e', name: 'X', type: 'group', aliases: [] }] });
    const next: Tagset = {
      ...DEFAULT_TAGSET,
      verdicts: DEFAULT_TAGSET.verdicts.filter((v) => v.id !== 'mixed'),
      entityTypes: DEFAULT_TAGSET.entityTypes.filter((t) => t.id !== 'group'),
    };
    expect(removedTagsInUse(next, used, 'Article')).toEqual([
      'the entity type “group” is used in “Article”',
      'the verdict “mixed” is used in “Article”',
    ]);
    expect(removedTagsInUse(DEFAULT_TAGSET, used, 'Article')).toEqual([]);
  });
});

describe('codebook files', () => {
  it('reads back what it writes, a bare codebook, and the codebook in a tag file', () => {
    expect(readTagsetFile(JSON.parse(JSON.stringify(tagsetFile(DEFAULT_TAGSET))))).toEqual({ ok: true, tagset: DEFAULT_TAGSET });
    expect(readTagsetFile(DEFAULT_TAGSET)).toEqual({ ok: true, tagset: DEFAULT_TAGSET });
    expect(readTagsetFile({ format: 'scholia-tags', version: 1, tagset: DEFAULT_TAGSET })).toEqual({ ok: true, tagset: DEFAULT_TAGSET });
  });

  it('says plainly why a file is not a codebook', () => {
    expect(readTagsetFile([1, 2])).toEqual({ ok: false, message: 'The file does not hold a codebook (it is not a JSON object).' });
    expect(readTagsetFile({ format: 'scholia-library' })).toEqual({
      ok: false,
      message: 'The file is a “scholia-library” file, not a codebook.',
    });
    expect(readTagsetFile({ format: 'scholia-tagset', version: 2, tagset: DEFAULT_TAGSET })).toMatchObject({
      ok: false,
      message: expect.stringContaining('version 2'),
    });
    const bad = readTagsetFile({ ...DEFAULT_TAGSET, verdicts: [{ id: 'Not An Id', label: '', colour: 'red' }] });
    expect(bad).toMatchObject({ ok: false, message: expect.stringMatching(/^The codebook is not valid: verdicts\.0\./u) });
    const clash = readTagsetFile({ ...DEFAULT_TAGSET, entityTypes: [{ id: 'person', label: 'Person', colour: '#7c3aed', key: 'q' }] });
    expect(clash).toMatchObject({ ok: false, message: expect.stringContaining('taken by a reader command') });
  });
});
