import { describe, expect, it } from 'vitest';
import type { NoteAnnotation } from '../model/annotation.ts';
import { checkTagFile } from '../model/tag-file-check.ts';
import type { TagFileV1 } from '../model/tag-file.ts';
import { DEFAULT_TAGSET } from '../model/tagset.ts';
import { makeTarget } from '../text/target.ts';
import { deletedMap, mergeDeleted, mergeLayers } from './layer-merge.ts';
import type { DeletedFile } from './team-files.ts';

const TEXT = 'The council approved the budget on Monday.\n\nCritics said the vote was rushed and the figures were wrong.';

function note(id: string, start: number, modified: string, text = id): NoteAnnotation {
  return {
    id,
    kind: 'note',
    target: makeTarget(TEXT, start, start + 8),
    note: text,
    author: 'Alice',
    created: '2026-03-01T09:00:00.000Z',
    modified,
  };
}

function layer(exportedAt: string, annotations: NoteAnnotation[]): TagFileV1 {
  return {
    format: 'scholia-tags',
    version: 1,
    exportedAt,
    annotator: { name: 'Alice' },
    document: { fingerprint: `sha256:${'a'.repeat(64)}`, title: 'Budget', textLength: TEXT.length },
    tagset: DEFAULT_TAGSET,
    entities: [],
    annotations,
  };
}

const deleted = (entries: [string, string][]): DeletedFile => ({
  format: 'scholia-team-deleted',
  version: 1,
  memberId: 'alice',
  deleted: entries.map(([id, at]) => ({ id, at })),
});

describe('merging one annotator’s layer from two computers', () => {
  it('keeps every annotation of either side, the later modified winning, and the result is a valid tag file', () => {
    const desktop = layer('2026-03-02T10:00:00.000Z', [
      note('a', 0, '2026-03-01T09:00:00.000Z'),
      note('b', 20, '2026-03-02T10:00:00.000Z', 'desk'),
    ]);
    const laptop = layer('2026-03-02T11:00:00.000Z', [
      note('b', 20, '2026-03-01T12:00:00.000Z', 'old'),
      note('c', 50, '2026-03-02T11:00:00.000Z'),
    ]);
    const merged = mergeLayers(desktop, laptop, new Map());
    expect(merged.annotations.map((a) => [a.id, a.kind === 'note' ? a.note : '']).sort()).toEqual([
      ['a', 'a'],
      ['b', 'desk'],
      ['c', 'c'],
    ]);
    expect(merged.exportedAt).toBe('2026-03-02T11:00:00.000Z');
    expect(checkTagFile(JSON.parse(JSON.stringify(merged))).ok).toBe(true);
  });

  it('does not bring back an annotation deleted on one computer, unless it was changed after the deletion', () => {
    const desktop = layer('2026-03-02T10:00:00.000Z', [note('a', 0, '2026-03-01T09:00:00.000Z')]);
    const laptop = layer('2026-03-02T11:00:00.000Z', [
      note('a', 0, '2026-03-01T09:00:00.000Z'),
      note('b', 20, '2026-03-01T09:00:00.000Z'),
      note('c', 40, '2026-03-03T09:00:00.000Z'),
    ]);
    const tombstones = deletedMap(
      deleted([
        ['b', '2026-03-02T09:00:00.000Z'],
        ['c', '2026-03-02T09:00:00.000Z'],
      ]),
    );
    expect(mergeLayers(desktop, laptop, tombstones).annotations.map((a) => a.id)).toEqual(['a', 'c']);
  });

  it('merges the deletion records of both computers, each id once with its latest time', () => {
    const merged = mergeDeleted(
      deleted([
        ['x', '2026-03-01T09:00:00.000Z'],
        ['y', '2026-03-02T09:00:00.000Z'],
      ]),
      deleted([
        ['x', '2026-03-03T09:00:00.000Z'],
        ['z', '2026-03-01T09:00:00.000Z'],
      ]),
    );
    expect(merged.deleted).toEqual([
      { id: 'x', at: '2026-03-03T09:00:00.000Z' },
      { id: 'y', at: '2026-03-02T09:00:00.000Z' },
      { id: 'z', at: '2026-03-01T09:00:00.000Z' },
    ]);
  });
});
