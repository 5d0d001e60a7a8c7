// Property and fuzz tests: what a stranger's file or a hostile caller can hand the validators.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScholiaError } from '../contract/errors.ts';
import { exportTagFile } from '../export/tag-file-export.ts';
import { annotatedSampleDocument } from '../testing/annotated-sample.ts';
import { splitsSurrogatePair, targetMatchesText } from '../text/target.ts';
import { applyAnnotationOps } from '../layer/apply-layer-ops.ts';
import { isValidId } from './ids.ts';
import { checkTagFile } from './tag-file-check.ts';
import { TagFileV1 } from './tag-file.ts';
import { Target } from './target.ts';
import { DEFAULT_TAGSET } from './tagset.ts';

const sample = annotatedSampleDocument(readFileSync(new URL('../../assets/sample-article.txt', import.meta.url), 'utf8'));
const validJson = JSON.stringify(
  exportTagFile(sample, DEFAULT_TAGSET, { annotator: 'A. Analyst', exportedAt: '2026-02-01T10:00:00.000Z' }),
);
const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();

/** A fresh copy of a valid tag file, as JSON.parse gives it. */
const valid = (): Record<string, unknown> => JSON.parse(validJson) as Record<string, unknown>;

/** Every place in a JSON tree: the container and the key that holds a value. */
function places(root: unknown): [Record<string, unknown> | unknown[], string | number][] {
  const found: [Record<string, unknown> | unknown[], string | number][] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach((child, index) => {
        found.push([node, index]);
        walk(child);
      });
    } else if (node !== null && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        found.push([node as Record<string, unknown>, key]);
        walk(child);
      }
    }
  };
  walk(root);
  return found;
}

type Mutation =
  | { kind: 'replace'; at: number; value: unknown }
  | { kind: 'delete'; at: number }
  | { kind: 'add-key'; at: number; key: string; value: unknown }
  | { kind: 'number'; at: number; value: number }
  | { kind: 'string'; at: number; value: string };

const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'format', 'text', 'start', 'end'];
const HOSTILE_NUMBERS = [-1, 0, 1, -0.5, 1e308, -1e308, 2 ** 53, Number.MAX_SAFE_INTEGER + 2, 3.5];
const HOSTILE_STRINGS = [
  '',
  '\ud83d',
  '\udc00x',
  '../../etc/passwd',
  'a/b',
  '\u0000',
  '<script>alert(1)</script>',
  'x'.repeat(5000),
  '\u{1F600}',
];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: fc.jsonValue({ maxDepth: 3 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('add-key' as const),
    at: fc.nat(),
    key: fc.oneof(fc.constantFrom(...HOSTILE_KEYS), fc.string()),
    value: fc.jsonValue({ maxDepth: 2 }),
  }),
  fc.record({ kind: fc.constant('number' as const), at: fc.nat(), value: fc.oneof(fc.constantFrom(...HOSTILE_NUMBERS), fc.integer()) }),
  fc.record({
    kind: fc.constant('string' as const),
    at: fc.nat(),
    value: fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.string({ unit: 'binary' })),
  }),
);

/** Applies mutations to a valid file, then goes through JSON text, as a file from disk would. */
function mutated(mutations: readonly Mutation[]): unknown {
  const root = valid();
  for (const change of mutations) {
    const all = places(root);
    const place = all[change.at % all.length];
    if (!place) continue;
    const [container, key] = place;
    const target = container as Record<string | number, unknown>;
    switch (change.kind) {
      case 'replace':
      case 'number':
      case 'string':
        target[key] = change.value;
        break;
      case 'delete':
        if (Array.isArray(container)) container.splice(Number(key), 1);
        else Reflect.deleteProperty(target, key);
        break;
      case 'add-key': {
        const holder = target[key];
        const object = holder !== null && typeof holder === 'object' && !Array.isArray(holder) ? holder : container;
        // An own property even for "__proto__", as JSON.parse makes it.
        if (!Array.isArray(object))
          Object.defineProperty(object, change.key, { value: change.value, enumerable: true, writable: true, configurable: true });
        break;
      }
    }
  }
  return JSON.parse(JSON.stringify(root));
}

function neverThrows(input: unknown): void {
  const check = checkTagFile(input);
  if (!check.ok) {
    expect(check.problems.length).toBeGreaterThan(0);
    for (const problem of check.problems) expect(problem.path.startsWith('$')).toBe(true);
    return;
  }
  // Whatever passes is a whole, consistent file: it parses again, and every target quotes the text.
  expect(TagFileV1.safeParse(check.file).success).toBe(true);
  const { text } = check.file.document;
  for (const annotation of check.file.annotations) {
    if (text !== undefined) expect(targetMatchesText(text, annotation.target)).toBe(true);
    else expect(annotation.target.end).toBeLessThanOrEqual(check.file.document.textLength);
  }
}

describe('checkTagFile against hostile input', () => {
  it('never throws on random JSON (3,000 values)', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 8 }), neverThrows), { numRuns: 3000 });
  });

  it('never throws on random objects shaped almost like a tag file (2,000 values)', () => {
    const nearly = fc.record(
      {
        format: fc.oneof(fc.constant('scholia-tags'), fc.jsonValue()),
        version: fc.oneof(fc.constant(1), fc.constant(2), fc.jsonValue()),
        exportedAt: fc.oneof(fc.constant('2026-02-01T10:00:00.000Z'), fc.jsonValue()),
        annotator: fc.oneof(fc.constant({ name: 'X' }), fc.jsonValue()),
        document: fc.jsonValue({ maxDepth: 2 }),
        entities: fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 5 }),
        annotations: fc.array(fc.jsonValue({ maxDepth: 4 }), { maxLength: 5 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(fc.property(nearly, neverThrows), { numRuns: 2000 });
  });

  it('never throws on mutations of a valid file, and passes only whole consistent files (3,000 files)', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => neverThrows(mutated(mutations))),
      { numRuns: 3000 },
    );
  });

  it('lets "__proto__" and "constructor" keys change nothing, anywhere (1,000 files)', () => {
    const where = fc.constantFrom(
      '$',
      '$.document',
      '$.annotator',
      '$.annotations[0]',
      '$.annotations[0].target',
      '$.entities[0]',
      '$.tagset',
    );
    fc.assert(
      fc.property(where, fc.constantFrom('__proto__', 'constructor'), fc.jsonValue({ maxDepth: 2 }), (at, key, value) => {
        const file = valid();
        const holder =
          at === '$'
            ? file
            : (at
                .slice(2)
                .split(/[.[\]]+/u)
                .filter(Boolean)
                .reduce<unknown>((node, step) => (node as Record<string, unknown>)[step], file) as Record<string, unknown>);
        const polluted = { polluted: true, isAdmin: true, value };
        Object.defineProperty(holder, key, {
          value: key === '__proto__' ? polluted : { prototype: polluted },
          enumerable: true,
          writable: true,
          configurable: true,
        });
        const check = checkTagFile(JSON.parse(JSON.stringify(file)));
        if (check.ok) {
          // Accepted only with the key dropped: the same file as without it.
          const clean = checkTagFile(valid());
          expect(JSON.stringify(check.file)).toBe(JSON.stringify(clean.ok ? clean.file : null));
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses a flood of annotations by its length, without validating them (1,000,000 annotations)', () => {
    const file = valid();
    const one = (file.annotations as unknown[])[0];
    file.annotations = new Array<unknown>(1_000_000).fill(one);
    const started = performance.now();
    const check = checkTagFile(file);
    expect(performance.now() - started).toBeLessThan(200);
    expect(check).toEqual({
      ok: false,
      problems: [{ path: '$.annotations', message: 'holds 1000000 items; a tag file may hold at most 200000' }],
    });
  });
});

describe('offsets', () => {
  const pieces = fc.constantFrom('a', 'b ', 'é', 'e\u0301', '\u{1F600}', '\u{1F1EA}\u{1F1FA}', '\n\n', '中');
  const textAndSpan = fc.array(pieces, { minLength: 1, maxLength: 12 }).chain((parts) => {
    const text = parts.join('');
    return fc.tuple(fc.constant(text), fc.integer({ min: -3, max: text.length + 3 }), fc.integer({ min: -3, max: text.length + 3 }));
  });

  it('accepts exactly the spans inside the text, not empty, not reversed, not splitting a surrogate pair (5,000 spans)', () => {
    fc.assert(
      fc.property(textAndSpan, ([text, start, end]) => {
        const target = { start, end, exact: text.slice(start, end), prefix: '', suffix: '' };
        const expected =
          start >= 0 && end <= text.length && end > start && !splitsSurrogatePair(text, start) && !splitsSurrogatePair(text, end);
        expect(targetMatchesText(text, target)).toBe(expected);
        const schema = Target.safeParse(target).success;
        if (start < 0 || end <= start) expect(schema).toBe(false);
        // Through a batch: refused with a ScholiaError naming the op, never any other error.
        const op = {
          op: 'annotation.add' as const,
          annotation: {
            id: 'n1',
            kind: 'note' as const,
            target,
            author: 'X',
            created: '2026-01-01T00:00:00.000Z',
            modified: '2026-01-01T00:00:00.000Z',
          },
        };
        try {
          applyAnnotationOps(text, DEFAULT_TAGSET, { entities: [], annotations: [] }, [op]);
          expect(expected).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(ScholiaError);
          expect(expected).toBe(false);
        }
      }),
      { numRuns: 5000 },
    );
  });
});

describe('ids', () => {
  it('never lets "/", "\\\\", "..", ":" or NUL into an id (3,000 strings)', () => {
    const hostile = fc
      .tuple(fc.string(), fc.constantFrom('/', '\\', '..', '\u0000', ':', '%2e%2e', ' '), fc.string())
      .map(([a, bad, b]) => a + bad + b);
    fc.assert(
      fc.property(hostile, (id) => {
        expect(isValidId(id)).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it('accepts only letters, digits, "_" and "-", 1 to 64 of them, not starting with "_" or "-" (3,000 strings)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (id) => {
        expect(isValidId(id)).toBe(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/u.test(id));
      }),
      { numRuns: 3000 },
    );
  });
});
