import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TAGSET } from '../../../shared/model/tagset.ts';
import { annotatedSampleDocument } from '../../../shared/testing/annotated-sample.ts';
import { checkedSampleDocument } from '../../../shared/testing/checked-sample.ts';
import { useTempDirs } from '../testing/temp-dir.ts';
import { exportDocument } from './export-document.ts';

const run = promisify(execFile);
const tempDir = useTempDirs();

/** The annotated sample with two checked claims: typed sources with access days, one archived. */
const document = checkedSampleDocument(
  annotatedSampleDocument(readFileSync(new URL('../../../assets/sample-article.txt', import.meta.url), 'utf8')),
);
const now = new Date('2026-02-01T10:30:00Z');

const ARCHIVED = 'Primary source, accessed 2026-01-30; archived 2026-01-30, SHA-256 3f2a9c1b';
const OFFICIAL = 'Official data, accessed 2026-01-31';

async function exported(format: 'html' | 'md' | 'docx' | 'pdf'): Promise<Uint8Array> {
  return (await exportDocument(document, DEFAULT_TAGSET, format, { annotator: 'A. Analyst', now })).bytes;
}

describe('a claim’s evidence in the reports', () => {
  it('shows each source’s type and access day beside its link and archived snapshot, in HTML', async () => {
    const html = strFromU8(await exported('html'));
    expect(html).toContain(
      '<span class="evidence-details">(<span class="evidence-facts">Primary source, accessed 2026-01-30</span>; <span class="archived" title="SHA-256 3f2a9c1b7d4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4">archived 2026-01-30, SHA-256 3f2a9c1b</span>)</span>',
    );
    expect(html).toContain(`<span class="evidence-details">(<span class="evidence-facts">${OFFICIAL}</span>)</span>`);
  });

  it('in Markdown', async () => {
    const markdown = strFromU8(await exported('md'));
    expect(markdown).toContain(
      `Evidence: [Outage log](<https://example.org/status/ep-outage>) (${ARCHIVED}) — Shows the site down from 14:10 CET.`,
    );
    expect(markdown).toContain(`(<https://example.org/multimedia-centre>) (${OFFICIAL})`);
  });

  it('in DOCX', async () => {
    const xml = strFromU8(unzipSync(await exported('docx'))['word/document.xml'] as Uint8Array);
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/gu)].map((t) => t[1]).join('');
    expect(text).toContain(`(${ARCHIVED})`);
    expect(text).toContain(`(${OFFICIAL})`);
  });

  it('in the PDF, which fits the checked sample on two A4 pages', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'report.pdf'), await exported('pdf'));
    const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', path.join(dir, 'report.pdf'), '-']);
    const text = stdout.replace(/\s+/gu, ' ');
    expect(text).toContain(ARCHIVED);
    expect(text).toContain(OFFICIAL);
    // Every claim, quote and note is still there.
    for (const tag of ['C7', 'Q7', 'N2', 'E21']) expect(text).toContain(tag);
    const { stdout: info } = await run('pdfinfo', [path.join(dir, 'report.pdf')]);
    expect(Number(/^Pages:\s+(\d+)/mu.exec(info)?.[1])).toBe(2);
  }, 60_000);
});
