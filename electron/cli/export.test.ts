import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { exportTagFile } from '../../shared/export/tag-file-export.ts';
import { DEFAULT_TAGSET } from '../../shared/model/tagset.ts';
import { annotatedSampleDocument } from '../../shared/testing/annotated-sample.ts';
import { sliceCodePoints } from '../../shared/text/code-points.ts';
import { fileStem } from '../../shared/export/file-names.ts';
import { useTempDirs } from '../services/testing/temp-dir.ts';
import { runScholia as scholia, runScholiaWith as scholiaWith } from './testing/run-scholia.ts';

const tempDir = useTempDirs();
const sample = annotatedSampleDocument(await readFile(path.resolve('assets/sample-article.txt'), 'utf8'));

async function tagFile(dir: string, embedText = true): Promise<string> {
  const file = path.join(dir, 'sample.scholia-tags.json');
  await writeFile(file, JSON.stringify(exportTagFile(sample, DEFAULT_TAGSET, { annotator: 'A. Analyst', embedText }), null, 2));
  return file;
}

describe('scholia export', () => {
  it('exports a tag file with its text as an HTML report', async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'report.html');
    const result = await scholia('export', await tagFile(dir), '--format', 'html', '--out', out);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(out);
    const html = await readFile(out, 'utf8');
    for (const claim of sample.annotations.filter((a) => a.kind === 'claim'))
      expect(html).toContain(claim.target.exact.replace(/"/gu, '&quot;'));
    expect(html).toContain('A. Analyst');
  });

  it('writes brat as PATH.txt and PATH.ann whose spans match the text', async () => {
    const dir = await tempDir();
    const result = await scholia('export', await tagFile(dir), '--format', 'brat', '--out', path.join(dir, 'out', 'sample.ann'));
    expect(result.code).toBe(0);
    const txt = await readFile(path.join(dir, 'out', 'sample.txt'), 'utf8');
    const ann = await readFile(path.join(dir, 'out', 'sample.ann'), 'utf8');
    expect(txt).toBe(`${sample.text}\n`);
    const spans = ann.split('\n').filter((line) => line.startsWith('T'));
    expect(spans.length).toBeGreaterThanOrEqual(sample.annotations.length);
    for (const line of spans) {
      const [, place, text] = line.split('\t') as [string, string, string];
      const [start, end] = place.split(' ').slice(1).map(Number) as [number, number];
      if (!place.includes(';')) expect(sliceCodePoints(txt, start, end)).toBe(text);
    }
  });

  it('writes into an existing folder given as --out, under the name the app would give', async () => {
    const dir = await tempDir();
    const folder = path.join(dir, 'exports');
    await mkdir(folder);
    const brat = await scholia('export', await tagFile(dir), '--format', 'brat', '--out', folder);
    expect(brat.code).toBe(0);
    const stem = fileStem(sample.meta.title);
    expect((await readdir(folder)).sort()).toEqual([`${stem}.ann`, `${stem}.txt`]);
    expect(await readFile(path.join(folder, `${stem}.txt`), 'utf8')).toBe(`${sample.text}\n`);
    expect(await readdir(dir)).not.toContain(`exports.txt`);
    const csv = await scholia('export', await tagFile(dir), '--format', 'csv', '--out', folder);
    expect(csv.stdout.trim()).toBe(path.join(folder, `${stem}.annotations.csv`));
  });

  it('reports a damaged document file as the app does, not as a missing document', async () => {
    const library = await tempDir();
    const dir = await tempDir();
    await writeFile(path.join(dir, 'a.txt'), 'A first article that stays readable.');
    await writeFile(path.join(dir, 'b.txt'), 'A second article whose file is damaged.');
    const imported = await scholia('import', path.join(dir, 'a.txt'), path.join(dir, 'b.txt'), '--library', library, '--json');
    const [good, bad] = (JSON.parse(imported.stdout) as { id: string }[]).map((document) => document.id) as [string, string];
    await writeFile(path.join(library, 'documents', `${bad}.json`), '{"format":"scholia-document", trunc');

    const listed = await scholia('list', '--library', library, '--json');
    expect(listed.code).toBe(0);
    expect((JSON.parse(listed.stdout) as { id: string }[]).map((d) => d.id)).toEqual([good]);
    expect(listed.stderr).toMatch(new RegExp(`scholia: Document ${bad} could not be read: .*It was left as it is\\.`, 'u'));

    const exported = await scholia('export', bad, '--library', library, '--format', 'md', '--out', path.join(dir, 'x.md'));
    expect(exported.code).toBe(1);
    expect(exported.stderr).toMatch(new RegExp(`Document ${bad} could not be read`, 'u'));
    expect(exported.stderr).not.toMatch(/There is no document/u);
  });

  it('stops PDF export at once, in one line, when the browser to print with is not there', async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'report.pdf');
    const result = await scholiaWith(
      { SCHOLIA_CHROMIUM: path.join(dir, 'no-such-browser') },
      'export',
      await tagFile(dir),
      '--format',
      'pdf',
      '--out',
      out,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `scholia: PDF export needs a browser to print with. SCHOLIA_CHROMIUM is ${path.join(dir, 'no-such-browser')}, but no browser can be run there.\n`,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('exports a library document by id, with report options', async () => {
    const library = await tempDir();
    const dir = await tempDir();
    const article = path.join(dir, 'article.txt');
    await writeFile(article, 'date 2024-03-02 Talks resumed in Cairo.\n\nBoth sides said little.');
    const imported = await scholia('import', article, '--library', library, '--json');
    const [{ id }] = JSON.parse(imported.stdout);
    const out = path.join(dir, 'report.md');
    const result = await scholia(
      'export',
      id,
      '--library',
      library,
      '--format',
      'md',
      '--out',
      out,
      '--sections',
      'summary,claims',
      '--no-article',
    );
    expect(result.code).toBe(0);
    const markdown = await readFile(out, 'utf8');
    expect(markdown).toContain('# article');
    expect(markdown).toContain('## Claims');
    expect(markdown).not.toContain('## Article');
    expect(markdown).not.toContain('## Quotes');
  });

  it('writes CSV with formula-leading cells defused, or raw with --csv-raw-formulas', async () => {
    const dir = await tempDir();
    const formula = '=HYPERLINK("https://evil.example","Open")';
    const file = path.join(dir, 'formula.scholia-tags.json');
    const withFormula = { ...sample, annotations: sample.annotations.map((a, i) => (i === 0 ? { ...a, note: formula } : a)) };
    await writeFile(file, JSON.stringify(exportTagFile(withFormula, DEFAULT_TAGSET, { annotator: 'A. Analyst' })));
    const read = async (...flags: string[]) => {
      const out = path.join(dir, `out${flags.length}.csv`);
      expect((await scholia('export', file, '--format', 'csv', '--out', out, ...flags)).code).toBe(0);
      const rows: Record<string, string>[] = parseCsv(await readFile(out, 'utf8'), { bom: true, columns: true });
      return rows.map((row) => row.note);
    };
    expect(await read()).toContain(`'${formula}`);
    expect(await read()).not.toContain(formula);
    expect(await read('--csv-raw-formulas')).toContain(formula);
  });

  it('explains what is wrong with the command line', async () => {
    const dir = await tempDir();
    const file = await tagFile(dir);
    const badFormat = await scholia('export', file, '--format', 'odt', '--out', path.join(dir, 'x'));
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toMatch(/--format must be one of html, pdf, md, docx, tags, w3c, csv, claimreview, brat, conll/);
    expect((await scholia('export', file, '--format', 'html')).stderr).toMatch(/needs --out PATH/);
    expect((await scholia('export', file, '--format', 'html', '--out', path.join(dir, 'x'), '--verdicts', 'pants-on-fire')).stderr).toMatch(
      /"pants-on-fire" is not a verdict/,
    );
    const noText = await scholia('export', await tagFile(await tempDir(), false), '--format', 'html', '--out', path.join(dir, 'x'));
    expect(noText.code).toBe(1);
    expect(noText.stderr).toMatch(/does not embed the article text/);
    const missing = await scholia('export', 'no-such-doc', '--library', await tempDir(), '--format', 'html', '--out', path.join(dir, 'x'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/There is no library at/);
  });
});

describe('scholia validate', () => {
  it('exits 0 on a valid tag file', async () => {
    const result = await scholia('validate', await tagFile(await tempDir()));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/a valid Scholia tag file v1 \(7 entities, 37 annotations, text embedded\)/);
  });

  it('prints each problem with its JSON path and exits 1', async () => {
    const dir = await tempDir();
    const file = JSON.parse(await readFile(await tagFile(dir), 'utf8'));
    file.annotations[0].target.start = -3;
    file.annotations[4].kind = 'highlight';
    file.surprise = true;
    const broken = path.join(dir, 'broken.json');
    await writeFile(broken, JSON.stringify(file));
    const result = await scholia('validate', broken);
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toContainEqual(expect.stringMatching(/^\$\.annotations\[0\]\.target\.start: /u));
    expect(lines).toContainEqual(expect.stringMatching(/^\$\.annotations\[4\]\.kind: /u));
    expect(lines).toContainEqual(expect.stringMatching(/^\$: Unrecognized key: "surprise"/u));
    expect(result.stderr).toMatch(new RegExp(`is not a valid tag file \\(${lines.length} problems\\)`, 'u'));
  });

  it('reports a file that is not JSON', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'x.json'), '{ nope');
    const result = await scholia('validate', path.join(dir, 'x.json'));
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^\$: .*x\.json is not readable JSON/u);
  });
});
