import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ScholiaDocument } from '../model/document.ts';
import { DEFAULT_TAGSET } from '../model/tagset.ts';
import { annotatedSampleDocument } from '../testing/annotated-sample.ts';
import { renderHtmlReport } from './html-report.ts';
import { renderMarkdownReport } from './markdown-report.ts';
import { buildReport } from './report-model.ts';

const base = annotatedSampleDocument(readFileSync(new URL('../../assets/sample-article.txt', import.meta.url), 'utf8'));
const hostile = 'The log **shows** it.\n\n<script>alert("x")</script> <img src=x onerror=alert(1)> [go](javascript:alert(2))';
const sample: ScholiaDocument = {
  ...base,
  annotations: base.annotations.map((a) =>
    a.kind === 'claim' && a.target.exact.startsWith('was not affected')
      ? { ...a, rationale: hostile, checkedBy: 'Ana Pires', checkedOn: '2026-03-03', stage: 'published' }
      : a,
  ),
};

describe('a claim’s verdict record in the report', () => {
  const html = renderHtmlReport(buildReport(sample, DEFAULT_TAGSET, { generatedAt: '2026-03-04T10:00:00Z' }));
  const claims = html.slice(html.indexOf('<section id="claims">'), html.indexOf('<section id="quotes">'));
  const at = claims.indexOf('was not affected');
  const entry = claims.slice(claims.lastIndexOf('<li class="entry"', at), claims.indexOf('</li>', at) + 5);

  it('shows the stage, who checked it and when, and the rationale as safe HTML', () => {
    expect(entry).toContain('<span class="stage">Published</span>');
    expect(entry).toContain('Checked by Ana Pires on 3 March 2026');
    expect(entry).toContain('<strong>shows</strong>');
  });

  it('keeps a script, an onerror image and a javascript: link in a rationale as text', () => {
    expect(html).not.toMatch(/<script|<img|javascript:alert\(2\)"/u);
    expect(entry).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });

  it('numbers the claims C1… in their own sequence, whatever quotes and mentions come between', () => {
    const claims = [...html.matchAll(/<div class="num c-[a-z-]+"><a href="#m\d+" title="Back to the text">(C\d+)<\/a><\/div>/gu)].map(
      (m) => m[1],
    );
    expect(claims).toEqual(['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7']);
  });

  it('writes the rationale into Markdown as escaped plain text', () => {
    const markdown = renderMarkdownReport(buildReport(sample, DEFAULT_TAGSET, { generatedAt: '2026-03-04T10:00:00Z' }));
    expect(markdown).toContain('Rationale: The log shows it.');
    expect(markdown).toContain('\\<script\\>');
    expect(markdown).not.toContain('<script>');
    expect(markdown).toContain('Published');
    expect(markdown).toContain('Checked by Ana Pires on 3 March 2026');
  });
});
