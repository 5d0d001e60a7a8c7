import { describe, expect, it } from 'vitest';
import { JsonBytesCache } from './json-bytes.ts';

const text = (bytes: Buffer) => bytes.toString('utf8');

describe('JsonBytesCache', () => {
  const file = {
    format: 'scholia-document',
    version: 1,
    document: {
      id: 'doc-1',
      title: 'Zürich — “quotes” and \u2028 separators',
      tags: ['a', 'b'],
      empty: [],
      nested: [[1, 2], [3]],
      mixed: [{ a: 1 }, 2],
      skipped: undefined,
      when: new Date('2026-01-31T09:00:00.000Z'),
      annotations: [
        { id: 'a1', kind: 'note', target: { start: 0, end: 4 }, note: 'Ünïcode 😀', gone: undefined },
        { id: 'a2', kind: 'claim', target: { start: 5, end: 9 }, tags: ['x'] },
      ],
    },
  };

  it('gives back exactly the data JSON.stringify would, one record per line', () => {
    const serialized = text(new JsonBytesCache().serialize(file));
    expect(JSON.parse(serialized)).toEqual(JSON.parse(JSON.stringify(file)));
    const lines = serialized.split('\n');
    expect(lines).toContain('{"id":"a1","kind":"note","target":{"start":0,"end":4},"note":"Ünïcode 😀"},');
    expect(lines).toContain('{"id":"a2","kind":"claim","target":{"start":5,"end":9},"tags":["x"]}');
  });

  it('reuses the bytes of a record it has seen, and encodes only the new ones', () => {
    const cache = new JsonBytesCache();
    const first = file.document.annotations[0] as object;
    cache.serialize(file);
    const added = { id: 'a3', kind: 'note', target: { start: 10, end: 12 } };
    const next = { ...file, document: { ...file.document, annotations: [...file.document.annotations, added] } };
    const serialized = text(cache.serialize(next));
    expect(JSON.parse(serialized).document.annotations.map((a: { id: string }) => a.id)).toEqual(['a1', 'a2', 'a3']);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(added)).toBe(true);
  });

  it('makes a record whose bytes it keeps refuse changes in place, so the kept bytes cannot go stale', () => {
    const cache = new JsonBytesCache();
    const record = { id: 'r', target: { start: 1, end: 2 } };
    cache.serialize({ items: [record] });
    expect(() => {
      (record.target as { start: number }).start = 5;
    }).toThrow(TypeError);
    expect(text(cache.serialize({ items: [record] }))).toBe('{"items":[\n{"id":"r","target":{"start":1,"end":2}}\n]}');
  });

  it('serialises values that are not containers as JSON.stringify does', () => {
    const cache = new JsonBytesCache();
    for (const value of [null, 1, 'a', true, [], {}, [1, 'b'], { a: [] }]) {
      expect(text(cache.serialize(value))).toBe(JSON.stringify(value));
    }
  });
});
