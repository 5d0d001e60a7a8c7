import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TAGSET } from '../model/tagset.ts';
import { annotatedSampleDocument, documentFromRawText } from '../testing/annotated-sample.ts';
import { escapeMarkdown, renderMarkdownReport } from './markdown-report.ts';
import { buildReport } from './report-model.ts';

const sample = annotatedSampleDocument(readFileSync(new URL('../../assets/sample-article.txt', import.meta.url), 'utf8'));

describe('renderMarkdownReport', () => {
  const markdown = renderMarkdownReport(buildReport(sample, DEFAULT_TAGSET, { generatedAt: '2026-02-01T10:30:00.000Z' }));

  it('holds the same sections as the HTML report, in the same order', () => {
    const headings = markdown.split('\n').filter((line) => line.startsWith('## '));
    expect(headings).toEqual(['## Summary', '## Article', '## Claims', '## Quotes, by speaker', '## Entities', '## Notes']);
  });

  it('marks every annotated span in the article with its number, and lists each entry once, in order', () => {
    const article = markdown.slice(markdown.indexOf('## Article'), markdown.indexOf('## Claims'));
    const numbers = [...article.matchAll(/⟧\\\[(\d+)\\\]/gu)].map((m) => Number(m[1]));
    expect([...numbers].sort((a, b) => a - b)).toEqual(sample.annotations.map((_, i) => i + 1));
    expect((article.match(/⟦/gu) ?? []).length).toBe((article.match(/⟧/gu) ?? []).length);
    const claims = markdown.slice(markdown.indexOf('## Claims'), markdown.indexOf('## Quotes'));
    const claimNumbers = [...claims.matchAll(/^\*\*(\d+)\.\*\*/gmu)].map((m) => Number(m[1]));
    expect(claimNumbers).toHaveLength(7);
    expect(claimNumbers).toEqual([...claimNumbers].sort((a, b) => a - b));
    expect(claims).toContain('Verdict: **Mixed**');
    expect(claims).toContain('[Outage log](<https://example.org/status/ep-outage>)');
  });

  it('escapes text that would otherwise become Markdown or HTML', () => {
    expect(escapeMarkdown('<script>alert(1)</script> *bold* [x](javascript:y)')).toBe('\\<script\\>alert(1)\\</script\\> \\*bold\\* \\[x\\](javascript:y)');
    expect(escapeMarkdown('1. not a list')).toBe('1\\. not a list');
    const hostile = documentFromRawText('# Not a heading <img src=x onerror=alert(1)>', '<b>Title</b>');
    const out = renderMarkdownReport(buildReport(hostile, DEFAULT_TAGSET, {}));
    expect(out).toContain('# \\<b\\>Title\\</b\\>');
    expect(out).toContain('\\# Not a heading \\<img src=x onerror=alert(1)\\>');
  });
});
