import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { exportTagFile } from '../export/tag-file-export.ts';
import { annotatedSampleDocument } from '../testing/annotated-sample.ts';
import { unicodeDocument } from '../testing/sample-text.ts';
import { checkTagFile, jsonPath } from './tag-file-check.ts';
import { TagFileV1 } from './tag-file.ts';
import { tagFileJsonSchema } from './tag-file-schema.ts';
import { DEFAULT_TAGSET } from './tagset.ts';

const committed = JSON.parse(readFileSync(new URL('../../schemas/tag-file-v1.schema.json', import.meta.url), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats.default(ajv);
const validateSchema = ajv.compile(committed);

const sample = annotatedSampleDocument(readFileSync(new URL('../../assets/sample-article.txt', import.meta.url), 'utf8'));
const valid = JSON.parse(
  JSON.stringify(exportTagFile(sample, DEFAULT_TAGSET, { annotator: 'A. Analyst', exportedAt: '2026-02-01T10:00:00.000Z' })),
);

function agree(file: unknown): { schema: boolean; zod: boolean } {
  return { schema: validateSchema(file), zod: TagFileV1.safeParse(file).success };
}

/** Mutations of a valid file that both validators must refuse. */
type TagFileJson = typeof valid;

const BROKEN: [string, (file: TagFileJson) => void][] = [
  ['an unknown top-level field', (f) => Object.assign(f, { extra: true })],
  ['another format', (f) => Object.assign(f, { format: 'brat' })],
  ['version 2', (f) => Object.assign(f, { version: 2 })],
  ['a bad timestamp', (f) => Object.assign(f, { exportedAt: 'yesterday' })],
  ['a bad fingerprint', (f) => Object.assign(f, { document: { ...f.document, fingerprint: 'md5:abc' } })],
  ['no annotations', (f) => delete f.annotations],
  ['an unknown kind', (f) => Object.assign(f.annotations[0], { kind: 'highlight' })],
  ['a quote without a form', (f) => delete f.annotations.find((a: { kind: string }) => a.kind === 'quote').form],
  ['a negative offset', (f) => Object.assign(f.annotations[0].target, { start: -1 })],
  ['an id with a slash', (f) => Object.assign(f.entities[0], { id: '../x' })],
  [
    'a javascript: evidence link',
    (f) =>
      Object.assign(
        f.annotations.find((a: { evidence?: unknown }) => a.evidence),
        { evidence: [{ url: 'javascript:alert(1)' }] },
      ),
  ],
  ['a bad Wikidata id', (f) => Object.assign(f.entities[0], { wikidata: 'Q0' })],
  ['a bad colour', (f) => Object.assign(f.tagset.verdicts[0], { colour: 'red' })],
];

describe('the tag file v1 JSON Schema', () => {
  it('is what the zod validator generates (run `npm run schemas` after changing the model)', () => {
    expect(committed).toEqual(JSON.parse(JSON.stringify(tagFileJsonSchema())));
  });

  it('accepts what the validator accepts: exported files with and without text', () => {
    expect(agree(valid)).toEqual({ schema: true, zod: true });
    const withoutText = exportTagFile(unicodeDocument(), DEFAULT_TAGSET, { annotator: 'Ana', embedText: false });
    expect(agree(JSON.parse(JSON.stringify(withoutText)))).toEqual({ schema: true, zod: true });
    const minimal = {
      format: 'scholia-tags',
      version: 1,
      exportedAt: '2026-01-31T09:00:00Z',
      annotator: { name: 'A' },
      document: { fingerprint: valid.document.fingerprint, textLength: 3 },
      entities: [],
      annotations: [],
    };
    expect(agree(minimal)).toEqual({ schema: true, zod: true });
  });

  for (const [name, mutate] of BROKEN) {
    it(`and the validator both refuse ${name}`, () => {
      const file = structuredClone(valid);
      mutate(file);
      expect(agree(file)).toEqual({ schema: false, zod: false });
    });
  }
});

describe('checkTagFile', () => {
  it('passes a consistent file', () => {
    expect(checkTagFile(valid)).toMatchObject({ ok: true, problems: [] });
  });

  it('names each schema problem by its JSON path', () => {
    const file = structuredClone(valid);
    file.annotations[2].target.start = 'x';
    file.entities[1].name = '';
    delete file.annotator;
    const check = checkTagFile(file);
    expect(check.ok).toBe(false);
    expect(check.problems.map((p) => p.path).sort()).toEqual(['$.annotations[2].target.start', '$.annotator', '$.entities[1].name']);
  });

  it('finds what the schema cannot: text against fingerprint, targets against text, dangling references, duplicate ids, the codebook', () => {
    const file = structuredClone(valid);
    file.document.text = `${file.document.text.slice(0, -1)}!`;
    file.annotations[1].id = file.annotations[0].id;
    file.annotations.find((a: { kind: string }) => a.kind === 'quote').speakerId = 'nobody';
    file.annotations.find((a: { kind: string }) => a.kind === 'claim').status = 'pants-on-fire';
    const last = file.annotations[file.annotations.length - 1];
    last.target = { ...last.target, start: last.target.start + 1, end: last.target.end + 1 };
    const paths = checkTagFile(file).problems.map((p) => p.path);
    expect(paths).toContain('$.document.fingerprint');
    expect(paths).toContain('$.annotations[1].id');
    expect(paths.some((p) => /^\$\.annotations\[\d+\]\.speakerId$/u.test(p))).toBe(true);
    expect(paths.some((p) => /^\$\.annotations\[\d+\]\.status$/u.test(p))).toBe(true);
    expect(paths).toContain(`$.annotations[${file.annotations.length - 1}].target.exact`);
  });

  it('writes JSON paths for odd keys too', () => {
    expect(jsonPath(['a', 0, 'b c'])).toBe('$.a[0]["b c"]');
  });
});
