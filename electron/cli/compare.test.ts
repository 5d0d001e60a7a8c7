import { readFile, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportTagFile } from '../../shared/export/tag-file-export.ts';
import type { ScholiaDocument } from '../../shared/model/document.ts';
import { MAX_TAG_FILE_BYTES } from '../../shared/model/tag-file.ts';
import { DEFAULT_TAGSET } from '../../shared/model/tagset.ts';
import { annotatedSampleDocument } from '../../shared/testing/annotated-sample.ts';
import { useTempDirs } from '../services/testing/temp-dir.ts';
import { runScholia as scholia } from './testing/run-scholia.ts';

const tempDir = useTempDirs();
const raw = await readFile(path.resolve('assets/sample-article.txt'), 'utf8');
const sample = annotatedSampleDocument(raw);

async function write(dir: string, name: string, document: ScholiaDocument, annotator: string, embedText = true): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(
    file,
    JSON.stringify(exportTagFile(document, DEFAULT_TAGSET, { annotator, embedText, exportedAt: '2026-02-01T09:00:00.000Z' })),
  );
  return file;
}

/** A colleague who left out one claim and judged another differently. */
function colleague(document: ScholiaDocument): ScholiaDocument {
  return {
    ...document,
    annotations: document.annotations
      .filter((a) => a.id !== 'claim-law')
      .map((a) => (a.id === 'claim-times' && a.kind === 'claim' ? { ...a, status: 'false' } : a)),
  };
}

describe('scholia compare', () => {
  it('prints the agreement table of two tag files and exits 0', async () => {
    const dir = await tempDir();
    const a = await write(dir, 'a.json', sample, 'A. Analyst');
    const b = await write(dir, 'b.json', colleague(sample), 'B. Colleague');
    const result = await scholia('compare', a, b);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Agreement of 2 tag files on “European Parliament');
    expect(result.stdout).toMatch(/A\. Analyst – B\. Colleague\s+all/);
    // Claims: 7 and 6, six on the same spans: F1 = 12/13 = 0.923; verdicts agree on 5 of 6.
    expect(result.stdout).toMatch(/claims\s+7\/6\s+1\.000\s+0\.857\s+0\.923\s+0\.923/);
    expect(result.stdout).toMatch(/verdict\s+5 of 6\s+0\.833/);
    expect(result.stdout).toContain('What the figures mean:');
  });

  it('places files of an edited copy on the text given, and answers JSON with a majority view for three files', async () => {
    const dir = await tempDir();
    const editedRaw = raw.replace('date 2022-11-23 ', 'date 2022-11-23 Updated on Thursday with comments from the spokesperson.\n\n');
    expect(editedRaw).not.toBe(raw);
    const editedSample = colleague(annotatedSampleDocument(editedRaw));
    const a = await write(dir, 'a.json', sample, 'A. Analyst', false);
    const b = await write(dir, 'b.json', editedSample, 'B. Colleague', false);
    const c = await write(dir, 'c.json', sample, 'C. Third', false);
    const article = path.join(dir, 'article.txt');
    await writeFile(article, raw);
    const result = await scholia('compare', a, b, c, '--text', article, '--json');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.files.map((f: { annotator: string }) => f.annotator)).toEqual(['A. Analyst', 'B. Colleague', 'C. Third']);
    expect(report.files[0].placement).toMatchObject({ exact: sample.annotations.length, orphaned: 0 });
    // Their copy has a paragraph more at the top: every annotation found again, further up.
    expect(report.files[1].placement).toEqual({ exact: 0, moved: editedSample.annotations.length, fuzzy: 0, orphaned: 0 });
    expect(report.pairs).toHaveLength(3);
    expect(report.pairs[1].scopes.all.exact.f1).toBe(1);
    expect(report.overall.scopes.claim.alphaU.value).toBeGreaterThan(0.5);
    expect(report.majority.byCount['3']).toBeGreaterThan(30);
    expect(report.majority.byCount['2']).toBe(1);
  });

  it('exits 1 with every problem of a tag file that fails validation', async () => {
    const dir = await tempDir();
    const a = await write(dir, 'a.json', sample, 'A. Analyst');
    const broken = JSON.parse(await readFile(a, 'utf8'));
    broken.annotations[0].speakerId = 'nobody';
    broken.annotations[1].status = 'plausible';
    broken.extra = true;
    const b = path.join(dir, 'b.json');
    await writeFile(b, JSON.stringify(broken));
    const result = await scholia('compare', a, b, path.join(dir, 'missing.json'));
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${b}: $: Unrecognized key: "extra"`);
    expect(result.stdout).toContain(`${path.join(dir, 'missing.json')}: $: not readable JSON: there is no such file`);
    expect(result.stderr).toMatch(/are not valid tag files; nothing compared/);
    expect((await scholia('compare', a)).code).toBe(2);
  });

  it('refuses a tag file larger than 64 MiB by its size, without reading it, with the message export and validate give', async () => {
    const dir = await tempDir();
    const a = await write(dir, 'a.json', sample, 'A. Analyst');
    const big = path.join(dir, 'big.json');
    await writeFile(big, '');
    await truncate(big, MAX_TAG_FILE_BYTES + 1024 * 1024);
    const notJson = path.join(dir, 'not-json.json');
    await writeFile(notJson, '{"annotations": [');
    const result = await scholia('compare', a, big, notJson);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${big}: $: big.json is 65 MiB; a tag file may be at most 64 MiB`);
    expect(result.stdout).toMatch(/not-json\.json: \$: not-json\.json is not JSON: /u);
    expect(result.stderr).toMatch(/are not valid tag files; nothing compared/);
    const validated = await scholia('validate', big);
    expect(validated.stdout).toContain('big.json is 65 MiB; a tag file may be at most 64 MiB');
  });
});
